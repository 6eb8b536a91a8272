package org.attendanceoutreach.edfi;

import org.attendanceoutreach.edfi.DescriptorMap.Kind;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.school.SchoolCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A school's instructional days from {@code sessions.json} and {@code calendarDates.json}: the calendar
 * dates marked instructional when they cover the sessions; else derived from the sessions, with one
 * warning (real exports often list a handful of calendar dates for a whole year).
 */
final class SchoolCalendars {
    record Session(int index, String school, Integer year, LocalDate begin, LocalDate end, Integer total) {
    }

    record CalendarDay(int index, String school, Integer year, String calendar, LocalDate date, List<String> events) {
    }

    private final List<Session> sessions = new ArrayList<>();
    private final List<CalendarDay> days = new ArrayList<>();
    private final DescriptorMap descriptors;

    private SchoolCalendars(DescriptorMap descriptors) {
        this.descriptors = descriptors;
    }

    /** @throws SchoolFileException when the folder has neither sessions nor calendar dates, or one is not a JSON array */
    static SchoolCalendars read(ResourceFolder folder, DescriptorMap descriptors) throws SchoolFileException {
        SchoolCalendars c = new SchoolCalendars(descriptors);
        boolean hasSessions = folder.each(EdFiReader.SESSIONS, false, (i, n) -> {
            String school = Fields.id(n, "schoolReference", "schoolId");
            try {
                LocalDate begin = Fields.date(Fields.text(n, "beginDate"));
                LocalDate end = Fields.date(Fields.text(n, "endDate"));
                if (school == null || begin == null || end == null || end.isBefore(begin)) {
                    throw new DateTimeParseException("", "", 0);
                }
                c.sessions.add(new Session(i, school, Fields.number(n, "schoolYearTypeReference", "schoolYear"), begin, end,
                        Fields.number(n, "totalInstructionalDays")));
            } catch (DateTimeParseException e) {
                folder.warn(EdFiReader.SESSIONS, i, "needs schoolReference.schoolId and beginDate on or before endDate (YYYY-MM-DD); skipped");
            }
        });
        boolean hasDates = folder.each(EdFiReader.CALENDAR_DATES, false, (i, n) -> {
            String school = Fields.id(n, "calendarReference", "schoolId");
            LocalDate d;
            try {
                d = Fields.date(Fields.text(n, "date"));
            } catch (DateTimeParseException e) {
                d = null;
            }
            if (school == null || d == null) {
                folder.warn(EdFiReader.CALENDAR_DATES, i, "needs calendarReference.schoolId and a date (YYYY-MM-DD); skipped");
                return;
            }
            List<String> evs = new ArrayList<>();
            var list = n.get("calendarEvents");
            if (list != null && list.isArray()) {
                for (var e : list) {
                    String ev = Fields.text(e, "calendarEventDescriptor");
                    if (ev != null) {
                        evs.add(ev);
                    }
                }
            }
            c.days.add(new CalendarDay(i, school, Fields.number(n, "calendarReference", "schoolYear"),
                    Fields.text(n, "calendarReference", "calendarCode"), d, evs));
        });
        if (!hasSessions && !hasDates) {
            throw new SchoolFileException(new InputProblem(folder.name, null, null, "has neither " + EdFiReader.SESSIONS + " nor "
                    + EdFiReader.CALENDAR_DATES + "; one of them is needed for the instructional days"));
        }
        return c;
    }

    /**
     * The school year's instructional days for one school (the year whose sessions include {@code asOf},
     * else the latest that began before it): the calendar dates marked instructional when they cover the
     * sessions (as many instructional days in each session as its totalInstructionalDays, or every weekday
     * listed); else derived from the sessions, with one warning.
     *
     * @param eventDays the days with any attendance event at the school, which a derived calendar keeps
     * @throws Problem when no instructional day can be known
     */
    SchoolCalendar calendar(String school, Set<LocalDate> eventDays, LocalDate asOf, String folderName, List<InputProblem> warnings) {
        List<Session> sessions = this.sessions.stream().filter(s -> s.school().equals(school)).toList();
        List<CalendarDay> allDays = this.days.stream().filter(d -> d.school().equals(school)).toList();
        Integer year;
        if (!sessions.isEmpty()) {
            year = pickYear(sessions.stream().collect(Collectors.groupingBy(s -> s.year() == null ? 0 : s.year(),
                    TreeMap::new, Collectors.toList())), Session::begin, Session::end, asOf);
            Integer y = year;
            sessions = sessions.stream().filter(s -> y == 0 || Objects.equals(s.year(), y)).sorted(Comparator.comparing(Session::begin)).toList();
        } else {
            year = pickYear(allDays.stream().collect(Collectors.groupingBy(d -> d.year() == null ? 0 : d.year(),
                    TreeMap::new, Collectors.toList())), CalendarDay::date, CalendarDay::date, asOf);
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
                String value = descriptors.map(Kind.CALENDAR_EVENT, d.events().get(j), EdFiReader.CALENDAR_DATES,
                        "[" + d.index() + "].calendarEvents[" + j + "].calendarEventDescriptor");
                instructional |= value.equals("INSTRUCTIONAL");
            }
            listed.merge(d.date(), instructional, Boolean::logicalOr);
            if (d.calendar() != null) {
                calendars.add(d.calendar());
            }
        }
        if (calendars.size() > 1) {
            warnings.add(new InputProblem(folderName, null, EdFiReader.CALENDAR_DATES, "school " + school + " has " + calendars.size()
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
            warnings.add(new InputProblem(folderName, null, EdFiReader.CALENDAR_DATES, "school " + school + ": " + weekendDays
                    + " instructional days fall on a weekend; only weekdays are counted, so they are left out"));
        }
        if (sessions.isEmpty()) {
            if (instructional.isEmpty()) {
                throw new Problem(EdFiReader.CALENDAR_DATES, null, "no instructional days in " + EdFiReader.CALENDAR_DATES + " and no "
                        + EdFiReader.SESSIONS + "; the instructional days cannot be known");
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
            throw new Problem(EdFiReader.SESSIONS, null, "the sessions have no weekdays; the instructional days cannot be known");
        }
        StringBuilder w = new StringBuilder("school " + school + ": " + EdFiReader.CALENDAR_DATES + " lists " + instructional.size()
                + " instructional days, not enough to cover the sessions"
                + (wanted > 0 ? " (" + wanted + " totalInstructionalDays)" : "")
                + "; the instructional days are derived from " + EdFiReader.SESSIONS + " instead: the weekdays from "
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
        warnings.add(new InputProblem(folderName, null, EdFiReader.SESSIONS, w.toString()));
        return fromDays(derived);
    }

    private static <T> Integer pickYear(TreeMap<Integer, List<T>> byYear, Function<T, LocalDate> begin, Function<T, LocalDate> end,
                                        LocalDate asOf) {
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
    static Set<LocalDate> spreadEvenly(List<LocalDate> days, int count, Predicate<LocalDate> eligible) {
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

    static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
