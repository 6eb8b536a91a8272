package org.attendanceoutreach.output;

import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.TestEngine;
import org.attendanceoutreach.catalog.Impact;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.catalog.Strategy;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.school.ContactRole;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML report, checked as a structure (CI has no browser): well-formed, an SVG chart, no
 * external references, every text escaped, the same bytes for the same results.
 * {@code ReportBrowserTest} renders it in headless Chromium where one is installed.
 */
class HtmlReportTest {
    static String page(String file) throws Exception {
        SchoolFile f = new SchoolFileReader().read(Path.of(file));
        SchoolResult r = TestEngine.get().evaluate(f);
        StringWriter w = new StringWriter();
        HtmlReport.write(List.of(HtmlReport.Section.of(f, r, TestEngine.get().catalog())), TestEngine.get().catalog(), TestEngine.get().policy(), w);
        return w.toString();
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSampleSchoolsPageIsWellFormedWithAChartCountsCallsAndEveryStudentWithRecommendations() throws Exception {
        String html = page("fixtures/sample-school.json");
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html.substring(0, 40));
        Document d = parse(html);
        NodeList svg = d.getElementsByTagName("svg");
        assertEquals(1, svg.getLength());
        assertEquals(5, ((Element) svg.item(0)).getElementsByTagName("rect").getLength(), "one bar per attendance tier");
        assertTrue(((Element) svg.item(0)).getElementsByTagName("title").item(0).getTextContent().startsWith("Students by attendance tier"));
        String text = d.getDocumentElement().getTextContent();
        assertTrue(text.contains("Support tiers"));
        assertTrue(text.contains("Today's calls"));
        assertTrue(text.contains("S-1004"));
        assertTrue(text.contains("personal-call-home"));
        assertTrue(text.contains("absent today (UNEXCUSED, TRANSPORTATION)"), "the reasons are on the page");
        assertTrue(parse(page("fixtures/scenarios/one-bad-student.json")).getDocumentElement().getTextContent()
                .contains("could not be evaluated"), "a bad student is reported on the page");
        assertEquals(html, page("fixtures/sample-school.json"), "the same results give the same bytes");
    }

    @Test
    void thePageReferencesNothingOutsideItself() throws Exception {
        String html = page("fixtures/sample-school.json");
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        for (String external : List.of("http:", "https:", "//", "src=", "href=", "<script", "<link", "<img", "<iframe", "url(", "@import")) {
            assertFalse(lower.contains(external), "the page refers outside itself: " + external);
        }
    }

    @Test
    void everyTextIsEscaped() throws Exception {
        String evil = "<script>alert('x')</script> & \"quoted\"";
        Recommendation rec = new Recommendation("personal-call-home", Strategy.ONGOING_OUTREACH, Impact.HIGH, Owner.TEACHER,
                ContactRole.PARENT, "es", true, LocalDate.of(2026, 11, 20), List.of(evil), "rule " + evil);
        StudentResult s = new StudentResult("S<1>&", LocalDate.of(2026, 11, 20), 52, 7, 0.1346, AttendanceTier.MODERATE_CHRONIC, 2,
                List.of(rec), List.of(evil), List.of(), null);
        StudentResult bad = StudentResult.failed("S-\"2\"", LocalDate.of(2026, 11, 20), new InputProblem("f<.json", "S-\"2\"", "grade", evil));
        SchoolResult r = new SchoolResult("dir/<file>.json", "PS&<17>", LocalDate.of(2026, 11, 20), List.of(s, bad), null);
        CallList.Call call = new CallList.Call("PS&<17>", LocalDate.of(2026, 11, 20), Owner.TEACHER, "S<1>&", "5", CallList.Task.CALL,
                ContactRole.PARENT, "<mother>", evil, "555 <0101>", "es", "Spanish", true, List.of("personal-call-home"),
                List.of("Personal call home"), evil, List.of(evil), LocalDate.of(2026, 11, 20), null);
        org.attendanceoutreach.school.School school = new org.attendanceoutreach.school.School("PS&<17>", LocalDate.of(2026, 11, 20),
                new org.attendanceoutreach.school.SchoolCalendar(LocalDate.of(2026, 9, 8), LocalDate.of(2027, 6, 25), java.util.Set.of()), "en", List.of());
        StringWriter w = new StringWriter();
        HtmlReport.write(List.of(new HtmlReport.Section(r, school, List.of(call))), TestEngine.get().catalog(), null, w);
        String html = w.toString();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("S<1>"));
        assertFalse(html.contains("<mother>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"));
        Document d = parse(html);
        assertTrue(d.getDocumentElement().getTextContent().contains(evil), "escaped text reads back as it was");
        assertTrue(d.getDocumentElement().getTextContent().contains("555 <0101>"));
    }
}
