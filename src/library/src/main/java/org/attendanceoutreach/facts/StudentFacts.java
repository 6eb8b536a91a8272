package org.attendanceoutreach.facts;

import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.internal.Languages;
import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.result.Progress;
import org.attendanceoutreach.school.Intervention;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.MeetingType;
import org.attendanceoutreach.school.OutreachKind;
import org.attendanceoutreach.school.OutreachRecord;
import org.kie.api.definition.type.Modifies;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the rules know about one student on one day, computed by {@link FactsCalculator}.
 * The rules read it as {@code StudentFacts( absentToday, !hasMentor )}. Only the two tiers change
 * while rules run (the tier rules set them); a new instance is made for every evaluation, so it is
 * never shared between threads. Property-reactive: a {@code modify} of a tier re-evaluates only the
 * conditions that read it ({@link Modifies} names what each tier method changes).
 */
public final class StudentFacts {
    private final String studentId;
    private final String grade;
    private final LocalDate today;
    private final LocalDate firstDayOfSchool;
    private final SchoolDays schoolDays;
    private final int daysEnrolled;
    private final LocalDate withdrawnOn;
    private final double daysMissed;
    private final boolean enoughDays;
    private final AbsenceType absenceTypeToday;
    private final AbsenceReason absenceReasonToday;
    private final int absenceRun;
    private final double missedLately;
    private final int recentSchoolDays;
    private final double daysMissedForHealth;
    private final double barrierDays;
    private final Double priorYearAbsenceRate;
    private final boolean fosterCare;
    private final boolean iep;
    private final boolean englishLearner;
    private final boolean homeless;
    private final boolean juvenileJustice;
    private final boolean newToSchool;
    private final ContactRole contactRole;
    private final boolean hasWorkingPhone;
    private final boolean hasEducationDecisionMaker;
    private final String language;
    private final String schoolLanguage;
    private final boolean interpreterNeeded;
    private final MeetingType nextMeetingType;
    private final LocalDate nextMeetingDate;
    private final LocalDate meetingInViewSince;
    private final LocalDate mentorAssignedOn;
    private final LocalDate mentorIntroducedOn;
    private final LocalDate firstPositiveContactOn;
    private final int positiveContacts;
    /** The reasons any day missed had, one bit per {@link AbsenceReason} (by ordinal). */
    private final int reasonsMissed;
    // the day each need first arose this year, found by replaying the record (null: it has not)
    private final LocalDate enrolledSince;
    private final LocalDate atRiskSince;
    private final LocalDate chronicSince;
    private final LocalDate severeSince;
    private final LocalDate stillMissingSince;
    private final LocalDate familyBarrierSince;
    private final LocalDate communityBarrierSince;
    private final LocalDate housingSince;
    private final LocalDate healthPlanSince;
    private final LocalDate absenceRunStartedOn;
    private final LocalDate lastDayOfSchool;
    private final int schoolDaysLeft;
    // what staff already did
    private final List<OutreachRecord> outreach;
    private final LocalDate lastReachedOn;
    private final LocalDate wrongNumberOn;
    private final List<LocalDate> unansweredSinceReached;
    private final boolean calledToday;
    // the first weeks of the year
    private final double missedInFirstWeeks;
    private final int earlyWarningSchoolDays;
    private final LocalDate earlyWarningSince;
    // supports in place and how they are doing
    private final Map<String, Intervention> inPlace;
    private final List<Progress> progress;
    private final LocalDate tier2NotImprovingSince;
    private final String tier2NotImprovingInWords;
    private final double tier2RateSince;

    private AttendanceTier attendanceTier;
    private int supportTier = 1;
    /** By support tier (index 1 … 3): the first day the rules said the student needed it. */
    private final LocalDate[] supportTierSince = new LocalDate[4];
    /** Rule name to the condition intensive practices wait for (set by relationship-first rules). */
    private Map<String, String> intensiveWaits; // made when a rule first holds them

