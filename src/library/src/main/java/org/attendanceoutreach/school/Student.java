package org.attendanceoutreach.school;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One student as the school file describes them. Only {@code studentId} is required; everything
 * else defaults to empty.
 */
public record Student(String studentId, String grade, LocalDate enrolledOn, LocalDate withdrawnOn,
                      StudentContext context, List<Contact> contacts, List<Absence> absences,
                      Double priorYearAbsenceRate, Mentor mentor, List<Meeting> meetings,
                      List<OutreachRecord> outreach) {
    public Student {
        Objects.requireNonNull(studentId, "studentId");
        context = context == null ? StudentContext.NONE : context;
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        absences = absences == null ? List.of() : List.copyOf(absences);
        meetings = meetings == null ? List.of() : List.copyOf(meetings);
        outreach = outreach == null ? List.of() : List.copyOf(outreach);
    }

    /** The grades of the contract, youngest first: {@code PK}, {@code K}, {@code 1} … {@code 12}. */
    public static final List<String> GRADES = List.of("PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");

    /** Whether {@code grade} is one of {@link #GRADES} (as written there: {@code K}, not {@code k} or {@code 05}). */
    public static boolean isGrade(String grade) {
        return grade != null && GRADES.contains(grade);
    }

    /** A student with nothing but an id: no absences, no context, no contacts. */
    public static Student withId(String studentId) {
        return new Student(studentId, null, null, null, null, null, null, null, null, null, null);
    }

    public Student withAbsences(List<Absence> newAbsences) {
        return new Student(studentId, grade, enrolledOn, withdrawnOn, context, contacts, newAbsences,
                priorYearAbsenceRate, mentor, meetings, outreach);
    }

    public Student withContext(StudentContext newContext) {
        return new Student(studentId, grade, enrolledOn, withdrawnOn, newContext, contacts, absences,
                priorYearAbsenceRate, mentor, meetings, outreach);
    }

    public Student withContacts(List<Contact> newContacts) {
        return new Student(studentId, grade, enrolledOn, withdrawnOn, context, newContacts, absences,
                priorYearAbsenceRate, mentor, meetings, outreach);
    }

    public Student withPriorYearAbsenceRate(Double rate) {
        return new Student(studentId, grade, enrolledOn, withdrawnOn, context, contacts, absences,
                rate, mentor, meetings, outreach);
    }
}
