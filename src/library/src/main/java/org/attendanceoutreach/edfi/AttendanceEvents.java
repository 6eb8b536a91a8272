package org.attendanceoutreach.edfi;

import com.fasterxml.jackson.databind.JsonNode;
import org.attendanceoutreach.edfi.DescriptorMap.Kind;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.read.Shown;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attendance exceptions ({@code studentSchoolAttendanceEvents.json}): only what differs from
 * "present" needs a record. Each student's events become one absence per day: the one that counts most
 * when a day has several (a day missed over a tardy, then the larger share of the day).
 */
final class AttendanceEvents {
    /** One event, as given. */
    record Event(int index, String student, String school, String date, String category, JsonNode duration, AbsenceReason reason) {
        /** The day, or null when it cannot be read (the student then gets the error). */
        LocalDate day() {
            try {
                return Fields.date(date);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** A student's absences, and how many events were left out as belonging to another enrolment. */
    record Absences(List<Absence> absences, int outside) {
    }

    private AttendanceEvents() {
    }

    static List<Event> read(ResourceFolder folder, DescriptorMap descriptors) throws SchoolFileException {
        List<Event> out = new ArrayList<>();
        folder.each(EdFiReader.EVENTS, true, (i, n) -> {
            String student = Fields.text(n, "studentReference", "studentUniqueId");
            String school = Fields.id(n, "schoolReference", "schoolId");
            if (student == null || school == null) {
                folder.warn(EdFiReader.EVENTS, i, "no studentReference.studentUniqueId or schoolReference.schoolId; skipped");
                return;
            }
            out.add(new Event(i, student, school, Fields.text(n, "eventDate"), Fields.text(n, "attendanceEventCategoryDescriptor"),
                    n.get("eventDuration"), descriptors.reason(Fields.text(n, "attendanceEventReason"))));
        });
        return out;
    }

    /**
     * A student's events as absences, checked against the enrolment and the calendar.
     *
     * @param otherEnrollments whether the student has other enrolments at the school (then an event
     *                         outside this one is left out and counted, rather than an error)
     * @throws Problem naming the event and field that cannot be used
     */
    static Absences absences(List<Event> events, DescriptorMap descriptors, Enrollments.Chosen enrollment,
                             boolean otherEnrollments, SchoolCalendar calendar) {
        LocalDate entry = enrollment.entry();
        LocalDate exit = enrollment.exit();
        Map<LocalDate, Absence> byDay = new TreeMap<>();
        int outside = 0;
        for (Event e : events) {
            String at = "[" + e.index() + "]";
            LocalDate day = Fields.requiredDate(EdFiReader.EVENTS, e.index(), "eventDate", e.date());
            String value = descriptors.map(Kind.ATTENDANCE_EVENT_CATEGORY, e.category(), EdFiReader.EVENTS,
                    at + ".attendanceEventCategoryDescriptor");
            if (value.equals("PRESENT")) {
                continue;
            }
            if (day.isBefore(entry) || (exit != null && day.isAfter(exit))) {
                if (otherEnrollments) {
                    outside++;
                    continue;
                }
                throw new Problem(EdFiReader.EVENTS, at + ".eventDate", day + " is outside the student's enrollment (entryDate " + entry
                        + (exit == null ? "" : ", exitWithdrawDate " + exit) + " in " + EdFiReader.ASSOCIATIONS + ")");
            }
            if (!calendar.isInstructionalDay(day)) {
                throw new Problem(EdFiReader.EVENTS, at + ".eventDate", day + " is not an instructional day ("
                        + (SchoolCalendars.weekend(day) ? "a " + day.getDayOfWeek().toString().toLowerCase(Locale.ROOT)
                        : day.isBefore(calendar.firstDay()) || day.isAfter(calendar.lastDay())
                        ? "outside the school year " + calendar.firstDay() + " to " + calendar.lastDay()
                        : "not instructional in the school's calendar") + ")");
            }
            AbsenceType type;
            double portion = 1.0;
            if (value.equals("PARTIAL")) {
                type = AbsenceType.UNEXCUSED;
                Double d = duration(e, at);
                if (d == null) {
                    throw new Problem(EdFiReader.EVENTS, at + ".eventDuration",
                            "is required for a Partial event: the share of the day missed (0.5 for half a day)");
                }
                portion = d;
            } else {
                type = AbsenceType.valueOf(value);
                if (type.isDayMissed()) {
                    Double d = duration(e, at);
                    portion = d == null ? 1.0 : d;
                }
            }
            Absence a = new Absence(day, type, type.isDayMissed() ? e.reason() : null, portion);
            byDay.merge(day, a, AttendanceEvents::countsMore);
        }
        return new Absences(new ArrayList<>(byDay.values()), outside);
    }

    /** Of two records for one day, the one that counts most: a day missed over a tardy, then the larger portion, then the first. */
    private static Absence countsMore(Absence a, Absence b) {
        if (a.isDayMissed() != b.isDayMissed()) {
            return a.isDayMissed() ? a : b;
        }
        return b.portion() > a.portion() ? b : a;
    }

    private static Double duration(Event e, String at) {
        JsonNode d = e.duration();
        if (d == null || d.isNull()) {
            return null;
        }
        if (!d.isNumber() || !(d.asDouble() > 0 && d.asDouble() <= 1)) {
            throw new Problem(EdFiReader.EVENTS, at + ".eventDuration",
                    (d.isNumber() ? Shown.number(d.asDouble()) : "a " + d.getNodeType().toString().toLowerCase(Locale.ROOT))
                    + " is outside the range for an absence: more than 0 and at most 1 (1 = a whole day, 0.5 = half a day)");
        }
        return d.asDouble();
    }
}
