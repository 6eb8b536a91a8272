package org.attendanceoutreach.school;

/** What came of an outreach attempt. */
public enum OutreachOutcome { REACHED, NO_ANSWER, WRONG_NUMBER, MESSAGE_LEFT }
