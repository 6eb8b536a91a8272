package org.attendanceoutreach.facts;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.internal.DidYouMean;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.read.Shown;
import org.attendanceoutreach.result.Progress;
import org.attendanceoutreach.result.Trend;
import org.attendanceoutreach.school.Intervention;
import org.attendanceoutreach.read.InputCheck;
import org.attendanceoutreach.read.InvalidInputException;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.Meeting;
import org.attendanceoutreach.school.OutreachKind;
import org.attendanceoutreach.school.OutreachOutcome;
import org.attendanceoutreach.school.OutreachRecord;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.Student;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Computes a student's {@link StudentFacts} in one pass over the absences, and rejects absences
 * the calendar cannot hold (weekends, closed days, outside the year or the enrolment, the same
 * day twice), and supports in place that name no practice of the catalog, with an
 * {@link InvalidInputException} naming the field. Stateless and thread-safe.
 */
public final class FactsCalculator {
    private final Policy policy;
    private final Catalog catalog;

    /** A calculator that knows no catalog: every support in place is then an error (the engine passes its catalog). */
    public FactsCalculator(Policy policy) {
        this(policy, new Catalog(List.of()));
    }

    /** @param catalog the practices supports in place may name, and which of them are supports of tier 2 */
    public FactsCalculator(Policy policy, Catalog catalog) {
        this.policy = policy;
        this.catalog = catalog;
    }

    /** The school last checked (schools are immutable: one check serves every student of it). */
    private volatile School checked;

    public StudentFacts compute(School school, SchoolDays days, Student s) {
        // the checks every reader makes, for --as-of and the Java API too (a rate of 1.5, a grade "13", …)
        if (checked != school) {
            InputCheck.school(school);
            checked = school;
        }
        InputCheck.student(s);
        LocalDate today = school.asOf();
        LocalDate enrolledOn = s.enrolledOn() == null ? school.calendar().firstDay() : s.enrolledOn();
        LocalDate withdrawnOn = s.withdrawnOn();

        // the enrolled school days up to today: indexes [from, to] into the school days
        int from = days.firstOnOrAfter(enrolledOn);
        int to = days.lastOnOrBefore(today);
        if (withdrawnOn != null) {
            to = Math.min(to, days.lastOnOrBefore(withdrawnOn.minusDays(1)));
        }
        int enrolled = Math.max(0, to - from + 1);

        // one pass over the absences: validate, count, index by day
        // by school-day index: the share of the day missed (0: not missed), what kind of day it was, and
        // which entry listed the day
        double[] missedByDay = new double[days.size()];
        byte[] kindByDay = new byte[days.size()];
        int[] listedAt = new int[days.size()];
        StudentFacts.Builder b = new StudentFacts.Builder();
        double missed = 0;
        double forHealth = 0;
        List<Absence> absences = s.absences();
        for (int i = 0; i < absences.size(); i++) {
            Absence a = absences.get(i);
            int k = days.indexOf(a.date());
            // (a day that is not a school day fails below the first time it is listed, so only school days can repeat)
            if (k >= 0 && listedAt[k] != 0) {
                throw new InvalidInputException("absences[" + i + "].date", a.date() + " is listed twice (also absences[" + (listedAt[k] - 1)
                        + "]); keep one entry per day");
            }
            if (k < 0) {
                throw new InvalidInputException("absences[" + i + "].date", a.date() + " is not an instructional day (" + whyNot(school, a.date()) + ")");
            }
            listedAt[k] = i + 1;
            if (a.date().isBefore(enrolledOn) || (withdrawnOn != null && !a.date().isBefore(withdrawnOn))) {
                throw new InvalidInputException("absences[" + i + "].date", a.date() + " is outside the student's enrolment ("
                        + enrolledOn + (withdrawnOn == null ? " on" : " to before " + withdrawnOn) + ")");
            }
            if (a.date().isAfter(today) || !a.isDayMissed()) {
                continue;
            }
            missed += a.portion();
            missedByDay[k] = a.portion();
            kindByDay[k] = kind(a);
            if (a.isForHealth()) {
                forHealth += a.portion();
            }
            if (a.reason() != null) {
                b.reasonsMissed |= 1 << a.reason().ordinal();
                if (a.reason() == AbsenceReason.TRANSPORTATION || a.reason() == AbsenceReason.FAMILY
                        || a.reason() == AbsenceReason.HOUSING) {
                    b.barrierDays += a.portion();
                }
            }
            if (a.date().equals(today)) {
                b.absenceTypeToday = a.type();
                b.absenceReasonToday = a.reason();
            }
        }

        // runs and recent absences: the school days up to today that the student was enrolled on
        int todayIndex = days.lastOnOrBefore(today);
        int window = policy.recentSchoolDays();
        int run = 0;
        boolean inRun = to == todayIndex; // a student withdrawn before today has no current run
        double lately = 0;
        for (int i = to; i >= from && (inRun || todayIndex - i < window); i--) {
            double portion = missedByDay[i];
            if (inRun) {
                if (portion >= 0.5) {
                    run++;
                } else {
                    inRun = false;
                }
            }
            if (todayIndex - i < window) {
                lately += portion;
            }
        }

        replay(b, days, missedByDay, kindByDay, from, to);
        b.missedInFirstWeeks = missedInFirstWeeks(missedByDay, from, to);
        b.earlyWarningSchoolDays = policy.earlyWarningSchoolDays();
        if (!s.interventions().isEmpty() || s.mentor() != null) {
            supports(b, s, days, today, missedByDay, from, to);
        }
        b.absenceRunStartedOn = run > 0 ? days.day(to - run + 1) : null;
        b.enrolledSince = from < days.size() ? days.day(from) : today;
        b.lastDayOfSchool = school.calendar().lastDay();
        b.schoolDaysLeft = days.leftAfter(today);

        b.studentId = s.studentId();
        b.grade = s.grade();
        b.today = today;
        b.firstDayOfSchool = school.calendar().firstDay();
        b.schoolDays = days;
        b.daysEnrolled = enrolled;
        b.withdrawnOn = withdrawnOn;
        b.daysMissed = missed;
        b.enoughDays = enrolled >= policy.minimumEnrolledDays();
        b.absenceRun = run;
        b.missedLately = lately;
        b.recentSchoolDays = window;
        b.daysMissedForHealth = forHealth;
        b.priorYearAbsenceRate = s.priorYearAbsenceRate();
        b.fosterCare = s.context().fosterCare();
        b.iep = s.context().iep();
        b.englishLearner = s.context().englishLearner();
        b.homeless = s.context().homeless();
        b.juvenileJustice = s.context().juvenileJustice();
        b.newToSchool = s.context().newToSchool();
        mentorAndOutreach(b, s, today);
        contact(b, s, school);
        meetings(b, s, today, days);
        return new StudentFacts(b);
    }

