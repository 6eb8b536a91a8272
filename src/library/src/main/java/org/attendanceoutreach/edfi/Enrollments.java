package org.attendanceoutreach.edfi;

import org.attendanceoutreach.read.SchoolFileException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is enrolled where ({@code studentSchoolAssociations.json}): from {@code entryDate}, until
 * {@code exitWithdrawDate} (the last day enrolled), in the grade of {@code entryGradeLevelDescriptor}.
 */
final class Enrollments {
    /** One association, as given (dates are checked when its student is built, so a bad one costs only that student). */
    record Enrollment(int index, String student, String school, String entry, String exit, String grade, Integer year) {
        /** Whether it overlaps the school year; kept when a date cannot be read (the student then gets the error). */
        boolean overlaps(LocalDate first, LocalDate last) {
            try {
                LocalDate en = Fields.date(entry);
                LocalDate ex = Fields.date(exit);
                return en == null || (!en.isAfter(last) && (ex == null || !ex.isBefore(first)));
            } catch (DateTimeParseException e) {
                return true;
            }
        }
    }

    /** The enrolment used for a student, with its dates read. */
    record Chosen(Enrollment enrollment, LocalDate entry, LocalDate exit) {
    }

    private Enrollments() {
    }

    static List<Enrollment> read(ResourceFolder folder) throws SchoolFileException {
        List<Enrollment> out = new ArrayList<>();
        folder.each(EdFiReader.ASSOCIATIONS, true, (i, n) -> {
            String student = Fields.text(n, "studentReference", "studentUniqueId");
            String school = Fields.id(n, "schoolReference", "schoolId");
            if (student == null || school == null) {
                folder.warn(EdFiReader.ASSOCIATIONS, i, "no studentReference.studentUniqueId or schoolReference.schoolId; skipped");
                return;
            }
            out.add(new Enrollment(i, student, school, Fields.text(n, "entryDate"), Fields.text(n, "exitWithdrawDate"),
                    Fields.text(n, "entryGradeLevelDescriptor"), Fields.number(n, "schoolYearTypeReference", "schoolYear")));
        });
        return out;
    }

    /**
     * Of a student's enrolments at one school, the one that includes {@code asOf}, else the latest that
     * began by then, else the earliest.
     *
     * @throws Problem naming a date that cannot be read, or an exit before the entry
     */
    static Chosen choose(List<Enrollment> enrollments, LocalDate asOf) {
        Chosen chosen = null;
        int chosenRank = Integer.MAX_VALUE;
        for (Enrollment e : enrollments) {
            LocalDate en = Fields.requiredDate(EdFiReader.ASSOCIATIONS, e.index(), "entryDate", e.entry());
            LocalDate ex = Fields.optionalDate(EdFiReader.ASSOCIATIONS, e.index(), "exitWithdrawDate", e.exit());
            if (ex != null && ex.isBefore(en)) {
                throw new Problem(EdFiReader.ASSOCIATIONS, "[" + e.index() + "].exitWithdrawDate", ex + " is before entryDate " + en);
            }
            int rank = en.isAfter(asOf) ? 2 : ex == null || !ex.isBefore(asOf) ? 0 : 1;
            boolean better = chosen == null || rank < chosenRank
                    || (rank == chosenRank && (rank == 2 ? en.isBefore(chosen.entry()) : en.isAfter(chosen.entry())));
            if (better) {
                chosen = new Chosen(e, en, ex);
                chosenRank = rank;
            }
        }
        return chosen;
    }
}
