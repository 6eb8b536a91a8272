/**
 * What a school knows about a student, as read from a school file: immutable records with the
 * contract's names. Nothing here is computed; see {@code org.attendanceoutreach.facts} for that.
 */
package org.attendanceoutreach.school;
