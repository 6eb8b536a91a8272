package org.attendanceoutreach.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.attendanceoutreach.TestEngine;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.result.SchoolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report as people see it, in headless Chromium (Debian's {@code chromium}), driven from JUnit
 * ({@link Browser}): WCAG 2.1 AA by axe-core, readable at 400 px wide, and a school of 600 students that
 * stays short on screen and on paper. These tests never skip: without Chromium or axe-core they fail
 * and say what to install ({@code bash .ci/install-browser}, which {@code .ci/run} runs).
 *
 * <p>Screenshots are kept in {@code src/library/target/report-screens/} to look at. Shown to catch (by
 * breaking the page on purpose): the old report's white text on an amber badge (axe: color-contrast, 11
 * elements), a page 640 px wide (it scrolled sideways at 400 px), and every student's plan open on the
 * page (the old layout: 600 students far over the height and page limits).
 */
class ReportBrowserTest {
    private static final Path SCREENS = Path.of("src/library/target/report-screens");
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        Files.createDirectories(SCREENS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    /** The sample school and the scenario with a student who cannot be evaluated, in one page. */
    static String samplePage() throws Exception {
        List<HtmlReport.Section> sections = new ArrayList<>();
        for (String file : List.of("fixtures/sample-school.json", "fixtures/scenarios/one-bad-student.json")) {
            SchoolFile f = new SchoolFileReader().read(Path.of(file));
            SchoolResult result = TestEngine.get().evaluate(f);
            // with the pictures, as the report command draws them (a mentor's year, the tiers month by month)
            sections.add(HtmlReport.Section.of(f, result, TestEngine.get().catalog())
                    .withCharts(HtmlReport.Charts.of(f, result, TestEngine.get()::evaluate, TestEngine.get().policy())));
        }
        StringWriter w = new StringWriter();
        HtmlReport.write(sections, TestEngine.get().catalog(), TestEngine.get().policy(), w);
        return w.toString();
    }

    static Path write(String name, String html) throws Exception {
        Path p = Files.createTempDirectory("outreach-report-").resolve(name);
        Files.writeString(p, html, StandardCharsets.UTF_8);
        p.toFile().deleteOnExit();
        p.getParent().toFile().deleteOnExit();
        return p;
    }

    @Test
    void theReportMeetsWcagAaByAxeCoreWithEveryDetailOpen() throws Exception {
        String axe = Browser.axeSource();
        Path page = write("report.html", samplePage());
        browser.open(page, 1200, 900);
        assertTrue(browser.eval("document.querySelectorAll('li.call').length").asInt() >= 15, "the calls are on the page");
        browser.eval("document.querySelectorAll('details').forEach(d => d.open = true); true");
        browser.eval(axe + "; true");
        JsonNode violations = browser.eval("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => r.violations.map(v => v.id + ' (' + v.impact + ', ' + v.nodes.length + ' elements: '"
                + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') + '): ' + v.help))");
        assertTrue(violations.isArray(), violations.toString());
        assertEquals(0, violations.size(), "axe-core found WCAG A/AA violations:\n" + violations);
        // axe did run its checks (an empty result from a page it could not read would prove nothing)
        JsonNode passes = browser.eval("axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast', 'list', 'document-title']}})"
                + ".then(r => r.passes.length)");
        assertEquals(3, passes.asInt(), "axe checked contrast, lists and the title");
    }

    @Test
    void atFourHundredPixelsNothingIsCutOffAndEveryNumberIsOnScreen() throws Exception {
        Path page = write("report.html", samplePage());
        for (int width : new int[] {400, 1280}) {
            browser.open(page, width, 800);
            browser.eval("document.querySelectorAll('details').forEach(d => d.open = true); true");
            assertTrue(browser.eval("document.documentElement.scrollWidth").asInt() <= width,
                    "at " + width + " px the page scrolls sideways: " + browser.eval("document.documentElement.scrollWidth"));
            JsonNode off = browser.eval("Array.from(document.querySelectorAll('a.phone, li.call, ol.plan li, table'))"
                    + ".filter(e => e.getBoundingClientRect().right > " + width + " + 0.5 || e.getBoundingClientRect().left < -0.5)"
                    + ".map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 40))");
            assertEquals(0, off.size(), "off-screen at " + width + " px: " + off);
            if (width == 400) {
                double font = browser.eval("parseFloat(getComputedStyle(document.querySelector('li.call')).fontSize)").asDouble();
                assertTrue(font >= 14, "text on a phone is at least 14 px: " + font);
            }
        }
        for (int width : new int[] {400, 1280}) {
            browser.open(page, width, 800);
            for (String part : List.of("today", "load", "tiers", "students")) {
                Files.write(SCREENS.resolve("sample-" + width + "-" + part + ".png"), browser.screenshot("#s1-" + part, 2000));
            }
        }
    }

    /** A school of 600 students: the sample's 30, twenty times over with new ids. */
    static String sixHundred() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode school = (ObjectNode) json.readTree(Files.readString(Path.of("fixtures/sample-school.json")));
        ArrayNode students = (ArrayNode) school.get("students");
        ArrayNode many = json.createArrayNode();
        for (int copy = 1; copy <= 20; copy++) {
            for (JsonNode s : students) {
                ObjectNode c = s.deepCopy();
                c.put("studentId", s.get("studentId").asText() + "-" + copy);
                many.add(c);
            }
        }
        school.set("students", many);
        school.remove("expect");
        SchoolFile f = new SchoolFileReader().read("six-hundred.json",
                new ByteArrayInputStream(json.writeValueAsBytes(school)));
        SchoolResult r = TestEngine.get().evaluate(f);
        assertEquals(600, r.students().size());
        StringWriter w = new StringWriter();
        HtmlReport.write(List.of(HtmlReport.Section.of(f, r, TestEngine.get().catalog())), TestEngine.get().catalog(),
                TestEngine.get().policy(), w);
        return w.toString();
    }

    @Test
    void sixHundredStudentsStayShortOnScreenAndOnPaper() throws Exception {
        String html = sixHundred();
        Path page = write("six-hundred.html", html);
        browser.open(page, 1280, 900);
        int tall = browser.eval("document.documentElement.scrollHeight").asInt();
        int pages = Browser.pages(browser.pdf());
        browser.open(page, 400, 800);
        int tallPhone = browser.eval("document.documentElement.scrollHeight").asInt();
        String figures = "600 students: " + html.length() / 1024 + " KB, " + tall + " px tall at 1280 px, " + tallPhone
                + " px at 400 px, " + pages + " printed pages";
        System.out.println("report, " + figures);
        // the old report, for this school: 882 KB and 296 printed pages, with every student's plan open on the page;
        // this one, when written: 937 KB, 30,500 px at 1280 px, 51,000 px at 400 px, 28 pages
        assertTrue(tall < 40_000, figures);
        assertTrue(tallPhone < 70_000, figures);
        assertTrue(pages < 40, figures);
        assertTrue(html.length() < 1024 * 1024, figures);
        // and it is all there: every student can be opened from the page
        assertEquals(600, browser.eval("document.querySelectorAll('details.student').length").asInt(), figures);
    }
}
