package org.attendanceoutreach.edfi;

import com.fasterxml.jackson.databind.JsonNode;
import org.attendanceoutreach.edfi.DescriptorMap.Kind;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.school.StudentContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A student's circumstances: foster care, homeless, juvenile justice and English learner from the
 * {@code studentCharacteristics} and {@code limitedEnglishProficiencyDescriptor} in force on the as-of
 * day, the home language, and an IEP from a special education program association in force that day.
 * The characteristics and languages are on {@code studentEducationOrganizationAssociations.json}
 * (Data Standards 4 and 5) or {@code studentDemographics.json} (6): the same fields in both.
 */
final class StudentCharacteristics {
    /** One student's record at one education organization, kept whole until the student is built. */
    private record Details(int index, String edOrg, JsonNode node) {
    }

    private record Program(int index, String begin, String end) {
    }

    private final DescriptorMap descriptors;
    private final LanguageDescriptors languages;
    private final String resource;
    private final Map<String, List<Details>> details = new HashMap<>();
    private final Map<String, List<Program>> programs = new HashMap<>();

    private StudentCharacteristics(DescriptorMap descriptors, String resource) {
        this.descriptors = descriptors;
        this.languages = new LanguageDescriptors(descriptors);
        this.resource = resource;
    }

    /** Reads the standard's student details resource and the special education program associations, if present. */
    static StudentCharacteristics read(ResourceFolder folder, DescriptorMap descriptors, DataStandard standard)
            throws SchoolFileException {
        StudentCharacteristics c = new StudentCharacteristics(descriptors, standard.studentDetailsResource());
        folder.each(c.resource, false, (i, n) -> {
            String student = Fields.text(n, "studentReference", "studentUniqueId");
            if (student != null) {
                c.details.computeIfAbsent(student, k -> new ArrayList<>())
                        .add(new Details(i, Fields.id(n, "educationOrganizationReference", "educationOrganizationId"), n));
            }
        });
        folder.each(EdFiReader.SPECIAL_EDUCATION, false, (i, n) -> {
            String student = Fields.text(n, "studentReference", "studentUniqueId");
            if (student != null) {
                c.programs.computeIfAbsent(student, k -> new ArrayList<>())
                        .add(new Program(i, Fields.text(n, "beginDate"), Fields.text(n, "endDate")));
            }
        });
        return c;
    }

    /**
     * The student's context as of the day; the school's own record counts before the district's.
     * {@code newToSchool} is left false (it comes from the enrolment).
     *
     * @param warn told (resource, field, message) of a language that could not be mapped
     * @throws Problem naming the record and field of a descriptor or date that cannot be used
     */
    StudentContext context(String id, String schoolId, LocalDate asOf, StudentWarnings warn) {
        boolean foster = false;
        boolean homeless = false;
        boolean juvenile = false;
        boolean learner = false;
        boolean iep = false;
        LanguageDescriptors.Choice language = null;
        List<Details> records = new ArrayList<>(details.getOrDefault(id, List.of()));
        records.sort(Comparator.comparing((Details r) -> !schoolId.equals(r.edOrg())).thenComparing(Details::index));
        BiConsumer<String, String> languageWarning = (field, message) -> warn.add(resource, field, message);
        for (Details r : records) {
            String at = "[" + r.index() + "]";
            JsonNode chars = r.node().get("studentCharacteristics");
            if (chars != null && chars.isArray()) {
                for (int j = 0; j < chars.size(); j++) {
                    JsonNode ch = chars.get(j);
                    String field = at + ".studentCharacteristics[" + j + "]";
                    if (!active(ch, asOf, field)) {
                        continue;
                    }
                    switch (descriptors.map(Kind.STUDENT_CHARACTERISTIC, Fields.text(ch, "studentCharacteristicDescriptor"),
                            resource, field + ".studentCharacteristicDescriptor")) {
                        case "FOSTER_CARE" -> foster = true;
                        case "HOMELESS" -> homeless = true;
                        case "JUVENILE_JUSTICE" -> juvenile = true;
                        case "ENGLISH_LEARNER" -> learner = true;
                        default -> { }
                    }
                }
            }
            String lep = Fields.text(r.node(), "limitedEnglishProficiencyDescriptor");
            if (lep != null && descriptors.map(Kind.LIMITED_ENGLISH_PROFICIENCY, lep, resource, at + ".limitedEnglishProficiencyDescriptor")
                    .equals("ENGLISH_LEARNER")) {
                learner = true;
            }
            if (language == null || language.rank() > 0) {
                LanguageDescriptors.Choice c = languages.preferred(r.node().get("languages"), resource, at, languageWarning, "HOME", "SPOKEN");
                if (c != null && (language == null || c.rank() < language.rank())) {
                    language = c;
                }
            }
        }
        for (Program p : programs.getOrDefault(id, List.of())) {
            LocalDate begin = Fields.requiredDate(EdFiReader.SPECIAL_EDUCATION, p.index(), "beginDate", p.begin());
            LocalDate end = Fields.optionalDate(EdFiReader.SPECIAL_EDUCATION, p.index(), "endDate", p.end());
            if (Fields.includes(begin, end, asOf)) {
                iep = true;
            }
        }
        return new StudentContext(foster, iep, learner, language == null ? null : language.tag(), homeless, juvenile, false);
    }

    /** Whether a characteristic holds on {@code asOf}: no periods, or a period (or beginDate/endDate) that includes it. */
    private boolean active(JsonNode ch, LocalDate asOf, String field) {
        JsonNode periods = ch.get("periods");
        List<JsonNode> spans = new ArrayList<>();
        if (periods != null && periods.isArray() && !periods.isEmpty()) {
            periods.forEach(spans::add);
        } else if (ch.has("beginDate")) {
            spans.add(ch);
        } else {
            return true;
        }
        for (int k = 0; k < spans.size(); k++) {
            JsonNode p = spans.get(k);
            String where = field + (p == ch ? "" : ".periods[" + k + "]");
            LocalDate b = Fields.requiredDate(resource, where, "beginDate", Fields.text(p, "beginDate"));
            LocalDate e = Fields.optionalDate(resource, where, "endDate", Fields.text(p, "endDate"));
            if (Fields.includes(b, e, asOf)) {
                return true;
            }
        }
        return false;
    }
}
