package org.attendanceoutreach.policy;

/**
 * The numbers of the attendance policy. Rates are shares (0.10 is 10%); days are instructional
 * ("school") days unless the name says calendar days. Rules read them as a fact:
 * {@code Policy( $severe : severeChronicFrom )}.
 *
 * @param atRiskFrom                    share of enrolled days missed from which a student is at risk
 * @param moderateChronicFrom           … moderately chronically absent
 * @param severeChronicFrom             … severely chronically absent
 * @param minimumEnrolledDays           fewer enrolled days than this: not enough data for a tier
 * @param supportTier2PriorYearFrom     last year's rate from which a student gets support tier 2
 * @param supportTier3PriorYearFrom     last year's rate from which a student gets support tier 3
 * @param recentSchoolDays              how many recent school days "lately" covers
 * @param stillMissingDays              days missed lately that mean absences are still adding up
 * @param longAbsenceRun                consecutive days missed that call for the attendance team (and that let
 *                                      intensive support start before a positive contact)
 * @param meetingWithinCalendarDays     how far ahead a planned meeting counts as "coming up"
 * @param secondContactAfterCalendarDays  earliest second positive contact after the first meeting
 * @param secondContactWithinCalendarDays latest second positive contact after the first meeting
 * @param mostlyIllnessShare            share of days missed for illness that calls for the nurse
 * @param healthPlanMinimumDaysMissed   days missed for illness before a health plan is worth it
 * @param familyBarrierDays             days missed for transportation, family or housing reasons that
 *                                      call for the family's help bank and the parent network
 * @param communityBarrierDays          such days that call for community partners
 * @param unansweredAttemptsBeforeAskingStaff unanswered calls, texts or visits since the family was last
 *                                      reached after which staff who know the family are asked for help
 * @param lastWeeksSchoolDays           the last weeks of the year, in school days before the last day: no new
 *                                      mentor relationship starts then; young chronically absent students'
 *                                      families are invited to a summer meeting
 * @param lettersCompareWithClassmates whether letters compare the child's days missed with the typical
 *                                      classmate's (off by default: some parents were offended by it)
 * @param lettersClassmatesMinimum      the fewest students of the same grade for that comparison
 * @param lettersReadingGrade           the highest Flesch-Kincaid grade at which validate lets an English
 *                                      letter or text read
 * @param textsEverySchoolDays          school days between personal texts to a family the school has reached
 *                                      by phone (letters package: when a text is due)
 * @param staffMinutesPerDay            the minutes one staff member can give the plan's work in a school day: the
 *                                      report's week load says so when a role's day needs more than one person
 * @param followUpMinimumSchoolDays     school days a support must have been in place before its trend is
 *                                      told (before: {@code TOO_EARLY}); a tier-2 support in place this long
 *                                      without improvement calls for tier 3
 * @param followUpImprovementMargin     how much lower the share of days missed since a support started must be
 *                                      than before it, for the support to count as {@code IMPROVING}
 * @param earlyWarningSchoolDays        the first weeks of a student's year, in enrolled school days: the early
 *                                      warning looks at them
 * @param earlyWarningDaysMissed        days missed in the first weeks that call for attention before a tier can
 *                                      be told
 *
 * <p>How soon each practice is due is not here: it is each practice's {@code dueWithinSchoolDays}
 * in {@code catalog.json}.
 */
public record Policy(double atRiskFrom, double moderateChronicFrom, double severeChronicFrom,
                     int minimumEnrolledDays, double supportTier2PriorYearFrom, double supportTier3PriorYearFrom,
                     int recentSchoolDays, int stillMissingDays, int longAbsenceRun,
                     int meetingWithinCalendarDays, int secondContactAfterCalendarDays,
                     int secondContactWithinCalendarDays, double mostlyIllnessShare, int healthPlanMinimumDaysMissed,
                     int familyBarrierDays, int communityBarrierDays, int unansweredAttemptsBeforeAskingStaff,
                     int lastWeeksSchoolDays, boolean lettersCompareWithClassmates, int lettersClassmatesMinimum,
                     int lettersReadingGrade, int textsEverySchoolDays, int staffMinutesPerDay, int followUpMinimumSchoolDays,
                     double followUpImprovementMargin, int earlyWarningSchoolDays, int earlyWarningDaysMissed) {

    /** The defaults of the contract and the guides. */
    public static final Policy DEFAULTS = PolicyFile.defaults();
}
