package org.attendanceoutreach.read;

import org.attendanceoutreach.internal.Languages;
import org.attendanceoutreach.internal.PlainText;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.Intervention;
import org.attendanceoutreach.school.Meeting;
import org.attendanceoutreach.school.OutreachRecord;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The checks of a school and a student's values that every way in makes: the school-file and
 * JSON-lines reader, the CSV and Ed-Fi readers, and the Java API (the engine runs them before
 * computing a student's facts, so {@code engine.evaluate(school, student)} with a prior-year rate
 * of 1.5 or {@code NaN}, a grade "13", a withdrawal before the enrolment or a language written as a
 * name or code instead of its tag gives a result carrying the problem, as reading the same student
 * from a file does).
 * Each problem is an {@link InvalidInputException} naming the field with the contract's path
 * ({@code contacts[1].language}); values are shown by the redaction rule of {@link Shown}.
 *
 * <p>What the calendar decides (an absence on a weekend or outside the enrolment, a day listed
 * twice) is checked where the absences are counted, in {@code facts.FactsCalculator}. Stateless.
 */
public final class InputCheck {
    /** Dates from this year … */
    public static final int FIRST_YEAR = 1900;
    /** … to this one: a school record needs no other, and date arithmetic far beyond them overflows. */
    public static final int LAST_YEAR = 2199;
    /** A calendar spans at most this many years (one school year, with room to spare). */
    public static final int MAX_CALENDAR_YEARS = 2;

    private InputCheck() {
    }

    /** Checks a school: the as-of day, the calendar and the school's language. */
    public static void school(School school) {
        date("asOf", school.asOf());
        SchoolCalendar calendar = school.calendar();
        date("calendar.firstDay", calendar.firstDay());
        date("calendar.lastDay", calendar.lastDay());
        if (calendar.lastDay().isAfter(calendar.firstDay().plusYears(MAX_CALENDAR_YEARS))) {
            throw new InvalidInputException("calendar.lastDay", "is more than " + MAX_CALENDAR_YEARS
                    + " years after calendar.firstDay; a school file holds one school year");
        }
        for (LocalDate closed : calendar.closedDays()) {
            date("calendar.closedDays", closed);
        }
        language("schoolLanguage", school.schoolLanguage());
    }

    /** Checks a student's own values (not yet against the calendar). */
    public static void student(Student s) {
        if (s.studentId().isBlank()) {
            throw new InvalidInputException("studentId", "is required and must be a non-empty string");
        }
        if (PlainText.hasUnpairedSurrogate(s.studentId())) {
            throw new InvalidInputException("studentId", "is not UTF-8 text: it holds half of a surrogate pair"
                    + " (a \\uD800 … \\uDFFF escape without its other half); write the character itself");
        }
        if (s.grade() != null && !Student.isGrade(s.grade())) {
            throw new InvalidInputException("grade", Shown.code(s.grade(), Student.GRADES) + " is not a grade (PK, K, 1 … 12)");
        }
        date("enrolledOn", s.enrolledOn());
        date("withdrawnOn", s.withdrawnOn());
        if (s.enrolledOn() != null && s.withdrawnOn() != null && !s.withdrawnOn().isAfter(s.enrolledOn())) {
            throw new InvalidInputException("withdrawnOn", "must be after enrolledOn");
        }
        language("context.homeLanguage", s.context().homeLanguage());
        List<Contact> contacts = s.contacts();
        for (int i = 0; i < contacts.size(); i++) {
            String tag = contacts.get(i).language();
            if (tag != null && !GOOD_TAGS.contains(tag)) {
                language("contacts[" + i + "].language", tag);
            }
        }
        Double prior = s.priorYearAbsenceRate();
        if (prior != null && !Double.isFinite(prior)) {
            throw new InvalidInputException("priorYearAbsenceRate", "is not a finite number");
        }
        if (prior != null && (prior < 0 || prior > 1)) {
            throw new InvalidInputException("priorYearAbsenceRate", Shown.number(prior) + " is outside 0 … 1 (a share: 0.14 means 14%)");
        }
        if (s.mentor() != null) {
            if (s.mentor().assignedOn() == null) {
                throw new InvalidInputException("mentor.assignedOn", "is required (a date, YYYY-MM-DD)");
            }
            date("mentor.assignedOn", s.mentor().assignedOn());
            date("mentor.familyIntroducedOn", s.mentor().familyIntroducedOn());
        }
        List<Meeting> meetings = s.meetings();
        for (int i = 0; i < meetings.size(); i++) {
            if (!inRange(meetings.get(i).date())) {
                date("meetings[" + i + "].date", meetings.get(i).date());
            }
        }
        List<OutreachRecord> outreach = s.outreach();
        for (int i = 0; i < outreach.size(); i++) {
            if (!inRange(outreach.get(i).date())) {
                date("outreach[" + i + "].date", outreach.get(i).date());
            }
        }
        interventions(s.interventions());
    }