    /**
     * Replays the enrolled school days up to today, in order, to find the day each need first arose
     * this year: the first day the share of days missed reached each tier's cut-off (with enough days
     * enrolled), the first day a chronically absent student had also missed {@code still-missing-days}
     * lately, the days the barrier and illness counts reached the policy's numbers, the first day
     * missed for housing. One pass; the counts on a day include that day.
     */
    private void replay(StudentFacts.Builder b, SchoolDays days, double[] missedByDay, byte[] kindByDay, int from, int to) {
        int window = policy.recentSchoolDays();
        int firstWeeks = policy.earlyWarningSchoolDays();
        double early = 0;
        double missed = 0;
        double health = 0;
        double barrier = 0;
        double lately = 0;
        for (int i = from; i <= to; i++) {
            int kind = kindByDay[i];
            if (kind != 0) {
                double portion = missedByDay[i];
                missed += portion;
                lately += portion;
                if ((kind & HEALTH) != 0) {
                    health += portion;
                }
                if ((kind & BARRIER) != 0) {
                    barrier += portion;
                }
                if ((kind & HOUSING) != 0 && b.housingSince == null) {
                    b.housingSince = days.day(i);
                }
                if (i - from < firstWeeks) {
                    early += portion;
                    if (b.earlyWarningSince == null && early >= policy.earlyWarningDaysMissed()) {
                        b.earlyWarningSince = days.day(i);
                    }
                }
            }
            int gone = i - window;
            if (gone >= from) {
                lately -= missedByDay[gone];
            }
            int enrolled = i - from + 1;
            if (kind == 0 && i > from && enrolled > policy.minimumEnrolledDays()) {
                // a day not missed, after a day on which everything below was tested: nothing below
                // can first hold today (the rate and the recent days missed only fall, the counts of
                // days missed stay the same; in doubles too, as division and subtraction round
                // monotonically)
                continue;
            }
            if (enrolled >= policy.minimumEnrolledDays()) {
                double rate = missed / enrolled;
                if (b.atRiskSince == null && rate >= policy.atRiskFrom()) {
                    b.atRiskSince = days.day(i);
                }
                if (rate >= policy.moderateChronicFrom()) {
                    if (b.chronicSince == null) {
                        b.chronicSince = days.day(i);
                    }
                    if (b.stillMissingSince == null && lately >= policy.stillMissingDays()) {
                        b.stillMissingSince = days.day(i);
                    }
                }
                if (b.severeSince == null && rate >= policy.severeChronicFrom()) {
                    b.severeSince = days.day(i);
                }
            }
            if (b.familyBarrierSince == null && barrier >= policy.familyBarrierDays()) {
                b.familyBarrierSince = days.day(i);
            }
            if (b.communityBarrierSince == null && barrier >= policy.communityBarrierDays()) {
                b.communityBarrierSince = days.day(i);
            }
            if (b.healthPlanSince == null && health >= policy.healthPlanMinimumDaysMissed() && health / missed >= policy.mostlyIllnessShare()) {
                b.healthPlanSince = days.day(i);
            }
        }
    }

