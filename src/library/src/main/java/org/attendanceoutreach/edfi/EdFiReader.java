package org.attendanceoutreach.edfi;

import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;
import org.attendanceoutreach.school.StudentContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a folder of Ed-Fi ODS/API resources, each file a JSON array exactly as the API returns it,
 * into one {@link SchoolFile} per school, for the same engine as a school file. Thread-safe.
 *
 * <p>Files (names as the API's resource names), in Ed-Fi Data Standard 4, 5 or 6 ({@link DataStandard},
 * found from the files present unless given):
 * <ul>
 * <li>{@code studentSchoolAssociations.json} (required): who is enrolled where, from when, until when,
 *     in which grade ({@link Enrollments});</li>
 * <li>{@code studentSchoolAttendanceEvents.json} (required): the attendance exceptions ({@link AttendanceEvents});</li>
 * <li>{@code sessions.json} and/or {@code calendarDates.json} (one at least): the instructional days ({@link SchoolCalendars});</li>
 * <li>optional: {@code studentEducationOrganizationAssociations.json} (4, 5) or {@code studentDemographics.json}
 *     (6): foster care, homeless, English learner, home language; {@code studentSpecialEducationProgramAssociations.json}:
 *     an IEP ({@link StudentCharacteristics}); {@code studentParentAssociations.json} with {@code parents.json} (4)
 *     or {@code studentContactAssociations.json} with {@code contacts.json} (5, 6): whom to call ({@link ContactPeople});
 *     {@code studentInterventionAssociations.json} with {@code interventions.json}: the supports in place
 *     ({@link StudentInterventions}).</li>
 * </ul>
 *
 * <p>Problems with one student's records make that student an error naming the resource file, the
 * record ({@code [17]}) and the field; every other student is still read. A language that cannot be
 * mapped is only a warning. Descriptors are mapped by a {@link DescriptorMap}. Messages never carry
 * names, phone numbers or free text.
 */
public final class EdFiReader {
    public static final String EVENTS = "studentSchoolAttendanceEvents.json";
    public static final String ASSOCIATIONS = "studentSchoolAssociations.json";
    public static final String SESSIONS = "sessions.json";
    public static final String CALENDAR_DATES = "calendarDates.json";
    public static final String ED_ORG_ASSOCIATIONS = "studentEducationOrganizationAssociations.json";
    public static final String DEMOGRAPHICS = "studentDemographics.json";
    public static final String SPECIAL_EDUCATION = "studentSpecialEducationProgramAssociations.json";
    public static final String PARENT_ASSOCIATIONS = "studentParentAssociations.json";
    public static final String CONTACT_ASSOCIATIONS = "studentContactAssociations.json";
    public static final String PARENTS = "parents.json";
    public static final String CONTACTS = "contacts.json";
    public static final String INTERVENTIONS = "interventions.json";
    public static final String INTERVENTION_ASSOCIATIONS = "studentInterventionAssociations.json";

    private final DescriptorMap descriptors;
    private final DataStandard standard;
    private final java.util.function.Predicate<String> inCatalog;

    /**
     * @param standard the Data Standard the folder follows, or null to find it from the files present
     *                 ({@link DataStandard#detect})
     */
    public EdFiReader(DescriptorMap descriptors, DataStandard standard) {
        this(descriptors, standard, null);
    }

    private EdFiReader(DescriptorMap descriptors, DataStandard standard, java.util.function.Predicate<String> inCatalog) {
        this.descriptors = Objects.requireNonNull(descriptors, "descriptors");
        this.standard = standard;
        this.inCatalog = inCatalog;
    }

    /**
     * This reader, keeping only the supports in place ({@code studentInterventionAssociations}) that map
     * to a practice of {@code catalog}; others are skipped with a warning instead of making their
     * student an error in the engine. Without it, every id in the form of a catalog id is kept.
     */
    public EdFiReader withPractices(org.attendanceoutreach.catalog.Catalog catalog) {
        return new EdFiReader(descriptors, standard, catalog::contains);
    }

    /** The Data Standard found from the files present. */
    public EdFiReader(DescriptorMap descriptors) {
        this(descriptors, null);
    }

    /** With the default mapping for {@code uri://ed-fi.org/}, the Data Standard found from the files present. */
    public EdFiReader() {
        this(DescriptorMap.defaults());
    }

    /** What every student of the folder shares: the details keyed by student, and where they came from. */
    private record Context(ResourceFolder folder, LocalDate asOf, StudentCharacteristics characteristics, ContactPeople people,
                           Directory directory, StudentInterventions interventions) {
    }

