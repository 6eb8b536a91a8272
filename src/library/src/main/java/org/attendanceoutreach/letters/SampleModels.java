package org.attendanceoutreach.letters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A made-up family, with every optional part present, for rendering templates in checks. */
final class SampleModels {
    private SampleModels() {
    }

    static Map<String, Object> of(LetterTemplates.Kind kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolName", "Lakeside Elementary");
        m.put("schoolPhone", "555-0100");
        m.put("contactPerson", "Ms. Rivera");
        m.put("childName", "Sam");
        m.put("childFullName", "Sam Lee");
        m.put("familyName", "Alex Lee");
        m.put("daysMissed", "9");
        m.put("schoolDaysSoFar", "52");
        m.put("date", "November 20, 2026");
        m.put("familyLanguage", "English");
        switch (kind) {
            case LETTER -> {
                m.put("comparison", "yes");
                m.put("typicalDaysMissed", "3");
            }
            case TEXT -> {
                m.put("schoolDaysSince", "5");
                m.put("daysAttendedSince", "5");
                m.put("everyDay", "yes");
            }
            default -> {
                m.put("relationship", "mother");
                m.put("absentToday", "yes");
                m.put("personal-call-home", "yes");
                m.put("reasons", List.of(Map.of("reason", "absent today (UNEXCUSED)")));
            }
        }
        return m;
    }
}
