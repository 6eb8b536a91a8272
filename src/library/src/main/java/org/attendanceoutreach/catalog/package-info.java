/**
 * The intervention catalog: every practice the rules may recommend (and the lower-impact ones a
 * school should move away from), with strategy, impact, default owner and source. Read from
 * {@code rules/catalog.json}.
 */
package org.attendanceoutreach.catalog;
