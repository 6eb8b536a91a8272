package org.attendanceoutreach.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.edfi.DataStandard;
import org.attendanceoutreach.edfi.EdFiReader;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the SIS should record: the newly recommended supports (catalog {@code supportTier} 2 or 3) as
 * Ed-Fi ODS/API resources, so that a district posts them and the next run reads them as in place
 * (contract section 8). Two files, each a JSON array of resources exactly as the API takes them in a
 * POST (one element per request), in the order to post them:
 * <ol>
 *   <li>{@code interventions.json}: one Intervention per student and support (Ed-Fi dates a support on
 *       the Intervention, not on the association), coded {@code <catalog id>/<10 hex digits>} (the
 *       digits a hash of the school, student, practice and day, so running again gives the same code
 *       and a second POST updates rather than duplicates), class {@code Practice}, delivered
 *       {@code Individual}, beginning on the day of the run (change it before posting when the
 *       support starts on another day);</li>
 *   <li>{@code studentInterventionAssociations.json}: the student's association with it, with the
 *       reasons as {@code diagnosticStatement} (facts about attendance; no names).</li>
 * </ol>
 * The two resources have the same shape in Data Standards 4, 5 and 6 (the Core XSD of each), so the
 * standard read is recorded in the summary only. Read back with the shipped descriptor mapping
 * ({@code Practice}: the code before {@code /} is the catalog id), each is in place the next run.
 * Stateless.
 */
public final class EdFiWriteBack {
    /** The Ed-Fi class of the interventions written: read back by their code. */
    public static final String CLASS = "uri://ed-fi.org/InterventionClassDescriptor#Practice";
    /** How they are delivered: to one student. */
    public static final String DELIVERY = "uri://ed-fi.org/DeliveryMethodDescriptor#Individual";
    /** Ed-Fi's limit for a diagnostic statement. */
    private static final int STATEMENT = 1024;
    private static final JsonFactory JSON = org.attendanceoutreach.internal.JsonOutput.FACTORY;

    /** One support to record: the school, the student, the recommendation. */
    public record Support(String schoolId, String studentId, java.time.LocalDate day, Recommendation recommendation, String code) {
    }

    /** What was written: how many supports, for which Data Standard, where. */
    public record Written(int supports, DataStandard dataStandard, Path interventions, Path associations) {
    }

    private EdFiWriteBack() {
    }

    /** The recommended supports of these results (in school, student and practice order), each with its code. */
    public static List<Support> supports(List<SchoolResult> schools, Catalog catalog) {
        List<Support> out = new ArrayList<>();
        for (SchoolResult s : schools) {
            if (s.error() != null) {
                continue;
            }
            for (StudentResult r : s.students()) {
                if (r.isError()) {
                    continue;
                }
                List<Recommendation> recs = new ArrayList<>(r.recommendations());
                recs.sort(java.util.Comparator.comparing(Recommendation::intervention));
                for (Recommendation rec : recs) {
                    Practice p = catalog.find(rec.intervention()).orElse(null);
                    if (p != null && p.isSupport()) {
                        out.add(new Support(s.schoolId(), r.studentId(), r.asOf(), rec, code(s.schoolId(), r.studentId(), rec.intervention(), r.asOf())));
                    }
                }
            }
        }
        return out;
    }

    /** {@code success-mentor/3f2a9c01d2}: the catalog id and 10 hex digits of a hash of school, student, practice and day. */
    static String code(String schoolId, String studentId, String intervention, java.time.LocalDate day) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((schoolId + "\n" + studentId + "\n" + intervention + "\n" + day)
                    .getBytes(StandardCharsets.UTF_8));
            return intervention + "/" + HexFormat.of().formatHex(h, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    /**
     * Writes {@code interventions.json} and {@code studentInterventionAssociations.json} into
     * {@code folder} (each whole or not at all).
     *
     * @throws IllegalArgumentException when a school id is not an Ed-Fi educationOrganizationId (a whole number)
     */
    public static Written write(List<Support> supports, DataStandard standard, Path folder) throws IOException {
        for (Support s : supports) {
            if (!s.schoolId().matches("[0-9]{1,18}")) {
                throw new IllegalArgumentException("school " + s.schoolId().length() + " characters long is not an Ed-Fi"
                        + " educationOrganizationId (a whole number); the write-back is for schools read with --edfi");
            }
        }
        Files.createDirectories(folder);
        Path interventions = folder.resolve(EdFiReader.INTERVENTIONS);
        Path associations = folder.resolve(EdFiReader.INTERVENTION_ASSOCIATIONS);
        byte[] first = interventionsJson(supports).getBytes(StandardCharsets.UTF_8);
        byte[] second = associationsJson(supports).getBytes(StandardCharsets.UTF_8);
        AtomicFile.writeBytes(interventions, AtomicFile.Links.REFUSE, out -> out.write(first));
        AtomicFile.writeBytes(associations, AtomicFile.Links.REFUSE, out -> out.write(second));
        return new Written(supports.size(), standard, interventions, associations);
    }

    /** The Interventions, one per support: a JSON array. */
    public static String interventionsJson(List<Support> supports) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w).useDefaultPrettyPrinter()) {
            g.writeStartArray();
            for (Support s : supports) {
                g.writeStartObject();
                g.writeStringField("interventionIdentificationCode", s.code());
                g.writeObjectFieldStart("educationOrganizationReference");
                g.writeNumberField("educationOrganizationId", Long.parseLong(s.schoolId()));
                g.writeEndObject();
                g.writeStringField("interventionClassDescriptor", CLASS);
                g.writeStringField("deliveryMethodDescriptor", DELIVERY);
                g.writeStringField("beginDate", s.day().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return w + "\n";
    }

    /** The students' associations with them: a JSON array. */
    public static String associationsJson(List<Support> supports) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w).useDefaultPrettyPrinter()) {
            g.writeStartArray();
            for (Support s : supports) {
                g.writeStartObject();
                g.writeObjectFieldStart("interventionReference");
                g.writeNumberField("educationOrganizationId", Long.parseLong(s.schoolId()));
                g.writeStringField("interventionIdentificationCode", s.code());
                g.writeEndObject();
                g.writeObjectFieldStart("studentReference");
                g.writeStringField("studentUniqueId", s.studentId());
                g.writeEndObject();
                String statement = "recommended by attendance-outreach on " + s.day() + " (" + s.recommendation().rule() + "): "
                        + String.join("; ", s.recommendation().because());
                g.writeStringField("diagnosticStatement", statement.length() <= STATEMENT ? statement : statement.substring(0, STATEMENT - 1) + "…");
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return w + "\n";
    }
}
