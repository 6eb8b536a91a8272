package org.attendanceoutreach.catalog;

/** Who carries out a recommendation. */
public enum Owner {
    TEACHER, MENTOR, ATTENDANCE_TEAM, SCHOOL_NURSE, SOCIAL_WORKER, SITE_COORDINATOR, ADMINISTRATOR,
    PARENT_LEADER, COMMUNITY_PARTNER
}
