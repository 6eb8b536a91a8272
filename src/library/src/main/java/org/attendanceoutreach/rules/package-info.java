/**
 * Loading, checking and compiling the rule folder ({@code *.drl}, {@code catalog.json},
 * {@code policy.properties}) into an immutable, shareable {@link org.attendanceoutreach.rules.RuleSet},
 * and the small vocabulary rule consequences use ({@link org.attendanceoutreach.rules.Advice}).
 */
package org.attendanceoutreach.rules;