    /** Days missed in the student's first {@code early-warning-school-days} enrolled school days, up to today. */
    private double missedInFirstWeeks(double[] missedByDay, int from, int to) {
        double n = 0;
        for (int i = from; i <= to && i - from < policy.earlyWarningSchoolDays(); i++) {
            n += missedByDay[i];
        }
        return n;
    }

    // what kind of day missed it was (a day not missed is 0)
    private static final byte MISSED = 1;
    private static final byte HEALTH = 2;
    private static final byte BARRIER = 4;
    private static final byte HOUSING = 8;

    /** The kind of a day missed: health (illness, medical), a barrier (transportation, family, housing), housing. */
    private static byte kind(Absence a) {
        AbsenceReason r = a.reason();
        int k = MISSED;
        if (a.isForHealth()) {
            k |= HEALTH;
        }
        if (r == AbsenceReason.TRANSPORTATION || r == AbsenceReason.FAMILY || r == AbsenceReason.HOUSING) {
            k |= BARRIER;
        }
        if (r == AbsenceReason.HOUSING) {
            k |= HOUSING;
        }
        return (byte) k;
    }

    /**
     * The supports on record: {@code interventions[]}, and the {@code mentor} as a {@code success-mentor}
     * started on {@code assignedOn} (unless {@code interventions[]} records the success mentor itself).
     * Those not ended by today are "in place" for the plan (a planned one too); for each that has
     * started, the progress: the share of enrolled school days missed before it started and since, and
     * the trend. A tier-2 support in place long enough and not improving is recorded, with the first
     * school day it was so (replayed day by day, so it does not move when the engine runs again).
     */
    private void supports(StudentFacts.Builder b, Student s, SchoolDays days, LocalDate today, double[] missedByDay,
                          int from, int to) {
        List<Intervention> all = new java.util.ArrayList<>(s.interventions());
        for (int i = 0; i < all.size(); i++) {
            String id = all.get(i).intervention();
            if (!catalog.contains(id)) {
                throw new InvalidInputException("interventions[" + i + "].intervention", Shown.code(id, catalogIds())
                        + " is not a practice of the catalog (rules/catalog.json)" + or(DidYouMean.of(id, catalogIds()),
                        "; give the catalog id of the practice it is"));
            }
        }
        if (s.mentor() != null && !s.mentor().assignedOn().isAfter(today)
                && all.stream().noneMatch(x -> x.intervention().equals(Intervention.SUCCESS_MENTOR))) {
            all.add(new Intervention(Intervention.SUCCESS_MENTOR, s.mentor().assignedOn()));
        }
        all.sort(java.util.Comparator.comparing(Intervention::startedOn).thenComparing(Intervention::intervention));
        b.inPlace = new java.util.TreeMap<>();
        b.progress = new java.util.ArrayList<>(all.size());
        for (Intervention x : all) {
            if (x.endedBy(today)) {
                continue;
            }
            b.inPlace.putIfAbsent(x.intervention(), x);
            if (x.startedOn().isAfter(today)) {
                continue; // planned: nothing to measure yet
            }
            if (x.intervention().equals(Intervention.SUCCESS_MENTOR) && b.mentorFromSupport == null) {
                b.mentorFromSupport = x.startedOn();
            }
            progress(b, x, s.priorYearAbsenceRate(), days, missedByDay, from, to);
        }
    }

