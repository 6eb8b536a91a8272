package org.attendanceoutreach.school;

/** Meetings a school can piggyback on. */
public enum MeetingType {
    IEP("IEP meeting"), SST("student success team meeting"),
    PARENT_TEACHER_CONFERENCE("parent-teacher conference"),
    CHILD_AND_FAMILY_TEAM("child and family team meeting"), OTHER("meeting");

    private final String words;

    MeetingType(String words) {
        this.words = words;
    }

    /** How a school would say it. */
    public String inWords() {
        return words;
    }
}