    /**
     * Reads the folder, evaluating as of {@code asOf} (which picks the school year: the one whose
     * sessions include it, else the latest that began before it).
     *
     * @param progress told, in a few words, what is being read (may be null)
     * @throws SchoolFileException when the folder or a required file is missing, or a file is not a JSON array
     */
    public EdFiImport read(Path path, LocalDate asOf, Consumer<String> progress) throws SchoolFileException {
        Objects.requireNonNull(asOf, "asOf");
        Consumer<String> say = progress == null ? s -> { } : progress;
        String name = path.toString();
        if (!Files.isDirectory(path)) {
            throw new SchoolFileException(new InputProblem(name, null, null,
                    Files.exists(path) ? "is not a folder; --edfi takes a folder of Ed-Fi resource files" : "no such folder"));
        }
        List<InputProblem> warnings = new ArrayList<>();
        ResourceFolder folder = new ResourceFolder(path, warnings);
        DataStandard detected = DataStandard.detect(path);
        DataStandard used = standard != null ? standard : detected != null ? detected : DataStandard.DS5;
        unread(folder, used);

        say.accept("reading " + ASSOCIATIONS);
        List<Enrollments.Enrollment> enrollments = Enrollments.read(folder);
        say.accept("reading " + EVENTS);
        List<AttendanceEvents.Event> events = AttendanceEvents.read(folder, descriptors);
        say.accept("reading " + SESSIONS + " and " + CALENDAR_DATES);
        SchoolCalendars calendars = SchoolCalendars.read(folder, descriptors);
        say.accept("reading student details");
        Context context = new Context(folder, asOf, StudentCharacteristics.read(folder, descriptors, used),
                ContactPeople.read(folder, descriptors, used), Directory.read(folder),
                StudentInterventions.read(folder, descriptors, inCatalog));

        // ---- one school at a time ----
        Map<String, List<Enrollments.Enrollment>> enrollmentsBySchool = group(enrollments, Enrollments.Enrollment::school);
        Map<String, List<AttendanceEvents.Event>> eventsBySchool = group(events, AttendanceEvents.Event::school);
        Set<String> schools = new TreeSet<>(enrollmentsBySchool.keySet());
        schools.addAll(eventsBySchool.keySet());
        List<SchoolFile> out = new ArrayList<>();
        List<InputProblem> failed = new ArrayList<>();
        for (String school : schools) {
            say.accept("building school " + school);
            List<InputProblem> schoolWarnings = new ArrayList<>(out.isEmpty() ? warnings : List.of());
            List<AttendanceEvents.Event> schoolEvents = eventsBySchool.getOrDefault(school, List.of());
            Set<LocalDate> eventDays = new TreeSet<>();
            for (AttendanceEvents.Event e : schoolEvents) {
                if (e.day() != null) {
                    eventDays.add(e.day());
                }
            }
            SchoolCalendar calendar;
            try {
                calendar = calendars.calendar(school, eventDays, asOf, name, schoolWarnings);
            } catch (Problem p) {
                failed.add(new InputProblem(folder.file(p.resource), null, p.field, "school " + school + ": " + p.getMessage()));
                continue;
            }
            out.add(school(context, school, calendar, enrollmentsBySchool.getOrDefault(school, List.of()), schoolEvents, schoolWarnings));
        }
        return new EdFiImport(name, used, out, failed);
    }

    /** Warns about resources of another Data Standard than the one read: they are not read. */
    private static void unread(ResourceFolder folder, DataStandard used) {
        Set<String> read = new TreeSet<>(List.of(used.peopleResource(), used.associationResource(), used.studentDetailsResource(),
                ED_ORG_ASSOCIATIONS));
        Map<String, DataStandard> others = new LinkedHashMap<>();
        for (DataStandard other : DataStandard.values()) {
            for (String r : List.of(other.peopleResource(), other.associationResource(), other.studentDetailsResource())) {
                if (!read.contains(r) && folder.has(r)) {
                    others.putIfAbsent(r, other);
                }
            }
        }
        others.forEach((r, other) -> folder.warn(r, null, "is a resource of " + other + " but the folder is read as " + used
                + " (" + used.peopleResource() + ", " + used.studentDetailsResource() + "); it is not read"));
    }

