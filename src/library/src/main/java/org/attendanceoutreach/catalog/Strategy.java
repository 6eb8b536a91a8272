package org.attendanceoutreach.catalog;

/** The nine family-engagement strategies of the high-impact chart, in the chart's order. */
public enum Strategy {
    SUMMER_TRANSITION("summer transition"),
    ONGOING_OUTREACH("ongoing outreach"),
    PERSONAL_COMMUNICATIONS("personal communications"),
    RELATIONAL_HOME_VISITS("relational home visits"),
    HEALTH("health"),
    MENTORS("mentors"),
    STUDENT_OWNERSHIP("student ownership"),
    PARENT_LEADERS("parent leaders"),
    COMMUNITY_PARTNERS("community partners");

    private final String words;

    Strategy(String words) {
        this.words = words;
    }

    /** How a school would say it. */
    public String inWords() {
        return words;
    }
}
