package org.attendanceoutreach.output;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.TestEngine;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.result.Progress;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.result.Trend;
import org.attendanceoutreach.school.Absence;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's pictures (issue 12): a student's year with the supports marked, and the school's tiers month by month. */
class ChartsTest {
    private final OutreachEngine engine = TestEngine.get();

    private static Document xml(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static SchoolFile followUp() throws Exception {
        return new SchoolFileReader().read(Path.of("fixtures/scenarios/follow-up.json"));
    }

    private static Student student(SchoolFile f, String id) {
        return f.students().stream().map(StudentInput::student).filter(s -> s.studentId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theShareMissedSoFarAndLatelyIsCountedDayByDay() {
        SchoolCalendar cal = new SchoolCalendar(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 18), Set.of());
        Student s = Student.builder("A").absence(new Absence(LocalDate.of(2026, 9, 8), AbsenceType.UNEXCUSED))
                .absence(new Absence(LocalDate.of(2026, 9, 10), AbsenceType.EXCUSED, null, 0.5))
                .absence(new Absence(LocalDate.of(2026, 9, 11), AbsenceType.TARDY)).build();
        List<SupportChart.Point> p = SupportChart.points(s, cal, LocalDate.of(2026, 9, 14), 3);
        assertEquals(6, p.size(), "Monday 7 to Monday 14: six school days");
        assertEquals(0.5, p.get(1).rateSoFar(), 1e-9, "1 of 2");
        assertEquals(1.5 / 4, p.get(3).rateSoFar(), 1e-9, "a tardy is not a day missed");
        assertEquals(0.5 / 3, p.get(5).rateLately(), 1e-9, "the last three school days: 10th (half), 11th, 14th");
    }

    @Test
    void aStudentsChartIsAnAccessibleSvgWithTheSupportMarkedAndTheNumbersInWords() throws Exception {
        SchoolFile f = followUp();
        StudentResult r = engine.evaluate(f).students().stream().filter(x -> x.studentId().equals("FU-02")).findFirst().orElseThrow();
        Progress mentor = r.progressOf("success-mentor").orElseThrow();
        String svg = SupportChart.svg("FU-02", SupportChart.points(student(f, "FU-02"), f.school().calendar(), f.school().asOf(),
                engine.policy().recentSchoolDays()), r.progress(), engine.policy(), "c1");
        Element root = xml(svg).getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("img", root.getAttribute("role"));
        assertEquals("c1-title c1-desc", root.getAttribute("aria-labelledby"));
        String title = root.getElementsByTagName("title").item(0).getTextContent();
        assertEquals("FU-02: share of school days missed, 2026-09-08 to 2026-11-20", title);
        String desc = root.getElementsByTagName("desc").item(0).getTextContent();
        assertTrue(desc.contains("FU-02 has missed 13.5% of enrolled school days this year"), desc);
        assertTrue(desc.contains("success-mentor started 2026-10-05: 5.3% missed before, 18.2% since, not improving."), desc);
        assertEquals(Trend.NOT_IMPROVING, mentor.trend());
        NodeList lines = root.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength(), "so far, and lately");
        assertEquals(52, ((Element) lines.item(0)).getAttribute("points").split(" ").length, "one point per enrolled school day");
        assertTrue(svg.contains(">success-mentor 2026-10-05</text>"), "the day the support started is marked and named");
    }

    @Test
    void textFromTheInputIsEscapedInTheChart() throws Exception {
        SchoolCalendar cal = new SchoolCalendar(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 18), Set.of());
        String hostile = "<script>x</script>&\"";
        Student s = Student.builder(hostile).build();
        String svg = SupportChart.svg(hostile, SupportChart.points(s, cal, LocalDate.of(2026, 9, 14), 20),
                List.of(new Progress("success-mentor", LocalDate.of(2026, 9, 9), 2, 4, 0.0, 0.25, Trend.TOO_EARLY, "x")),
                engine.policy(), "c2");
        assertFalse(svg.contains("<script"), svg);
        assertEquals(hostile + ": share of school days missed, 2026-09-07 to 2026-09-14",
                xml(svg).getDocumentElement().getElementsByTagName("title").item(0).getTextContent());
        assertEquals("", SupportChart.svg("A", List.of(), List.of(), engine.policy(), "c3"), "nothing to draw before the first day");
    }

    @Test
    void theSchoolsTiersMonthByMonthAreWhatTheRulesSaidOnEachMonthsLastSchoolDay() throws Exception {
        SchoolFile f = followUp();
        List<TierHistoryChart.Month> months = TierHistoryChart.history(f, engine::evaluate);
        assertEquals(List.of(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 20)),
                months.stream().map(TierHistoryChart.Month::day).toList());
        SchoolResult september = engine.evaluate(new SchoolFile(f.file(), f.school().withAsOf(LocalDate.of(2026, 9, 30)), f.students(), List.of()));
        for (AttendanceTier t : AttendanceTier.values()) {
            assertEquals(september.students().stream().filter(s -> s.attendanceTier() == t).count(), (long) months.get(0).counts().get(t), t.name());
        }
        assertEquals(10, months.get(2).counts().values().stream().mapToInt(Integer::intValue).sum());
        String svg = TierHistoryChart.svg(months, "h1");
        Element root = xml(svg).getDocumentElement();
        assertEquals("img", root.getAttribute("role"));
        String desc = root.getElementsByTagName("desc").item(0).getTextContent();
        assertTrue(desc.contains("2026-11-20: severely chronic 1, moderately chronic 5, at risk 3, satisfactory 1, too early to say 0."), desc);
        assertEquals("", TierHistoryChart.svg(List.of(), "h2"));
    }

    @Test
    void theReportDrawsThePictures() throws Exception {
        SchoolFile f = followUp();
        SchoolResult r = engine.evaluate(f);
        HtmlReport.Charts charts = new HtmlReport.Charts(TierHistoryChart.history(f, engine::evaluate),
                Map.of("FU-02", SupportChart.points(student(f, "FU-02"), f.school().calendar(), f.school().asOf(), 20)));
        StringWriter page = new StringWriter();
        HtmlReport.write(List.of(HtmlReport.Section.of(f, r, engine.catalog()).withCharts(charts)), engine.catalog(), engine.policy(), page);
        String html = page.toString();
        assertTrue(html.contains("<figcaption>How the attendance tiers moved, month by month</figcaption>"), "the school's picture");
        assertTrue(html.contains("<figure class=\"support\">\n<svg class=\"support-chart\""), "the student's picture");
        assertEquals(1, html.split("class=\"support-chart\"", -1).length - 1, "only the student given a year is drawn");
        assertTrue(html.contains(", not improving (success-mentor: 1 of 19 school days missed before it started"), "the trend in words");
        Document doc = xml(html.substring(html.indexOf("<html")));
        assertTrue(doc.getElementsByTagName("desc").getLength() >= 2, "every picture has its description");
        StringWriter without = new StringWriter();
        HtmlReport.write(List.of(HtmlReport.Section.of(f, r, engine.catalog())), engine.catalog(), engine.policy(), without);
        assertFalse(without.toString().contains("class=\"support-chart\""), "no pictures given, none drawn");
    }
}
