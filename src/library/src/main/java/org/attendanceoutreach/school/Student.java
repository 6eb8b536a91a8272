package org.attendanceoutreach.school;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One student as the school file describes them (contract section 2). Only {@code studentId} is
 * required; everything else defaults to empty. Immutable. Build one by name rather than by
 * position:
 *
 * <pre>
 * Student s = Student.builder("S-1")
 *         .grade("3")
 *         .context(StudentContext.builder().homeLanguage("es").fosterCare(true).build())
 *         .contact(new Contact(ContactRole.PARENT, "mother", name, phone, PhoneStatus.WORKING, null))
 *         .absence(new Absence(LocalDate.of(2026, 11, 20), AbsenceType.UNEXCUSED))
 *         .build();
 * </pre>
 *
 * Nothing is checked here beyond the id being present: a grade "13" or a rate of 1.5 can be built,
 * and the engine gives such a student a result carrying the problem ({@code read.InputCheck}).
 *
 * <p>{@code firstName} and {@code lastName} (optional) are personal data: only letters and call
 * scripts show them, never a log, an error or {@link #toString()}.
 */
public record Student(String studentId, String grade, LocalDate enrolledOn, LocalDate withdrawnOn,
                      StudentContext context, List<Contact> contacts, List<Absence> absences,
                      Double priorYearAbsenceRate, Mentor mentor, List<Meeting> meetings,
                      List<OutreachRecord> outreach, String firstName, String lastName, List<Intervention> interventions) {
    public Student {
        Objects.requireNonNull(studentId, "studentId");
        context = context == null ? StudentContext.NONE : context;
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        absences = absences == null ? List.of() : List.copyOf(absences);
        meetings = meetings == null ? List.of() : List.copyOf(meetings);
        outreach = outreach == null ? List.of() : List.copyOf(outreach);
        firstName = firstName == null || firstName.isBlank() ? null : firstName.strip();
        lastName = lastName == null || lastName.isBlank() ? null : lastName.strip();
        interventions = interventions == null ? List.of() : List.copyOf(interventions);
    }

    /** A student without supports in place (the record's shape before {@code interventions}). */
    public Student(String studentId, String grade, LocalDate enrolledOn, LocalDate withdrawnOn,
                   StudentContext context, List<Contact> contacts, List<Absence> absences,
                   Double priorYearAbsenceRate, Mentor mentor, List<Meeting> meetings,
                   List<OutreachRecord> outreach, String firstName, String lastName) {
        this(studentId, grade, enrolledOn, withdrawnOn, context, contacts, absences, priorYearAbsenceRate, mentor,
                meetings, outreach, firstName, lastName, List.of());
    }

    /** A student without a name on file, with supports in place. */
    public Student(String studentId, String grade, LocalDate enrolledOn, LocalDate withdrawnOn,
                   StudentContext context, List<Contact> contacts, List<Absence> absences,
                   Double priorYearAbsenceRate, Mentor mentor, List<Meeting> meetings,
                   List<OutreachRecord> outreach, List<Intervention> interventions) {
        this(studentId, grade, enrolledOn, withdrawnOn, context, contacts, absences, priorYearAbsenceRate, mentor,
                meetings, outreach, null, null, interventions);
    }

    /** A student without a name on file (the name is optional; letters then say "your child"). */
    public Student(String studentId, String grade, LocalDate enrolledOn, LocalDate withdrawnOn,
                   StudentContext context, List<Contact> contacts, List<Absence> absences,
                   Double priorYearAbsenceRate, Mentor mentor, List<Meeting> meetings,
                   List<OutreachRecord> outreach) {
        this(studentId, grade, enrolledOn, withdrawnOn, context, contacts, absences, priorYearAbsenceRate, mentor,
                meetings, outreach, null, null, List.of());
    }

    /** The student's id and grade only: the name and the record are never shown here (personal data). */
    @Override
    public String toString() {
        return "Student[studentId=" + studentId + ", grade=" + grade + "]";
    }

    /** The grades of the contract, youngest first: {@code PK}, {@code K}, {@code 1} … {@code 12}. */
    public static final List<String> GRADES = List.of("PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");

    /**
     * Whether {@code grade} is one of {@link #GRADES} (as written there: {@code K}, not {@code k} or
     * {@code 05}). Every reader and the Java API's checks use this one test.
     */
    public static boolean isGrade(String grade) {
        return grade != null && GRADES.contains(grade);
    }

    /** A builder for a student with this id and, until set, nothing else. */
    public static Builder builder(String studentId) {
        return new Builder(studentId);
    }

    /** A builder that starts from this student: change what differs, then {@link Builder#build()}. */
    public Builder toBuilder() {
        return new Builder(studentId).grade(grade).enrolledOn(enrolledOn).withdrawnOn(withdrawnOn).context(context)
                .contacts(contacts).absences(absences).priorYearAbsenceRate(priorYearAbsenceRate).mentor(mentor)
                .meetings(meetings).outreach(outreach).name(firstName, lastName).interventions(interventions);
    }

    /** A student with nothing but an id: no absences, no context, no contacts. */
    public static Student withId(String studentId) {
        return builder(studentId).build();
    }

    public Student withAbsences(List<Absence> newAbsences) {
        return toBuilder().absences(newAbsences).build();
    }

    public Student withContext(StudentContext newContext) {
        return toBuilder().context(newContext).build();
    }

    public Student withContacts(List<Contact> newContacts) {
        return toBuilder().contacts(newContacts).build();
    }

    public Student withPriorYearAbsenceRate(Double rate) {
        return toBuilder().priorYearAbsenceRate(rate).build();
    }

    /**
     * Builds a {@link Student} field by field, with the contract's names. Lists can be given whole
     * ({@link #absences(List)}) or one item at a time ({@link #absence(Absence)}); what is not set is
     * empty. Not thread-safe; the student it builds is immutable.
     */
    public static final class Builder {
        private final String studentId;
        private String grade;
        private LocalDate enrolledOn;
        private LocalDate withdrawnOn;
        private StudentContext context = StudentContext.NONE;
        private final List<Contact> contacts = new ArrayList<>();
        private final List<Absence> absences = new ArrayList<>();
        private Double priorYearAbsenceRate;
        private Mentor mentor;
        private final List<Meeting> meetings = new ArrayList<>();
        private final List<OutreachRecord> outreach = new ArrayList<>();
        private String firstName;
        private String lastName;
        private final List<Intervention> interventions = new ArrayList<>();

        private Builder(String studentId) {
            this.studentId = Objects.requireNonNull(studentId, "studentId");
        }

        /** {@code PK}, {@code K}, {@code 1} … {@code 12}; null when not known. */
        public Builder grade(String grade) {
            this.grade = grade;
            return this;
        }

        /** The first day enrolled (default: the calendar's first day). */
        public Builder enrolledOn(LocalDate day) {
            this.enrolledOn = day;
            return this;
        }

        /** The day the student left (the last day enrolled is the school day before); null when still enrolled. */
        public Builder withdrawnOn(LocalDate day) {
            this.withdrawnOn = day;
            return this;
        }

        /** The student's circumstances and home language ({@link StudentContext#builder()}). */
        public Builder context(StudentContext context) {
            this.context = context == null ? StudentContext.NONE : context;
            return this;
        }

        /** Adds a contact. */
        public Builder contact(Contact contact) {
            contacts.add(Objects.requireNonNull(contact, "contact"));
            return this;
        }

        /** The contacts, replacing any added so far. */
        public Builder contacts(List<Contact> all) {
            contacts.clear();
            if (all != null) {
                all.forEach(this::contact);
            }
            return this;
        }

        /** Adds a day of absence (or of a tardy or early departure). */
        public Builder absence(Absence absence) {
            absences.add(Objects.requireNonNull(absence, "absence"));
            return this;
        }

        /** The absences, replacing any added so far. */
        public Builder absences(List<Absence> all) {
            absences.clear();
            if (all != null) {
                all.forEach(this::absence);
            }
            return this;
        }

        /** The share of enrolled days missed last school year (0.14 is 14%); null when not known. */
        public Builder priorYearAbsenceRate(Double rate) {
            this.priorYearAbsenceRate = rate;
            return this;
        }

        /** The student's success mentor; null when none. */
        public Builder mentor(Mentor mentor) {
            this.mentor = mentor;
            return this;
        }

        /** Adds a meeting already planned with the family. */
        public Builder meeting(Meeting meeting) {
            meetings.add(Objects.requireNonNull(meeting, "meeting"));
            return this;
        }

        /** The meetings, replacing any added so far. */
        public Builder meetings(List<Meeting> all) {
            meetings.clear();
            if (all != null) {
                all.forEach(this::meeting);
            }
            return this;
        }

        /** Adds a record of outreach staff already did. */
        public Builder outreach(OutreachRecord record) {
            outreach.add(Objects.requireNonNull(record, "record"));
            return this;
        }

        /** The outreach records, replacing any added so far. */
        public Builder outreach(List<OutreachRecord> all) {
            outreach.clear();
            if (all != null) {
                all.forEach(this::outreach);
            }
            return this;
        }

        /** The student's first (given) name and last name, for letters; either may be null. */
        public Builder name(String first, String last) {
            this.firstName = first;
            this.lastName = last;
            return this;
        }

        /** Adds a support the school has put in place. */
        public Builder intervention(Intervention intervention) {
            interventions.add(Objects.requireNonNull(intervention, "intervention"));
            return this;
        }

        /** The supports in place, replacing any added so far. */
        public Builder interventions(List<Intervention> all) {
            interventions.clear();
            if (all != null) {
                all.forEach(this::intervention);
            }
            return this;
        }

        public Student build() {
            return new Student(studentId, grade, enrolledOn, withdrawnOn, context, contacts, absences,
                    priorYearAbsenceRate, mentor, meetings, outreach, firstName, lastName, interventions);
        }
    }
}
