package org.attendanceoutreach.letters;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.facts.FactsCalculator;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.internal.Languages;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.rules.RuleProblem;
import org.attendanceoutreach.rules.RuleSet;
import org.attendanceoutreach.rules.RuleSource;
import org.attendanceoutreach.rules.RulesException;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.OutreachKind;
import org.attendanceoutreach.school.OutreachRecord;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.Student;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes what a student's plan asks to send or say (contract section 9), from the templates of the
 * rules folder ({@code rules/letters/}):
 * <ul>
 *   <li>the <b>monthly letter</b>, for a plan with {@code monthly-letter-and-follow-up-call}: the days
 *       the child has missed this year, that every day counts and days add up, that the family can
 *       help and the school wants to, something positive, whom to call;</li>
 *   <li>a <b>call script</b> for each call due today or overdue (the catalog's {@code "call": true}
 *       practices of step 1, one per caller and contact, as the call list has them): the opening, what
 *       the call is for, what to listen for, a positive close, the interpreter note;</li>
 *   <li>a short <b>text</b> between calls: for an at-risk or chronically absent student whose family the
 *       school has reached by a personal call, when no call is due and {@code texts-every-school-days}
 *       school days have passed since the last call or text, about how the child has done since.</li>
 * </ul>
 * A letter and a text are in the contact's language when there is a template in it, else in the
 * school's, else in English ({@code translated: false}); a call script is in the school's language
 * (staff read it), else in English. Never in any other language: when none of those has a template of
 * the kind, nothing of that kind is written for the student, and {@link #write(SchoolFile, SchoolResult)}
 * says so ({@link NotWritten}).
 * Thread-safe and immutable.
 *
 * <pre>
 * Letters letters = Letters.of(engine);                       // the templates of the engine's rules, checked
 * List&lt;Communication&gt; all = letters.forSchool(file, engine.evaluate(file));
 * </pre>
 */
public final class Letters {
    /** The practice of the monthly letter. */
    public static final String MONTHLY_LETTER = "monthly-letter-and-follow-up-call";
    /** The practice whose follow-up texts the texts are (the chart: calls, then regular personal texts). */
    public static final String PERSONAL_CALL = "personal-call-home";

    /** The order of the output: student, then letters, call scripts, texts, then practice. */
    public static final Comparator<Communication> ORDER = Comparator.comparing(Communication::studentId)
            .thenComparing(Communication::kind).thenComparing(Communication::intervention)
            .thenComparing(c -> c.contactRole() == null ? "" : c.contactRole().name())
            .thenComparing(Communication::schoolId);

    private final LetterTemplates templates;
    private final RuleSet rules;

    private Letters(LetterTemplates templates, RuleSet rules) {
        this.templates = templates;
        this.rules = rules;
    }

    /**
     * The letters of these rules: their folder's templates, checked as {@code validate} checks them.
     *
     * @throws RulesException listing every problem of the templates, as FILE:LINE: message
     */
    public static Letters of(RuleSet rules) throws RulesException {
        LetterTemplates t = LetterTemplates.of(rules.letterFiles(), rules.source()::displayName);
        List<RuleProblem> problems = t.check(rules.catalog(), rules.policy());
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        return new Letters(t, rules);
    }

    /** The letters of the rules the engine uses now. */
    public static Letters of(OutreachEngine engine) throws RulesException {
        return of(engine.rules());
    }

    /**
     * {@code validate}'s check of the letters folder (for {@code RuleValidator.standard().with(Letters::check)}):
     * every template problem as FILE:LINE: message, and every kind without an English template (the
     * last language tried; {@link #of} accepts that, and reports each student it leaves without one).
     */
    public static List<RuleProblem> check(RuleSet rules, Map<String, String> files) {
        Map<String, String> letters = new TreeMap<>();
        files.forEach((name, text) -> {
            if (name.startsWith(RuleSource.LETTERS + "/")) {
                letters.put(name, text);
            }
        });
        LetterTemplates templates = LetterTemplates.of(letters, rules.source()::displayName);
        List<RuleProblem> out = new ArrayList<>(templates.check(rules.catalog(), rules.policy()));
        out.addAll(templates.checkLastResort());
        return out;
    }

    /**
     * What was written for a school file's (or one student's) students, in {@link #ORDER}, and what the
     * plans asked for that could not be written (no template of its kind in the languages tried), by
     * student id.
     */
    public record Outcome(List<Communication> written, List<NotWritten> notWritten) {
        public Outcome {
            written = List.copyOf(written);
            notWritten = List.copyOf(notWritten);
        }
    }

    /**
     * Everything to send or say for a school file's students, in {@link #ORDER}. Students with errors get
     * nothing; what has no template in the languages tried is left out (see {@link #write(SchoolFile, SchoolResult)}).
     */
    public List<Communication> forSchool(SchoolFile file, SchoolResult result) {
        return write(file, result).written();
    }

    /** Everything to send or say for a school file's students, and what could not be written. */
    public Outcome write(SchoolFile file, SchoolResult result) {
        Map<String, Student> students = new HashMap<>();
        for (StudentInput in : file.students()) {
            if (in.ok()) {
                students.putIfAbsent(in.student().studentId(), in.student());
            }
        }
        Map<String, Double> typical = typicalDaysMissed(students, result);
        List<Communication> out = new ArrayList<>();
        List<NotWritten> missing = new ArrayList<>();
        for (StudentResult r : result.students()) {
            Student s = students.get(r.studentId());
            if (s != null && !r.isError()) {
                out.addAll(writeStudent(file.school().withAsOf(r.asOf()), s, r, s.grade() == null ? null : typical.get(s.grade()),
                        missing));
            }
        }
        return outcome(out, missing);
    }

    private static Outcome outcome(List<Communication> out, List<NotWritten> missing) {
        out.sort(ORDER);
        missing.sort(Comparator.comparing(NotWritten::studentId).thenComparing(NotWritten::kind)
                .thenComparing(NotWritten::intervention));
        return new Outcome(out, missing);
    }

    /**
     * Everything to send or say for one student, in {@link #ORDER} (no comparison with classmates: that
     * needs the school); what has no template in the languages tried is left out (see {@link #write(School, Student, StudentResult)}).
     */
    public List<Communication> forStudent(School school, Student student, StudentResult result) {
        return write(school, student, result).written();
    }

    /** Everything to send or say for one student, and what could not be written. */
    public Outcome write(School school, Student student, StudentResult result) {
        if (result.isError()) {
            return new Outcome(List.of(), List.of());
        }
        List<NotWritten> missing = new ArrayList<>();
        List<Communication> out = new ArrayList<>(writeStudent(school.withAsOf(result.asOf()), student, result, null, missing));
        return outcome(out, missing);
    }

    /**
     * The first thing to say on a call due today, in the school's language, else in English (the call
     * script's opening, from {@code call-opening.LANGUAGE.mustache}); empty when no call is due for the
     * student or neither language has the template (the call list then writes the line from the plan).
     * For the call list, which shows it beside each call.
     */
    public Optional<String> openingLine(School school, Student student, StudentResult result) {
        if (result.isError()) {
            return Optional.empty();
        }
        School day = school.withAsOf(result.asOf());
        Facts f = facts(day, student, result);
        List<List<Recommendation>> calls = calls(result);
        if (calls.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> lang = templates.choose(LetterTemplates.Kind.CALL_OPENING, day.schoolLanguage(), day.schoolLanguage());
        if (lang.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> m = callModel(f, calls.get(0), lang.get());
        LetterTemplates.Rendered r = templates.render(LetterTemplates.Kind.CALL_OPENING, lang.get(), m);
        return Optional.of((r.subject() + (r.body().isEmpty() ? "" : " " + r.body())).replaceAll("\\s+", " ").strip());
    }

    // ---- one student ----

    /** What the templates need of a student, worked out once. */
    private record Facts(School school, Student student, StudentResult result, StudentFacts facts, Contact contact,
                         SchoolDays days) {
    }

    private Facts facts(School school, Student student, StudentResult result) {
        SchoolDays days = new SchoolDays(school.calendar());
        return new Facts(school, student, result, rules.facts(school, days, student), FactsCalculator.contactToReach(student), days);
    }

    private List<Communication> writeStudent(School school, Student student, StudentResult result, Double typicalDaysMissed,
                                             List<NotWritten> missing) {
        Facts f = facts(school, student, result);
        List<Communication> out = new ArrayList<>();
        result.recommendation(MONTHLY_LETTER).ifPresent(rec -> letter(f, rec, typicalDaysMissed, missing).ifPresent(out::add));
        List<List<Recommendation>> calls = calls(result);
        for (List<Recommendation> call : calls) {
            callScript(f, call, missing).ifPresent(out::add);
        }
        if (calls.isEmpty()) {
            text(f, missing).ifPresent(out::add);
        }
        return out;
    }

    /** The language to write a kind in for {@code wanted} (see {@link LetterTemplates#choose}); empty, and noted, when there is none. */
    private Optional<String> language(Facts f, LetterTemplates.Kind kind, Communication.Kind what, String intervention,
                                      String wanted, List<NotWritten> missing) {
        String school = f.school().schoolLanguage();
        Optional<String> lang = templates.choose(kind, wanted, school);
        if (lang.isEmpty()) {
            missing.add(new NotWritten(f.student().studentId(), intervention, what, kind.file, LetterTemplates.tried(wanted, school)));
        }
        return lang;
    }

    private Optional<Communication> letter(Facts f, Recommendation rec, Double typicalDaysMissed, List<NotWritten> missing) {
        String wanted = rec.language() != null ? rec.language() : f.facts().getLanguage();
        Optional<String> chosen = language(f, LetterTemplates.Kind.LETTER, Communication.Kind.LETTER, rec.intervention(), wanted,
                missing);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        String lang = chosen.get();
        Map<String, Object> m = common(f, lang, wanted);
        if (typicalDaysMissed != null && rules.policy().lettersCompareWithClassmates()) {
            m.put("comparison", "yes");
            m.put("typicalDaysMissed", number(typicalDaysMissed, Locale.forLanguageTag(lang)));
        }
        return Optional.of(communication(f, rec.intervention(), Communication.Kind.LETTER, LetterTemplates.Kind.LETTER, lang,
                wanted, rec.contactRole(), m));
    }

    private Optional<Communication> callScript(Facts f, List<Recommendation> call, List<NotWritten> missing) {
        String wanted = f.school().schoolLanguage();
        Optional<String> chosen = language(f, LetterTemplates.Kind.CALL_SCRIPT, Communication.Kind.CALL_SCRIPT,
                call.get(0).intervention(), wanted, missing);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        String lang = chosen.get();
        Map<String, Object> m = callModel(f, call, lang);
        return Optional.of(communication(f, call.get(0).intervention(), Communication.Kind.CALL_SCRIPT,
                LetterTemplates.Kind.CALL_SCRIPT, lang, wanted, call.get(0).contactRole(), m));
    }

    private Map<String, Object> callModel(Facts f, List<Recommendation> call, String lang) {
        Recommendation first = call.get(0);
        String familyLanguage = first.language() != null ? first.language() : f.facts().getLanguage();
        Map<String, Object> m = common(f, lang, familyLanguage);
        m.remove("otherLanguage");
        if (f.contact() != null && f.contact().relationship() != null && !f.contact().relationship().isBlank()) {
            m.put("relationship", f.contact().relationship().strip());
        }
        if (f.facts().isAbsentToday()) {
            m.put(f.facts().isSuspendedToday() ? "suspension" : "absentToday", "yes");
        }
        boolean interpreter = call.stream().anyMatch(r -> Boolean.TRUE.equals(r.interpreterNeeded()));
        if (interpreter) {
            m.put("interpreter", "yes");
        }
        Set<String> reasons = new LinkedHashSet<>();
        LocalDate due = null;
        for (Recommendation r : call) {
            m.put(r.intervention(), "yes");
            r.covers().forEach(id -> m.put(id, "yes"));
            reasons.addAll(r.because());
            due = due == null || r.due().isBefore(due) ? r.due() : due;
        }
        List<Object> reasonList = new ArrayList<>();
        reasons.forEach(r -> reasonList.add(Map.of("reason", r)));
        m.put("reasons", reasonList);
        if (due != null && due.isBefore(f.school().asOf())) {
            m.put("overdue", "yes");
            m.put("dueDate", longDate(due, lang));
        }
        return m;
    }

    /**
     * A text between calls: for an at-risk or chronically absent student whose family has been reached
     * by a personal call, with a working number, when {@code texts-every-school-days} school days have
     * passed since the last personal call or text.
     */
    private Optional<Communication> text(Facts f, List<NotWritten> missing) {
        AttendanceTier tier = f.result().attendanceTier();
        if (tier != AttendanceTier.AT_RISK && tier != AttendanceTier.MODERATE_CHRONIC && tier != AttendanceTier.SEVERE_CHRONIC) {
            return Optional.empty();
        }
        if (f.contact() == null || !f.contact().hasUsablePhone() || f.facts().isWithdrawn()) {
            return Optional.empty();
        }
        LocalDate asOf = f.school().asOf();
        LocalDate firstDay = f.school().calendar().firstDay();
        LocalDate lastCall = null;
        LocalDate lastTouch = null;
        for (OutreachRecord o : f.student().outreach()) {
            if (o.date().isAfter(asOf) || o.date().isBefore(firstDay)) {
                continue;
            }
            boolean call = o.kind() == OutreachKind.PERSONAL_CALL && o.isReached();
            if (call && (lastCall == null || o.date().isAfter(lastCall))) {
                lastCall = o.date();
            }
            if ((call || o.kind() == OutreachKind.PERSONAL_TEXT) && (lastTouch == null || o.date().isAfter(lastTouch))) {
                lastTouch = o.date();
            }
        }
        if (lastCall == null) {
            return Optional.empty();
        }
        int since = 0;
        int attended = 0;
        Map<LocalDate, Double> missed = new HashMap<>();
        for (Absence a : f.student().absences()) {
            if (a.type().isDayMissed()) {
                missed.merge(a.date(), a.portion(), Double::sum);
            }
        }
        LocalDate enrolled = f.student().enrolledOn();
        for (LocalDate d = lastTouch.plusDays(1); !d.isAfter(asOf); d = d.plusDays(1)) {
            if (!f.days().isSchoolDay(d) || (enrolled != null && d.isBefore(enrolled))) {
                continue;
            }
            since++;
            if (missed.getOrDefault(d, 0.0) < 1.0) {
                attended++;
            }
        }
        if (since < rules.policy().textsEverySchoolDays()) {
            return Optional.empty();
        }
        String wanted = f.facts().getLanguage();
        Optional<String> chosen = language(f, LetterTemplates.Kind.TEXT, Communication.Kind.TEXT, PERSONAL_CALL, wanted, missing);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        String lang = chosen.get();
        Map<String, Object> m = common(f, lang, wanted);
        m.put("schoolDaysSince", Integer.toString(since));
        m.put("daysAttendedSince", Integer.toString(attended));
        m.put(attended == since ? "everyDay" : "missedSome", "yes");
        return Optional.of(communication(f, PERSONAL_CALL, Communication.Kind.TEXT, LetterTemplates.Kind.TEXT, lang, wanted,
                f.contact().role(), m));
    }

    /** The calls due by today (the catalog's calls of step 1), one per caller and contact, the most pressing first. */
    private List<List<Recommendation>> calls(StudentResult result) {
        Catalog catalog = rules.catalog();
        Map<String, List<Recommendation>> byCall = new LinkedHashMap<>();
        for (Recommendation rec : result.recommendations()) {
            boolean call = catalog.find(rec.intervention()).map(Practice::call).orElse(false);
            if (call && rec.contactRole() != null && !rec.due().isAfter(result.asOf())) {
                byCall.computeIfAbsent(rec.owner() + "/" + rec.contactRole(), k -> new ArrayList<>()).add(rec);
            }
        }
        List<List<Recommendation>> out = new ArrayList<>();
        for (List<Recommendation> recs : byCall.values()) {
            recs.sort(Comparator.comparing((Recommendation x) -> catalog.find(x.intervention()).map(catalog::stageIndex)
                    .orElse(Integer.MAX_VALUE)).thenComparing(Recommendation.ORDER));
            out.add(recs);
        }
        return out;
    }

    private Communication communication(Facts f, String intervention, Communication.Kind kind, LetterTemplates.Kind template,
                                        String lang, String wanted, org.attendanceoutreach.school.ContactRole role,
                                        Map<String, Object> model) {
        boolean translated = LetterTemplates.sameLanguage(lang, wanted);
        if (!translated && kind != Communication.Kind.CALL_SCRIPT) {
            model.put("otherLanguage", "yes");
        }
        LetterTemplates.Rendered r = templates.render(template, lang, model);
        return new Communication(f.student().studentId(), intervention, kind, lang, translated, role, r.subject(), r.body(),
                f.school().schoolId(), f.school().asOf(), f.contact() == null ? null : blankToNull(f.contact().name()),
                f.school().name(), f.school().phone());
    }

    /** What every kind of template may show. */
    private Map<String, Object> common(Facts f, String lang, String familyLanguage) {
        Map<String, Object> m = new LinkedHashMap<>();
        Locale locale = Locale.forLanguageTag(lang);
        School school = f.school();
        put(m, "schoolName", school.name());
        put(m, "schoolPhone", school.phone());
        put(m, "contactPerson", school.contactPerson());
        Student s = f.student();
        put(m, "childName", s.firstName());
        put(m, "childFullName", fullName(s));
        put(m, "familyName", f.contact() == null ? null : f.contact().name());
        m.put("daysMissed", number(f.result().daysMissed(), locale));
        m.put("schoolDaysSoFar", Integer.toString(f.result().daysEnrolled()));
        m.put("date", longDate(school.asOf(), lang));
        m.put("familyLanguage", languageName(familyLanguage, locale));
        return m;
    }

    private static String fullName(Student s) {
        return ((s.firstName() == null ? "" : s.firstName()) + " " + (s.lastName() == null ? "" : s.lastName())).strip();
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value.strip());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** 7, 7.5 (English), 7,5 (Spanish). */
    static String number(double value, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(0);
        return f.format(value);
    }

    static String longDate(LocalDate day, String lang) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(lang)));
    }

    /** The language's name in the template's language where the JDK knows it (vietnamita), else its English name, else the tag. */
    static String languageName(String tag, Locale in) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        Locale l = Locale.forLanguageTag(tag);
        String name = l.getDisplayLanguage(in);
        if (!name.isBlank() && !name.equalsIgnoreCase(l.getLanguage())) {
            return name;
        }
        return Languages.englishName(tag).orElse(tag);
    }

    /**
     * The typical days missed of each grade: the median of the grade's evaluated, enrolled students,
     * for grades with at least {@code letters-classmates-minimum} of them.
     */
    private Map<String, Double> typicalDaysMissed(Map<String, Student> students, SchoolResult result) {
        Policy policy = rules.policy();
        if (!policy.lettersCompareWithClassmates()) {
            return Map.of();
        }
        Map<String, List<Double>> byGrade = new HashMap<>();
        for (StudentResult r : result.students()) {
            Student s = students.get(r.studentId());
            if (s != null && s.grade() != null && !r.isError() && r.daysEnrolled() > 0) {
                byGrade.computeIfAbsent(s.grade(), g -> new ArrayList<>()).add(r.daysMissed());
            }
        }
        Map<String, Double> out = new HashMap<>();
        byGrade.forEach((grade, days) -> {
            if (days.size() >= policy.lettersClassmatesMinimum()) {
                days.sort(Comparator.naturalOrder());
                int n = days.size();
                double median = n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2;
                out.put(grade, Math.round(median * 2) / 2.0);
            }
        });
        return out;
    }
}
