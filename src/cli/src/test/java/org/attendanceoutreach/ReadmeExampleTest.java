package org.attendanceoutreach;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.SchoolLines;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.PhoneStatus;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;
import org.attendanceoutreach.school.StudentContext;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.attendanceoutreach.bench.DistrictGenerator;
import org.attendanceoutreach.result.AttendanceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Java example, imports included, is this test's code: every line of it is here, in
 * the README's order ({@link #theReadmeShowsThisTestsCode}), and runs ({@link #theReadmeExampleRuns}).
 */
class ReadmeExampleTest {
    private static final Path SOURCE = Path.of("src/cli/src/test/java/org/attendanceoutreach/ReadmeExampleTest.java");

    @Test
    void theReadmeExampleRuns(@TempDir Path dir) throws Exception {
        AtomicInteger streamed = new AtomicInteger();

        // ---- as in README.md, "The Java API" ----
        OutreachEngine engine = OutreachEngine.builder()
                .rulesFolder(Path.of("rules"))      // or .bundledRules() (the default): the copy inside the jar
                .build();                           // checks and compiles once (bundled rules: precompiled); throws RulesException listing FILE:LINE problems

        School school = new School("PS-017", LocalDate.of(2026, 11, 20),
                new SchoolCalendar(LocalDate.of(2026, 9, 8), LocalDate.of(2027, 6, 25), Set.of(LocalDate.of(2026, 11, 11))),
                "en", List.of());
        Student student = Student.builder("S-1")
                .grade("3")
                .context(StudentContext.builder().homeLanguage("es").build())   // fosterCare(true), iep(true), … by name
                .contact(new Contact(ContactRole.PARENT, "mother", "…", "…", PhoneStatus.WORKING, null))
                .absence(new Absence(LocalDate.of(2026, 11, 20), AbsenceType.UNEXCUSED, AbsenceReason.TRANSPORTATION, 1.0))
                .build();                                                        // immutable; unset fields are empty

        StudentResult result = engine.evaluate(school, student);   // never throws for bad data
        result.attendanceTier();                                   // SATISFACTORY (1 of 53 days)
        assertEquals(AttendanceTier.SATISFACTORY, result.attendanceTier());
        assertEquals(53, result.daysEnrolled());
        result.recommendation("personal-call-home").get().due();    // 2026-11-20: today
        assertEquals(LocalDate.of(2026, 11, 20), result.recommendation("personal-call-home").get().due());
        result.error();                                            // non-null when the student's data could not be used
        assertNull(result.error());

        // a whole school file, as the command line reads it: every student, sorted by id, result or error
        SchoolResult all = engine.evaluate(new SchoolFileReader().read(Path.of("fixtures/sample-school.json")));
        assertEquals(30, all.students().size());

        // a district, streamed: bounded memory, every core (each line parsed by the thread that evaluates it), results in input order
        Path district = Path.of("district.jsonl");   // e.g. made by ./outreach generate --students 100000 --out district.jsonl
        district = dir.resolve(district);             // (here: made in a temporary folder)
        new DistrictGenerator(7, 180).write(50, DistrictGenerator.Format.JSONL, district);
        try (SchoolLines lines = new SchoolFileReader().openLines(district, warning -> { });
             Stream<StudentResult> results = engine.evaluateAll(lines.school(), lines)) {
            results.forEach(r -> { /* write r somewhere */ });
        }
        try (SchoolLines lines = new SchoolFileReader().openLines(district, warning -> { });
             Stream<StudentResult> results = engine.evaluateAll(lines.school(), lines)) {
            results.forEach(r -> streamed.incrementAndGet());
        }
        assertEquals(50, streamed.get());

        engine.reload();                           // recompile the folder; on failure the old rules keep serving
    }

    /** The README's Java block, line by line (blank lines left out). */
    static List<String> readmeExample() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("## The Java API\n.*?```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "the README's Java API section has a java block");
        return m.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void theReadmeShowsThisTestsCode() throws Exception {
        List<String> example = readmeExample();
        assertTrue(example.get(0).startsWith("import org.attendanceoutreach."), "the example starts with its imports");
        List<String> here = Files.readAllLines(SOURCE).stream().map(String::strip).toList();
        int at = 0;
        List<String> missing = new ArrayList<>();
        for (String line : example) {
            int found = here.subList(at, here.size()).indexOf(line);
            if (found < 0) {
                missing.add(line);
            } else {
                at += found + 1;
            }
        }
        assertEquals(List.of(), missing, "README lines not in " + SOURCE + " (in the README's order); copy the README's block here");
    }
}
