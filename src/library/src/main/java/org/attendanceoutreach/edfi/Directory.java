package org.attendanceoutreach.edfi;

import com.fasterxml.jackson.databind.JsonNode;
import org.attendanceoutreach.read.SchoolFileException;

import java.util.HashMap;
import java.util.Map;

/**
 * What letters need to name people and places, from two optional resources: {@code schools.json}
 * (the school's {@code nameOfInstitution} and main telephone from {@code institutionTelephones}) and
 * {@code students.json} (the student's {@code firstName} and {@code lastSurname}). Both are read the
 * same way in Data Standards 4, 5 and 6. Names are personal data: nothing here puts one in a warning.
 */
final class Directory {
    static final String SCHOOLS = "schools.json";
    static final String STUDENTS = "students.json";

    /** A school as letters name it. */
    record SchoolDetails(String name, String phone) {
    }

    /** A student's names. */
    record Names(String first, String last) {
    }

    private final Map<String, SchoolDetails> schools;
    private final Map<String, Names> students;

    private Directory(Map<String, SchoolDetails> schools, Map<String, Names> students) {
        this.schools = schools;
        this.students = students;
    }

    static Directory read(ResourceFolder folder) throws SchoolFileException {
        Map<String, SchoolDetails> schools = new HashMap<>();
        folder.each(SCHOOLS, false, (i, n) -> {
            String id = Fields.id(n, "schoolId");
            if (id == null) {
                folder.warn(SCHOOLS, i, "no schoolId; skipped");
                return;
            }
            schools.putIfAbsent(id, new SchoolDetails(Fields.id(n, "nameOfInstitution"), mainPhone(n)));
        });
        Map<String, Names> students = new HashMap<>();
        folder.each(STUDENTS, false, (i, n) -> {
            String id = Fields.id(n, "studentUniqueId");
            if (id == null) {
                folder.warn(STUDENTS, i, "no studentUniqueId; skipped");
                return;
            }
            students.putIfAbsent(id, new Names(Fields.id(n, "firstName"), Fields.id(n, "lastSurname")));
        });
        return new Directory(schools, students);
    }

    SchoolDetails school(String schoolId) {
        return schools.getOrDefault(schoolId, new SchoolDetails(null, null));
    }

    Names student(String studentId) {
        return students.getOrDefault(studentId, new Names(null, null));
    }

    /** The telephone whose type is "Main" (the code value after '#'), else the first listed. */
    private static String mainPhone(JsonNode n) {
        JsonNode phones = n.get("institutionTelephones");
        if (phones == null || !phones.isArray()) {
            return null;
        }
        String first = null;
        for (JsonNode t : phones) {
            String number = Fields.id(t, "telephoneNumber");
            if (number == null) {
                continue;
            }
            String type = Fields.text(t, "institutionTelephoneNumberTypeDescriptor");
            if (type != null && type.substring(type.indexOf('#') + 1).strip().equalsIgnoreCase("Main")) {
                return number;
            }
            if (first == null) {
                first = number;
            }
        }
        return first;
    }
}
