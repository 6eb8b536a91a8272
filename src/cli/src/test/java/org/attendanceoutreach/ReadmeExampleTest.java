package org.attendanceoutreach;

import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.bench.DistrictGenerator;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.SchoolLines;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The README's Java API example, run as written (the district file is generated here). */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRuns(@TempDir Path dir) throws Exception {
        Path district = dir.resolve("district.jsonl");
        new DistrictGenerator(7, 180).write(50, DistrictGenerator.Format.JSONL, district);

        // ---- as in README.md, "The Java API" ----
        OutreachEngine engine = OutreachEngine.builder()
                .rulesFolder(Path.of("rules"))
                .build();

        School school = new School("PS-017", LocalDate.of(2026, 11, 20),
                new SchoolCalendar(LocalDate.of(2026, 9, 8), LocalDate.of(2027, 6, 25), Set.of(LocalDate.of(2026, 11, 11))),
                "en", List.of());
        Student student = Student.builder("S-1")
                .grade("3")
                .context(StudentContext.builder().homeLanguage("es").build())
                .contact(new Contact(ContactRole.PARENT, "mother", "…", "…", PhoneStatus.WORKING, null))
                .absence(new Absence(LocalDate.of(2026, 11, 20), AbsenceType.UNEXCUSED, AbsenceReason.TRANSPORTATION, 1.0))
                .build();

        StudentResult result = engine.evaluate(school, student);
        assertEquals(AttendanceTier.SATISFACTORY, result.attendanceTier());
        assertEquals(53, result.daysEnrolled());
        assertEquals(LocalDate.of(2026, 11, 20), result.recommendation("personal-call-home").get().due());
        assertNull(result.error());

        SchoolResult all = engine.evaluate(new SchoolFileReader().read(Path.of("fixtures/sample-school.json")));
        assertEquals(30, all.students().size());

        AtomicInteger streamed = new AtomicInteger();
        try (SchoolLines lines = new SchoolFileReader().openLines(district, warning -> { });
             Stream<StudentResult> results = engine.evaluateAll(lines.school(), lines)) {
            results.forEach(r -> streamed.incrementAndGet());
        }
        assertEquals(50, streamed.get());

        engine.reload();
    }
}
