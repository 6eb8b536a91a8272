/**
 * Reading a school from CSV exports: {@link org.attendanceoutreach.csv.CsvSchoolReader} turns a roster,
 * a daily attendance file and a school header into a {@link org.attendanceoutreach.read.SchoolFile};
 * {@link org.attendanceoutreach.csv.AttendanceCodes} says what the attendance codes mean.
 */
package org.attendanceoutreach.csv;
