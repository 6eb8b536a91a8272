package org.attendanceoutreach.edfi;

import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.read.SchoolFile;

import java.util.List;
import java.util.Objects;

/**
 * What an Ed-Fi folder gave: the Data Standard it was read as, one {@link SchoolFile} per school (each
 * named by the folder, with its warnings and, per student, a student or the problem that kept it out),
 * and the schools that could not be built at all (no usable calendar, say), each as a problem naming
 * the school.
 */
public record EdFiImport(String folder, DataStandard dataStandard, List<SchoolFile> schools, List<InputProblem> failedSchools) {
    public EdFiImport {
        Objects.requireNonNull(dataStandard, "dataStandard");
        schools = List.copyOf(schools);
        failedSchools = List.copyOf(failedSchools);
    }
}