    StudentFacts(Builder b) {
        this.studentId = b.studentId;
        this.grade = b.grade;
        this.today = b.today;
        this.firstDayOfSchool = b.firstDayOfSchool;
        this.schoolDays = b.schoolDays;
        this.daysEnrolled = b.daysEnrolled;
        this.withdrawnOn = b.withdrawnOn;
        this.daysMissed = b.daysMissed;
        this.enoughDays = b.enoughDays;
        this.absenceTypeToday = b.absenceTypeToday;
        this.absenceReasonToday = b.absenceReasonToday;
        this.absenceRun = b.absenceRun;
        this.missedLately = b.missedLately;
        this.recentSchoolDays = b.recentSchoolDays;
        this.daysMissedForHealth = b.daysMissedForHealth;
        this.barrierDays = b.barrierDays;
        this.priorYearAbsenceRate = b.priorYearAbsenceRate;
        this.fosterCare = b.fosterCare;
        this.iep = b.iep;
        this.englishLearner = b.englishLearner;
        this.homeless = b.homeless;
        this.juvenileJustice = b.juvenileJustice;
        this.newToSchool = b.newToSchool;
        this.contactRole = b.contactRole;
        this.hasWorkingPhone = b.hasWorkingPhone;
        this.hasEducationDecisionMaker = b.hasEducationDecisionMaker;
        this.language = b.language;
        this.schoolLanguage = b.schoolLanguage;
        this.interpreterNeeded = b.interpreterNeeded;
        this.nextMeetingType = b.nextMeetingType;
        this.nextMeetingDate = b.nextMeetingDate;
        this.meetingInViewSince = b.meetingInViewSince;
        this.mentorAssignedOn = b.mentorAssignedOn;
        this.mentorIntroducedOn = b.mentorIntroducedOn;
        this.firstPositiveContactOn = b.firstPositiveContactOn;
        this.positiveContacts = b.positiveContacts;
        this.reasonsMissed = b.reasonsMissed;
        this.enrolledSince = b.enrolledSince;
        this.atRiskSince = b.atRiskSince;
        this.chronicSince = b.chronicSince;
        this.severeSince = b.severeSince;
        this.stillMissingSince = b.stillMissingSince;
        this.familyBarrierSince = b.familyBarrierSince;
        this.communityBarrierSince = b.communityBarrierSince;
        this.housingSince = b.housingSince;
        this.healthPlanSince = b.healthPlanSince;
        this.absenceRunStartedOn = b.absenceRunStartedOn;
        this.lastDayOfSchool = b.lastDayOfSchool;
        this.schoolDaysLeft = b.schoolDaysLeft;
        this.outreach = List.copyOf(b.outreach);
        this.lastReachedOn = b.lastReachedOn;
        this.wrongNumberOn = b.wrongNumberOn;
        this.unansweredSinceReached = List.copyOf(b.unansweredSinceReached);
        this.calledToday = b.calledToday;
        this.missedInFirstWeeks = b.missedInFirstWeeks;
        this.earlyWarningSchoolDays = b.earlyWarningSchoolDays;
        this.earlyWarningSince = b.earlyWarningSince;
        this.inPlace = b.inPlace == null ? Map.of() : java.util.Collections.unmodifiableMap(b.inPlace);
        this.progress = b.progress == null ? List.of() : List.copyOf(b.progress);
        this.tier2NotImprovingSince = b.tier2NotImprovingSince;
        this.tier2NotImprovingInWords = b.tier2NotImprovingInWords;
        this.tier2RateSince = b.tier2RateSince;
    }

    // ---- who and when -------------------------------------------------------------------------

    public String getStudentId() { return studentId; }

    /** {@code PK}, {@code K}, {@code 1} … {@code 12}, or null when unknown. */
    public String getGrade() { return grade; }

    /** Pre-kindergarten to grade 5. */
    public boolean isElementary() {
        return grade != null && (grade.equals("PK") || grade.equals("K") || (grade.length() == 1 && grade.charAt(0) <= '5'));
    }

    /** The day of the evaluation. */
    public LocalDate getToday() { return today; }

    /** The summer before the school year: today is before the first day of school. */
    public boolean isBeforeSchoolYear() { return today.isBefore(firstDayOfSchool); }

    public LocalDate getFirstDayOfSchool() { return firstDayOfSchool; }

    // ---- this year's attendance ------------------------------------------------------------------

    public int getDaysEnrolled() { return daysEnrolled; }

    /** Left the school on or before today: the school no longer reaches out. */
    public boolean isWithdrawn() { return withdrawnOn != null && !withdrawnOn.isAfter(today); }

