/**
 * Reading school files (contract sections 1, 2 and 4) strictly: every problem becomes an
 * {@link org.attendanceoutreach.result.InputProblem} that names the file, the student and the field,
 * never a value that could be personal data. One bad student never stops the others.
 */
package org.attendanceoutreach.read;
