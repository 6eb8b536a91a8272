package org.attendanceoutreach.letters;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.TestEngine;
import org.attendanceoutreach.csv.AttendanceCodes;
import org.attendanceoutreach.csv.CsvSchoolReader;
import org.attendanceoutreach.edfi.DescriptorMap;
import org.attendanceoutreach.edfi.EdFiImport;
import org.attendanceoutreach.edfi.EdFiReader;
import org.attendanceoutreach.internal.Readability;
import org.attendanceoutreach.output.CallList;
import org.attendanceoutreach.policy.PolicyFile;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.rules.RuleSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What issue 13 asks of every letter, call script and text, on the sample school, on the letters
 * fixture (no school details, no names, a language without templates, texts, a suspension), on
 * Ed-Fi and on CSV input: the days missed stated, no threat, plain English, the family's language.
 */
class LettersTest {
    private static OutreachEngine engine;
    private static Letters letters;
    private static LetterTemplates templates;

    /** A school file and what it gives. */
    record Written(SchoolFile file, SchoolResult result, List<Communication> all) {
        StudentResult result(String id) {
            return result.students().stream().filter(r -> r.studentId().equals(id)).findFirst().orElseThrow();
        }

        List<Communication> of(String id) {
            return all.stream().filter(c -> c.studentId().equals(id)).toList();
        }

        Communication one(String id, Communication.Kind kind) {
            List<Communication> found = of(id).stream().filter(c -> c.kind() == kind).toList();
            assertEquals(1, found.size(), id + " " + kind + ": " + found);
            return found.get(0);
        }
    }

    @BeforeAll
    static void load() throws Exception {
        engine = TestEngine.get();
        letters = Letters.of(engine);
        templates = LetterTemplates.of(engine.rules().letterFiles(), n -> n);
    }

    static Written write(SchoolFile file) {
        SchoolResult r = engine.evaluate(file);
        return new Written(file, r, letters.forSchool(file, r));
    }

    static Written sample() throws Exception {
        return write(new SchoolFileReader().read(Path.of("fixtures/sample-school.json")));
    }

    static Written fixture() throws Exception {
        return write(new SchoolFileReader().read(Path.of("fixtures/letters/letters-school.json")));
    }

    static Written edfi() throws Exception {
        DescriptorMap map = DescriptorMap.load(List.of(Path.of("fixtures/edfi/lakeside-descriptors.json")));
        EdFiImport imported = new EdFiReader(map).read(Path.of("fixtures/edfi"), LocalDate.of(2026, 11, 20), null);
        return write(imported.schools().get(0));
    }

    static Written csv() throws Exception {
        return write(new CsvSchoolReader(AttendanceCodes.load(Path.of("fixtures/csv/codes.csv")))
                .read(Path.of("fixtures/csv/roster.csv"), Path.of("fixtures/csv/attendance.csv"), Path.of("fixtures/csv/school.json")));
    }

    static List<Written> everyInput() throws Exception {
        return List.of(sample(), fixture(), edfi(), csv());
    }

    @Test
    void everyLetterStatesTheDaysMissedTheEngineComputed() throws Exception {
        int letters = 0;
        for (Written w : everyInput()) {
            for (Communication c : w.all()) {
                if (c.kind() != Communication.Kind.LETTER) {
                    continue;
                }
                letters++;
                StudentResult r = w.result(c.studentId());
                String days = Letters.number(r.daysMissed(), Locale.forLanguageTag(c.language()));
                assertTrue(Pattern.compile("\\b" + Pattern.quote(days) + " (days|días)").matcher(c.body()).find(),
                        c + " must state " + days + " days missed:\n" + c.body());
            }
        }
        assertTrue(letters >= 15, "letters written: " + letters);
    }

    @Test
    void everyStudentWhosePlanCallsForTheLetterGetsOneAndNoOneElse() throws Exception {
        for (Written w : everyInput()) {
            for (StudentResult r : w.result().students()) {
                boolean planned = !r.isError() && r.recommendation(Letters.MONTHLY_LETTER).isPresent();
                long written = w.of(r.studentId()).stream().filter(c -> c.kind() == Communication.Kind.LETTER).count();
                assertEquals(planned ? 1 : 0, written, r.studentId());
            }
        }
    }