    public LocalDate getWithdrawnOn() { return withdrawnOn; }

    public double getDaysMissed() { return daysMissed; }

    /** Share of enrolled days missed, 0 … 1 (0 with no enrolled days). */
    public double getAbsenceRate() { return daysEnrolled == 0 ? 0.0 : daysMissed / daysEnrolled; }

    /** Enrolled at least the policy's minimum number of days. */
    public boolean isEnoughDays() { return enoughDays; }

    /** Missed (all or part of) today, excused, unexcused or suspended. */
    public boolean isAbsentToday() { return absenceTypeToday != null; }

    public AbsenceType getAbsenceTypeToday() { return absenceTypeToday; }

    public AbsenceReason getAbsenceReasonToday() { return absenceReasonToday; }

    /** Absent today because of illness or a medical reason. */
    public boolean isAbsentTodayForHealth() {
        return absenceReasonToday == AbsenceReason.ILLNESS || absenceReasonToday == AbsenceReason.MEDICAL;
    }

    /** Out today on a suspension. */
    public boolean isSuspendedToday() { return absenceTypeToday == AbsenceType.SUSPENSION; }

    /** School days missed in a row, up to today. */
    public int getAbsenceRun() { return absenceRun; }

    /** Days missed in the last {@code recent-school-days} school days. */
    public double getMissedLately() { return missedLately; }

    /** Days missed for illness or medical reasons. */
    public double getDaysMissedForHealth() { return daysMissedForHealth; }

    /** Share of days missed that were for illness or medical reasons (0 with none missed). */
    public double getHealthShare() { return daysMissed == 0 ? 0.0 : daysMissedForHealth / daysMissed; }

    /** Days missed for transportation, family or housing reasons: barriers a family network can help with. */
    public double getBarrierDays() { return barrierDays; }

    /** "3 days missed for transportation, housing". */
    public String barriersInWords() {
        List<String> which = new ArrayList<>(3);
        for (AbsenceReason r : BARRIERS) {
            if ((reasonsMissed & 1 << r.ordinal()) != 0) {
                which.add(words(r.name()));
            }
        }
        return number(barrierDays) + " days missed for " + String.join(", ", which);
    }

    /** "4 of 6 days missed were for illness or medical reasons". */
    public String healthInWords() {
        return number(daysMissedForHealth) + " of " + number(daysMissed) + " days missed were for illness or medical reasons";
    }

    /** Whether any day missed had this reason (ILLNESS, TRANSPORTATION, HOUSING, …). */
    public boolean missedFor(String reason) {
        for (AbsenceReason r : REASONS) {
            if (r.name().equals(reason)) {
                return (reasonsMissed & 1 << r.ordinal()) != 0;
            }
        }
        return false;
    }

    private static final AbsenceReason[] REASONS = AbsenceReason.values();
    private static final List<AbsenceReason> BARRIERS = List.of(AbsenceReason.TRANSPORTATION, AbsenceReason.FAMILY, AbsenceReason.HOUSING);

    public boolean isPriorYearKnown() { return priorYearAbsenceRate != null; }

    /** Last year's share of enrolled days missed; 0 when unknown (check {@code priorYearKnown}). */
    public double getPriorYearAbsenceRate() { return priorYearAbsenceRate == null ? 0.0 : priorYearAbsenceRate; }

    // ---- context -------------------------------------------------------------------------------

    public boolean isFosterCare() { return fosterCare; }

    public boolean isIep() { return iep; }

    public boolean isEnglishLearner() { return englishLearner; }

    public boolean isHomeless() { return homeless; }

    public boolean isJuvenileJustice() { return juvenileJustice; }

    public boolean isNewToSchool() { return newToSchool; }

    // ---- whom to reach -------------------------------------------------------------------------

    /** The role of the contact to reach: the Education Decision Maker first for foster care. Null: none on file. */
    public ContactRole getContactRole() { return contactRole; }

    public boolean isHasContact() { return contactRole != null; }

    /**
     * The contact to reach has a number that is not known to be dead: by its status on file, or by a
     * wrong number logged since the family was last reached by phone, whatever the status says.
     */
    public boolean isHasWorkingPhone() { return hasWorkingPhone; }

