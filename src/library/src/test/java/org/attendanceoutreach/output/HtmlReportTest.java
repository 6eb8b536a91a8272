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
 * The HTML report, checked as a structure: well-formed, today's lists by staff member, the week's
 * load, an SVG chart, every student, links only within the page (or phone numbers), every text
 * escaped, the same bytes for the same results. {@code ReportBrowserTest} renders it in headless
 * Chromium and checks it with axe-core.
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
    void theSampleSchoolsPageIsWellFormedWithTodayByStaffMemberTheWeeksLoadTiersAndEveryStudent() throws Exception {
        String html = page("fixtures/sample-school.json");
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html.substring(0, 40));
        Document d = parse(html);
        NodeList svg = d.getElementsByTagName("svg");
        assertEquals(1, svg.getLength());
        assertEquals(5, ((Element) svg.item(0)).getElementsByTagName("rect").getLength(), "one bar per attendance tier");
        assertTrue(((Element) svg.item(0)).getElementsByTagName("title").item(0).getTextContent().startsWith("Students by attendance tier"));
        String text = d.getDocumentElement().getTextContent();
        for (String heading : List.of("Today, by staff member", "The week's load", "By tier", "Every student", "Support tiers",
                "What the practices are")) {
            assertTrue(text.contains(heading), heading);
        }
        Element teacher = byId(d, "s1-today-teacher");
        assertEquals("details", teacher.getTagName(), "each staff member's list can be folded");
        String calls = teacher.getTextContent();
        assertTrue(calls.contains("Ana Reyes, mother (parent)"), "whom to ask for, in words");
        assertTrue(calls.contains("In Spanish, with an adult interpreter"), calls);
        assertTrue(calls.contains("Open with:"), calls);
        assertTrue(calls.contains("absent today (unexcused, transportation); "), "every reason of the call");
        assertTrue(calls.indexOf("overdue since") < calls.indexOf("due today"), "overdue first");
        // the teacher's other tasks, one line per practice with its students
        NodeList tasks = teacher.getElementsByTagName("ul");
        String other = "";
        for (int i = 0; i < tasks.getLength(); i++) {
            if ("tasks".equals(((Element) tasks.item(i)).getAttribute("class"))) {
                other = tasks.item(i).getTextContent();
            }
        }
        assertTrue(other.contains("Attendance success plan with the family overdue ("), "the other tasks are listed: " + other);
        assertTrue(other.contains("S-1004"), other);
        // practices in words, and what they are at the end of the page
        assertTrue(text.contains("Attendance success plan with the family"));
        assertFalse(calls.contains("personal-call-home"), "no ids in the lists");
        Element glossary = byId(d, "practices");
        assertTrue(glossary.getTextContent().contains("Personal call home (personal-call-home, about 10 minutes)"), glossary.getTextContent());
        // every student is there, folded, by id
        assertEquals(30, count(d, "details", "student"), "every student of the sample");
        assertEquals("S-1001", ((Element) byId(d, "s1-st1").getElementsByTagName("b").item(0)).getTextContent());
        // the week's load: minutes per role and day, the over-limit days said in words
        Element load = byId(d, "s1-load");
        assertTrue(load.getElementsByTagName("table").getLength() == 1, "a table of minutes");
        assertTrue(load.getTextContent().contains("Teacher, Fri 11/20: "), load.getTextContent());
        assertTrue(load.getTextContent().contains("share it out, or move some to a quieter day"), load.getTextContent());
        assertEquals(html, page("fixtures/sample-school.json"), "the same results give the same bytes");
    }

    @Test
    void aStudentWhoCannotBeEvaluatedIsOnTodaysListAndAtTheEnd() throws Exception {
        Document d = parse(page("fixtures/scenarios/one-bad-student.json"));
        String today = byId(d, "s1-today").getTextContent();
        assertTrue(today.contains("BAD-02"), today);
        assertTrue(today.contains("could not be evaluated: see the error"), today);
        assertTrue(byId(d, "s1-errors").getTextContent().contains("BAD-02: absences[1].date"), byId(d, "s1-errors").getTextContent());
    }

    @Test
    void everyLinkGoesToAPlaceInThePageOrIsAPhoneNumber() throws Exception {
        String html = page("fixtures/sample-school.json");
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        for (String external : List.of("http:", "https:", "//", "src=", "<script", "<link", "<img", "<iframe", "url(", "@import")) {
            assertFalse(lower.contains(external), "the page refers outside itself: " + external);
        }
        Document d = parse(html);
        NodeList links = d.getElementsByTagName("a");
        assertTrue(links.getLength() > 50);
        for (int i = 0; i < links.getLength(); i++) {
            String href = ((Element) links.item(i)).getAttribute("href");
            if (href.startsWith("#")) {
                assertTrue(byIdOrNull(d, href.substring(1)) != null, "a link to a place that exists: " + href);
            } else {
                assertTrue(href.matches("tel:\\+?[0-9]+"), "only a phone number otherwise: " + href);
            }
        }
    }

    static Element byId(Document d, String id) {
        Element e = byIdOrNull(d, id);
        assertTrue(e != null, "no element " + id);
        return e;
    }

    static Element byIdOrNull(Document d, String id) {
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            if (id.equals(((Element) all.item(i)).getAttribute("id"))) {
                return (Element) all.item(i);
            }
        }
        return null;
    }

    static int count(Document d, String tag, String cls) {
        NodeList all = d.getElementsByTagName(tag);
        int n = 0;
        for (int i = 0; i < all.getLength(); i++) {
            if ((" " + ((Element) all.item(i)).getAttribute("class") + " ").contains(" " + cls + " ")) {
                n++;
            }
        }
        return n;
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
        CallList.Call call = new CallList.Call("PS&<17>", LocalDate.of(2026, 11, 20), Owner.TEACHER, "S<1>&", evil, "5", CallList.Task.CALL,
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
