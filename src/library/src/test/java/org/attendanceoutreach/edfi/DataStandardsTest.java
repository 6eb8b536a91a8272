package org.attendanceoutreach.edfi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.attendanceoutreach.TestEngine;
import org.attendanceoutreach.output.ResultWriter;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.school.Student;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ed-Fi Data Standards 4, 5 and 6: one school written in each shape reads and evaluates the same. */
class DataStandardsTest {
    static final Path DS4 = Path.of("fixtures/edfi");
    static final Path DS5 = Path.of("fixtures/edfi/ds5");
    static final Path DS6 = Path.of("fixtures/edfi/ds6");
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

    static EdFiImport read(Path folder, DataStandard standard) throws Exception {
        DescriptorMap map = DescriptorMap.load(List.of(folder.resolve("lakeside-descriptors.json")));
        return new EdFiReader(map, standard).read(folder, AS_OF, null);
    }

    static String results(SchoolFile f) throws Exception {
        StringBuilder out = new StringBuilder();
        for (StudentResult r : TestEngine.get().evaluate(f).students()) {
            out.append(ResultWriter.jsonLine(r)).append('\n');
        }
        return out.toString();
    }

    @Test
    void theStandardIsFoundFromTheFilesPresent() {
        assertEquals(DataStandard.DS4, DataStandard.detect(DS4));
        assertEquals(DataStandard.DS5, DataStandard.detect(DS5));
        assertEquals(DataStandard.DS6, DataStandard.detect(DS6));
        assertNull(DataStandard.detect(Path.of("fixtures/edfi/grand-bend-subset")), "none of the resources that differ");
        assertEquals(DataStandard.DS5, DataStandard.of("5.2"));
        assertEquals(DataStandard.DS6, DataStandard.of("6"));
    }

    @Test
    void oneSchoolWrittenInEachStandardGivesTheSameStudentsAndResults() throws Exception {
        EdFiImport four = read(DS4, null);
        EdFiImport five = read(DS5, null);
        EdFiImport six = read(DS6, null);
        assertEquals(List.of(DataStandard.DS4, DataStandard.DS5, DataStandard.DS6),
                List.of(four.dataStandard(), five.dataStandard(), six.dataStandard()));
        SchoolFile a = EdFiReaderTest.only(four);
        SchoolFile b = EdFiReaderTest.only(five);
        SchoolFile c = EdFiReaderTest.only(six);
        List<Student> students = a.students().stream().map(StudentInput::student).toList();
        assertEquals(7, students.size());
        assertFalse(students.contains(null), a.students().toString());
        assertEquals(students, b.students().stream().map(StudentInput::student).toList(), "Data Standard 5");
        assertEquals(students, c.students().stream().map(StudentInput::student).toList(), "Data Standard 6");
        assertTrue(students.stream().anyMatch(s -> s.context().fosterCare()), "characteristics are read");
        assertTrue(students.stream().anyMatch(s -> s.context().homeLanguage().equals("es")), "languages are read");
        assertTrue(students.stream().anyMatch(s -> !s.contacts().isEmpty() && s.contacts().get(0).phone() != null), "contacts are read");
        String expected = results(a);
        assertEquals(expected, results(b));
        assertEquals(expected, results(c));
        assertTrue(a.warnings().isEmpty() && b.warnings().isEmpty() && c.warnings().isEmpty(),
                a.warnings() + " " + b.warnings() + " " + c.warnings());
    }

    @Test
    void readAsAnotherStandardTheOtherResourcesAreNamedAsNotRead() throws Exception {
        SchoolFile f = EdFiReaderTest.only(read(DS6, DataStandard.DS4));
        List<String> unread = f.warnings().stream().filter(w -> w.message().contains("it is not read")).map(InputProblem::field).toList();
        assertEquals(List.of("contacts.json", "studentContactAssociations.json", "studentDemographics.json"), unread.stream().sorted().toList());
        assertTrue(f.students().stream().allMatch(s -> s.ok() && s.student().contacts().isEmpty()), "no parents.json: no contacts");
    }

    @Test
    void anUnknownLanguageInStudentDemographicsIsAWarningAndFlagsAnInterpreter(@TempDir Path dir) throws Exception {
        try (Stream<Path> files = Files.list(DS6)) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        ObjectMapper json = new ObjectMapper();
        ArrayNode demographics = (ArrayNode) json.readTree(dir.resolve(EdFiReader.DEMOGRAPHICS).toFile());
        int index = -1;
        for (int i = 0; i < demographics.size(); i++) {
            if (demographics.get(i).has("languages")) {
                index = i;
                ((ObjectNode) demographics.get(i).get("languages").get(0)).put("languageDescriptor", "uri://ed-fi.org/LanguageDescriptor#Other");
                break;
            }
        }
        json.writeValue(dir.resolve(EdFiReader.DEMOGRAPHICS).toFile(), demographics);
        SchoolFile f = EdFiReaderTest.only(read(dir, null));
        String id = demographics.get(index).at("/studentReference/studentUniqueId").asText();
        InputProblem w = f.warnings().stream().filter(p -> id.equals(p.studentId())).findFirst().orElseThrow();
        assertTrue(w.file().endsWith(EdFiReader.DEMOGRAPHICS), w.toString());
        assertEquals("[" + index + "].languages[0].languageDescriptor", w.field());
        assertTrue(w.message().startsWith("'uri://ed-fi.org/LanguageDescriptor#Other' is not an ISO 639 language"), w.message());
        SchoolResult r = TestEngine.get().evaluate(f);
        StudentResult s = r.students().stream().filter(x -> x.studentId().equals(id)).findFirst().orElseThrow();
        assertFalse(s.isError(), "the student is evaluated");
        // the interpreter is part of the first contact with the family, or waits for the next one
        assertTrue(s.carrying("arrange-adult-interpreter").isPresent() || s.waiting("arrange-adult-interpreter").isPresent(), s.toString());
    }

}
