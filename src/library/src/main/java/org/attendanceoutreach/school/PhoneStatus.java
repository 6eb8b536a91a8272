package org.attendanceoutreach.school;

/** What the school knows of a contact's phone number. */
public enum PhoneStatus { WORKING, DISCONNECTED, WRONG_NUMBER, UNKNOWN }