    /** Language values that passed {@link #language} (the verdict depends on the text alone); at most 4,096. */
    private static final java.util.Set<String> GOOD_TAGS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** What a catalog id looks like: kebab-case ({@code success-mentor}). Whether the catalog has it is the engine's check. */
    private static final java.util.regex.Pattern PRACTICE_ID = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Ids that passed {@link #isPracticeId} (the verdict depends on the text alone); at most 4,096. */
    private static final java.util.Set<String> GOOD_IDS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Whether {@code id} has the form of a catalog id (kebab-case, at most 100 characters). */
    public static boolean isPracticeId(String id) {
        if (id != null && GOOD_IDS.contains(id)) {
            return true;
        }
        boolean good = id != null && id.length() <= 100 && PRACTICE_ID.matcher(id).matches();
        if (good && GOOD_IDS.size() < 4096) {
            GOOD_IDS.add(id);
        }
        return good;
    }

    /**
     * The supports in place: a catalog id in kebab-case, dates in range, an end not before the start,
     * and no practice listed twice for days that overlap (which of the two starts would count?).
     */
    private static void interventions(List<Intervention> all) {
        // one pass; a field's name is made only for a value that is wrong (as for the other records)
        for (int i = 0; i < all.size(); i++) {
            Intervention x = all.get(i);
            if (!isPracticeId(x.intervention())) {
                throw new InvalidInputException("interventions[" + i + "].intervention", (x.intervention().isBlank() ? "is empty"
                        : Shown.code(x.intervention(), List.of()) + " is not a catalog id")
                        + "; give the practice's id from rules/catalog.json in kebab-case, such as success-mentor");
            }
            if (!inRange(x.startedOn())) {
                date("interventions[" + i + "].startedOn", x.startedOn());
            }
            if (!inRange(x.endedOn())) {
                date("interventions[" + i + "].endedOn", x.endedOn());
            }
            if (x.endedOn() != null && x.endedOn().isBefore(x.startedOn())) {
                throw new InvalidInputException("interventions[" + i + "].endedOn", x.endedOn() + " is before startedOn "
                        + x.startedOn() + "; endedOn is the support's last day");
            }
            int j = listedBefore(all, i);
            if (j >= 0) {
                throw new InvalidInputException("interventions[" + i + "].startedOn", x.intervention()
                        + " is listed twice for days that overlap (also interventions[" + j + "]); end the first before"
                        + " the second starts, or keep one");
            }
        }
    }

    /** The first support before {@code i} that is the same practice for days that overlap, or -1. */
    private static int listedBefore(List<Intervention> all, int i) {
        Intervention x = all.get(i);
        for (int j = 0; j < i; j++) {
            if (all.get(j).intervention().equals(x.intervention()) && overlap(x, all.get(j))) {
                return j;
            }
        }
        return -1;
    }

    private static boolean overlap(Intervention a, Intervention b) {
        return (a.endedOn() == null || !a.endedOn().isBefore(b.startedOn())) && (b.endedOn() == null || !b.endedOn().isBefore(a.startedOn()));
    }

    /** Whether a date is null or in the years allowed (the field's name is made only for a date that is not). */
    private static boolean inRange(LocalDate d) {
        return d == null || d.getYear() >= FIRST_YEAR && d.getYear() <= LAST_YEAR;
    }

    /** A date of a record: null (not given) or in the years {@value #FIRST_YEAR} … {@value #LAST_YEAR}. */
    public static LocalDate date(String field, LocalDate d) {
        if (d != null && (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR)) {
            throw new InvalidInputException(field, d + " is not in the years " + FIRST_YEAR + " … " + LAST_YEAR);
        }
        return d;
    }

    /**
     * A language: a BCP 47 tag ({@link School#isLanguageTag}), in its shortest form. A known language
     * written otherwise ({@code English}, {@code spa} for {@code es}, {@code es_MX}) is a problem, since it would never equal the
     * school's tag and would call for an interpreter by mistake; the readers turn such values into
     * tags, the Java API is told which tag to give. A value no ISO 639 table knows ({@code Other}) is
     * accepted as the CSV and Ed-Fi readers keep it (with a warning there): it differs from the
     * school's language, so an interpreter is flagged.
     */
    private static void language(String field, String tag) {
        if (GOOD_TAGS.contains(tag)) {
            return; // checked before: a district's students name a few languages
        }
        Optional<String> known = Languages.tagFor(tag).or(() -> Languages.tagFor(tag.strip().replace('_', '-')));
        if (School.isLanguageTag(tag) && (known.isEmpty() || known.get().equalsIgnoreCase(tag))) {
            if (GOOD_TAGS.size() < 4096 && tag.length() <= 64) {
                GOOD_TAGS.add(tag);
            }
            return; // a tag, as BCP 47 writes it (es, not spa), or one of a language no table knows
        }
        if (tag.isBlank()) {
            throw new InvalidInputException(field, "is empty; leave it out or give a language tag such as en, es or zh-Hant");
        }
        if (known.isPresent()) {
            throw new InvalidInputException(field, Shown.language(tag) + " is not a BCP 47 language tag; give the tag of the language it names: "
                    + known.get());
        }
    }
}
