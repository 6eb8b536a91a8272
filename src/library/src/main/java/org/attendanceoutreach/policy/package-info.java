/**
 * The policy numbers the rules compare against (tier cut-offs, minimum enrolled days, time windows),
 * read from {@code rules/policy.properties} so that policy staff change them without touching code.
 */
package org.attendanceoutreach.policy;