    private SchoolFile school(Context c, String schoolId, SchoolCalendar calendar, List<Enrollments.Enrollment> enrollments,
                              List<AttendanceEvents.Event> events, List<InputProblem> warnings) {
        LocalDate first = calendar.firstDay();
        LocalDate last = calendar.lastDay();
        Map<String, List<Enrollments.Enrollment>> byStudent = new LinkedHashMap<>();
        for (Enrollments.Enrollment e : enrollments) {
            if (e.overlaps(first, last)) {
                byStudent.computeIfAbsent(e.student(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, List<AttendanceEvents.Event>> eventsByStudent = new LinkedHashMap<>();
        for (AttendanceEvents.Event e : events) {
            LocalDate d = e.day(); // null: kept, the student gets the error
            if (d == null || (!d.isBefore(first) && !d.isAfter(last))) {
                eventsByStudent.computeIfAbsent(e.student(), k -> new ArrayList<>()).add(e);
            }
        }
        Set<String> ids = new TreeSet<>(byStudent.keySet());
        ids.addAll(eventsByStudent.keySet());
        List<StudentInput> students = new ArrayList<>(ids.size());
        for (String id : ids) {
            List<InputProblem> studentWarnings = new ArrayList<>();
            try {
                students.add(StudentInput.of(student(c, schoolId, id, byStudent.getOrDefault(id, List.of()),
                        eventsByStudent.getOrDefault(id, List.of()), calendar, studentWarnings)));
                warnings.addAll(studentWarnings);
            } catch (Problem p) {
                students.add(StudentInput.failed(id, new InputProblem(c.folder().file(p.resource), id, p.field, p.getMessage())));
            }
        }
        Directory.SchoolDetails details = c.directory().school(schoolId);
        School school = new School(schoolId, c.asOf(), calendar, null, List.of(), details.name(), details.phone(), null);
        return new SchoolFile(c.folder().name, school, students, warnings);
    }

    /**
     * One student: the enrolment, the absences, the circumstances and the contacts. Each part is read by
     * its own class; a new resource about a student joins here.
     */
    private Student student(Context c, String schoolId, String id, List<Enrollments.Enrollment> enrollments,
                            List<AttendanceEvents.Event> events, SchoolCalendar calendar, List<InputProblem> warnings) {
        if (enrollments.isEmpty()) {
            throw new Problem(EVENTS, "[" + events.get(0).index() + "]", "has attendance events at school " + schoolId
                    + " but no studentSchoolAssociation there for the school year " + calendar.firstDay() + " to "
                    + calendar.lastDay() + "; without an enrollment the days cannot be counted");
        }
        Enrollments.Chosen enrollment = Enrollments.choose(enrollments, c.asOf());
        String grade = null;
        if (enrollment.enrollment().grade() != null) {
            String g = descriptors.map(DescriptorMap.Kind.GRADE_LEVEL, enrollment.enrollment().grade(), ASSOCIATIONS,
                    "[" + enrollment.enrollment().index() + "].entryGradeLevelDescriptor");
            grade = g.equals("NONE") ? null : g;
        }
        boolean newToSchool = enrollment.entry().isAfter(calendar.firstDay());
        AttendanceEvents.Absences absences = AttendanceEvents.absences(events, descriptors, enrollment, enrollments.size() > 1, calendar);
        if (absences.outside() > 0) {
            warnings.add(new InputProblem(c.folder().file(EVENTS), id, null, absences.outside()
                    + " attendance events fall outside the enrollment used (entryDate " + enrollment.entry()
                    + "); they belong to another enrollment in " + ASSOCIATIONS + " and are not counted"));
        }
        StudentWarnings warn = (resource, field, message) -> warnings.add(new InputProblem(c.folder().file(resource), id, field, message));
        StudentContext context = c.characteristics().context(id, schoolId, c.asOf(), warn);
        List<Contact> contacts = c.people().contacts(id, warn);
        LocalDate exit = enrollment.exit();
        Directory.Names names = c.directory().student(id);
        return new Student(id, grade, enrollment.entry(), exit == null ? null : exit.plusDays(1),
                new StudentContext(context.fosterCare(), context.iep(), context.englishLearner(), context.homeLanguage(),
                        context.homeless(), context.juvenileJustice(), newToSchool),
                contacts, absences.absences(), null, null, null, null, names.first(), names.last(),
                c.interventions().interventions(id, warn));
    }

    private static <T> Map<String, List<T>> group(List<T> list, Function<T, String> key) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (T t : list) {
            out.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
        }
        return out;
    }
}
