package org.attendanceoutreach.edfi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.TestEngine;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.school.SchoolCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** The Ed-Fi importer: the real Grand Bend subset, the fixture, and every kind of bad record. */
class EdFiReaderTest {
    static final Path FIXTURE = Path.of("fixtures/edfi");
    static final Path GRAND_BEND = Path.of("fixtures/edfi/grand-bend-subset");
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    static final ObjectMapper JSON = new ObjectMapper();

    static DescriptorMap lakeside() throws Exception {
        return DescriptorMap.load(List.of(FIXTURE.resolve("lakeside-descriptors.json")));
    }

    static SchoolFile only(EdFiImport imported) {
        assertTrue(imported.failedSchools().isEmpty(), imported.failedSchools().toString());
        assertEquals(1, imported.schools().size());
        return imported.schools().get(0);
    }

    static InputProblem errorOf(SchoolFile f, String id) {
        return f.students().stream().filter(s -> s.key().equals(id)).findFirst().orElseThrow().error();
    }

    /** A copy of the fixture folder to break. */
    static Path copy(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(FIXTURE)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    static ArrayNode array(Path dir, String file) throws IOException {
        return (ArrayNode) JSON.readTree(dir.resolve(file).toFile());
    }

    static void write(Path dir, String file, JsonNode node) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(file).toFile(), node);
    }

    /** The index of the first event of a student on a day. */
    static int eventIndex(ArrayNode events, String student, String date) {
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            if (e.at("/studentReference/studentUniqueId").asText().equals(student) && e.get("eventDate").asText().equals(date)) {
                return i;
            }
        }
        throw new AssertionError("no event " + student + " " + date);
    }

    @Test
    void theGrandBendSubsetGivesAll48StudentsAndTheHandfulWith17To19AbsencesAreModeratelyChronic() throws Exception {
        SchoolFile f = only(new EdFiReader().read(GRAND_BEND, LocalDate.of(2022, 5, 27), null));
        assertEquals(1, f.warnings().size(), "one warning, about the calendar: " + f.warnings());
        assertTrue(f.warnings().get(0).message().contains("derived from sessions.json"), f.warnings().get(0).message());
        assertEquals(169, f.school().calendar().instructionalDays().size(), "81 + 88 totalInstructionalDays");
        SchoolResult r = TestEngine.get().evaluate(f);
        assertEquals(48, r.students().size());
        assertFalse(r.students().stream().anyMatch(StudentResult::isError), r.students().toString());
        List<String> chronic = new ArrayList<>();
        for (StudentResult s : r.students()) {
            if (s.attendanceTier() == AttendanceTier.MODERATE_CHRONIC) {
                chronic.add(s.studentId());
                assertTrue(s.daysMissed() >= 17 && s.daysMissed() <= 19, s.studentId() + ": " + s.daysMissed());
            } else {
                assertTrue(s.daysMissed() < 17, s.studentId() + ": " + s.daysMissed());
                assertFalse(s.attendanceTier().isChronic());
            }
        }
        assertEquals(List.of("604885", "605023", "605228", "605768"), chronic);
        assertEquals("5", f.students().get(0).student().grade(), "Fifth grade");
    }

    @Test
    void aLocalDescriptorWithoutAMappingIsAnErrorOfThatStudentOnlyAndNamesTheDescriptor() throws Exception {
        SchoolFile f = only(new EdFiReader().read(FIXTURE, AS_OF, null));
        InputProblem p = errorOf(f, "E-105");
        assertNotNull(p);
        assertTrue(p.file().endsWith("studentSchoolAttendanceEvents.json"), p.toString());
        assertTrue(p.field().matches("\\[\\d+]\\.attendanceEventCategoryDescriptor"), p.toString());
        assertTrue(p.message().contains("uri://lakeside.example.org/AttendanceEventCategoryDescriptor#Absent - Bus"), p.message());
        assertTrue(p.message().contains("--edfi-descriptors"), p.message());
        assertEquals(6, f.students().stream().filter(StudentInput::ok).count(), "every other student is read");
        assertNotNull(only(new EdFiReader(lakeside()).read(FIXTURE, AS_OF, null)).students().stream()
                .filter(s -> s.key().equals("E-105")).findFirst().orElseThrow().student());
    }

    @Test
    void anUnknownEdFiCodeValueIsAnErrorNamingItsRecordAndDescriptor(@TempDir Path dir) throws Exception {
        copy(dir);
        ArrayNode ssa = array(dir, EdFiReader.ASSOCIATIONS);
        ((ObjectNode) ssa.get(2)).put("entryGradeLevelDescriptor", "uri://ed-fi.org/GradeLevelDescriptor#Grade Three");
        write(dir, EdFiReader.ASSOCIATIONS, ssa);
        ArrayNode events = array(dir, EdFiReader.EVENTS);
        ((ObjectNode) events.get(eventIndex(events, "E-104", "2026-10-01")))
                .put("attendanceEventCategoryDescriptor", "uri://ed-fi.org/AttendanceEventCategoryDescriptor#Sort of there");
        write(dir, EdFiReader.EVENTS, events);
        SchoolFile f = only(new EdFiReader(lakeside()).read(dir, AS_OF, null));
        InputProblem grade = errorOf(f, "E-103");
        assertEquals("[2].entryGradeLevelDescriptor", grade.field());
        assertTrue(grade.file().endsWith(EdFiReader.ASSOCIATIONS));
        assertTrue(grade.message().contains("unknown descriptor 'uri://ed-fi.org/GradeLevelDescriptor#Grade Three'"), grade.message());
        InputProblem category = errorOf(f, "E-104");
        assertTrue(category.message().contains("#Sort of there"), category.message());
        assertEquals(5, f.students().stream().filter(StudentInput::ok).count());
    }

    @Test
    void anAbsenceOnAHolidayOrOutsideTheEnrollmentIsAnErrorNamingTheRecord(@TempDir Path dir) throws Exception {
        copy(dir);
        ArrayNode events = array(dir, EdFiReader.EVENTS);
        int holiday = eventIndex(events, "E-102", "2026-10-05");
        ((ObjectNode) events.get(holiday)).put("eventDate", "2026-10-12");
        int early = eventIndex(events, "E-105", "2026-11-19");
        ((ObjectNode) events.get(early)).put("eventDate", "2026-09-30");
        write(dir, EdFiReader.EVENTS, events);
        SchoolFile f = only(new EdFiReader(lakeside()).read(dir, AS_OF, null));
        InputProblem p = errorOf(f, "E-102");
        assertEquals("[" + holiday + "].eventDate", p.field());
        assertTrue(p.message().contains("2026-10-12 is not an instructional day"), p.message());
        InputProblem q = errorOf(f, "E-105");
        assertEquals("[" + early + "].eventDate", q.field());
        assertTrue(q.message().contains("outside the student's enrollment (entryDate 2026-10-05"), q.message());
    }

    @Test
    void eventsWithoutAnEnrollmentMakeTheirStudentAnErrorAndBadDatesAndDurationsAreNamed(@TempDir Path dir) throws Exception {
        copy(dir);
        ArrayNode events = array(dir, EdFiReader.EVENTS);
        ObjectNode stray = events.get(0).deepCopy();
        stray.putObject("studentReference").put("studentUniqueId", "E-999");
        events.add(stray);
        ((ObjectNode) events.get(eventIndex(events, "E-108", "2026-11-09"))).put("eventDate", "11/09/2026");
        ((ObjectNode) events.get(eventIndex(events, "E-106", "2026-09-15"))).put("eventDuration", 0);
        write(dir, EdFiReader.EVENTS, events);
        SchoolFile f = only(new EdFiReader(lakeside()).read(dir, AS_OF, null));
        assertTrue(errorOf(f, "E-999").message().contains("no studentSchoolAssociation"), errorOf(f, "E-999").message());
        assertTrue(errorOf(f, "E-108").message().contains("'11/09/2026' is not a date"), errorOf(f, "E-108").message());
        assertTrue(errorOf(f, "E-106").field().endsWith(".eventDuration"), errorOf(f, "E-106").toString());
        SchoolResult r = TestEngine.get().evaluate(f);
        assertEquals(8, r.students().size(), "every student is in the output, with its result or its error");
    }

    @Test
    void noMessageCarriesANameOrPhoneNumber(@TempDir Path dir) throws Exception {
        copy(dir);
        ArrayNode parents = array(dir, EdFiReader.PARENTS);
        Set<String> personal = new TreeSet<>();
        for (JsonNode p : parents) {
            personal.add(p.get("firstName").asText());
            personal.add(p.get("lastSurname").asText());
            personal.add(p.at("/telephones/0/telephoneNumber").asText());
            ObjectNode lang = ((ArrayNode) ((ObjectNode) p).withArray("languages")).insertObject(0);
            lang.put("languageDescriptor", "uri://ed-fi.org/LanguageDescriptor#Other");
            lang.putArray("uses").addObject().put("languageUseDescriptor", "uri://ed-fi.org/LanguageUseDescriptor#Spoken Correspondence");
        }
        write(dir, EdFiReader.PARENTS, parents);
        ArrayNode links = array(dir, EdFiReader.PARENT_ASSOCIATIONS);
        ((ObjectNode) links.get(0)).put("relationDescriptor", "uri://ed-fi.org/RelationDescriptor#Godmother");
        write(dir, EdFiReader.PARENT_ASSOCIATIONS, links);
        SchoolFile f = only(new EdFiReader().read(dir, AS_OF, null));
        List<String> messages = new ArrayList<>();
        f.warnings().forEach(w -> messages.add(w.toString()));
        f.students().stream().filter(s -> !s.ok()).forEach(s -> messages.add(s.error().toString()));
        assertTrue(messages.size() >= 6, messages.toString());
        assertTrue(messages.stream().filter(m -> m.contains("#Other' is not an ISO 639 language")).count() >= 5, messages.toString());
        assertEquals(List.of("E-101", "E-105"), f.students().stream().filter(s -> !s.ok()).map(StudentInput::key).toList(),
                "an unknown language costs no student; the unknown relation and the local namespace do");
        for (String m : messages) {
            for (String p : personal) {
                assertFalse(m.contains(p), "a message carries personal data: " + m);
            }
        }
    }

    @Test
    void aFileThatIsNotAJsonArrayOrIsMissingStopsTheFolderWithItsName(@TempDir Path dir) throws Exception {
        copy(dir);
        Files.writeString(dir.resolve(EdFiReader.EVENTS), "[{\"eventDate\": \"2026-09-14\",");
        SchoolFileException e = assertThrows(SchoolFileException.class, () -> new EdFiReader().read(dir, AS_OF, null));
        assertTrue(e.problem().file().endsWith(EdFiReader.EVENTS), e.problem().toString());
        assertTrue(e.problem().message().startsWith("is not valid JSON at line 1"), e.problem().message());
        Files.delete(dir.resolve(EdFiReader.EVENTS));
        e = assertThrows(SchoolFileException.class, () -> new EdFiReader().read(dir, AS_OF, null));
        assertTrue(e.problem().toString().contains("studentSchoolAttendanceEvents.json: no such file"), e.problem().toString());
        e = assertThrows(SchoolFileException.class, () -> new EdFiReader().read(dir.resolve("nowhere"), AS_OF, null));
        assertEquals("no such folder", e.problem().message());
    }

    @Test
    void withoutACalendarTheSessionsGiveTheInstructionalDaysAndSaySoOnce(@TempDir Path dir) throws Exception {
        copy(dir);
        Files.delete(dir.resolve(EdFiReader.CALENDAR_DATES));
        ArrayNode sessions = array(dir, EdFiReader.SESSIONS);
        ObjectNode spring = sessions.get(0).deepCopy();
        spring.put("sessionName", "2026-2027 Spring Semester").put("beginDate", "2027-01-05").put("endDate", "2027-03-26")
                .put("totalInstructionalDays", 55);
        sessions.add(spring);
        write(dir, EdFiReader.SESSIONS, sessions);
        SchoolFile f = only(new EdFiReader(lakeside()).read(dir, AS_OF, null));
        assertEquals(1, f.warnings().size(), f.warnings().toString());
        assertTrue(f.warnings().get(0).message().contains("derived from sessions.json"), f.warnings().get(0).message());
        SchoolCalendar c = f.school().calendar();
        List<LocalDate> days = c.instructionalDays();
        assertEquals(70, days.stream().filter(d -> d.getYear() == 2026).count(), "fall: 74 weekdays, 70 totalInstructionalDays");
        assertEquals(55, days.stream().filter(d -> d.getYear() == 2027).count(), "spring: 59 weekdays, 55 totalInstructionalDays");
        assertFalse(days.stream().anyMatch(d -> d.isAfter(LocalDate.of(2026, 12, 18)) && d.isBefore(LocalDate.of(2027, 1, 5))),
                "the break between the sessions is not instructional");
        for (StudentInput s : f.students()) {
            assertTrue(s.ok(), "no absence falls on a day set aside: " + s.error());
        }
    }

    @Test
    void daysSetAsideAreSpreadOverTheEligibleDaysAndAsManyAsAsked() {
        qt().forAll(integers().between(1, 200), integers().between(0, 60), longs().all())
                .checkAssert((n, count, seed) -> {
                    List<LocalDate> days = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        days.add(LocalDate.of(2026, 1, 1).plusDays(i));
                    }
                    java.util.Random random = new java.util.Random(seed);
                    Set<LocalDate> eligible = new TreeSet<>();
                    for (LocalDate d : days) {
                        if (random.nextInt(3) > 0) {
                            eligible.add(d);
                        }
                    }
                    Set<LocalDate> chosen = SchoolCalendars.spreadEvenly(days, Math.min(count, n), eligible::contains);
                    assertEquals(Math.min(Math.min(count, n), eligible.size()), chosen.size());
                    assertTrue(eligible.containsAll(chosen));
                    assertEquals(chosen, SchoolCalendars.spreadEvenly(days, Math.min(count, n), eligible::contains), "deterministic");
                });
    }

    @Test
    void datesWithATimePartAndSeveralEventsOnOneDayAreRead(@TempDir Path dir) throws Exception {
        copy(dir);
        ArrayNode events = array(dir, EdFiReader.EVENTS);
        int i = eventIndex(events, "E-102", "2026-09-14");
        ((ObjectNode) events.get(i)).put("eventDate", "2026-09-14T00:00:00");
        ObjectNode tardy = events.get(i).deepCopy();
        tardy.put("attendanceEventCategoryDescriptor", "uri://ed-fi.org/AttendanceEventCategoryDescriptor#Tardy").remove("eventDuration");
        events.insert(0, tardy);
        write(dir, EdFiReader.EVENTS, events);
        SchoolFile f = only(new EdFiReader(lakeside()).read(dir, AS_OF, null));
        StudentResult r = TestEngine.get().evaluate(f).students().stream().filter(s -> s.studentId().equals("E-102")).findFirst().orElseThrow();
        assertFalse(r.isError(), String.valueOf(r.error()));
        assertEquals(7.0, r.daysMissed(), "the excused absence counts; the tardy the same day does not add to it");
    }
}
