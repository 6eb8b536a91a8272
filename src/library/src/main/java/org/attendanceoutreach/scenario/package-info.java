/** Scenario checks: school files with {@code expect} entries (contract section 4), run against the rules. */
package org.attendanceoutreach.scenario;