    /**
     * How the student is doing since a support in place started (added to {@code b.progress}), and
     * for a tier-2 support not improving, the first school day it was so. (A method of its own: the
     * JIT compiled {@link #supports} with all of this inside it for seconds, again and again.)
     */
    private void progress(StudentFacts.Builder b, Intervention x, Double priorYear, SchoolDays days, double[] missedByDay,
                          int from, int to) {
        Practice practice = catalog.get(x.intervention());
        int start = Math.max(from, days.firstOnOrAfter(x.startedOn()));
        int daysBefore = Math.max(0, Math.min(to, start - 1) - from + 1);
        int daysSince = Math.max(0, to - start + 1);
        double missedBefore = 0;
        for (int i = from; i < from + daysBefore; i++) {
            missedBefore += missedByDay[i];
        }
        double missedSince = 0;
        for (int i = start; i <= to; i++) {
            missedSince += missedByDay[i];
        }
        Double rateBefore = daysBefore == 0 ? null : missedBefore / daysBefore;
        Double rateSince = daysSince == 0 ? null : missedSince / daysSince;
        Baseline baseline = baseline(rateBefore, priorYear);
        Trend trend = trend(daysSince, rateSince, baseline);
        b.progress.add(new Progress(x.intervention(), x.startedOn(), daysBefore, daysSince, round(rateBefore), round(rateSince),
                trend, progressInWords(x, daysBefore, daysSince, missedBefore, missedSince, rateBefore, rateSince, baseline, trend)));
        if (practice.supportTier() == 2 && trend == Trend.NOT_IMPROVING) {
            // the first school day it was in place long enough and not improving
            double m = 0;
            for (int i = start; i <= to; i++) {
                m += missedByDay[i];
                int n = i - start + 1;
                if (trend(n, m / n, baseline) == Trend.NOT_IMPROVING) {
                    LocalDate day = days.day(i);
                    if (b.tier2NotImprovingSince == null || day.isBefore(b.tier2NotImprovingSince)) {
                        b.tier2NotImprovingSince = day;
                        b.tier2NotImprovingInWords = b.progress.get(b.progress.size() - 1).because();
                    }
                    b.tier2RateSince = Math.max(b.tier2RateSince, rateSince);
                    break;
                }
            }
        }
    }

    /** What the share missed since a support started is compared with. */
    private record Baseline(double rate, String words) {
    }

    /**
     * The share missed before the support started; when the student had no enrolled day before it
     * (a support from the first day), last year's share when known; else none (null): then the
     * support counts as working once the share missed since is below {@code at-risk-from}.
     */
    private static Baseline baseline(Double rateBefore, Double priorYear) {
        if (rateBefore != null) {
            return new Baseline(rateBefore, "before");
        }
        if (priorYear != null) {
            return new Baseline(priorYear, "last year");
        }
        return null;
    }

    /** The trend after {@code daysSince} enrolled school days with {@code rateSince} missed. */
    private Trend trend(int daysSince, Double rateSince, Baseline baseline) {
        if (daysSince < policy.followUpMinimumSchoolDays() || rateSince == null) {
            return Trend.TOO_EARLY;
        }
        boolean better = baseline == null
                ? rateSince < policy.atRiskFrom()
                : baseline.rate() - rateSince >= policy.followUpImprovementMargin() - 1e-9;
        return better ? Trend.IMPROVING : Trend.NOT_IMPROVING;
    }