    public boolean isHasEducationDecisionMaker() { return hasEducationDecisionMaker; }

    /** The language to reach the family in (BCP 47). */
    public String getLanguage() { return language; }

    /** The family's language differs from the one staff call in. */
    public boolean isInterpreterNeeded() { return interpreterNeeded; }

    // ---- meetings, mentor, outreach so far ----------------------------------------------------------

    /** A meeting with the family is planned within the policy's window. */
    public boolean isMeetingComingUp() { return nextMeetingDate != null; }

    public MeetingType getNextMeetingType() { return nextMeetingType; }

    public LocalDate getNextMeetingDate() { return nextMeetingDate; }

    /** A success mentor is assigned (on or before today). */
    public boolean isHasMentor() { return mentorAssignedOn != null; }

    public LocalDate getMentorAssignedOn() { return mentorAssignedOn; }

    /** The mentor has met the family. */
    public boolean isMentorIntroduced() { return mentorIntroducedOn != null; }

    public LocalDate getMentorIntroducedOn() { return mentorIntroducedOn; }

    /** When the school first reached the family with good news (or the mentor met them). Null: not yet. */
    public LocalDate getFirstPositiveContactOn() { return firstPositiveContactOn; }

    public boolean isHadPositiveContact() { return firstPositiveContactOn != null; }

    /** Positive contacts that reached the family, counting the mentor's introduction. */
    public int getPositiveContacts() { return positiveContacts; }

    /** Who makes the family's calls: the mentor when one is assigned, else the teacher. */
    public Owner getCaseOwner() { return isHasMentor() ? Owner.MENTOR : Owner.TEACHER; }

    /** The last time staff got through to the family (a REACHED outreach, or the mentor's introduction). Null: never. */
    public LocalDate getLastReachedOn() { return lastReachedOn; }

    /** A call or text since the family was last reached by phone hit a wrong number or a dead line. */
    public boolean isWrongNumberLogged() { return wrongNumberOn != null; }

    /** The first wrong number logged since the family was last reached by phone (null: none). */
    public LocalDate getWrongNumberOn() { return wrongNumberOn; }

    /**
     * Since when the school has had no working number for the contact: the first wrong number logged
     * since the family was last reached by phone, else (a number missing or marked dead) the first
     * enrolled day. Null while the number works.
     */
    public LocalDate getNoWorkingPhoneSince() {
        if (hasWorkingPhone) {
            return null;
        }
        return wrongNumberOn != null ? wrongNumberOn : enrolledSince;
    }

    /** Calls, texts or visits that went unanswered (no answer, or a message left) since the family was last reached. */
    public int getUnansweredAttempts() { return unansweredSinceReached.size(); }

    /** The day of the {@code n}th unanswered attempt since the family was last reached (null: fewer). */
    public LocalDate unansweredAttemptOn(int n) {
        return n >= 1 && n <= unansweredSinceReached.size() ? unansweredSinceReached.get(n - 1) : null;
    }

    /** A personal call to the family is already logged today. */
    public boolean isCalledToday() { return calledToday; }

    /** Whether outreach of this kind is logged on or after {@code since} (up to today). */
    public boolean doneSince(OutreachKind kind, LocalDate since) {
        for (OutreachRecord o : outreach) {
            if (o.kind() == kind && !o.date().isAfter(today) && (since == null || !o.date().isBefore(since))) {
                return true;
            }
        }
        return false;
    }

    // ---- the first weeks of school ---------------------------------------------------------------

    /** Days missed in the student's first {@code early-warning-school-days} enrolled school days (up to today). */
    public double getMissedInFirstWeeks() { return missedInFirstWeeks; }

    /** Today is within the student's first {@code early-warning-school-days} enrolled school days. */
    public boolean isInFirstWeeks() { return daysEnrolled >= 1 && daysEnrolled <= earlyWarningSchoolDays; }

    /** The school day the days missed in the first weeks reached {@code early-warning-days-missed} (null: they have not). */
    public LocalDate getEarlyWarningSince() { return earlyWarningSince; }

    /** "2 of the first 7 school days missed". */
    public String firstWeeksInWords() {
        return number(missedInFirstWeeks) + " of the first " + Math.min(daysEnrolled, earlyWarningSchoolDays) + " school days missed";
    }

