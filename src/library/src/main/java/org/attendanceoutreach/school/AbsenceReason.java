package org.attendanceoutreach.school;

/** Why a student was absent, when the school knows. */
public enum AbsenceReason { ILLNESS, MEDICAL, TRANSPORTATION, FAMILY, HOUSING, DISCIPLINE, OTHER, UNKNOWN }
