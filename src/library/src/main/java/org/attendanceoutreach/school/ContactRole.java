package org.attendanceoutreach.school;

/** Whom the school reaches. For a student in foster care the Education Decision Maker comes first. */
public enum ContactRole { PARENT, GUARDIAN, EDUCATION_DECISION_MAKER, OTHER }
