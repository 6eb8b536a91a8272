package org.attendanceoutreach.edfi;

import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.school.Intervention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The supports in place for a student: {@code studentInterventionAssociations.json} (which student
 * takes part in which Intervention) with {@code interventions.json} (each Intervention's class, code
 * and dates). The same in Data Standards 4, 5 and 6.
 *
 * <p>Ed-Fi dates a support on the Intervention ({@code beginDate}, {@code endDate}), not on the
 * association, so a student's support starts on its Intervention's {@code beginDate}; a district that
 * starts students at different times records an Intervention per student and start (as
 * {@code recommend --write-back-edfi} writes them). Which catalog practice an Intervention is comes
 * from the descriptor mapping ({@link DescriptorMap#intervention}). An association whose Intervention
 * is missing, or that maps to nothing the catalog has, is skipped with a warning naming the record:
 * the student is still evaluated, as if that support were not on record. Overlapping supports of one
 * practice are read as one, from the first start to the last end.
 */
final class StudentInterventions {
    /** One Intervention, kept as read until a student needs it. */
    private record Program(int index, String classDescriptor, String code, String begin, String end) {
    }

    /** One association of a student with an Intervention. */
    private record Taking(int index, String key) {
    }

    private final DescriptorMap descriptors;
    private final Predicate<String> inCatalog;
    private final Map<String, Program> programs = new HashMap<>();
    private final Map<String, List<Taking>> byStudent = new HashMap<>();

    private StudentInterventions(DescriptorMap descriptors, Predicate<String> inCatalog) {
        this.descriptors = descriptors;
        this.inCatalog = inCatalog;
    }

    private static String key(String edOrg, String code) {
        return edOrg + "\u0000" + code;
    }

    /** Reads both resources, if present. {@code inCatalog} says which catalog ids exist (null: any id in form). */
    static StudentInterventions read(ResourceFolder folder, DescriptorMap descriptors, Predicate<String> inCatalog)
            throws SchoolFileException {
        StudentInterventions s = new StudentInterventions(descriptors, inCatalog == null ? id -> true : inCatalog);
        folder.each(EdFiReader.INTERVENTIONS, false, (i, n) -> {
            String edOrg = Fields.id(n, "educationOrganizationReference", "educationOrganizationId");
            String code = Fields.id(n, "interventionIdentificationCode");
            if (edOrg == null || code == null) {
                folder.warn(EdFiReader.INTERVENTIONS, i, "has no educationOrganizationReference or interventionIdentificationCode; skipped");
                return;
            }
            s.programs.putIfAbsent(key(edOrg, code), new Program(i, Fields.text(n, "interventionClassDescriptor"), code,
                    Fields.text(n, "beginDate"), Fields.text(n, "endDate")));
        });
        folder.each(EdFiReader.INTERVENTION_ASSOCIATIONS, false, (i, n) -> {
            String student = Fields.id(n, "studentReference", "studentUniqueId");
            String edOrg = Fields.id(n, "interventionReference", "educationOrganizationId");
            String code = Fields.id(n, "interventionReference", "interventionIdentificationCode");
            if (student == null || edOrg == null || code == null) {
                folder.warn(EdFiReader.INTERVENTION_ASSOCIATIONS, i, "has no studentReference or interventionReference; skipped");
                return;
            }
            s.byStudent.computeIfAbsent(student, k -> new ArrayList<>()).add(new Taking(i, key(edOrg, code)));
        });
        return s;
    }

    /**
     * The student's supports, by catalog id, in the order of their start.
     *
     * @param warn told (resource, field, message) of an association that is skipped
     * @throws Problem naming the Intervention record and field of a date that cannot be used
     */
    List<Intervention> interventions(String id, StudentWarnings warn) {
        List<Taking> taking = byStudent.get(id);
        if (taking == null) {
            return List.of();
        }
        List<Intervention> found = new ArrayList<>(taking.size());
        for (Taking t : taking) {
            String at = "[" + t.index() + "].interventionReference";
            Program p = programs.get(t.key());
            if (p == null) {
                warn.add(EdFiReader.INTERVENTION_ASSOCIATIONS, at, "names an intervention that " + EdFiReader.INTERVENTIONS
                        + " does not have; the association is skipped");
                continue;
            }
            String practice;
            try {
                practice = descriptors.intervention(p.code(), p.classDescriptor());
            } catch (DescriptorMap.UnknownDescriptorException e) {
                warn.add(EdFiReader.INTERVENTIONS, "[" + p.index() + "].interventionClassDescriptor", e.getMessage()
                        + "; the student's association with it is skipped");
                continue;
            }
            if (practice == null) {
                continue; // not an attendance support (the class or code maps to IGNORE)
            }
            if (!inCatalog.test(practice)) {
                warn.add(EdFiReader.INTERVENTIONS, "[" + p.index() + "].interventionIdentificationCode", "maps to '" + practice
                        + "', which is not a practice of the catalog; the student's association with it is skipped");
                continue;
            }
            LocalDate begin = Fields.requiredDate(EdFiReader.INTERVENTIONS, p.index(), "beginDate", p.begin());
            LocalDate end = Fields.optionalDate(EdFiReader.INTERVENTIONS, p.index(), "endDate", p.end());
            if (end != null && end.isBefore(begin)) {
                throw new Problem(EdFiReader.INTERVENTIONS, "[" + p.index() + "].endDate", end + " is before beginDate " + begin);
            }
            found.add(new Intervention(practice, begin, end));
        }
        return merged(found);
    }

    /** Supports of one practice whose days overlap, read as one: the first start, the last end (null: open). */
    private static List<Intervention> merged(List<Intervention> all) {
        List<Intervention> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(Intervention::intervention).thenComparing(Intervention::startedOn));
        List<Intervention> out = new ArrayList<>(sorted.size());
        for (Intervention x : sorted) {
            Intervention last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.intervention().equals(x.intervention())
                    && (last.endedOn() == null || !last.endedOn().isBefore(x.startedOn()))) {
                LocalDate end = last.endedOn() == null || x.endedOn() == null ? null
                        : last.endedOn().isAfter(x.endedOn()) ? last.endedOn() : x.endedOn();
                out.set(out.size() - 1, new Intervention(x.intervention(), last.startedOn(), end));
            } else {
                out.add(x);
            }
        }
        out.sort(Comparator.comparing(Intervention::startedOn).thenComparing(Intervention::intervention));
        return out;
    }
}
