package org.attendanceoutreach;

import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.Intervention;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.Meeting;
import org.attendanceoutreach.school.MeetingType;
import org.attendanceoutreach.school.Mentor;
import org.attendanceoutreach.school.OutreachKind;
import org.attendanceoutreach.school.OutreachOutcome;
import org.attendanceoutreach.school.OutreachRecord;
import org.attendanceoutreach.school.PhoneStatus;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;
import org.attendanceoutreach.school.StudentContext;
import org.quicktheories.core.Gen;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Generated schools and students for the property tests. The parts that matter most to the policy
 * (how many absences, where "today" falls, the context flags) are generated directly, so they
 * shrink; the details (which days, which reasons) come from a seeded random source.
 */
final class Generated {
    private static final List<String> LANGUAGES = List.of("en", "en-US", "es", "es-MX", "zh-Hant", "vi", "ar");

    /** A school on some day of its year, and one of its students. */
    record Case(School school, Student student) {
        @Override
        public String toString() {
            return "Case[asOf=" + school.asOf() + ", student=" + student.studentId() + ", absences="
                    + student.absences().size() + ", context=" + student.context() + ", contacts=" + student.contacts() + "]";
        }
    }

    private Generated() {
    }

    static Gen<Case> cases() {
        return longs().all().zip(integers().between(0, 80), integers().between(-20, 230), integers().between(0, 255),
                Generated::build);
    }

    /** As {@link #cases()}, with "today" anywhere from the summer before to a few weeks after the last day. */
    static Gen<Case> casesAllYear() {
        return longs().all().zip(integers().between(0, 80), integers().between(-20, 310), integers().between(0, 255),
                Generated::build);
    }

    /** As {@link #cases()}, with "today" in the last weeks of the year or just after it. */
    static Gen<Case> casesNearTheEnd() {
        return longs().all().zip(integers().between(0, 80), integers().between(250, 300), integers().between(0, 255),
                Generated::build);
    }

    static Case build(long seed, int absenceCount, int asOfOffset, int flags) {
        Random r = new Random(seed);
        LocalDate first = LocalDate.of(2026, 9, 1).plusDays(r.nextInt(14));
        while (first.getDayOfWeek().getValue() >= 6) {
            first = first.plusDays(1);
        }
        LocalDate last = first.plusDays(270 + r.nextInt(20));
        Set<LocalDate> closed = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            closed.add(first.plusDays(10 + r.nextInt(250)));
        }
        SchoolCalendar calendar = new SchoolCalendar(first, last, closed);
        LocalDate asOf = first.plusDays(asOfOffset);
        String schoolLanguage = r.nextInt(10) == 0 ? "es" : "en";
        School school = new School("GEN-" + (seed & 0xff), asOf, calendar, schoolLanguage, List.of());

