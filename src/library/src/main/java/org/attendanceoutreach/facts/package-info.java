/**
 * Attendance facts computed in Java before the rules run (days enrolled and missed, absent today,
 * runs of absences, the contact to reach, …). The rules only decide; they never count.
 */
package org.attendanceoutreach.facts;