    @Test
    void nothingWrittenThreatensOrLeavesATemplateTagOrAMissingValue() throws Exception {
        int checked = 0;
        for (Written w : everyInput()) {
            // what the input says (a "court appointed guardian") is the family's business; the templates' own words are checked
            List<String> relationships = w.file().students().stream().filter(StudentInput::ok)
                    .flatMap(in -> in.student().contacts().stream()).map(c -> c.relationship()).filter(r -> r != null).toList();
            for (Communication c : w.all()) {
                String text = c.subject() + "\n" + c.body();
                for (String r : relationships) {
                    text = text.replace(r, "");
                }
                assertTrue(templates.forbiddenIn(text).isEmpty(), c + " uses '" + templates.forbiddenIn(text).orElse("") + "'");
                assertFalse(text.contains("{{") || text.contains("}}"), c + ": a tag was left:\n" + text);
                assertFalse(text.contains("null"), c + ": a missing value shows as null:\n" + text);
                String shown = c.subject() + "\n" + c.body();
                assertFalse(Pattern.compile(" [,.:;?]|\\(\\s*\\)|\\S {2,}\\S").matcher(shown).find(),
                        c + ": a gap where a value is missing:\n" + text);
                checked++;
            }
        }
        assertTrue(checked >= 40, "communications checked: " + checked);
        // the check finds a threat when there is one (else it would prove nothing)
        assertEquals("truancy", templates.forbiddenIn("This is a Truancy notice.").orElse(""));
        assertEquals("multa", templates.forbiddenIn("Podría recibir una MULTA.").orElse(""));
        assertEquals("failure to comply", templates.forbiddenIn("Failure to comply will …").orElse(""));
    }

    @Test
    void englishLettersAndTextsReadAtGradeSixOrBelow() throws Exception {
        int checked = 0;
        double worst = 0;
        for (Written w : everyInput()) {
            for (Communication c : w.all()) {
                if (c.kind() == Communication.Kind.CALL_SCRIPT || !c.language().equals("en")) {
                    continue;
                }
                double grade = Readability.grade(c.subject() + "\n" + c.body());
                worst = Math.max(worst, grade);
                assertTrue(grade <= 6.0, c + " reads at grade " + grade + ":\n" + c.body());
                checked++;
            }
        }
        assertTrue(checked >= 10, "English letters and texts checked: " + checked);
        assertTrue(worst > 1, "the grade is computed (worst " + worst + ")");
    }

    @Test
    void spanishSpeakingFamiliesGetSpanishAndALanguageWithoutTemplatesGetsTheSchoolsWithTheInterpreterStanding() throws Exception {
        Written sample = sample();
        Communication mateo = sample.one("S-1004", Communication.Kind.LETTER);
        assertEquals("es", mateo.language());
        assertTrue(mateo.translated());
        assertTrue(mateo.body().contains("Mateo ha faltado 7 días"), mateo.body());

        Written fixture = fixture();
        Communication mexico = fixture.one("L-1", Communication.Kind.LETTER);
        assertEquals("es", mexico.language(), "es-MX is written in es");
        assertTrue(mexico.translated());
        assertTrue(mexico.body().contains("su hijo o hija ha faltado 6 días"), "no name on file: " + mexico.body());

        Communication somali = fixture.one("L-2", Communication.Kind.LETTER);
        assertEquals("en", somali.language());
        assertFalse(somali.translated());
        assertTrue(somali.body().contains("If you would like to talk in Somali"), somali.body());
        assertEquals(Boolean.TRUE, fixture.result("L-2").recommendation(Letters.MONTHLY_LETTER).orElseThrow().interpreterNeeded(),
                "the plan's interpreter need stands");

        Written edfi = edfi();
        Communication vietnamese = edfi.all().stream().filter(c -> c.studentId().equals("E-108")).findFirst().orElse(null);
        if (vietnamese != null && vietnamese.kind() != Communication.Kind.CALL_SCRIPT) {
            assertFalse(vietnamese.translated());
        }
    }

