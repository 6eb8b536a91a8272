package org.attendanceoutreach.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.policy.Policy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A plain-Java evaluator of the core policy, for comparison and as a differential oracle: the
 * attendance tier, the support tier, the same-day personal call (and who makes it), escalation to
 * the attendance team, the monthly letter and follow-up call, and the success mentor, with their
 * due dates as the plan gives them. The policy, in short: tier by the share of enrolled days missed
 * (too few days: insufficient data); support tier 3 when severely chronic, when last year's rate
 * reaches the tier-3 cut-off, or when a tier-2 support in place (the mentor, or one of
 * {@code interventions[]} the catalog puts in tier 2) has been in place the policy's minimum school days
 * without improvement, else 2 when moderately chronic or last year's rate
 * reaches the tier-2 cut-off; a same-day call (by the mentor when there is one) for a day missed
 * today, unless a personal call is already logged today; escalation when chronically absent and
 * still missing days lately, or after a long run of days missed up to today, once there has been a
 * positive contact with the family (unless severely chronic or on a long run), due its window of
 * school days after the first day this year it was needed (the run: the day it reached the policy's
 * length); the monthly letter when chronically absent and no letter is logged since the month's
 * first school day (or since becoming chronically absent, when later), due its window after that
 * day; a success mentor when at risk or chronically absent, without one, and not in the last weeks
 * of the year, due its window after the day the student first reached the at-risk line; no due date
 * after the last school day; none of the four when it is in place (on record and not ended before
 * today, planned too) or covered or replaced by a practice in place (a success mentor in place is the
 * student's mentor); and no outreach at all for a student who has withdrawn, nor after the last day.
 * It shares no code with the engine's reader, facts, rules or writer: it reads JSON lines
 * token by token with Jackson's streaming parser, keeps its own calendar arithmetic, replays each
 * record in straight-line Java and writes its own JSON lines. Only the policy numbers and, from the
 * catalog, the four practices' windows ({@code dueWithinSchoolDays}) and the supports' tiers, covers
 * and replaces come from outside.
 *
 * <p>It checks less than the engine: an absence that is not on an enrolled school day, or a date
 * listed twice, makes the student an error, and anything it does not need is skipped unread. One
 * thread, not thread-safe.
 */
public final class ReferenceEvaluator {
    /** The attendance tiers, as the contract names them. */
    static final String INSUFFICIENT = "INSUFFICIENT_DATA";

    /** One recommendation the reference makes. {@code owner} is only decided for the same-day call. */
    public record Decision(String intervention, LocalDate due, String owner) {
    }

    /** What the reference decides for one student ({@code error} non-null when it could not). */
    public record Outcome(String studentId, String attendanceTier, int supportTier, int daysEnrolled, double daysMissed,
                          List<Decision> decisions, String error) {
        /** The decision for this intervention, or null. */
        public Decision decision(String intervention) {
            for (Decision d : decisions) {
                if (d.intervention().equals(intervention)) {
                    return d;
                }
            }
            return null;
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final Policy policy;
    private final int callWindow;
    private final int escalateWindow;
    private final int letterWindow;
    private final int mentorWindow;
    private final Catalog catalog;

    // the school, from line 1
    private LocalDate asOf;
    private long asOfDay;
    private long[] schoolDays = new long[0];  // epoch days of the instructional days, sorted
    private long firstDay;
    private long lastDay;

    // the student being read
    private String studentId;
    private long enrolledOn;
    private long withdrawnOn;
    private boolean hasMentor;          // a mentor on record (assigned by today), or a success mentor in place
    private boolean mentorOnRecord;     // the mentor object, assigned by today
    private long mentorAssigned;
    // supports in place (interventions[], and the mentor as a success mentor): catalog id, first and last day
    private int supportCount;
    private String[] supportId = new String[4];
    private long[] supportStart = new long[4];
    private long[] supportEnd = new long[4];  // Long.MAX_VALUE: still running
    private long mentorIntroduced;
    private boolean positiveContact;
    private boolean calledToday;
    private long lastLetter;
    private double prior;
    private boolean priorKnown;
    private int absenceCount;
    private long[] absenceDay = new long[256];
    private byte[] absenceKind = new byte[256];    // 1 a day missed, 0 not (tardy, early departure)
    private double[] absencePortion = new double[256];

    /** @param catalog where the windows of the four practices come from ({@code dueWithinSchoolDays}) */
    public ReferenceEvaluator(Policy policy, Catalog catalog) {
        this.policy = policy;
        this.callWindow = catalog.get("personal-call-home").dueWithinSchoolDays();
        this.escalateWindow = catalog.get("escalate-to-attendance-team").dueWithinSchoolDays();
        this.letterWindow = catalog.get("monthly-letter-and-follow-up-call").dueWithinSchoolDays();
        this.mentorWindow = catalog.get("success-mentor").dueWithinSchoolDays();
        this.catalog = catalog;
    }

    /** Reads JSON lines (line 1 the school, then students) and hands each student's outcome to {@code sink}. */
    public long run(InputStream jsonLines, Consumer<Outcome> sink) throws IOException {
        long count = 0;
        try (JsonParser p = JSON.createParser(jsonLines)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("line 1 is not the school object");
            }
            school(p);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                sink.accept(student(p));
                count++;
            }
        }
        return count;
    }

    /** Reads JSON lines from {@code in} and writes one JSON line per student to {@code out}; returns the students. */
    public long run(Path in, Path out) throws IOException {
        try (InputStream is = Files.newInputStream(in);
             OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             JsonGenerator g = JSON.createGenerator(os, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            IOException[] failed = new IOException[1];
            long n = run(is, o -> {
                try {
                    write(g, o);
                } catch (IOException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
            return n;
        }
    }

    private static void write(JsonGenerator g, Outcome o) throws IOException {
        g.writeStartObject();
        g.writeStringField("studentId", o.studentId());
        if (o.error() != null) {
            g.writeStringField("error", o.error());
        } else {
            g.writeNumberField("daysEnrolled", o.daysEnrolled());
            g.writeNumberField("daysMissed", o.daysMissed());
            g.writeStringField("attendanceTier", o.attendanceTier());
            g.writeNumberField("supportTier", o.supportTier());
            g.writeArrayFieldStart("recommendations");
            for (Decision d : o.decisions()) {
                g.writeStartObject();
                g.writeStringField("intervention", d.intervention());
                g.writeStringField("due", d.due().toString());
                if (d.owner() != null) {
                    g.writeStringField("owner", d.owner());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeRaw('\n');
    }

    // ---- reading ---------------------------------------------------------------------------------

    private void school(JsonParser p) throws IOException {
        long first = 0;
        long last = 0;
        long[] closed = new long[0];
        int closedCount = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "asOf" -> asOfDay = day(p);
                case "calendar" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String c = p.currentName();
                        p.nextToken();
                        switch (c) {
                            case "firstDay" -> first = day(p);
                            case "lastDay" -> last = day(p);
                            case "closedDays" -> {
                                closed = new long[16];
                                while (p.nextToken() == JsonToken.VALUE_STRING) {
                                    if (closedCount == closed.length) {
                                        closed = Arrays.copyOf(closed, closedCount * 2);
                                    }
                                    closed[closedCount++] = day(p);
                                }
                            }
                            default -> p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        asOf = LocalDate.ofEpochDay(asOfDay);
        firstDay = first;
        lastDay = last;
        long[] closedSorted = Arrays.copyOf(closed, closedCount);
        Arrays.sort(closedSorted);
        long[] out = new long[(int) Math.max(0, last - first + 1)];
        int n = 0;
        for (long d = first; d <= last; d++) {
            int dow = (int) Math.floorMod(d + 3, 7); // 0 Monday … 6 Sunday (1970-01-01 was a Thursday)
            if (dow < 5 && Arrays.binarySearch(closedSorted, d) < 0) {
                out[n++] = d;
            }
        }
        schoolDays = Arrays.copyOf(out, n);
    }

    private Outcome student(JsonParser p) throws IOException {
        studentId = null;
        enrolledOn = Long.MIN_VALUE;
        withdrawnOn = Long.MAX_VALUE;
        hasMentor = false;
        mentorOnRecord = false;
        supportCount = 0;
        mentorAssigned = Long.MAX_VALUE;
        mentorIntroduced = Long.MAX_VALUE;
        positiveContact = false;
        calledToday = false;
        lastLetter = Long.MIN_VALUE;
        priorKnown = false;
        prior = 0;
        absenceCount = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "studentId" -> studentId = p.getText();
                case "enrolledOn" -> enrolledOn = t == JsonToken.VALUE_NULL ? Long.MIN_VALUE : day(p);
                case "withdrawnOn" -> withdrawnOn = t == JsonToken.VALUE_NULL ? Long.MAX_VALUE : day(p);
                case "priorYearAbsenceRate" -> {
                    if (t != JsonToken.VALUE_NULL) {
                        prior = p.getDoubleValue();
                        priorKnown = true;
                    }
                }
                case "mentor" -> {
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String m = p.currentName();
                            p.nextToken();
                            if (m.equals("assignedOn")) {
                                mentorAssigned = day(p);
                                mentorOnRecord = mentorAssigned <= asOfDay;
                            } else if (m.equals("familyIntroducedOn") && p.currentToken() == JsonToken.VALUE_STRING) {
                                mentorIntroduced = day(p);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                }
                case "absences" -> {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        absence(p);
                    }
                }
                case "outreach" -> {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        outreach(p);
                    }
                }
                case "interventions" -> {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        support(p);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (mentorOnRecord && mentorIntroduced <= asOfDay) {
            positiveContact = true; // meeting the mentor is a positive contact
        }
        // the mentor counts as a success mentor in place from the day assigned, unless interventions[] lists one
        boolean listed = false;
        for (int i = 0; i < supportCount; i++) {
            listed |= supportId[i].equals("success-mentor");
        }
        if (mentorOnRecord && !listed) {
            addSupport("success-mentor", mentorAssigned, Long.MAX_VALUE);
        }
        hasMentor = mentorOnRecord;
        for (int i = 0; i < supportCount; i++) {
            hasMentor |= supportId[i].equals("success-mentor") && supportStart[i] <= asOfDay && supportEnd[i] >= asOfDay;
        }
        return decide();
    }

    /** One support on record: its catalog id, first day and last day (none: still running). */
    private void support(JsonParser p) throws IOException {
        String id = null;
        long start = Long.MAX_VALUE;
        long end = Long.MAX_VALUE;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "intervention" -> id = p.getText();
                case "startedOn" -> start = day(p);
                case "endedOn" -> end = t == JsonToken.VALUE_NULL ? Long.MAX_VALUE : day(p);
                default -> p.skipChildren();
            }
        }
        addSupport(id, start, end);
    }

    private void addSupport(String id, long start, long end) {
        if (supportCount == supportId.length) {
            supportId = Arrays.copyOf(supportId, supportCount * 2);
            supportStart = Arrays.copyOf(supportStart, supportCount * 2);
            supportEnd = Arrays.copyOf(supportEnd, supportCount * 2);
        }
        supportId[supportCount] = id;
        supportStart[supportCount] = start;
        supportEnd[supportCount] = end;
        supportCount++;
    }

    /**
     * Whether a practice is in place today (a support on record, planned or running, not ended before
     * today), or a practice in place covers or replaces it: then it is not recommended.
     */
    private boolean inPlace(String practice) {
        for (int i = 0; i < supportCount; i++) {
            if (supportEnd[i] < asOfDay) {
                continue; // ended: may be recommended again
            }
            if (supportId[i].equals(practice)) {
                return true;
            }
            org.attendanceoutreach.catalog.Practice other = catalog.get(supportId[i]);
            if (other.covers().contains(practice) || other.replaces().contains(practice)) {
                return true;
            }
        }
        return false;
    }

    /** One outreach record: a positive contact that got through, a call today, the last letter. */
    private void outreach(JsonParser p) throws IOException {
        long date = Long.MAX_VALUE;
        String kind = "";
        String outcome = null;
        boolean positive = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "date" -> date = day(p);
                case "kind" -> kind = p.getText();
                case "outcome" -> outcome = t == JsonToken.VALUE_NULL ? null : p.getText();
                case "positive" -> positive = t == JsonToken.VALUE_TRUE;
                default -> p.skipChildren();
            }
        }
        if (date > asOfDay) {
            return;
        }
        if (positive && (outcome == null || outcome.equals("REACHED"))) {
            positiveContact = true;
        }
        if (kind.equals("PERSONAL_CALL") && date == asOfDay) {
            calledToday = true;
        }
        if (kind.equals("LETTER")) {
            lastLetter = Math.max(lastLetter, date);
        }
    }

    private void absence(JsonParser p) throws IOException {
        long date = 0;
        byte kind = 0;
        double portion = 1.0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "date" -> date = day(p);
                case "type" -> {
                    String t = p.getText();
                    kind = (byte) (t.equals("EXCUSED") || t.equals("UNEXCUSED") || t.equals("SUSPENSION") ? 1 : 0);
                }
                case "portion" -> portion = p.getDoubleValue();
                default -> p.skipChildren();
            }
        }
        if (absenceCount == absenceDay.length) {
            absenceDay = Arrays.copyOf(absenceDay, absenceCount * 2);
            absenceKind = Arrays.copyOf(absenceKind, absenceCount * 2);
            absencePortion = Arrays.copyOf(absencePortion, absenceCount * 2);
        }
        absenceDay[absenceCount] = date;
        absenceKind[absenceCount] = kind;
        absencePortion[absenceCount] = portion;
        absenceCount++;
    }

    /** "YYYY-MM-DD" to epoch day, without making a string. */
    private static long day(JsonParser p) throws IOException {
        char[] c = p.getTextCharacters();
        int o = p.getTextOffset();
        if (p.getTextLength() != 10) {
            throw new IOException("not a date: " + p.getText());
        }
        int y = (c[o] - '0') * 1000 + (c[o + 1] - '0') * 100 + (c[o + 2] - '0') * 10 + (c[o + 3] - '0');
        int m = (c[o + 5] - '0') * 10 + (c[o + 6] - '0');
        int d = (c[o + 8] - '0') * 10 + (c[o + 9] - '0');
        return daysFromCivil(y, m, d);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return (long) era * 146097 + doe - 719468;
    }

    // ---- deciding --------------------------------------------------------------------------------

    /** Index of the first school day on or after {@code d} (may be the count). */
    private int firstOnOrAfter(long d) {
        int lo = 0;
        int hi = schoolDays.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (schoolDays[mid] < d) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Whether a support in place (started, not ended before today) that the catalog puts in tier 2
     * (the mentor, a success plan, …) has been in place at least the policy's minimum school days
     * without improvement: the share of enrolled days missed since it started is not lower than the
     * share before by the policy's margin (with no day before: than last year's share; with neither
     * known: it is not below the at-risk line).
     */
    private boolean tier2SupportNotWorking(double[] missedOn, int from, int to) {
        for (int i = 0; i < supportCount; i++) {
            if (supportStart[i] <= asOfDay && supportEnd[i] >= asOfDay && catalog.get(supportId[i]).supportTier() == 2
                    && notWorking(supportStart[i], missedOn, from, to)) {
                return true;
            }
        }
        return false;
    }

    private boolean notWorking(long startedOn, double[] missedOn, int from, int to) {
        int start = Math.max(from, firstOnOrAfter(startedOn));
        int before = Math.max(0, Math.min(to, start - 1) - from + 1);
        int since = Math.max(0, to - start + 1);
        if (since < policy.followUpMinimumSchoolDays()) {
            return false;
        }
        double missedBefore = 0;
        double missedSince = 0;
        for (int i = from; i <= to; i++) {
            if (i < start) {
                missedBefore += missedOn[i];
            } else {
                missedSince += missedOn[i];
            }
        }
        double rateSince = missedSince / since;
        boolean improving = before > 0 ? missedBefore / before - rateSince >= policy.followUpImprovementMargin() - 1e-9
                : priorKnown ? prior - rateSince >= policy.followUpImprovementMargin() - 1e-9
                : rateSince < policy.atRiskFrom();
        return !improving;
    }

    /** Index of the last school day on or before {@code d} (may be -1). */
    private int lastOnOrBefore(long d) {
        return firstOnOrAfter(d + 1) - 1;
    }

    private Outcome decide() {
        String id = studentId;
        long start = enrolledOn == Long.MIN_VALUE ? firstDay : enrolledOn;
        int from = firstOnOrAfter(start);
        int to = lastOnOrBefore(asOfDay);
        if (withdrawnOn != Long.MAX_VALUE) {
            to = Math.min(to, lastOnOrBefore(withdrawnOn - 1));
        }
        int enrolled = Math.max(0, to - from + 1);

        double[] missedOn = new double[schoolDays.length];
        boolean[] listed = new boolean[schoolDays.length];
        double missed = 0;
        boolean absentToday = false;
        for (int i = 0; i < absenceCount; i++) {
            long d = absenceDay[i];
            int k = firstOnOrAfter(d);
            if (k >= schoolDays.length || schoolDays[k] != d || d < start || d >= withdrawnOn || listed[k]) {
                return new Outcome(id, null, 0, 0, 0, List.of(), "absence on " + LocalDate.ofEpochDay(d) + " cannot be counted");
            }
            listed[k] = true;
            if (d <= asOfDay && absenceKind[i] == 1) {
                missed += absencePortion[i];
                missedOn[k] = absencePortion[i];
                absentToday |= d == asOfDay;
            }
        }
        double rate = enrolled == 0 ? 0 : missed / enrolled;
        String tier;
        if (enrolled < policy.minimumEnrolledDays()) {
            tier = INSUFFICIENT;
        } else if (rate >= policy.severeChronicFrom()) {
            tier = "SEVERE_CHRONIC";
        } else if (rate >= policy.moderateChronicFrom()) {
            tier = "MODERATE_CHRONIC";
        } else if (rate >= policy.atRiskFrom()) {
            tier = "AT_RISK";
        } else {
            tier = "SATISFACTORY";
        }
        boolean severe = tier.equals("SEVERE_CHRONIC");
        boolean chronic = severe || tier.equals("MODERATE_CHRONIC");
        boolean atRisk = tier.equals("AT_RISK");
        boolean missedLastYear = priorKnown && prior >= policy.supportTier2PriorYearFrom();
        int support = severe || (priorKnown && prior >= policy.supportTier3PriorYearFrom())
                || tier2SupportNotWorking(missedOn, from, to) ? 3  // intensive; or a tier-2 support not working
                : chronic || missedLastYear ? 2 : 1;

        // days missed in a row up to today (only for a student still enrolled today), and lately
        int today = lastOnOrBefore(asOfDay);
        int run = 0;
        if (to == today) {
            for (int i = to; i >= from && missedOn[i] >= 0.5; i--) {
                run++;
            }
        }
        double lately = 0;
        for (int i = to; i >= from && today - i < policy.recentSchoolDays(); i--) {
            lately += missedOn[i];
        }
        // the first day this year each line was crossed: replay the enrolled days, counting as we go
        int atRiskDay = -1;
        int chronicDay = -1;
        int stillMissingDay = -1;
        double soFar = 0;
        for (int i = from; i <= to; i++) {
            soFar += missedOn[i];
            int days = i - from + 1;
            if (days < policy.minimumEnrolledDays()) {
                continue;
            }
            double share = soFar / days;
            if (atRiskDay < 0 && share >= policy.atRiskFrom()) {
                atRiskDay = i;
            }
            if (share >= policy.moderateChronicFrom()) {
                if (chronicDay < 0) {
                    chronicDay = i;
                }
                double recent = 0;
                for (int j = i; j >= from && i - j < policy.recentSchoolDays(); j--) {
                    recent += missedOn[j];
                }
                if (stillMissingDay < 0 && recent >= policy.stillMissingDays()) {
                    stillMissingDay = i;
                }
            }
        }

        List<Decision> decisions = new ArrayList<>(4);
        if (withdrawnOn <= asOfDay || schoolDays.length == 0 || asOfDay > lastDay) {
            return new Outcome(id, tier, support, enrolled, missed, decisions, null); // left, or the year is over: no outreach
        }
        if (absentToday && !calledToday && !inPlace("personal-call-home")) {
            decisions.add(new Decision("personal-call-home", deadline(today, callWindow), hasMentor ? "MENTOR" : "TEACHER"));
        }
        boolean longRun = run >= policy.longAbsenceRun();
        boolean stillMissing = chronic && lately >= policy.stillMissingDays();
        if ((stillMissing || longRun) && (positiveContact || severe || longRun) && !inPlace("escalate-to-attendance-team")) {
            int since = Integer.MAX_VALUE;
            if (stillMissing) {
                since = stillMissingDay;
            }
            if (longRun) {
                since = Math.min(since, to - run + policy.longAbsenceRun());
            }
            decisions.add(new Decision("escalate-to-attendance-team", deadline(since, escalateWindow), null));
        }
        if (chronic) {
            int since = Math.max(chronicDay, monthStart());
            if (lastLetter < schoolDays[since] && !inPlace("monthly-letter-and-follow-up-call")) {
                decisions.add(new Decision("monthly-letter-and-follow-up-call", deadline(since, letterWindow), null));
            }
        }
        if ((atRisk || chronic) && !hasMentor && !inPlace("success-mentor") && schoolDays.length - 1 - today > policy.lastWeeksSchoolDays()) {
            decisions.add(new Decision("success-mentor", deadline(atRiskDay, mentorWindow), null));
        }
        return new Outcome(id, tier, support, enrolled, missed, decisions, null);
    }

    /** The school day {@code n} school days after the school day with index {@code since}, at most the last one. */
    private LocalDate deadline(int since, int n) {
        return LocalDate.ofEpochDay(schoolDays[Math.min(schoolDays.length - 1, since + n)]);
    }

    /** Index of this month's first school day when it is not after today, else of last month's. */
    private int monthStart() {
        LocalDate first = asOf.withDayOfMonth(1);
        int i = firstOnOrAfter(first.toEpochDay());
        if (i < schoolDays.length && schoolDays[i] <= asOfDay) {
            return i;
        }
        return firstOnOrAfter(first.minusMonths(1).toEpochDay());
    }

}
