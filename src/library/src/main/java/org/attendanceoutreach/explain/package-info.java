/**
 * Explaining one student's evaluation: the facts, every rule that fired in order, and the rules
 * that came close (all conditions but one held).
 */
package org.attendanceoutreach.explain;