    private String progressInWords(Intervention x, int daysBefore, int daysSince, double missedBefore, double missedSince,
                                   Double rateBefore, Double rateSince, Baseline baseline, Trend trend) {
        String before = daysBefore == 0 ? "no enrolled school days before it started"
                : StudentFacts.number(missedBefore) + " of " + daysBefore + " school days missed before it started ("
                + StudentFacts.percent(rateBefore) + ")";
        String since = daysSince == 0 ? "no school days since" : StudentFacts.number(missedSince) + " of " + daysSince
                + " since " + x.startedOn() + " (" + StudentFacts.percent(rateSince) + ")";
        String than = baseline == null ? "" : baseline.words().equals("last year")
                ? "last year's " + StudentFacts.percent(baseline.rate()) : "before";
        String verdict = switch (trend) {
            case TOO_EARLY -> "too early to tell (fewer than " + policy.followUpMinimumSchoolDays() + " school days in place)";
            case IMPROVING -> baseline == null ? "improving: below the at-risk line (" + StudentFacts.percent(policy.atRiskFrom()) + ")"
                    : "improving: at least " + StudentFacts.percent(policy.followUpImprovementMargin()) + " lower than " + than;
            case NOT_IMPROVING -> baseline == null ? "not improving: not below the at-risk line (" + StudentFacts.percent(policy.atRiskFrom()) + ")"
                    : "not improving: not " + StudentFacts.percent(policy.followUpImprovementMargin()) + " lower than " + than;
        };
        return x.intervention() + ": " + before + ", " + since + "; " + verdict;
    }

    private static Double round(Double rate) {
        return rate == null ? null : org.attendanceoutreach.internal.Decimals.round4(rate); // as BigDecimal.valueOf(rate).setScale(4, HALF_UP)
    }

    private static String or(String text, String otherwise) {
        return text.isEmpty() ? otherwise : text;
    }

    private List<String> catalogIds() {
        return catalog.practices().stream().map(Practice::id).toList();
    }