    // ---- supports in place (interventions[], and the mentor) -------------------------------------------

    /** Whether the practice is in place for the student (started, or planned, and not ended by today). */
    public boolean supportInPlace(String intervention) { return inPlace.containsKey(intervention); }

    /**
     * A support of tier 2 (catalog {@code "supportTier": 2}) has been in place at least
     * {@code follow-up-minimum-school-days} and is NOT_IMPROVING.
     */
    public boolean isTier2SupportNotImproving() { return tier2NotImprovingSince != null; }

    /** The first school day a tier-2 support in place was long enough in place and not improving (null: none is). */
    public LocalDate getTier2SupportNotImprovingSince() { return tier2NotImprovingSince; }

    /**
     * The share of enrolled school days missed since a tier-2 support that is not improving started
     * (the highest, with several; 0 when none is not improving).
     */
    public double getTier2SupportRateSince() { return tier2RateSince; }

    /** "success-mentor: 3 of 22 school days missed before (13.6%), 6 of 30 since 2026-10-05 (20.0%): not lower than before by 2.0%". */
    public String tier2SupportInWords() { return tier2NotImprovingInWords == null ? "" : tier2NotImprovingInWords; }

    /** The support in place of this practice (null: none). Not for rules: the plan reads it. */
    public Intervention inPlace(String intervention) { return inPlace.get(intervention); }

    /** The catalog ids of the supports in place, in id order. Not for rules: they ask {@link #supportInPlace}. */
    public java.util.Collection<String> inPlaceIds() { return inPlace.keySet(); }

    /** How the student is doing since each support in place started. Not for rules: the result carries it. */
    public List<Progress> progress() { return progress; }

    // ---- when each need arose (replayed from the record: the first school day this year) -----------

    /** The student's first enrolled school day this year (today when there is none up to the end of the year). */
    public LocalDate getEnrolledSince() { return enrolledSince; }

    /** The first school day the share of days missed reached {@code at-risk-from}, with enough days enrolled. */
    public LocalDate getAtRiskSince() { return atRiskSince; }

    /** The first school day the share of days missed reached {@code moderate-chronic-from}, with enough days enrolled. */
    public LocalDate getChronicSince() { return chronicSince; }

    /** The first school day the share of days missed reached {@code severe-chronic-from}, with enough days enrolled. */
    public LocalDate getSevereSince() { return severeSince; }

    /**
     * The first school day the student was chronically absent and had missed {@code still-missing-days}
     * of the last {@code recent-school-days} school days.
     */
    public LocalDate getStillMissingSince() { return stillMissingSince; }

    /** The school day the days missed for transportation, family or housing reached {@code family-barrier-days}. */
    public LocalDate getFamilyBarrierSince() { return familyBarrierSince; }

    /** The school day the days missed for transportation, family or housing reached {@code community-barrier-days}. */
    public LocalDate getCommunityBarrierSince() { return communityBarrierSince; }

    /** The first school day missed for housing reasons. */
    public LocalDate getHousingSince() { return housingSince; }

    /**
     * The first school day the days missed for illness or medical reasons reached
     * {@code health-plan-minimum-days-missed} while being at least {@code mostly-illness-share} of the days missed.
     */
    public LocalDate getHealthPlanSince() { return healthPlanSince; }

    /** The first day of the run of days missed that lasts up to today (null: not absent today). */
    public LocalDate getAbsenceRunStartedOn() { return absenceRunStartedOn; }

    /** The school day today's run of days missed reached {@code n} days (null: it is shorter). */
    public LocalDate dayRunReached(int n) {
        if (absenceRunStartedOn == null || n < 1 || n > absenceRun) {
            return null;
        }
        return schoolDays.plusSchoolDays(absenceRunStartedOn, n - 1);
    }

    /** The day a meeting now coming up came within {@code meeting-within-calendar-days} (null: none coming up). */
    public LocalDate getMeetingInViewSince() { return meetingInViewSince; }

    /** The first school day of this month that is not after today (else of last month). */
    public LocalDate schoolMonthStartedOn() { return schoolDays.schoolMonthStartedOn(today); }

    /** The last day of the school year. */
    public LocalDate getLastDayOfSchool() { return lastDayOfSchool; }

