package org.attendanceoutreach.school;

/** What the school knows of a student's circumstances. {@code homeLanguage} is a BCP 47 tag. */
public record StudentContext(boolean fosterCare, boolean iep, boolean englishLearner, String homeLanguage,
                             boolean homeless, boolean juvenileJustice, boolean newToSchool) {
    /** No flags, English at home. */
    public static final StudentContext NONE = new StudentContext(false, false, false, "en", false, false, false);

    public StudentContext {
        homeLanguage = homeLanguage == null || homeLanguage.isBlank() ? "en" : homeLanguage;
    }
}
