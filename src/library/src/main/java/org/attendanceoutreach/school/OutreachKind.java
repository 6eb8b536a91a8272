package org.attendanceoutreach.school;

/** How staff reached out. */
public enum OutreachKind { PERSONAL_CALL, PERSONAL_TEXT, HOME_VISIT, LETTER, MEETING, AUTOMATED_CALL, EMAIL }