    /** The last school day of the year (the last day itself when the calendar has no school day). */
    public LocalDate getLastSchoolDay() {
        LocalDate d = schoolDays.last();
        return d == null ? lastDayOfSchool : d;
    }

    /** Today is after the last day of the school year. */
    public boolean isSchoolYearOver() { return today.isAfter(lastDayOfSchool); }

    /** School days left in the year after today. */
    public int getSchoolDaysLeft() { return schoolDaysLeft; }

    /** The school day from which {@code n} or fewer school days are left in the year. */
    public LocalDate lastWeeksBegin(int n) { return schoolDays.lastWeeksBegin(n); }

    /** The later of two days (either may be null: then the other). */
    public LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /** The earlier of two days (either may be null: then the other). */
    public LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /** The last weekday (Monday to Friday) before {@code d}. */
    public LocalDate weekdayBefore(LocalDate d) {
        LocalDate x = d.minusDays(1);
        while (x.getDayOfWeek().getValue() >= 6) {
            x = x.minusDays(1);
        }
        return x;
    }

    // ---- decided by the tier rules -----------------------------------------------------------------

    public AttendanceTier getAttendanceTier() { return attendanceTier; }

    @Modifies({"attendanceTier", "chronicallyAbsent"})
    public void setAttendanceTier(AttendanceTier tier) { this.attendanceTier = tier; }

    /** Moderately or severely chronically absent this year. */
    public boolean isChronicallyAbsent() { return attendanceTier != null && attendanceTier.isChronic(); }

    public int getSupportTier() { return supportTier; }

    /** Raises the support tier to {@code tier}; never lowers it. */
    @Modifies({"supportTier"})
    public void raiseSupportTier(int tier) { supportTier = Math.max(supportTier, tier); }

    /**
     * Raises the support tier to {@code tier} (never lowers it) and records {@code since}, the day the
     * student first needed it, for the practices of that tier.
     */
    @Modifies({"supportTier"})
    public void raiseSupportTier(int tier, LocalDate since) {
        raiseSupportTier(tier);
        if (tier >= 1 && tier <= 3 && since != null && (supportTierSince[tier] == null || since.isBefore(supportTierSince[tier]))) {
            supportTierSince[tier] = since;
        }
    }

    /**
     * Whether raising the support tier to {@code tier} from {@code since} would change anything: the
     * student is below that tier, or the rules have recorded the need for it (or a higher tier) only
     * from a later day, or from none. The support-tier rules test it, so that a reason which adds
     * nothing (a second reason for a tier, found later than the first) does not fire and re-run the
     * rules that read the tier.
     */
    public boolean raisesSupportTier(int tier, LocalDate since) {
        if (supportTier < tier) {
            return true;
        }
        LocalDate recorded = null;
        for (int t = Math.max(1, tier); t <= 3; t++) {
            recorded = earlier(recorded, supportTierSince[t]);
        }
        return since != null && (recorded == null || since.isBefore(recorded));
    }

    /**
     * The first day the student needed support tier {@code level} or higher, as the tier rules
     * recorded it; the first enrolled day when they recorded none.
     */
    public LocalDate supportTierSince(int level) {
        LocalDate out = null;
        for (int t = Math.max(1, level); t <= 3; t++) {
            out = earlier(out, supportTierSince[t]);
        }
        return out == null ? enrolledSince : out;
    }

    // ---- decided by the relationship-first rules ----------------------------------------------------

    /** Intensive practices wait until {@code condition} (in plain words); called through {@code Advice.holdIntensive}. */
    public void holdIntensive(String rule, String condition) {
        if (intensiveWaits == null) {
            intensiveWaits = new TreeMap<>();
        }
        intensiveWaits.putIfAbsent(rule, java.util.Objects.requireNonNull(condition, "condition"));
    }

    /** What intensive practices wait for, in plain words (null: they need not wait). */
    public String getIntensiveWaitsFor() {
        if (intensiveWaits == null) {
            return null;
        }
        if (intensiveWaits.size() == 1) {
            return intensiveWaits.values().iterator().next(); // the usual case: one rule holds them
        }
        return String.join(" and ", new TreeSet<>(intensiveWaits.values()));
    }

    // ---- phrases for "because" -----------------------------------------------------------------

