package org.attendanceoutreach.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A synthetic school district, the same for the same seed: one school year of {@code days}
 * instructional days, evaluated on its last day, and any number of students with a realistic mix:
 * about half with good attendance, a quarter at risk, a quarter chronically absent (moderate and
 * severe), runs of absences (some up to the last day), winter illness clusters, partial days,
 * tardies, foster care with an Education Decision Maker (or without one on file), IEPs and their
 * meetings, ten home languages, missing, disconnected and wrong phone numbers, mentors, outreach
 * already done, supports in place ({@code interventions[]}: about half of the chronically absent
 * students have one or two), late enrolments and withdrawals.
 *
 * <p>Student {@code i} depends only on the seed and {@code i}: the first thousand students of a
 * million-student district are the thousand-student district. Names and phone numbers are made up
 * ({@code Family 000123}, {@code 555-xxxx}).
 *
 * <p>Formats: a school file ({@link Format#JSON}, contract section 1) or JSON lines
 * ({@link Format#JSONL}): line 1 the school without {@code students}, then one student per line.
 */
public final class DistrictGenerator {
    /** The output formats. */
    public enum Format { JSON, JSONL }

    /** The calendar's first day: the Tuesday after Labor Day 2025. */
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 9, 2);

    private static final String[] GRADES = {"PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"};
    private static final String[] LANGUAGES = {"en", "es", "zh-Hant", "vi", "ar", "so", "ht", "tl", "ru", "pt-BR"};
    private static final double[] LANGUAGE_SHARE = {0.68, 0.20, 0.025, 0.025, 0.02, 0.01, 0.01, 0.01, 0.01, 0.01};
    private static final String[] REASONS = {"ILLNESS", "MEDICAL", "TRANSPORTATION", "FAMILY", "HOUSING", "OTHER", "UNKNOWN", "DISCIPLINE"};
    private static final double[] REASON_SHARE = {0.36, 0.08, 0.10, 0.13, 0.02, 0.08, 0.05}; // rest: no reason
    private static final String[] EDM_RELATIONSHIPS = {"foster parent", "education surrogate", "group home coordinator", "relative caregiver"};
    private static final String[] PARENT_RELATIONSHIPS = {"mother", "father", "stepmother", "stepfather"};
    private static final String[] OUTREACH_KINDS = {"PERSONAL_CALL", "PERSONAL_TEXT", "LETTER", "AUTOMATED_CALL", "EMAIL", "HOME_VISIT"};
    private static final String[] OUTCOMES = {"REACHED", "REACHED", "NO_ANSWER", "MESSAGE_LEFT", "WRONG_NUMBER"};
    /** Supports a school puts in place (catalog ids): tier 2 mostly, a few of tier 3. */
    private static final String[] SUPPORTS = {"student-attendance-success-plan", "success-mentor", "nurse-health-attendance-plan",
            "family-help-bank", "community-resource-connection", "escalate-to-attendance-team"};

    private static final JsonFactory JSON = new JsonFactory();

    private final long seed;
    private final LocalDate[] days;
    private final String[] dayText;
    private final SchoolCalendar calendar;
    private final School school;

    /**
     * @param seed            the same seed gives the same district, byte for byte
     * @param instructionalDays the length of the school year in instructional days (1 … 250); the
     *                        district is evaluated on the last of them
     */
    public DistrictGenerator(long seed, int instructionalDays) {
        if (instructionalDays < 1 || instructionalDays > 250) {
            throw new IllegalArgumentException("instructional days must be 1 … 250, was " + instructionalDays);
        }
        this.seed = seed;
        Set<LocalDate> holidays = holidays();
        List<LocalDate> list = new ArrayList<>();
        Set<LocalDate> closed = new LinkedHashSet<>();
        for (LocalDate d = FIRST_DAY; list.size() < instructionalDays; d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            if (holidays.contains(d)) {
                closed.add(d);
            } else {
                list.add(d);
            }
        }
        this.days = list.toArray(new LocalDate[0]);
        this.dayText = new String[days.length];
        for (int i = 0; i < days.length; i++) {
            dayText[i] = days[i].toString();
        }
        LocalDate last = days[days.length - 1];
        this.calendar = new SchoolCalendar(FIRST_DAY, last, closed);
        this.school = new School("DISTRICT-" + Long.toHexString(seed), last, calendar, "en", List.of());
    }

    /** The school (calendar, asOf = the last instructional day, staff language {@code en}). */
    public School school() {
        return school;
    }

    /** Writes {@code students} students to a file (replacing it). */
    public void write(int students, Format format, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            write(students, format, os);
        }
    }

    /** Writes {@code students} students to a stream (left open). */
    public void write(int students, Format format, OutputStream out) throws IOException {
        if (students < 0) {
            throw new IllegalArgumentException("students must be 0 or more, was " + students);
        }
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null);
            g.writeStartObject();
            g.writeStringField("schoolId", school.schoolId());
            g.writeStringField("asOf", school.asOf().toString());
            g.writeObjectFieldStart("calendar");
            g.writeStringField("firstDay", calendar.firstDay().toString());
            g.writeStringField("lastDay", calendar.lastDay().toString());
            g.writeArrayFieldStart("closedDays");
            for (LocalDate d : calendar.closedDays().stream().sorted().toList()) {
                g.writeString(d.toString());
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("schoolLanguage", school.schoolLanguage());
            if (format == Format.JSONL) {
                g.writeEndObject();
                g.writeRaw('\n');
                for (int i = 0; i < students; i++) {
                    student(g, i);
                    g.writeRaw('\n');
                }
            } else {
                g.writeArrayFieldStart("students");
                for (int i = 0; i < students; i++) {
                    g.writeRaw('\n');
                    student(g, i);
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
    }

    /** The id of student {@code i}. */
    public static String studentId(int i) {
        String n = Integer.toString(i + 1);
        return "S-" + "0000000".substring(Math.min(7, n.length())) + n;
    }

    private void student(JsonGenerator g, int index) throws IOException {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL);
        int n = days.length;
        String grade = GRADES[r.nextInt(GRADES.length)];
        boolean secondary = grade.length() == 2 || grade.charAt(0) >= '6' && grade.charAt(0) <= '9';

        // enrolment: most from the first day; some later in the year, a few withdraw
        int from = 0;
        boolean newToSchool = r.nextDouble() < 0.05;
        if (r.nextDouble() < 0.08 && n > 10) {
            from = 1 + r.nextInt(Math.max(1, (int) (n * 0.6)));
            newToSchool = true;
        }
        int to = n - 1; // last enrolled day index
        Integer withdrawn = null;
        if (r.nextDouble() < 0.02 && n - 1 > from + 1) {
            withdrawn = from + 1 + r.nextInt(n - 1 - from);
            to = withdrawn - 1;
        }

        // how often this student misses school: about a quarter chronically absent
        double u = r.nextDouble();
        double rate = u < 0.52 ? r.nextDouble() * 0.04
                : u < 0.76 ? 0.045 + r.nextDouble() * 0.045
                : u < 0.91 ? 0.095 + r.nextDouble() * 0.09
                : 0.19 + r.nextDouble() * 0.25;
        boolean chronicKind = u >= 0.76;

        boolean foster = r.nextDouble() < 0.015;
        boolean homeless = r.nextDouble() < 0.03;
        boolean iep = r.nextDouble() < 0.14;
        boolean juvenile = secondary && r.nextDouble() < 0.01;
        String language = pick(r, LANGUAGES, LANGUAGE_SHARE);
        boolean englishLearner = !language.equals("en") && r.nextDouble() < 0.6;

        // the days: an entry per instructional day at most
        byte[] type = new byte[n];      // 0 none, 1 EXCUSED, 2 UNEXCUSED, 3 SUSPENSION, 4 TARDY, 5 EARLY_DEPARTURE
        byte[] reason = new byte[n];    // 0 none, else REASONS[reason - 1]
        boolean[] half = new boolean[n];
        for (int d = from; d <= to; d++) {
            Month m = days[d].getMonth();
            double season = m == Month.DECEMBER || m == Month.JANUARY || m == Month.FEBRUARY ? 1.3
                    : m == Month.SEPTEMBER ? 0.8 : 1.0;
            DayOfWeek w = days[d].getDayOfWeek();
            double weekday = w == DayOfWeek.MONDAY || w == DayOfWeek.FRIDAY ? 1.15 : 0.9;
            if (r.nextDouble() < rate * season * weekday) {
                double t = r.nextDouble();
                type[d] = (byte) (t < 0.50 ? 1 : t < (secondary ? 0.97 : 0.99) ? 2 : 3);
                double q = r.nextDouble();
                double acc = 0;
                for (int k = 0; k < REASON_SHARE.length; k++) {
                    acc += REASON_SHARE[k] * (k == 4 && homeless ? 6 : 1);
                    if (q < acc) {
                        reason[d] = (byte) (k + 1);
                        break;
                    }
                }
                if (type[d] == 3) {
                    reason[d] = 8; // DISCIPLINE
                }
                half[d] = r.nextDouble() < 0.08;
            } else if (r.nextDouble() < 0.025) {
                type[d] = (byte) (r.nextBoolean() ? 4 : 5);
            }
        }
        // winter illness clusters: two to four days in a row, excused, ill
        int clusters = r.nextDouble() < 0.3 ? 1 + r.nextInt(2) : 0;
        for (int c = 0; c < clusters && to - from >= 4; c++) {
            int start = from + r.nextInt(to - from - 2);
            int length = 2 + r.nextInt(3);
            for (int d = 0; d < length && start + d <= to; d++) {
                Month m = days[start].getMonth();
                if (c == 0 && !(m == Month.DECEMBER || m == Month.JANUARY || m == Month.FEBRUARY) && r.nextBoolean()) {
                    break;
                }
                type[start + d] = 1;
                reason[start + d] = 1;
                half[start + d] = false;
            }
        }
        // runs of absences: some end on the last day, so they are still going on "today"
        if (r.nextDouble() < (chronicKind ? 0.15 : 0.03) && to - from >= 12) {
            int length = 3 + r.nextInt(10);
            // (bound at least 1: a student enrolled for exactly 12 days and a run of 12 once made nextInt(0) throw)
            int end = r.nextInt(3) == 0 ? to : from + length + r.nextInt(Math.max(1, to - from - length));
            for (int d = Math.max(from, end - length + 1); d <= end; d++) {
                type[d] = 2;
                reason[d] = (byte) (r.nextBoolean() ? 4 : homeless ? 5 : 7);
                half[d] = false;
            }
        }

        g.writeStartObject();
        g.writeStringField("studentId", studentId(index));
        g.writeStringField("grade", grade);
        if (from > 0) {
            g.writeStringField("enrolledOn", dayText[from]);
        }
        if (withdrawn != null) {
            g.writeStringField("withdrawnOn", dayText[withdrawn]);
        }
        g.writeObjectFieldStart("context");
        g.writeBooleanField("fosterCare", foster);
        g.writeBooleanField("iep", iep);
        g.writeBooleanField("englishLearner", englishLearner);
        g.writeStringField("homeLanguage", language);
        g.writeBooleanField("homeless", homeless);
        g.writeBooleanField("juvenileJustice", juvenile);
        g.writeBooleanField("newToSchool", newToSchool);
        g.writeEndObject();

        g.writeArrayFieldStart("contacts");
        if (foster) {
            if (r.nextDouble() < 0.85) {
                contact(g, r, index, "EDUCATION_DECISION_MAKER", EDM_RELATIONSHIPS[r.nextInt(EDM_RELATIONSHIPS.length)],
                        r.nextDouble() < 0.2 ? "en" : null);
            }
            if (r.nextBoolean()) {
                contact(g, r, index, "PARENT", PARENT_RELATIONSHIPS[r.nextInt(PARENT_RELATIONSHIPS.length)], null);
            }
        } else if (r.nextDouble() < 0.99) {
            contact(g, r, index, r.nextDouble() < 0.93 ? "PARENT" : "GUARDIAN",
                    PARENT_RELATIONSHIPS[r.nextInt(PARENT_RELATIONSHIPS.length)], null);
            if (r.nextBoolean()) {
                contact(g, r, index, "PARENT", PARENT_RELATIONSHIPS[r.nextInt(PARENT_RELATIONSHIPS.length)],
                        !language.equals("en") && r.nextDouble() < 0.15 ? "en" : null);
            }
            if (r.nextDouble() < 0.1) {
                contact(g, r, index, "OTHER", "grandparent", null);
            }
        }
        g.writeEndArray();

        g.writeArrayFieldStart("absences");
        for (int d = from; d <= to; d++) {
            if (type[d] == 0) {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("date", dayText[d]);
            g.writeStringField("type", switch (type[d]) {
                case 1 -> "EXCUSED";
                case 2 -> "UNEXCUSED";
                case 3 -> "SUSPENSION";
                case 4 -> "TARDY";
                default -> "EARLY_DEPARTURE";
            });
            if (reason[d] != 0 && type[d] <= 3) {
                g.writeStringField("reason", REASONS[reason[d] - 1]);
            }
            if (half[d] && type[d] <= 3) {
                g.writeNumberField("portion", 0.5);
            }
            g.writeEndObject();
        }
        g.writeEndArray();

        if (r.nextDouble() < 0.85) {
            double prior = Math.max(0, Math.min(1, rate + (r.nextDouble() - 0.5) * 0.08));
            g.writeNumberField("priorYearAbsenceRate", Math.round(prior * 1000) / 1000.0);
        }
        boolean mentored = chronicKind && r.nextDouble() < 0.45 && to > from;
        if (mentored) {
            int assigned = from + r.nextInt(to - from + 1);
            g.writeObjectFieldStart("mentor");
            g.writeStringField("assignedOn", dayText[assigned]);
            if (r.nextDouble() < 0.6) {
                g.writeStringField("familyIntroducedOn", dayText[Math.min(n - 1, assigned + r.nextInt(6))]);
            }
            g.writeEndObject();
        }
        if ((iep && r.nextDouble() < 0.4) || r.nextDouble() < 0.05) {
            g.writeArrayFieldStart("meetings");
            g.writeStartObject();
            g.writeStringField("type", iep ? "IEP" : foster ? "CHILD_AND_FAMILY_TEAM" : r.nextBoolean() ? "SST" : "PARENT_TEACHER_CONFERENCE");
            g.writeStringField("date", school.asOf().plusDays(r.nextInt(40) - 10).toString());
            g.writeEndObject();
            g.writeEndArray();
        }
        int outreach = r.nextInt(4);
        if (outreach > 0) {
            g.writeArrayFieldStart("outreach");
            for (int k = 0; k < outreach; k++) {
                g.writeStartObject();
                g.writeStringField("date", dayText[from + r.nextInt(to - from + 1)]);
                g.writeStringField("kind", OUTREACH_KINDS[r.nextInt(OUTREACH_KINDS.length)]);
                g.writeStringField("outcome", OUTCOMES[r.nextInt(OUTCOMES.length)]);
                g.writeBooleanField("positive", r.nextDouble() < 0.4);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        supports(g, r, from, to, chronicKind, rate, mentored);
        g.writeEndObject();
    }

    /**
     * Supports in place ({@code interventions[]}): what a school that records them has put in place
     * for students who miss many days. About half of the chronically absent students have one or two,
     * one in eight of those at risk, one in fifty of the rest; each started on one of the student's
     * school days, one in six has ended (some before the evaluation day). A student with a mentor on
     * record does not also get a success mentor here. Drawn after everything else, so the rest of a
     * student is what it was before supports.
     */
    private void supports(JsonGenerator g, SplittableRandom r, int from, int to, boolean chronicKind, double rate, boolean mentored)
            throws IOException {
        double share = chronicKind ? 0.5 : rate >= 0.045 ? 0.125 : 0.02;
        if (to < from || r.nextDouble() >= share) {
            return;
        }
        int n = 1 + (r.nextDouble() < 0.3 ? 1 : 0);
        int first = r.nextInt(SUPPORTS.length);
        g.writeArrayFieldStart("interventions");
        for (int k = 0, written = 0; k < SUPPORTS.length && written < n; k++) {
            String id = SUPPORTS[(first + k) % SUPPORTS.length];
            if (mentored && id.equals("success-mentor")) {
                continue;
            }
            int start = from + r.nextInt(to - from + 1);
            g.writeStartObject();
            g.writeStringField("intervention", id);
            g.writeStringField("startedOn", dayText[start]);
            if (r.nextDouble() < 1.0 / 6) {
                g.writeStringField("endedOn", dayText[Math.min(days.length - 1, start + 5 + r.nextInt(40))]);
            }
            g.writeEndObject();
            written++;
        }
        g.writeEndArray();
    }

    private static void contact(JsonGenerator g, SplittableRandom r, int index, String role, String relationship,
                                String language) throws IOException {
        g.writeStartObject();
        g.writeStringField("role", role);
        g.writeStringField("relationship", relationship);
        g.writeStringField("name", "Family " + (index + 1));
        double p = r.nextDouble();
        if (p >= 0.04) {
            g.writeStringField("phone", "555-" + (1000 + r.nextInt(9000)));
            double s = r.nextDouble();
            g.writeStringField("phoneStatus", s < 0.86 ? "WORKING" : s < 0.93 ? "DISCONNECTED" : s < 0.96 ? "WRONG_NUMBER" : "UNKNOWN");
        }
        if (language != null) {
            g.writeStringField("language", language);
        }
        g.writeEndObject();
    }

    private static String pick(SplittableRandom r, String[] values, double[] shares) {
        double q = r.nextDouble();
        double acc = 0;
        for (int i = 0; i < values.length; i++) {
            acc += shares[i];
            if (q < acc) {
                return values[i];
            }
        }
        return values[0];
    }

    /** School holidays of 2025–26 and 2026–27 (weekdays the schools are closed). */
    private static Set<LocalDate> holidays() {
        Set<LocalDate> h = new LinkedHashSet<>();
        for (int y = 2025; y <= 2026; y++) {
            h.add(LocalDate.of(y, 10, 13).with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY)));
            h.add(LocalDate.of(y, 11, 11));
            LocalDate thanksgiving = LocalDate.of(y, 11, 1).with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
            h.add(thanksgiving);
            h.add(thanksgiving.plusDays(1));
            for (LocalDate d = LocalDate.of(y, 12, 22); !d.isAfter(LocalDate.of(y + 1, 1, 2)); d = d.plusDays(1)) {
                h.add(d);
            }
            h.add(LocalDate.of(y + 1, 1, 1).with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.MONDAY)));
            h.add(LocalDate.of(y + 1, 2, 1).with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.MONDAY)));
            LocalDate spring = LocalDate.of(y + 1, 3, 30);
            for (int i = 0; i < 5; i++) {
                h.add(spring.plusDays(i));
            }
            h.add(LocalDate.of(y + 1, 5, 31).with(java.time.temporal.TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
            h.add(LocalDate.of(y + 1, 6, 19));
            h.add(LocalDate.of(y + 1, 7, 3));
        }
        return h;
    }
}
