package org.attendanceoutreach.edfi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.attendanceoutreach.edfi.DescriptorMap.Kind;
import org.attendanceoutreach.edfi.DescriptorMap.UnknownDescriptorException;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.PhoneStatus;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;
import org.attendanceoutreach.school.StudentContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads a folder of Ed-Fi ODS/API resources, each file a JSON array exactly as the API returns it,
 * into one {@link SchoolFile} per school, for the same engine as a school file. Thread-safe.
 *
 * <p>Files (names as the API's resource names):
 * <ul>
 * <li>{@code studentSchoolAssociations.json} (required): who is enrolled where, from when
 *     ({@code entryDate}) until when ({@code exitWithdrawDate}, the last day enrolled), in which grade;</li>
 * <li>{@code studentSchoolAttendanceEvents.json} (required): the attendance exceptions;</li>
 * <li>{@code sessions.json} and/or {@code calendarDates.json} (one at least): the instructional days;</li>
 * <li>optional: {@code studentEducationOrganizationAssociations.json} (foster care, homeless, English
 *     learner, home language), {@code studentSpecialEducationProgramAssociations.json} (IEP),
 *     {@code studentParentAssociations.json} with {@code parents.json}, or
 *     {@code studentContactAssociations.json} with {@code contacts.json} (whom to call).</li>
 * </ul>
 *
 * <p>Problems with one student's records make that student an error naming the resource file, the
 * record ({@code [17]}) and the field; every other student is still read. Descriptors are mapped by a
 * {@link DescriptorMap}. Messages never carry names, phone numbers or free text.
 */
public final class EdFiReader {
    public static final String EVENTS = "studentSchoolAttendanceEvents.json";
    public static final String ASSOCIATIONS = "studentSchoolAssociations.json";
    public static final String SESSIONS = "sessions.json";
    public static final String CALENDAR_DATES = "calendarDates.json";
    public static final String ED_ORG_ASSOCIATIONS = "studentEducationOrganizationAssociations.json";
    public static final String SPECIAL_EDUCATION = "studentSpecialEducationProgramAssociations.json";
    public static final String PARENT_ASSOCIATIONS = "studentParentAssociations.json";
    public static final String CONTACT_ASSOCIATIONS = "studentContactAssociations.json";
    public static final String PARENTS = "parents.json";
    public static final String CONTACTS = "contacts.json";

    private final DescriptorMap descriptors;
    private final JsonFactory factory;
    private final ObjectMapper mapper;

    public EdFiReader(DescriptorMap descriptors) {
        this.descriptors = Objects.requireNonNull(descriptors, "descriptors");
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64).maxStringLength(100_000).maxNumberLength(50).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory).build();
    }

    /** With the default mapping for {@code uri://ed-fi.org/}. */
    public EdFiReader() {
        this(DescriptorMap.defaults());
    }

    // ---- the records kept from each resource (only what is used; no names until contacts are built) ----

    private record Event(int index, String student, String school, String date, String category, JsonNode duration,
                         AbsenceReason reason) {
    }

    private record Enrollment(int index, String student, String school, String entry, String exit, String grade, Integer year) {
    }

    private record Session(int index, String school, Integer year, LocalDate begin, LocalDate end, Integer total) {
    }

    private record CalendarDay(int index, String school, Integer year, String calendar, LocalDate date, List<String> events) {
    }

    private record EdOrg(int index, String student, String edOrg, JsonNode node) {
    }

    private record Program(int index, String student, String begin, String end) {
    }

    private record Link(int index, String student, String person, String relation, boolean primary, Integer priority,
                        Boolean legalGuardian) {
    }

    private record Person(int index, String id, String name, String phone, JsonNode languages) {
    }

    /** A problem with one student's records, located in a resource file. */
    private static final class Problem extends RuntimeException {
        final String resource;
        final String field;

        Problem(String resource, String field, String message) {
            super(message, null, false, false);
            this.resource = resource;
            this.field = field;
        }
    }

    /**
     * Reads the folder, evaluating as of {@code asOf} (which picks the school year: the one whose
     * sessions include it, else the latest that began before it).
     *
     * @param progress told, in a few words, what is being read (may be null)
     * @throws SchoolFileException when the folder or a required file is missing, or a file is not a JSON array
     */
    public EdFiImport read(Path folder, LocalDate asOf, Consumer<String> progress) throws SchoolFileException {
        Objects.requireNonNull(asOf, "asOf");
        Consumer<String> say = progress == null ? s -> { } : progress;
        String name = folder.toString();
        if (!Files.isDirectory(folder)) {
            throw new SchoolFileException(new InputProblem(name, null, null,
                    Files.exists(folder) ? "is not a folder; --edfi takes a folder of Ed-Fi resource files" : "no such folder"));
        }
        List<InputProblem> warnings = new ArrayList<>();

        say.accept("reading " + ASSOCIATIONS);
        List<Enrollment> enrollments = new ArrayList<>();
        each(folder, warnings, ASSOCIATIONS, true, (i, n) -> {
            String student = text(n, "studentReference", "studentUniqueId");
            String school = id(n, "schoolReference", "schoolId");
            if (student == null || school == null) {
                warnings.add(new InputProblem(name, null, ASSOCIATIONS + "[" + i + "]",
                        "no studentReference.studentUniqueId or schoolReference.schoolId; skipped"));
                return;
            }
            Integer year = number(n, "schoolYearTypeReference", "schoolYear");
            enrollments.add(new Enrollment(i, student, school, text(n, "entryDate"), text(n, "exitWithdrawDate"),
                    text(n, "entryGradeLevelDescriptor"), year));
        });

        say.accept("reading " + EVENTS);
        List<Event> events = new ArrayList<>();
        each(folder, warnings, EVENTS, true, (i, n) -> {
            String student = text(n, "studentReference", "studentUniqueId");
            String school = id(n, "schoolReference", "schoolId");
            if (student == null || school == null) {
                warnings.add(new InputProblem(name, null, EVENTS + "[" + i + "]",
                        "no studentReference.studentUniqueId or schoolReference.schoolId; skipped"));
                return;
            }
            events.add(new Event(i, student, school, text(n, "eventDate"), text(n, "attendanceEventCategoryDescriptor"),
                    n.get("eventDuration"), descriptors.reason(text(n, "attendanceEventReason"))));
        });

        say.accept("reading " + SESSIONS + " and " + CALENDAR_DATES);
        List<Session> sessions = new ArrayList<>();
        List<InputProblem> fileProblems = new ArrayList<>();
        boolean hasSessions = each(folder, warnings, SESSIONS, false, (i, n) -> {
            String school = id(n, "schoolReference", "schoolId");
            try {
                LocalDate begin = date(text(n, "beginDate"));
                LocalDate end = date(text(n, "endDate"));
                if (school == null || begin == null || end == null || end.isBefore(begin)) {
                    throw new DateTimeParseException("", "", 0);
                }
                sessions.add(new Session(i, school, number(n, "schoolYearTypeReference", "schoolYear"), begin, end,
                        number(n, "totalInstructionalDays")));
            } catch (DateTimeParseException e) {
                warnings.add(new InputProblem(name, null, SESSIONS + "[" + i + "]",
                        "needs schoolReference.schoolId and beginDate on or before endDate (YYYY-MM-DD); skipped"));
            }
        });
        List<CalendarDay> days = new ArrayList<>();
        boolean hasDates = each(folder, warnings, CALENDAR_DATES, false, (i, n) -> {
            String school = id(n, "calendarReference", "schoolId");
            LocalDate d;
            try {
                d = date(text(n, "date"));
            } catch (DateTimeParseException e) {
                d = null;
            }
            if (school == null || d == null) {
                warnings.add(new InputProblem(name, null, CALENDAR_DATES + "[" + i + "]",
                        "needs calendarReference.schoolId and a date (YYYY-MM-DD); skipped"));
                return;
            }
            List<String> evs = new ArrayList<>();
            JsonNode list = n.get("calendarEvents");
            if (list != null && list.isArray()) {
                for (JsonNode e : list) {
                    String ev = text(e, "calendarEventDescriptor");
                    if (ev != null) {
                        evs.add(ev);
                    }
                }
            }
            days.add(new CalendarDay(i, school, number(n, "calendarReference", "schoolYear"),
                    text(n, "calendarReference", "calendarCode"), d, evs));
        });
        if (!hasSessions && !hasDates) {
            throw new SchoolFileException(new InputProblem(name, null, null,
                    "has neither " + SESSIONS + " nor " + CALENDAR_DATES + "; one of them is needed for the instructional days"));
        }

        say.accept("reading student details");
        Map<String, List<EdOrg>> edOrgs = new HashMap<>();
        each(folder, warnings, ED_ORG_ASSOCIATIONS, false, (i, n) -> {
            String student = text(n, "studentReference", "studentUniqueId");
            if (student != null) {
                edOrgs.computeIfAbsent(student, k -> new ArrayList<>())
                        .add(new EdOrg(i, student, id(n, "educationOrganizationReference", "educationOrganizationId"), n));
            }
        });
        Map<String, List<Program>> programs = new HashMap<>();
        each(folder, warnings, SPECIAL_EDUCATION, false, (i, n) -> {
            String student = text(n, "studentReference", "studentUniqueId");
            if (student != null) {
                programs.computeIfAbsent(student, k -> new ArrayList<>())
                        .add(new Program(i, student, text(n, "beginDate"), text(n, "endDate")));
            }
        });
        String linkFile = Files.exists(folder.resolve(PARENT_ASSOCIATIONS)) ? PARENT_ASSOCIATIONS : CONTACT_ASSOCIATIONS;
        Map<String, List<Link>> links = new HashMap<>();
        each(folder, warnings, linkFile, false, (i, n) -> {
            String student = text(n, "studentReference", "studentUniqueId");
            String person = firstNonNull(text(n, "parentReference", "parentUniqueId"), text(n, "contactReference", "contactUniqueId"));
            if (student != null && person != null) {
                JsonNode primary = n.get("primaryContactStatus");
                JsonNode guardian = n.get("legalGuardian");
                links.computeIfAbsent(student, k -> new ArrayList<>()).add(new Link(i, student, person,
                        text(n, "relationDescriptor"), primary != null && primary.asBoolean(false),
                        number(n, "contactPriority"), guardian == null || guardian.isNull() ? null : guardian.asBoolean(false)));
            }
        });
        String personFile = Files.exists(folder.resolve(PARENTS)) ? PARENTS : CONTACTS;
        Map<String, Person> persons = new HashMap<>();
        each(folder, warnings, personFile, false, (i, n) -> {
            String id = firstNonNull(text(n, "parentUniqueId"), text(n, "contactUniqueId"));
            if (id != null) {
                persons.putIfAbsent(id, new Person(i, id, personName(n), phone(n), n.get("languages")));
            }
        });

        // ---- one school at a time ----
        Map<String, List<Enrollment>> enrollmentsBySchool = group(enrollments, Enrollment::school);
        Map<String, List<Event>> eventsBySchool = group(events, Event::school);
        Map<String, List<Session>> sessionsBySchool = group(sessions, Session::school);
        Map<String, List<CalendarDay>> daysBySchool = group(days, CalendarDay::school);
        Set<String> schools = new TreeSet<>(enrollmentsBySchool.keySet());
        schools.addAll(eventsBySchool.keySet());
        Context context = new Context(folder, name, asOf, edOrgs, programs, links, linkFile, persons, personFile);
        List<SchoolFile> out = new ArrayList<>();
        for (String school : schools) {
            say.accept("building school " + school);
            List<InputProblem> schoolWarnings = new ArrayList<>(out.isEmpty() ? warnings : List.of());
            SchoolCalendar calendar;
            try {
                calendar = calendar(school, sessionsBySchool.getOrDefault(school, List.of()),
                        daysBySchool.getOrDefault(school, List.of()), eventsBySchool.getOrDefault(school, List.of()),
                        asOf, name, schoolWarnings);
            } catch (Problem p) {
                fileProblems.add(new InputProblem(folder.resolve(p.resource).toString(), null, p.field, "school " + school + ": " + p.getMessage()));
                continue;
            }
            out.add(school(context, school, calendar, enrollmentsBySchool.getOrDefault(school, List.of()),
                    eventsBySchool.getOrDefault(school, List.of()), schoolWarnings));
        }
        return new EdFiImport(name, out, fileProblems);
    }

    /** What every student of the folder shares: the details keyed by student, and where they came from. */
    private record Context(Path folder, String name, LocalDate asOf, Map<String, List<EdOrg>> edOrgs,
                           Map<String, List<Program>> programs, Map<String, List<Link>> links, String linkFile,
                           Map<String, Person> persons, String personFile) {
    }

    // ---- the calendar ----

    /**
     * The school year's instructional days: the calendar dates marked instructional when they cover
     * the sessions (as many instructional days in each session as its totalInstructionalDays, or every
     * weekday listed); else derived from the sessions, with one warning.
     */
    private SchoolCalendar calendar(String school, List<Session> sessions, List<CalendarDay> allDays, List<Event> events,
                                    LocalDate asOf, String folderName, List<InputProblem> warnings) {
        Integer year;
        if (!sessions.isEmpty()) {
            year = pickYear(sessions.stream().collect(java.util.stream.Collectors.groupingBy(s -> s.year() == null ? 0 : s.year(),
                    TreeMap::new, java.util.stream.Collectors.toList())), Session::begin, Session::end, asOf);
            Integer y = year;
            sessions = sessions.stream().filter(s -> y == 0 || Objects.equals(s.year(), y)).sorted(Comparator.comparing(Session::begin)).toList();
        } else {
            year = pickYear(allDays.stream().collect(java.util.stream.Collectors.groupingBy(d -> d.year() == null ? 0 : d.year(),
                    TreeMap::new, java.util.stream.Collectors.toList())), CalendarDay::date, CalendarDay::date, asOf);
        }
        LocalDate spanBegin = sessions.isEmpty() ? null : sessions.get(0).begin();
        LocalDate spanEnd = sessions.stream().map(Session::end).max(Comparator.naturalOrder()).orElse(null);
        Integer y = year;
        Map<LocalDate, Boolean> listed = new TreeMap<>();
        Set<String> calendars = new TreeSet<>();
        for (CalendarDay d : allDays) {
            boolean sameYear = d.year() == null || y == 0 ? (spanBegin == null || (!d.date().isBefore(spanBegin) && !d.date().isAfter(spanEnd)))
                    : d.year().equals(y);
            if (!sameYear) {
                continue;
            }
            boolean instructional = false;
            for (int j = 0; j < d.events().size(); j++) {
                String value;
                try {
                    value = descriptors.map(Kind.CALENDAR_EVENT, d.events().get(j));
                } catch (UnknownDescriptorException e) {
                    throw new Problem(CALENDAR_DATES, "[" + d.index() + "].calendarEvents[" + j + "].calendarEventDescriptor", e.getMessage());
                }
                instructional |= value.equals("INSTRUCTIONAL");
            }
            listed.merge(d.date(), instructional, Boolean::logicalOr);
            if (d.calendar() != null) {
                calendars.add(d.calendar());
            }
        }
        if (calendars.size() > 1) {
            warnings.add(new InputProblem(folderName, null, CALENDAR_DATES, "school " + school + " has " + calendars.size()
                    + " calendars; their dates are combined into one school calendar"));
        }
        Set<LocalDate> instructional = new TreeSet<>();
        int weekendDays = 0;
        for (Map.Entry<LocalDate, Boolean> e : listed.entrySet()) {
            if (e.getValue()) {
                if (weekend(e.getKey())) {
                    weekendDays++;
                } else {
                    instructional.add(e.getKey());
                }
            }
        }
        if (weekendDays > 0) {
            warnings.add(new InputProblem(folderName, null, CALENDAR_DATES, "school " + school + ": " + weekendDays
                    + " instructional days fall on a weekend; only weekdays are counted, so they are left out"));
        }
        if (sessions.isEmpty()) {
            if (instructional.isEmpty()) {
                throw new Problem(CALENDAR_DATES, null, "no instructional days in " + CALENDAR_DATES + " and no " + SESSIONS
                        + "; the instructional days cannot be known");
            }
            return fromDays(instructional);
        }
        boolean covered = !instructional.isEmpty();
        int wanted = 0;
        for (Session s : sessions) {
            long inSession = instructional.stream().filter(d -> !d.isBefore(s.begin()) && !d.isAfter(s.end())).count();
            if (s.total() != null) {
                wanted += s.total();
                covered &= inSession >= s.total();
            } else {
                covered &= weekdays(s.begin(), s.end()).stream().allMatch(listed::containsKey);
            }
        }
        if (covered) {
            return fromDays(instructional);
        }
        // derive from the sessions: weekdays, less the days listed as not instructional, less evenly spread
        // weekdays without any attendance event until each session has its totalInstructionalDays
        Set<LocalDate> eventDays = new TreeSet<>();
        for (Event e : events) {
            try {
                LocalDate d = date(e.date());
                if (d != null) {
                    eventDays.add(d);
                }
            } catch (DateTimeParseException ex) {
                // reported with the student
            }
        }
        Set<LocalDate> derived = new TreeSet<>();
        int setAside = 0;
        int holidays = 0;
        List<String> short_ = new ArrayList<>();
        for (Session s : sessions) {
            List<LocalDate> weekdays = new ArrayList<>();
            for (LocalDate d : weekdays(s.begin(), s.end())) {
                if (Boolean.FALSE.equals(listed.get(d))) {
                    holidays++;
                } else {
                    weekdays.add(d);
                }
            }
            if (s.total() != null && weekdays.size() > s.total()) {
                Set<LocalDate> aside = spreadEvenly(weekdays, weekdays.size() - s.total(),
                        d -> !eventDays.contains(d) && !instructional.contains(d));
                setAside += aside.size();
                weekdays.removeAll(aside);
            }
            if (s.total() != null && weekdays.size() != s.total()) {
                short_.add(s.begin() + " to " + s.end() + ": " + weekdays.size() + " days, not " + s.total());
            }
            derived.addAll(weekdays);
        }
        if (derived.isEmpty()) {
            throw new Problem(SESSIONS, null, "the sessions have no weekdays; the instructional days cannot be known");
        }
        StringBuilder w = new StringBuilder("school " + school + ": " + CALENDAR_DATES + " lists " + instructional.size()
                + " instructional days, not enough to cover the sessions"
                + (wanted > 0 ? " (" + wanted + " totalInstructionalDays)" : "")
                + "; the instructional days are derived from " + SESSIONS + " instead: the weekdays from "
                + sessions.get(0).begin() + " to " + spanEnd);
        if (holidays > 0) {
            w.append(" less ").append(holidays).append(" days the calendar marks as not instructional");
        }
        if (setAside > 0) {
            w.append(", with ").append(setAside).append(" weekdays without any attendance event set aside, spread evenly,"
                    + " so each session has its totalInstructionalDays (counts part-way through a session are approximate)");
        }
        if (!short_.isEmpty()) {
            w.append("; could not match totalInstructionalDays for ").append(String.join(", ", short_));
        }
        warnings.add(new InputProblem(folderName, null, SESSIONS, w.toString()));
        return fromDays(derived);
    }

    private static <T> Integer pickYear(TreeMap<Integer, List<T>> byYear, java.util.function.Function<T, LocalDate> begin,
                                        java.util.function.Function<T, LocalDate> end, LocalDate asOf) {
        Integer latestStarted = null;
        LocalDate latestBegin = null;
        for (Map.Entry<Integer, List<T>> e : byYear.entrySet()) {
            LocalDate b = e.getValue().stream().map(begin).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate en = e.getValue().stream().map(end).max(Comparator.naturalOrder()).orElseThrow();
            if (!asOf.isBefore(b) && !asOf.isAfter(en)) {
                return e.getKey();
            }
            if (!b.isAfter(asOf) && (latestBegin == null || b.isAfter(latestBegin))) {
                latestBegin = b;
                latestStarted = e.getKey();
            }
        }
        return latestStarted != null ? latestStarted : byYear.isEmpty() ? 0 : byYear.firstKey();
    }

    /** {@code count} of the days, spread evenly over them, each the nearest eligible day to its even spot. */
    static Set<LocalDate> spreadEvenly(List<LocalDate> days, int count, java.util.function.Predicate<LocalDate> eligible) {
        Set<LocalDate> chosen = new TreeSet<>();
        int n = days.size();
        for (int j = 0; j < count; j++) {
            int target = (int) Math.floor((j + 0.5) * n / count);
            for (int d = 0; d < n; d++) {
                int lo = target - d;
                int hi = target + d;
                if (lo >= 0 && lo < n && eligible.test(days.get(lo)) && chosen.add(days.get(lo))) {
                    break;
                }
                if (hi < n && hi != lo && eligible.test(days.get(hi)) && chosen.add(days.get(hi))) {
                    break;
                }
                if (lo < 0 && hi >= n) {
                    break;
                }
            }
        }
        return chosen;
    }

    private static SchoolCalendar fromDays(Set<LocalDate> instructional) {
        LocalDate first = instructional.iterator().next();
        LocalDate last = first;
        for (LocalDate d : instructional) {
            last = d;
        }
        Set<LocalDate> closed = new TreeSet<>();
        for (LocalDate d : weekdays(first, last)) {
            if (!instructional.contains(d)) {
                closed.add(d);
            }
        }
        return new SchoolCalendar(first, last, closed);
    }

    private static List<LocalDate> weekdays(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!weekend(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    // ---- the students ----

    private SchoolFile school(Context c, String schoolId, SchoolCalendar calendar, List<Enrollment> enrollments,
                              List<Event> events, List<InputProblem> warnings) {
        LocalDate first = calendar.firstDay();
        LocalDate last = calendar.lastDay();
        Map<String, List<Enrollment>> byStudent = new LinkedHashMap<>();
        for (Enrollment e : enrollments) {
            if (inYear(e, first, last)) {
                byStudent.computeIfAbsent(e.student(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, List<Event>> eventsByStudent = new LinkedHashMap<>();
        for (Event e : events) {
            LocalDate d;
            try {
                d = date(e.date());
            } catch (DateTimeParseException ex) {
                d = null; // kept: the student gets the error
            }
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
                students.add(StudentInput.failed(id, new InputProblem(c.folder().resolve(p.resource).toString(), id, p.field, p.getMessage())));
            }
        }
        School school = new School(schoolId, c.asOf(), calendar, null, List.of());
        return new SchoolFile(c.name(), school, students, List.of(), warnings);
    }

    private static boolean inYear(Enrollment e, LocalDate first, LocalDate last) {
        try {
            LocalDate entry = date(e.entry());
            LocalDate exit = date(e.exit());
            return entry == null || (!entry.isAfter(last) && (exit == null || !exit.isBefore(first)));
        } catch (DateTimeParseException ex) {
            return true; // kept: the student gets the error
        }
    }

    private Student student(Context c, String schoolId, String id, List<Enrollment> enrollments, List<Event> events,
                            SchoolCalendar calendar, List<InputProblem> warnings) {
        LocalDate asOf = c.asOf();
        if (enrollments.isEmpty()) {
            throw new Problem(EVENTS, "[" + events.get(0).index() + "]", "has attendance events at school " + schoolId
                    + " but no studentSchoolAssociation there for the school year " + calendar.firstDay() + " to "
                    + calendar.lastDay() + "; without an enrollment the days cannot be counted");
        }
        // the enrollment that includes asOf, else the latest that began by then, else the earliest
        Enrollment chosen = null;
        LocalDate entry = null;
        LocalDate exit = null;
        int chosenRank = Integer.MAX_VALUE;
        for (Enrollment e : enrollments) {
            LocalDate en = requiredDate(ASSOCIATIONS, e.index(), "entryDate", e.entry());
            LocalDate ex = optionalDate(ASSOCIATIONS, e.index(), "exitWithdrawDate", e.exit());
            if (ex != null && ex.isBefore(en)) {
                throw new Problem(ASSOCIATIONS, "[" + e.index() + "].exitWithdrawDate", ex + " is before entryDate " + en);
            }
            int rank = en.isAfter(asOf) ? 2 : ex == null || !ex.isBefore(asOf) ? 0 : 1;
            boolean better = chosen == null || rank < chosenRank
                    || (rank == chosenRank && (rank == 2 ? en.isBefore(entry) : en.isAfter(entry)));
            if (better) {
                chosen = e;
                entry = en;
                exit = ex;
                chosenRank = rank;
            }
        }
        String grade = null;
        if (chosen.grade() != null) {
            String g = map(Kind.GRADE_LEVEL, chosen.grade(), ASSOCIATIONS, "[" + chosen.index() + "].entryGradeLevelDescriptor");
            grade = g.equals("NONE") ? null : g;
        }
        boolean newToSchool = entry.isAfter(calendar.firstDay());

        // attendance: one record per day, the one that counts most when a day has several
        Map<LocalDate, Absence> byDay = new TreeMap<>();
        int outside = 0;
        for (Event e : events) {
            String at = "[" + e.index() + "]";
            LocalDate day = requiredDate(EVENTS, e.index(), "eventDate", e.date());
            String value = map(Kind.ATTENDANCE_EVENT_CATEGORY, e.category(), EVENTS, at + ".attendanceEventCategoryDescriptor");
            if (value.equals("PRESENT")) {
                continue;
            }
            if (day.isBefore(entry) || (exit != null && day.isAfter(exit))) {
                if (enrollments.size() > 1) {
                    outside++;
                    continue;
                }
                throw new Problem(EVENTS, at + ".eventDate", day + " is outside the student's enrollment (entryDate " + entry
                        + (exit == null ? "" : ", exitWithdrawDate " + exit) + " in " + ASSOCIATIONS + ")");
            }
            if (!calendar.isInstructionalDay(day)) {
                throw new Problem(EVENTS, at + ".eventDate", day + " is not an instructional day ("
                        + (weekend(day) ? "a " + day.getDayOfWeek().toString().toLowerCase(Locale.ROOT)
                        : day.isBefore(calendar.firstDay()) || day.isAfter(calendar.lastDay())
                        ? "outside the school year " + calendar.firstDay() + " to " + calendar.lastDay()
                        : "not instructional in the school's calendar") + ")");
            }
            AbsenceType type;
            double portion = 1.0;
            if (value.equals("PARTIAL")) {
                type = AbsenceType.UNEXCUSED;
                Double d = duration(e, at);
                if (d == null) {
                    throw new Problem(EVENTS, at + ".eventDuration", "is required for a Partial event: the share of the day missed (0.5 for half a day)");
                }
                portion = d;
            } else {
                type = AbsenceType.valueOf(value);
                if (type.isDayMissed()) {
                    Double d = duration(e, at);
                    portion = d == null ? 1.0 : d;
                }
            }
            Absence a = new Absence(day, type, type.isDayMissed() ? e.reason() : null, portion);
            byDay.merge(day, a, EdFiReader::countsMore);
        }
        if (outside > 0) {
            warnings.add(new InputProblem(c.folder().resolve(EVENTS).toString(), id, null, outside
                    + " attendance events fall outside the enrollment used (entryDate " + entry
                    + "); they belong to another enrollment in " + ASSOCIATIONS + " and are not counted"));
        }
        StudentContext context = context(c, id, schoolId);
        List<Contact> contacts = contacts(c, id);
        return new Student(id, grade, entry, exit == null ? null : exit.plusDays(1),
                new StudentContext(context.fosterCare(), context.iep(), context.englishLearner(), context.homeLanguage(),
                        context.homeless(), context.juvenileJustice(), newToSchool),
                contacts, new ArrayList<>(byDay.values()), null, null, null, null);
    }

    /** Of two records for one day, the one that counts most: a day missed over a tardy, then the larger portion, then the first. */
    private static Absence countsMore(Absence a, Absence b) {
        if (a.isDayMissed() != b.isDayMissed()) {
            return a.isDayMissed() ? a : b;
        }
        return b.portion() > a.portion() ? b : a;
    }

    private static Double duration(Event e, String at) {
        JsonNode d = e.duration();
        if (d == null || d.isNull()) {
            return null;
        }
        if (!d.isNumber() || !(d.asDouble() > 0 && d.asDouble() <= 1)) {
            throw new Problem(EVENTS, at + ".eventDuration", (d.isNumber() ? d.asText() : "a " + d.getNodeType().toString().toLowerCase(Locale.ROOT))
                    + " is outside the range for an absence: more than 0 and at most 1 (1 = a whole day, 0.5 = half a day)");
        }
        return d.asDouble();
    }

    private StudentContext context(Context c, String id, String schoolId) {
        boolean foster = false;
        boolean homeless = false;
        boolean juvenile = false;
        boolean learner = false;
        boolean iep = false;
        String language = null;
        int languageRank = Integer.MAX_VALUE;
        List<EdOrg> records = new ArrayList<>(c.edOrgs().getOrDefault(id, List.of()));
        records.sort(Comparator.comparing((EdOrg r) -> !schoolId.equals(r.edOrg())).thenComparing(EdOrg::index));
        for (EdOrg r : records) {
            String at = "[" + r.index() + "]";
            JsonNode chars = r.node().get("studentCharacteristics");
            if (chars != null && chars.isArray()) {
                for (int j = 0; j < chars.size(); j++) {
                    JsonNode ch = chars.get(j);
                    String field = at + ".studentCharacteristics[" + j + "]";
                    if (!active(ch, c.asOf(), field)) {
                        continue;
                    }
                    switch (map(Kind.STUDENT_CHARACTERISTIC, text(ch, "studentCharacteristicDescriptor"), ED_ORG_ASSOCIATIONS,
                            field + ".studentCharacteristicDescriptor")) {
                        case "FOSTER_CARE" -> foster = true;
                        case "HOMELESS" -> homeless = true;
                        case "JUVENILE_JUSTICE" -> juvenile = true;
                        case "ENGLISH_LEARNER" -> learner = true;
                        default -> { }
                    }
                }
            }
            String lep = text(r.node(), "limitedEnglishProficiencyDescriptor");
            if (lep != null && map(Kind.LIMITED_ENGLISH_PROFICIENCY, lep, ED_ORG_ASSOCIATIONS, at + ".limitedEnglishProficiencyDescriptor")
                    .equals("ENGLISH_LEARNER")) {
                learner = true;
            }
            String[] best = language(r.node().get("languages"), ED_ORG_ASSOCIATIONS, at, "HOME", "SPOKEN");
            if (best != null && Integer.parseInt(best[1]) < languageRank) {
                language = best[0];
                languageRank = Integer.parseInt(best[1]);
            }
        }
        for (Program p : c.programs().getOrDefault(id, List.of())) {
            LocalDate begin = requiredDate(SPECIAL_EDUCATION, p.index(), "beginDate", p.begin());
            LocalDate end = optionalDate(SPECIAL_EDUCATION, p.index(), "endDate", p.end());
            if (!begin.isAfter(c.asOf()) && (end == null || !end.isBefore(c.asOf()))) {
                iep = true;
            }
        }
        return new StudentContext(foster, iep, learner, language, homeless, juvenile, false);
    }

    /** Whether a characteristic holds on {@code asOf}: no periods, or a period (or beginDate/endDate) that includes it. */
    private static boolean active(JsonNode ch, LocalDate asOf, String field) {
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
            LocalDate b = requiredDate(ED_ORG_ASSOCIATIONS, where, "beginDate", text(p, "beginDate"));
            LocalDate e = optionalDate(ED_ORG_ASSOCIATIONS, where, "endDate", text(p, "endDate"));
            if (!b.isAfter(asOf) && (e == null || !e.isBefore(asOf))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The preferred language of a {@code languages} list: the first with the first preferred use, then
     * the next preferred use, then one without uses, then any. Returns {tag, rank} or null.
     */
    private String[] language(JsonNode languages, String resource, String at, String... preferred) {
        if (languages == null || !languages.isArray()) {
            return null;
        }
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (int j = 0; j < languages.size(); j++) {
            JsonNode l = languages.get(j);
            String field = at + ".languages[" + j + "]";
            String tag = map(Kind.LANGUAGE, text(l, "languageDescriptor"), resource, field + ".languageDescriptor");
            int rank = preferred.length + 1;
            JsonNode uses = l.get("uses");
            if (uses == null || !uses.isArray() || uses.isEmpty()) {
                rank = preferred.length;
            } else {
                for (int k = 0; k < uses.size(); k++) {
                    String use = map(Kind.LANGUAGE_USE, text(uses.get(k), "languageUseDescriptor"), resource,
                            field + ".uses[" + k + "].languageUseDescriptor");
                    for (int p = 0; p < preferred.length; p++) {
                        if (preferred[p].equals(use)) {
                            rank = Math.min(rank, p);
                        }
                    }
                }
            }
            if (rank < bestRank) {
                best = tag;
                bestRank = rank;
            }
        }
        return best == null ? null : new String[] {best, Integer.toString(bestRank)};
    }

    private List<Contact> contacts(Context c, String id) {
        List<Link> list = new ArrayList<>(c.links().getOrDefault(id, List.of()));
        list.sort(Comparator.comparing((Link l) -> !l.primary())
                .thenComparing(l -> l.priority() == null ? Integer.MAX_VALUE : l.priority())
                .thenComparing(Link::index));
        List<Contact> out = new ArrayList<>();
        for (Link l : list) {
            String at = "[" + l.index() + "]";
            ContactRole role = ContactRole.OTHER;
            String relationship = null;
            if (l.relation() != null) {
                role = ContactRole.valueOf(map(Kind.RELATION, l.relation(), c.linkFile(), at + ".relationDescriptor"));
                int hash = l.relation().lastIndexOf('#');
                relationship = l.relation().substring(hash + 1).strip().toLowerCase(Locale.ROOT);
            }
            if (role == ContactRole.OTHER && Boolean.TRUE.equals(l.legalGuardian())) {
                role = ContactRole.GUARDIAN;
            }
            Person p = c.persons().get(l.person());
            String language = null;
            if (p != null) {
                String[] best = language(p.languages(), c.personFile(), "[" + p.index() + "]", "SPOKEN", "HOME");
                language = best == null ? null : best[0];
            }
            out.add(new Contact(role, relationship, p == null ? null : p.name(), p == null ? null : p.phone(),
                    PhoneStatus.UNKNOWN, language));
        }
        return out;
    }

    // ---- small helpers ----

    private String map(Kind kind, String descriptor, String resource, String field) {
        try {
            return descriptors.map(kind, descriptor);
        } catch (UnknownDescriptorException e) {
            throw new Problem(resource, field, e.getMessage());
        }
    }

    private static LocalDate requiredDate(String resource, int index, String field, String value) {
        return requiredDate(resource, "[" + index + "]", field, value);
    }

    private static LocalDate requiredDate(String resource, String at, String field, String value) {
        if (value == null) {
            throw new Problem(resource, at + "." + field, "is required (YYYY-MM-DD)");
        }
        return optionalDate(resource, at, field, value);
    }

    private static LocalDate optionalDate(String resource, int index, String field, String value) {
        return optionalDate(resource, "[" + index + "]", field, value);
    }

    private static LocalDate optionalDate(String resource, String at, String field, String value) {
        try {
            return date(value);
        } catch (DateTimeParseException e) {
            throw new Problem(resource, at + "." + field, "'" + DescriptorMap.clip(value) + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** A date as the API gives it ({@code 2021-08-23}, or with a time part {@code 2021-08-23T00:00:00}). */
    static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.strip();
        if (v.length() > 10 && v.charAt(10) == 'T') {
            v = v.substring(0, 10);
        }
        return LocalDate.parse(v);
    }

    private static String text(JsonNode n, String... path) {
        JsonNode v = n;
        for (String p : path) {
            if (v == null || !v.isObject()) {
                return null;
            }
            v = v.get(p);
        }
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String id(JsonNode n, String... path) {
        String v = text(n, path);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Integer number(JsonNode n, String... path) {
        String v = text(n, path);
        try {
            return v == null ? null : (int) Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String personName(JsonNode n) {
        String first = text(n, "firstName");
        String last = text(n, "lastSurname");
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? null : name;
    }

    /** The telephone number with the lowest orderOfPriority (the first listed on a tie). */
    private static String phone(JsonNode n) {
        JsonNode phones = n.get("telephones");
        if (phones == null || !phones.isArray()) {
            return null;
        }
        String best = null;
        int bestOrder = Integer.MAX_VALUE;
        for (JsonNode t : phones) {
            String number = text(t, "telephoneNumber");
            Integer order = number(t, "orderOfPriority");
            int o = order == null ? Integer.MAX_VALUE - 1 : order;
            if (number != null && !number.isBlank() && (best == null || o < bestOrder)) {
                best = number.strip();
                bestOrder = o;
            }
        }
        return best;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static <T> Map<String, List<T>> group(List<T> list, java.util.function.Function<T, String> key) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (T t : list) {
            out.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    private interface Element {
        void accept(int index, JsonNode node);
    }

    /**
     * Streams a resource file's array, one record at a time. False when an optional file is absent.
     *
     * @throws SchoolFileException when a required file is absent, or the file is not a JSON array
     */
    private boolean each(Path folder, List<InputProblem> warnings, String resource, boolean required, Element f)
            throws SchoolFileException {
        Path file = folder.resolve(resource);
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new SchoolFileException(new InputProblem(name, null, null, "no such file; an Ed-Fi folder needs "
                        + ASSOCIATIONS + ", " + EVENTS + " and " + SESSIONS + " or " + CALENDAR_DATES));
            }
            return false;
        }
        try (InputStream in = Files.newInputStream(file); JsonParser p = factory.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new SchoolFileException(new InputProblem(name, null, null,
                        "must be a JSON array of resources, as the Ed-Fi API returns them"));
            }
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonNode n = mapper.readTree(p);
                if (n == null || !n.isObject()) {
                    warnings.add(new InputProblem(name, null, "[" + i++ + "]", "is not a JSON object; skipped"));
                    continue;
                }
                f.accept(i++, n);
            }
            if (p.nextToken() != null) {
                throw new SchoolFileException(new InputProblem(name, null, null, "has more after the array; it must hold one JSON array"));
            }
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String msg = e.getOriginalMessage() != null && e.getOriginalMessage().contains("Invalid UTF-8")
                    ? "is not UTF-8 text; save it as UTF-8"
                    : "is not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + "; look for a cut-off file or a missing comma, quote or bracket";
            throw new SchoolFileException(new InputProblem(name, null, null, msg));
        } catch (IOException e) {
            throw new SchoolFileException(new InputProblem(name, null, null, "cannot be read: " + e.getClass().getSimpleName()));
        }
        return true;
    }
}