    /** "7 of 52 enrolled days missed (13.5%)". */
    public String missedSummary() {
        if (daysEnrolled == 0) {
            return "no enrolled school days yet this year";
        }
        if (missedSummary == null) { // many rules give it as a reason: made once per student
            missedSummary = number(daysMissed) + " of " + daysEnrolled + " enrolled days missed (" + percent(getAbsenceRate()) + ")";
        }
        return missedSummary;
    }

    private String missedSummary;

    /** "absent today (unexcused, transportation)". */
    public String absentTodayInWords() {
        return "absent today (" + words(String.valueOf(absenceTypeToday))
                + (absenceReasonToday == null ? "" : ", " + words(absenceReasonToday.name())) + ")";
    }

    /** "missed 20% of days last year". */
    public String priorYearInWords() {
        return "missed " + percent(getPriorYearAbsenceRate()) + " of days last year";
    }

    /** "3 of the last 20 school days missed". */
    public String missedLatelyInWords() {
        return number(missedLately) + " of the last " + recentSchoolDays + " school days missed";
    }

    /** "5 school days missed in a row". */
    public String absenceRunInWords() {
        return absenceRun + " school days missed in a row";
    }

    /** "no working phone number for the parent" or "a call on 2026-11-10 reached a wrong number". */
    public String phoneInWords() {
        if (wrongNumberOn != null) {
            return "a call on " + wrongNumberOn + " reached a wrong number or a dead line";
        }
        return contactRole == null ? "no contact on file" : "no working phone number for the " + switch (contactRole) {
            case PARENT -> "parent";
            case GUARDIAN -> "guardian";
            case EDUCATION_DECISION_MAKER -> "Education Decision Maker";
            case OTHER -> "contact on file";
        };
    }

    /** "3 attempts to reach the family since 2026-10-06 went unanswered". */
    public String unansweredInWords() {
        return unansweredSinceReached.size() + " attempts to reach the family"
                + (lastReachedOn == null ? "" : " since " + lastReachedOn) + " went unanswered";
    }

    /** "the family speaks Spanish; staff call in English" (languages by their English names, from the ISO 639 table). */
    public String languageInWords() {
        return "the family speaks " + Languages.nameOf(language) + "; staff call in " + Languages.nameOf(schoolLanguage);
    }

    /** The English name of the family's language: "Spanish", "Chinese (Traditional)". */
    public String getLanguageName() {
        return Languages.nameOf(language);
    }

    /** An enum value in words: {@code TRANSPORTATION} is "transportation". */
    private static String words(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    // ---- dates for "due" -------------------------------------------------------------------------

    /** The school day {@code n} school days after today. */
    public LocalDate schoolDaysFromToday(int n) { return schoolDays.plusSchoolDays(today, n); }

    /** Today, or the first school day of next month when the month's letter has gone. */
    public LocalDate firstSchoolDayOfMonth() { return schoolDays.firstSchoolDayOfMonthFrom(today); }

    /** The school day {@code n} school days after {@code from}. */
    public LocalDate schoolDaysAfter(LocalDate from, int n) { return schoolDays.plusSchoolDays(from, n); }

    /** {@code d}, or today when {@code d} has already passed. */
    public LocalDate notBeforeToday(LocalDate d) { return d.isBefore(today) ? today : d; }

    /** Calendar days from {@code d} to today. */
    public long daysSince(LocalDate d) { return ChronoUnit.DAYS.between(d, today); }

    /** The school days of the calendar (for the plan's due dates). */
    public SchoolDays schoolDays() { return schoolDays; }

    static String percent(double share) {
        return oneDecimal(share * 100) + "%";
    }

    static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : oneDecimal(d);
    }