    private static String whyNot(School school, LocalDate d) {
        if (d.isBefore(school.calendar().firstDay()) || d.isAfter(school.calendar().lastDay())) {
            return "outside the school year " + school.calendar().firstDay() + " to " + school.calendar().lastDay();
        }
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return "a " + d.getDayOfWeek().toString().toLowerCase(Locale.ROOT);
        }
        return "a closed day in the calendar";
    }

    /**
     * The contact to reach about a student: for a student in foster care, the Education Decision
     * Maker (whatever the state of their phone); else the first parent, then guardian, then other
     * Education Decision Maker, then other contact with a usable phone; else the first parent,
     * guardian or Education Decision Maker on file; else the first contact. Null with no contacts.
     */
    public static Contact contactToReach(Student s) {
        if (s.context().fosterCare()) {
            Contact edm = best(s.contacts(), ContactRole.EDUCATION_DECISION_MAKER);
            if (edm != null) {
                return edm;
            }
        }
        for (ContactRole role : List.of(ContactRole.PARENT, ContactRole.GUARDIAN, ContactRole.EDUCATION_DECISION_MAKER, ContactRole.OTHER)) {
            Contact c = best(s.contacts(), role);
            if (c != null && c.hasUsablePhone()) {
                return c;
            }
        }
        if (s.contacts().isEmpty()) {
            return null;
        }
        return s.contacts().stream().filter(c -> c.role() != ContactRole.OTHER).findFirst().orElse(s.contacts().get(0));
    }

    private static void contact(StudentFacts.Builder b, Student s, School school) {
        Contact chosen = contactToReach(s);
        boolean hasEdm = false;
        for (Contact c : s.contacts()) {
            hasEdm |= c.role() == ContactRole.EDUCATION_DECISION_MAKER;
        }
        b.hasEducationDecisionMaker = hasEdm;
        b.contactRole = chosen == null ? null : chosen.role();
        // a wrong number logged for this contact (or for no contact in particular) since the family was
        // last reached by phone: the number does not work, whatever its status says
        LocalDate lastByPhone = null;
        for (OutreachRecord o : b.outreach) {
            if (o.isByPhone() && o.isReached() && (lastByPhone == null || o.date().isAfter(lastByPhone))) {
                lastByPhone = o.date();
            }
        }
        for (OutreachRecord o : b.outreach) {
            if (o.isByPhone() && o.outcome() == OutreachOutcome.WRONG_NUMBER
                    && (o.contactRole() == null || o.contactRole() == b.contactRole)
                    && (lastByPhone == null || o.date().isAfter(lastByPhone))
                    && (b.wrongNumberOn == null || o.date().isBefore(b.wrongNumberOn))) {
                b.wrongNumberOn = o.date();
            }
        }
        b.hasWorkingPhone = chosen != null && chosen.hasUsablePhone() && b.wrongNumberOn == null;
        b.language = chosen != null && chosen.language() != null ? chosen.language() : s.context().homeLanguage();
        b.schoolLanguage = school.schoolLanguage();
        b.interpreterNeeded = !primary(b.language).equals(primary(school.schoolLanguage()));
    }

    /** The first contact of a role with a usable phone, else the first of that role. */
    private static Contact best(List<Contact> contacts, ContactRole role) {
        Contact first = null;
        for (Contact c : contacts) {
            if (c.role() == role) {
                if (c.hasUsablePhone()) {
                    return c;
                }
                if (first == null) {
                    first = c;
                }
            }
        }
        return first;
    }

    /** The primary language subtag: {@code es-MX} and {@code es} are the same language. */
    static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    private void meetings(StudentFacts.Builder b, Student s, LocalDate today, SchoolDays days) {
        LocalDate last = today.plusDays(policy.meetingWithinCalendarDays());
        for (Meeting m : s.meetings()) {
            if (!m.date().isBefore(today) && !m.date().isAfter(last)
                    && (b.nextMeetingDate == null || m.date().isBefore(b.nextMeetingDate)
                    || (m.date().equals(b.nextMeetingDate) && m.type().compareTo(b.nextMeetingType) < 0))) {
                b.nextMeetingDate = m.date();
                b.nextMeetingType = m.type();
            }
        }
        if (b.nextMeetingDate != null) {
            // the school day it came within the window (today at the latest)
            LocalDate inView = days.onOrAfter(b.nextMeetingDate.minusDays(policy.meetingWithinCalendarDays()));
            b.meetingInViewSince = inView == null || inView.isAfter(today) ? today : inView;
        }
    }

    private static void mentorAndOutreach(StudentFacts.Builder b, Student s, LocalDate today) {
        if (s.mentor() != null && !s.mentor().assignedOn().isAfter(today)) {
            b.mentorAssignedOn = s.mentor().assignedOn();
            LocalDate met = s.mentor().familyIntroducedOn();
            b.mentorIntroducedOn = met != null && !met.isAfter(today) ? met : null;
        } else if (b.mentorFromSupport != null) {
            b.mentorAssignedOn = b.mentorFromSupport; // a success-mentor intervention in place: the student has a mentor
        }
        LocalDate first = b.mentorIntroducedOn;
        int positive = first == null ? 0 : 1;
        for (OutreachRecord o : s.outreach()) {
            if (o.isPositiveContact() && !o.date().isAfter(today)) {
                if (!o.date().equals(b.mentorIntroducedOn)) {
                    positive++;
                }
                if (first == null || o.date().isBefore(first)) {
                    first = o.date();
                }
            }
        }
        b.firstPositiveContactOn = first;
        b.positiveContacts = positive;

        // what was done up to today, in date order (the input's order does not matter)
        List<OutreachRecord> done = new java.util.ArrayList<>();
        for (OutreachRecord o : s.outreach()) {
            if (!o.date().isAfter(today)) {
                done.add(o);
            }
        }
        done.sort(java.util.Comparator.comparing(OutreachRecord::date));
        b.outreach = done;
        LocalDate reached = b.mentorIntroducedOn;
        for (OutreachRecord o : done) {
            if (o.isReached() && (reached == null || o.date().isAfter(reached))) {
                reached = o.date();
            }
            if (o.kind() == OutreachKind.PERSONAL_CALL && o.date().equals(today)) {
                b.calledToday = true;
            }
        }
        b.lastReachedOn = reached;
        List<LocalDate> unanswered = new java.util.ArrayList<>();
        for (OutreachRecord o : done) {
            if (o.isUnanswered() && (reached == null || o.date().isAfter(reached))) {
                unanswered.add(o.date());
            }
        }
        b.unansweredSinceReached = unanswered;
    }
}
