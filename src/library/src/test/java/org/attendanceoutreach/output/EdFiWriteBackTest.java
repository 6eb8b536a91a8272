package org.attendanceoutreach.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.TestEngine;
import org.attendanceoutreach.edfi.DataStandard;
import org.attendanceoutreach.edfi.DescriptorMap;
import org.attendanceoutreach.edfi.EdFiImport;
import org.attendanceoutreach.edfi.EdFiReader;
import org.attendanceoutreach.result.Progress;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.result.Trend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loop closes (issue 12.6): the supports recommended for an Ed-Fi school are written as Ed-Fi
 * resources; once a district posts them (here: added to the folder's resources, as the ODS/API would
 * then return them), the next run reads them as in place and does not recommend them again.
 */
class EdFiWriteBackTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OutreachEngine engine = TestEngine.get();

    private SchoolResult read(Path folder, DataStandard standard) throws Exception {
        DescriptorMap map = DescriptorMap.load(List.of(folder.resolve("lakeside-descriptors.json")));
        EdFiImport imported = new EdFiReader(map, standard).withPractices(engine.catalog()).read(folder, AS_OF, null);
        assertEquals(standard, imported.dataStandard());
        assertEquals(1, imported.schools().size());
        assertTrue(imported.schools().get(0).warnings().isEmpty(), imported.schools().get(0).warnings().toString());
        return engine.evaluate(imported.schools().get(0));
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /** "Posts" a written resource file: its elements join the folder's resources of that name. */
    private static void post(Path written, Path folder) throws Exception {
        Path target = folder.resolve(written.getFileName());
        ArrayNode all = Files.exists(target) ? (ArrayNode) JSON.readTree(target.toFile()) : JSON.createArrayNode();
        all.addAll((ArrayNode) JSON.readTree(written.toFile()));
        JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), all);
    }

    @Test
    void writtenSupportsReadBackAsInPlaceAndAreNotRecommendedAgain(@TempDir Path tmp) throws Exception {
        for (DataStandard standard : List.of(DataStandard.DS4, DataStandard.DS5, DataStandard.DS6)) {
            Path folder = tmp.resolve("ds" + standard.version());
            copy(Path.of(standard == DataStandard.DS4 ? "fixtures/edfi" : "fixtures/edfi/ds" + standard.version()), folder);
            SchoolResult before = read(folder, standard);
            List<EdFiWriteBack.Support> supports = EdFiWriteBack.supports(List.of(before), engine.catalog());
            assertFalse(supports.isEmpty(), "the Lakeside school has supports to recommend");
            assertTrue(supports.stream().allMatch(s -> engine.catalog().get(s.recommendation().intervention()).isSupport()));
            assertTrue(supports.stream().noneMatch(s -> s.recommendation().intervention().equals("personal-call-home")), "a call is not a support");

            Path out = tmp.resolve("write-back-" + standard.version());
            EdFiWriteBack.Written written = EdFiWriteBack.write(supports, standard, out);
            assertEquals(supports.size(), written.supports());
            JsonNode interventions = JSON.readTree(written.interventions().toFile());
            JsonNode associations = JSON.readTree(written.associations().toFile());
            assertEquals(supports.size(), interventions.size());
            assertEquals(supports.size(), associations.size());
            for (int i = 0; i < supports.size(); i++) {
                EdFiWriteBack.Support s = supports.get(i);
                JsonNode iv = interventions.get(i);
                JsonNode as = associations.get(i);
                // the ODS/API shape: the Intervention's identity and required fields, the association's references
                assertEquals(900100, iv.at("/educationOrganizationReference/educationOrganizationId").asLong());
                assertTrue(iv.get("interventionIdentificationCode").asText().startsWith(s.recommendation().intervention() + "/"));
                assertTrue(iv.get("interventionIdentificationCode").asText().length() <= 60, "Ed-Fi's IdentificationCode holds 60 characters");
                assertEquals(EdFiWriteBack.CLASS, iv.get("interventionClassDescriptor").asText());
                assertEquals(EdFiWriteBack.DELIVERY, iv.get("deliveryMethodDescriptor").asText());
                assertEquals(AS_OF.toString(), iv.get("beginDate").asText());
                assertEquals(iv.get("interventionIdentificationCode"), as.at("/interventionReference/interventionIdentificationCode"));
                assertEquals(900100, as.at("/interventionReference/educationOrganizationId").asLong());
                assertEquals(s.studentId(), as.at("/studentReference/studentUniqueId").asText());
                assertTrue(as.get("diagnosticStatement").asText().length() <= 1024);
            }
            // the same run writes the same codes: posting again updates rather than duplicates
            assertEquals(EdFiWriteBack.interventionsJson(supports),
                    EdFiWriteBack.interventionsJson(EdFiWriteBack.supports(List.of(read(folder, standard)), engine.catalog())));

            post(written.interventions(), folder);
            post(written.associations(), folder);
            SchoolResult after = read(folder, standard);
            for (EdFiWriteBack.Support s : supports) {
                StudentResult r = after.students().stream().filter(x -> x.studentId().equals(s.studentId())).findFirst().orElseThrow();
                String id = s.recommendation().intervention();
                assertTrue(r.carrying(id).isEmpty(), s.studentId() + ": " + id + " is in place now, yet recommended again");
                Progress p = r.progressOf(id).orElseThrow(() -> new AssertionError(s.studentId() + ": " + id + " is not in place"));
                assertEquals(AS_OF, p.startedOn());
                assertEquals(Trend.TOO_EARLY, p.trend());
                assertTrue(r.leftOut().stream().anyMatch(l -> l.intervention().equals(id)) || r.recommendations().stream()
                        .noneMatch(x -> x.carriesOut(id)), "what a rule still proposes is left out, with the reason");
            }
            assertTrue(EdFiWriteBack.supports(List.of(after), engine.catalog()).isEmpty(), "nothing left to write back");
        }
    }

    @Test
    void aSchoolIdThatIsNotAnEdFiIdIsRefused(@TempDir Path tmp) throws Exception {
        SchoolResult sample = engine.evaluate(new org.attendanceoutreach.read.SchoolFileReader().read(Path.of("fixtures/sample-school.json")));
        List<EdFiWriteBack.Support> supports = EdFiWriteBack.supports(List.of(sample), engine.catalog());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> EdFiWriteBack.write(supports, DataStandard.DS5, tmp));
        assertTrue(e.getMessage().contains("is not an Ed-Fi educationOrganizationId"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve(EdFiReader.INTERVENTIONS)), "nothing written");
    }
}