    /**
     * {@code String.format(Locale.ROOT, "%.1f", d)}, character for character (the same shortest decimal
     * digits, rounded half up), without the formatter's cost: these phrases are made for every
     * student, and the formatter was a tenth of a district's rule time.
     */
    static String oneDecimal(double d) {
        if (!Double.isFinite(d) || Double.doubleToRawLongBits(d) == Long.MIN_VALUE) { // and -0.0
            return String.format(Locale.ROOT, "%.1f", d);
        }
        String fastest = org.attendanceoutreach.internal.Decimals.oneDecimalOrNull(d);
        if (fastest != null) {
            return fastest;
        }
        String shortest = Double.toString(d);
        String fast = roundedToOneDecimal(shortest);
        return fast != null ? fast
                : new java.math.BigDecimal(shortest).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * {@code new BigDecimal(s).setScale(1, HALF_UP).toPlainString()} for a plain decimal {@code s}
     * ({@code 13.461538461538462}, {@code -0.05}), by rounding the digits as written; null for
     * anything else (an exponent), which the caller gives to {@code BigDecimal}.
     */
    static String roundedToOneDecimal(String s) {
        int dot = s.indexOf('.');
        if (dot < 0 || dot + 1 >= s.length() || s.indexOf('E') >= 0) {
            return null;
        }
        if (dot + 2 == s.length()) {
            return s; // one decimal already
        }
        boolean negative = s.charAt(0) == '-';
        char[] digits = new char[dot + 2]; // the integer part, the dot and one decimal
        s.getChars(0, dot + 2, digits, 0);
        if (s.charAt(dot + 2) >= '5') {
            // round the magnitude up (half up is away from zero), carrying through the digits
            int i = digits.length - 1;
            while (i >= 0) {
                char c = digits[i];
                if (c == '.') {
                    i--;
                    continue;
                }
                if (c < '0' || c > '9') {
                    break; // the sign: every digit carried
                }
                if (c == '9') {
                    digits[i] = '0';
                    i--;
                    continue;
                }
                digits[i]++;
                return new String(digits);
            }
            // 9.95 -> 10.0, -99.97 -> -100.0
            String rest = new String(digits, negative ? 1 : 0, digits.length - (negative ? 1 : 0));
            return (negative ? "-1" : "1") + rest;
        }
        String out = new String(digits);
        // -0.04 rounds to 0.0 in BigDecimal (no negative zero)
        return negative && isZero(out) ? out.substring(1) : out;
    }

    private static boolean isZero(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "StudentFacts[" + studentId + "]";
    }

    /** Mutable assembly of the facts; see {@link FactsCalculator}. */
    static final class Builder {
        String studentId;
        String grade;
        LocalDate today;
        LocalDate firstDayOfSchool;
        SchoolDays schoolDays;
        int daysEnrolled;
        LocalDate withdrawnOn;
        double daysMissed;
        boolean enoughDays;
        AbsenceType absenceTypeToday;
        AbsenceReason absenceReasonToday;
        int absenceRun;
        double missedLately;
        int recentSchoolDays;
        double daysMissedForHealth;
        double barrierDays;
        Double priorYearAbsenceRate;
        boolean fosterCare;
        boolean iep;
        boolean englishLearner;
        boolean homeless;
        boolean juvenileJustice;
        boolean newToSchool;
        ContactRole contactRole;
        boolean hasWorkingPhone;
        boolean hasEducationDecisionMaker;
        String language;
        String schoolLanguage;
        boolean interpreterNeeded;
        MeetingType nextMeetingType;
        LocalDate nextMeetingDate;
        LocalDate mentorAssignedOn;
        LocalDate mentorIntroducedOn;
        LocalDate firstPositiveContactOn;
        int positiveContacts;
        int reasonsMissed;
        LocalDate meetingInViewSince;
        LocalDate enrolledSince;
        LocalDate atRiskSince;
        LocalDate chronicSince;
        LocalDate severeSince;
        LocalDate stillMissingSince;
        LocalDate familyBarrierSince;
        LocalDate communityBarrierSince;
        LocalDate housingSince;
        LocalDate healthPlanSince;
        LocalDate absenceRunStartedOn;
        LocalDate lastDayOfSchool;
        int schoolDaysLeft;
        List<OutreachRecord> outreach = List.of();
        LocalDate lastReachedOn;
        LocalDate wrongNumberOn;
        List<LocalDate> unansweredSinceReached = List.of();
        boolean calledToday;
        double missedInFirstWeeks;
        int earlyWarningSchoolDays;
        LocalDate earlyWarningSince;
        /** Null for a student without supports (most): nothing is allocated for them. */
        TreeMap<String, Intervention> inPlace;
        List<Progress> progress;
        LocalDate mentorFromSupport;
        LocalDate tier2NotImprovingSince;
        String tier2NotImprovingInWords;
        double tier2RateSince;
    }
}