        List<LocalDate> days = new ArrayList<>(calendar.instructionalDays());
        LocalDate enrolledOn = r.nextInt(6) == 0 ? days.get(r.nextInt(Math.min(days.size(), 120))) : null;
        LocalDate withdrawal = r.nextInt(15) == 0 ? days.get(days.size() / 2 + r.nextInt(days.size() / 2)) : null;
        // a withdrawal is after the enrolment, as every reader and the engine require
        LocalDate withdrawnOn = withdrawal != null && enrolledOn != null && !withdrawal.isAfter(enrolledOn) ? null : withdrawal;
        List<LocalDate> eligible = days.stream()
                .filter(d -> enrolledOn == null || !d.isBefore(enrolledOn))
                .filter(d -> withdrawnOn == null || d.isBefore(withdrawnOn))
                .filter(d -> !d.isAfter(asOf.plusDays(10)))
                .toList();
        List<LocalDate> chosen = new ArrayList<>(eligible);
        // absences cluster: often include today and the days just before it
        Collections.shuffle(chosen, r);
        List<LocalDate> pick = new ArrayList<>(chosen.subList(0, Math.min(absenceCount, chosen.size())));
        if ((flags & 1) != 0 && eligible.contains(asOf) && !pick.contains(asOf)) {
            pick.add(asOf);
        }
        // now and then a run of school days missed in a row, up to today
        Set<LocalDate> run = new HashSet<>();
        if (r.nextInt(3) == 0 && eligible.contains(asOf)) {
            int end = eligible.indexOf(asOf);
            for (int i = Math.max(0, end - 3 - r.nextInt(7)); i <= end; i++) {
                run.add(eligible.get(i));
                if (!pick.contains(eligible.get(i))) {
                    pick.add(eligible.get(i));
                }
            }
        }
        List<Absence> absences = new ArrayList<>();
        for (LocalDate d : pick) {
            AbsenceType type = AbsenceType.values()[r.nextInt(AbsenceType.values().length)];
            if (d.equals(asOf) && r.nextBoolean()) {
                type = AbsenceType.UNEXCUSED; // today's absence: often one without a valid reason
            } else if (run.contains(d) && !type.isDayMissed()) {
                type = AbsenceType.UNEXCUSED; // a run is of days missed
            }
            AbsenceReason reason = r.nextInt(4) == 0 ? null : AbsenceReason.values()[r.nextInt(AbsenceReason.values().length)];
            double portion = r.nextInt(8) == 0 ? 0.5 : 1.0;
            absences.add(new Absence(d, type, reason, portion));
        }
        boolean foster = (flags & 2) != 0;
        StudentContext context = new StudentContext(foster, r.nextBoolean(), r.nextBoolean(),
                LANGUAGES.get(r.nextInt(LANGUAGES.size())), (flags & 4) != 0, (flags & 8) != 0, (flags & 16) != 0);
        List<Contact> contacts = new ArrayList<>();
        int contactCount = r.nextInt(4);
        for (int i = 0; i < contactCount; i++) {
            ContactRole role = ContactRole.values()[r.nextInt(ContactRole.values().length)];
            if (foster && i == 0 && (flags & 32) != 0) {
                role = ContactRole.EDUCATION_DECISION_MAKER;
            }
            contacts.add(new Contact(role, "relative", "Name " + i, r.nextInt(5) == 0 ? null : "555-01" + i,
                    PhoneStatus.values()[r.nextInt(PhoneStatus.values().length)],
                    r.nextBoolean() ? null : LANGUAGES.get(r.nextInt(LANGUAGES.size()))));
        }
        Mentor mentor = (flags & 64) == 0 ? null
                : new Mentor(first.plusDays(r.nextInt(120)), r.nextBoolean() ? first.plusDays(r.nextInt(150)) : null);
        List<Meeting> meetings = new ArrayList<>();
        if ((flags & 128) != 0) {
            meetings.add(new Meeting(MeetingType.values()[r.nextInt(MeetingType.values().length)], asOf.plusDays(r.nextInt(40) - 5)));
        }
        List<OutreachRecord> outreach = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            outreach.add(new OutreachRecord(asOf.minusDays(r.nextInt(60)), OutreachKind.values()[r.nextInt(OutreachKind.values().length)],
                    OutreachOutcome.values()[r.nextInt(OutreachOutcome.values().length)], r.nextBoolean()));
        }
        if (r.nextInt(5) == 0) {
            // a letter home lately
            outreach.add(new OutreachRecord(asOf.minusDays(r.nextInt(20)), OutreachKind.LETTER, null, false));
        }
        if (r.nextInt(8) == 0) {
            // a call already logged today
            outreach.add(new OutreachRecord(asOf, OutreachKind.PERSONAL_CALL,
                    OutreachOutcome.values()[r.nextInt(OutreachOutcome.values().length)], r.nextBoolean()));
        }
        Double prior = r.nextInt(3) == 0 ? null : Math.round(r.nextDouble() * 0.35 * 100) / 100.0;
        String[] grades = {"PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"};
        Student student = new Student("G-" + Long.toHexString(seed), r.nextInt(10) == 0 ? null : grades[r.nextInt(grades.length)],
                enrolledOn, withdrawnOn, context, contacts, absences, prior, mentor, meetings, outreach,
                interventions(new Random(seed ^ 0x5eed5eedL), days, asOf));
        return new Case(school, student);
    }

    /** Supports the generated students may have in place: tier 2 (the first four) and tier 3. */
    static final List<String> SUPPORTS = List.of("success-mentor", "student-attendance-success-plan", "nurse-health-attendance-plan",
            "family-help-bank", "escalate-to-attendance-team", "community-resource-connection");

    /**
     * About half the students have one or two supports on record, started on a school day from the
     * first weeks to a little after today, most still running, some ended (before or after today).
     * Drawn from a random source of their own, so the rest of a case is what it was before supports.
     */
    private static List<Intervention> interventions(Random r, List<LocalDate> days, LocalDate asOf) {
        List<Intervention> out = new ArrayList<>();
        if (r.nextBoolean()) {
            return out;
        }
        List<String> ids = new ArrayList<>(SUPPORTS);
        Collections.shuffle(ids, r);
        int today = 0;
        while (today < days.size() - 1 && !days.get(today + 1).isAfter(asOf)) {
            today++;
        }
        for (int k = 0, n = 1 + r.nextInt(2); k < n; k++) {
            LocalDate start = r.nextInt(4) == 0 ? days.get(0) : days.get(Math.max(0, Math.min(days.size() - 1, r.nextInt(today + 12))));
            LocalDate end = r.nextInt(5) == 0 ? start.plusDays(5 + r.nextInt(60)) : null;
            out.add(new Intervention(ids.get(k), start, end));
        }
        return out;
    }

    /** An instructional day of the student's enrolment, up to today, that has no absence yet (null: none). */
    static LocalDate freeDay(Case c, long salt) {
        List<LocalDate> free = new ArrayList<>();
        Set<LocalDate> taken = new HashSet<>();
        c.student().absences().forEach(a -> taken.add(a.date()));
        for (LocalDate d : c.school().calendar().instructionalDays()) {
            boolean enrolled = (c.student().enrolledOn() == null || !d.isBefore(c.student().enrolledOn()))
                    && (c.student().withdrawnOn() == null || d.isBefore(c.student().withdrawnOn()));
            if (enrolled && !d.isAfter(c.school().asOf()) && !taken.contains(d)) {
                free.add(d);
            }
        }
        return free.isEmpty() ? null : free.get((int) Math.floorMod(salt, (long) free.size()));
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