    /**
     * Issue 14 item 4: with the English letter and call script deleted, English-speaking families used to
     * get them in Spanish (translated: false). Now nothing is written in a language nobody chose: each
     * letter and call script the shipped templates write in English is reported instead (ids and
     * language tags only), and the Spanish-speaking family still gets Spanish. Seen to fail with the
     * "first language there is" fallback put back in LetterTemplates.choose.
     */
    @Test
    void withoutAnEnglishTemplateNothingIsWrittenInAnotherLanguageAndEachGapIsReported(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path rules = dir.resolve("rules");
        try (var files = Files.walk(Path.of("rules"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = rules.resolve(Path.of("rules").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Files.delete(rules.resolve("letters/letter.en.mustache"));
        Files.delete(rules.resolve("letters/call-script.en.mustache"));
        OutreachEngine noEnglish = OutreachEngine.builder().rulesFolder(rules).build();
        Letters spanishOnly = Letters.of(noEnglish); // the templates there are still pass their checks
        SchoolFile file = new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
        Letters.Outcome outcome = spanishOnly.write(file, noEnglish.evaluate(file));

        for (Communication c : outcome.written()) {
            assertTrue(!c.language().equals("es") || c.translated(), "Spanish only for a family that speaks it: " + c);
            assertTrue(c.kind() == Communication.Kind.TEXT || c.kind() == Communication.Kind.LETTER && c.language().equals("es"), c.toString());
        }
        Communication mateo = outcome.written().stream().filter(c -> c.studentId().equals("S-1004")).findFirst().orElseThrow();
        assertEquals("es", mateo.language());

        // exactly what the shipped templates write in English is missing, and reported
        Set<String> english = sample().all().stream().filter(c -> c.kind() != Communication.Kind.TEXT && c.language().equals("en"))
                .map(c -> c.studentId() + " " + c.kind() + " " + c.intervention()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> reported = outcome.notWritten().stream().map(n -> n.studentId() + " " + n.kind() + " " + n.intervention())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(english.size() >= 5, english.toString());
        assertEquals(english, reported);
        assertEquals(outcome.notWritten().size(), reported.size(), "one report per missing communication");
        NotWritten vietnamese = outcome.notWritten().stream().filter(n -> n.studentId().equals("S-1014")).findFirst().orElseThrow();
        assertEquals(List.of("vi", "en"), vietnamese.languagesTried());
        assertEquals("S-1014: no letter written (monthly-letter-and-follow-up-call): there is no letter template in vi or en,"
                + " the languages tried (the family's language, then the school's, then English); add letters/letter.en.mustache"
                + " to the rules folder (./outreach validate says what is missing)", vietnamese.message());
        NotWritten call = outcome.notWritten().stream().filter(n -> n.kind() == Communication.Kind.CALL_SCRIPT).findFirst().orElseThrow();
        assertEquals(List.of("en"), call.languagesTried(), "a call script: the school's language, then English");
        Set<String> names = new TreeSet<>();
        for (StudentInput in : file.students()) {
            if (in.ok()) {
                names.add(in.student().firstName());
                in.student().contacts().forEach(c -> names.add(c.name()));
            }
        }
        names.removeIf(n -> n == null || n.isBlank());
        for (NotWritten n : outcome.notWritten()) {
            for (String name : names) {
                assertFalse(n.message().contains(name), "no personal data: " + n.message());
            }
        }
    }

    @Test
    void aLetterWithoutTheSchoolsDetailsStillReadsWell() throws Exception {
        Communication ivy = fixture().one("L-7", Communication.Kind.LETTER);
        assertEquals(null, ivy.contactRole(), "no contact on file");
        assertTrue(ivy.body().startsWith("Dear family,"), ivy.body());
        assertTrue(ivy.body().contains("please call us at the school office."), ivy.body());
        assertTrue(ivy.body().endsWith("Sincerely,\nYour school"), ivy.body());
        Communication olivia = sample().one("S-1005", Communication.Kind.LETTER);
        assertTrue(olivia.body().contains("please call Ms. Rivera at 555-0100."), olivia.body());
        assertTrue(olivia.body().endsWith("Ms. Rivera\nMaple Grove Elementary"), olivia.body());
    }

    @Test
    void callScriptsAreTheCallListsCallsWithTheOpeningTheInterpreterAndASuspensionOpener() throws Exception {
        for (Written w : everyInput()) {
            Set<String> scripts = w.all().stream().filter(c -> c.kind() == Communication.Kind.CALL_SCRIPT)
                    .map(c -> c.studentId() + "/" + c.contactRole()).collect(Collectors.toCollection(TreeSet::new));
            // the call list's entries that carry a call (not those that only ask to find a contact and a number)
            Set<String> calls = CallList.of(w.file(), w.result(), engine.catalog()).stream()
                    .filter(c -> c.interventions().stream().anyMatch(id -> engine.catalog().get(id).call()))
                    .map(c -> c.studentId() + "/" + c.contactRole()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(calls, scripts, "one script per call of the call list");
        }
        Written sample = sample();
        Communication mateo = sample.one("S-1004", Communication.Kind.CALL_SCRIPT);
        assertEquals("en", mateo.language(), "staff read the script in the school's language");
        assertTrue(mateo.body().contains("isn't at school today, and we miss Mateo. Is everything OK?"), mateo.body());
        assertTrue(mateo.body().contains("adult interpreter for Spanish"), mateo.body());
        assertTrue(mateo.body().contains("Never ask the child or a brother or sister to interpret."), mateo.body());
        assertTrue(mateo.body().contains("Close on a positive note:"), mateo.body());
        assertTrue(mateo.body().contains("Listen for:"), mateo.body());
        Communication liam = sample.of("S-1005").stream().filter(c -> c.kind() == Communication.Kind.CALL_SCRIPT).findFirst().orElseThrow();
        assertFalse(liam.body().contains("interpreter for"), "no interpreter for an English-speaking family");

        Communication eli = fixture().one("L-6", Communication.Kind.CALL_SCRIPT);
        assertTrue(eli.body().contains("I'm calling about today. We want Eli back in class"), eli.body());
        assertFalse(eli.body().contains("we miss Eli"), "a suspension has its own opener: " + eli.body());

        SchoolFile file = new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
        StudentResult r = sample.result("S-1004");
        String opening = letters.openingLine(file.school(), student(file, "S-1004"), r).orElseThrow();
        assertTrue(opening.startsWith("\"Hello, may I speak with Ana Reyes? Hi, this is [your name] from Maple Grove Elementary."), opening);
        assertTrue(mateo.body().contains(opening), "the script opens with the opening line");
        assertTrue(letters.openingLine(file.school(), student(file, "S-1001"), sample.result("S-1001")).isEmpty(),
                "no call due: no opening line");
    }

    @Test
    void aTextComesBetweenCallsWhenTheFamilyWasReachedAndEnoughSchoolDaysHavePassed() throws Exception {
        Written w = fixture();
        Communication maya = w.one("L-3", Communication.Kind.TEXT);
        assertEquals(Letters.PERSONAL_CALL, maya.intervention());
        assertTrue(maya.body().contains("Maya came to school all 7 days since we last talked"), maya.body());
        assertTrue(w.of("L-4").stream().noneMatch(c -> c.kind() == Communication.Kind.TEXT), "reached three school days ago: too soon");
        Communication nora = w.one("L-5", Communication.Kind.TEXT);
        assertTrue(nora.body().contains("Nora came to school 7 of the last 8 school days"), nora.body());
        assertTrue(w.of("L-8").isEmpty(), "a satisfactory student with nothing planned gets nothing");
        // a family with a call due today gets the call, not a text as well
        for (Written any : everyInput()) {
            Set<String> called = any.all().stream().filter(c -> c.kind() == Communication.Kind.CALL_SCRIPT)
                    .map(Communication::studentId).collect(Collectors.toSet());
            assertTrue(any.all().stream().noneMatch(c -> c.kind() == Communication.Kind.TEXT && called.contains(c.studentId())));
        }
    }

    @Test
    void theComparisonWithClassmatesIsOffByDefaultAndAPolicySwitch() throws Exception {
        assertFalse(engine.policy().lettersCompareWithClassmates());
        Written sample = sample();
        assertTrue(sample.all().stream().noneMatch(c -> c.body().contains("typical student")));

        String policy = Files.readString(Path.of("rules/policy.properties"))
                .replace("letters-compare-with-classmates = no", "letters-compare-with-classmates = yes")
                .replace("letters-classmates-minimum = 10", "letters-classmates-minimum = 1");
        OutreachEngine on = OutreachEngine.builder().rulesFolder(Path.of("rules"))
                .policy(PolicyFile.parse("policy.properties", policy)).build();
        Letters compared = Letters.of(on);
        SchoolFile file = new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
        List<Communication> all = compared.forSchool(file, on.evaluate(file));
        long withComparison = all.stream().filter(c -> c.kind() == Communication.Kind.LETTER
                && (c.body().contains("The typical student in the same grade has missed")
                || c.body().contains("un estudiante típico del mismo grado ha faltado"))).count();
        long letterCount = all.stream().filter(c -> c.kind() == Communication.Kind.LETTER).count();
        assertEquals(letterCount, withComparison, "with the switch on and a minimum of 1, every letter compares");
    }

    @Test
    void jsonIsSortedByStudentWithTheContractsFieldsAndHtmlIsOnePrintablePagePerCommunication() throws Exception {
        Written w = sample();
        StringWriter json = new StringWriter();
        LetterWriter.json(w.all(), json);
        com.fasterxml.jackson.databind.JsonNode array = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toString());
        List<String> ids = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode n : array) {
            List<String> fields = new ArrayList<>();
            n.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("studentId", "intervention", "kind", "language", "translated", "contactRole", "subject", "body"), fields);
            ids.add(n.get("studentId").asText());
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids);

        StringWriter html = new StringWriter();
        LetterWriter.html(w.all(), html);
        String page = html.toString();
        assertEquals(w.all().size(), page.split("<section class=\"page ", -1).length - 1);
        assertTrue(page.contains("@page") && page.contains("break-after: page"), "page breaks");
        for (String never : List.of("<script", "<link", "<img", "src=", "href=", "http:", "https:", "url(", "@import")) {
            assertFalse(page.toLowerCase(Locale.ROOT).contains(never), "no " + never);
        }
        assertTrue(page.contains("<section class=\"page letter\" lang=\"es\">"), "the language is marked for the browser");
    }

    @Test
    void textFromTheInputIsEscapedInTheHtml() throws Exception {
        SchoolFile file = new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
        List<StudentInput> students = new ArrayList<>();
        for (StudentInput in : file.students()) {
            students.add(in.ok() && in.student().studentId().equals("S-1005")
                    ? StudentInput.of(in.student().toBuilder().name("<script>alert(1)</script>", "O'Hara & \"Co\"").build()) : in);
        }
        SchoolFile evil = new SchoolFile(file.file(), file.school().withContactDetails("<b>School</b>", "<i>1</i>", "<u>x</u>"),
                students, file.warnings());
        Written w = write(evil);
        StringWriter html = new StringWriter();
        LetterWriter.html(w.all(), html);
        String page = html.toString();
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown, escaped");
        for (String raw : List.of("<script>", "<b>", "<i>1", "<u>", "& \"Co\"")) {
            assertFalse(page.contains(raw), "unescaped: " + raw);
        }
        // and a template renders data as text, never as tags: the same name in the plain text is as given
        assertTrue(w.one("S-1005", Communication.Kind.LETTER).body().contains("<script>alert(1)</script>"));
    }

    @Test
    void theBundledRulesCarryTheTemplates() throws Exception {
        Map<String, String> bundled = RuleSource.bundled().read();
        for (String f : List.of("letters/letter.en.mustache", "letters/letter.es.mustache", "letters/call-script.en.mustache",
                "letters/call-opening.en.mustache", "letters/text.es.mustache", "letters/forbidden-words.txt")) {
            assertNotNull(bundled.get(f), f + " is in the jar");
            assertEquals(Files.readString(Path.of("rules").resolve(f)), bundled.get(f), f);
        }
    }

    private static org.attendanceoutreach.school.Student student(SchoolFile file, String id) {
        return file.students().stream().filter(StudentInput::ok).map(StudentInput::student)
                .filter(s -> s.studentId().equals(id)).findFirst().orElseThrow();
    }
}
