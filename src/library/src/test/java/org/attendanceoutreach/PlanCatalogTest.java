package org.attendanceoutreach;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.CatalogException;
import org.attendanceoutreach.catalog.Impact;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.catalog.Strategy;
import org.attendanceoutreach.policy.PolicyException;
import org.attendanceoutreach.policy.PolicyFile;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.attendanceoutreach.RuleFolderTest.copyRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan is policy data: the order of the stages, each practice's window, what it covers and
 * replaces live in {@code rules/catalog.json}, are checked with FILE:LINE, and a change there
 * changes the plan without touching Java.
 */
class PlanCatalogTest {
    private static final Path SAMPLE = Path.of("fixtures/sample-school.json");

    @Test
    void everyHigherImpactPracticeOfTheChartReplacesTheLowerImpactOnesOfItsStrategy() {
        Catalog catalog = TestEngine.get().catalog();
        for (Strategy s : Strategy.values()) {
            Practice high = catalog.higherImpact(s).orElseThrow();
            for (Practice p : catalog.practices()) {
                if (p.strategy() == s && p.impact() != Impact.HIGH) {
                    assertTrue(high.replaces().contains(p.id()), high.id() + " should replace " + p.id());
                }
            }
        }
        // the three actions the issue names are one action each (and today's call is also the first weeks' check-in)
        assertEquals(List.of("same-day-return-problem-solving", "first-weeks-check-in"), catalog.get("personal-call-home").covers());
        assertEquals(List.of("parent-network-help"), catalog.get("family-help-bank").covers());
        assertEquals(List.of("meet-at-home-or-community"), catalog.get("relational-home-visit").covers());
        for (String id : List.of("escalate-to-attendance-team", "relational-home-visit", "meet-at-home-or-community")) {
            assertTrue(catalog.get(id).intensive(), id + " is intensive (contract section 8)");
        }
        assertTrue(catalog.get("arrange-adult-interpreter").joinsFirstContact());
        assertTrue(catalog.get("contact-education-decision-maker").joinsFirstContact());
        assertFalse(catalog.get("summer-transition-meeting").inYear());
        assertTrue(catalog.practices().stream().filter(Practice::call).count() >= 5);
        assertEquals(List.of("CONTACT", "RELATIONSHIP", "PROBLEM_SOLVING", "INTENSIVE"),
                catalog.stages().stream().map(org.attendanceoutreach.catalog.Stage::name).toList());
    }

    @Test
    void everyPracticeHasANameInWordsAndACatalogWithoutNamesStillLoads() throws Exception {
        String text = Files.readString(Path.of("rules/catalog.json"));
        Catalog catalog = Catalog.parse("rules/catalog.json", text);
        for (org.attendanceoutreach.catalog.Practice p : catalog.practices()) {
            assertTrue(!p.name().isBlank() && !p.name().contains("-" + p.id()) && !p.name().equals(p.id()), p.id() + ": " + p.name());
        }
        assertEquals("Personal call home", catalog.get("personal-call-home").name());
        // a district's older catalog without names: the id in words
        String noNames = text.replaceAll("\n\\s*\"name\": \"[^\"]*\",", "");
        assertEquals("Personal call home", Catalog.parse("rules/catalog.json", noNames).get("personal-call-home").name());
        assertEquals("Family help bank", Catalog.parse("rules/catalog.json", noNames).get("family-help-bank").name());
        String tooLong = text.replace("\"name\": \"Personal call home\"", "\"name\": \"" + "x".repeat(81) + "\"");
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.parse("rules/catalog.json", tooLong));
        assertTrue(e.getMessage().contains("practice personal-call-home: \"name\" is a short text"), e.getMessage());
    }

    @Test
    void everyMistakeInThePlanFieldsIsReportedAtItsLine() throws Exception {
        String text = Files.readString(Path.of("rules/catalog.json"));
        String bad = text
                .replaceFirst("\"stage\": \"RELATIONSHIP\",\n      \"dueWithinSchoolDays\": 0", "\"stage\": \"FRIENDSHIP\",\n      \"dueWithinSchoolDays\": 0")
                .replace("\"covers\": [\n        \"parent-network-help\"\n      ]", "\"covers\": [\n        \"parent-network\"\n      ]")
                .replace("\"minutes\": 45,\n      \"replaces\"", "\"minutes\": \"45\",\n      \"replaces\"")
                .replace("\"call\": true,\n      \"minutes\": 10,\n      \"covers\"", "\"call\": \"yes\",\n      \"minutes\": 10,\n      \"covers\"")
                .replace("\"doneBy\": [\n        \"LETTER\"\n      ]", "\"doneBy\": [\n        \"POSTCARD\"\n      ]");
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.parse("rules/catalog.json", bad));
        String m = e.getMessage();
        assertTrue(m.contains("rules/catalog.json:" + practiceLine(bad, "summer-transition-meeting")
                + ": practice summer-transition-meeting: \"stage\" 'FRIENDSHIP' is not one of the stages listed at the top"), m);
        assertTrue(m.contains("rules/catalog.json:" + practiceLine(bad, "nurse-health-attendance-plan")
                + ": practice nurse-health-attendance-plan: \"minutes\" must be a whole number of minutes"), m);
        assertTrue(m.contains("rules/catalog.json:" + practiceLine(bad, "personal-call-home")
                + ": practice personal-call-home: \"call\" must be true or false"), m);
        assertTrue(m.contains("rules/catalog.json:" + practiceLine(bad, "monthly-letter-and-follow-up-call")
                + ": practice monthly-letter-and-follow-up-call: \"doneBy\" 'POSTCARD' is not one of"), m);
        // a reference to a practice that does not exist is found once every practice is read
        String covers = text.replace("\"covers\": [\n        \"parent-network-help\"\n      ]", "\"covers\": [\n        \"parent-network\"\n      ]");
        CatalogException c = assertThrows(CatalogException.class, () -> Catalog.parse("rules/catalog.json", covers));
        assertTrue(c.getMessage().contains("rules/catalog.json:" + practiceLine(covers, "family-help-bank")
                + ": practice family-help-bank: \"covers\" names 'parent-network', which is not a practice in the catalog"), c.getMessage());
        // a catalog without its stages says what to add
        String noStages = text.substring(0, text.indexOf("\"stages\"")) + text.substring(text.indexOf("\"practices\""));
        CatalogException s = assertThrows(CatalogException.class, () -> Catalog.parse("rules/catalog.json", noStages));
        assertTrue(s.getMessage().contains("\"stages\" is required"), s.getMessage());
    }

    @Test
    void aWindowThatMovedToTheCatalogIsReportedWhereItWasSet() {
        String text = "# policy\nat-risk-from = 5%\nescalate-within-school-days = 5\n";
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyFile.parse("policy.properties", text));
        assertEquals(List.of("policy.properties:3: 'escalate-within-school-days' has moved to each practice's \"dueWithinSchoolDays\""
                + " in catalog.json; delete this line and set the number there"), e.problems());
    }

    /** The line of a practice's opening brace: where the parser locates it. */
    private static int practiceLine(String text, String id) {
        int at = text.indexOf("\"id\": \"" + id + "\"");
        int brace = text.lastIndexOf('{', at);
        return (int) text.substring(0, brace).chars().filter(ch -> ch == '\n').count() + 1;
    }

    @Test
    void policyStaffChangeThePlanInTheCatalog(@TempDir Path dir) throws Exception {
        StudentResult before = student(TestEngine.get(), "S-1004");
        Recommendation bank = before.recommendation("family-help-bank").orElseThrow();
        assertEquals(List.of("parent-network-help"), bank.covers());
        assertEquals(LocalDate.of(2026, 10, 9), bank.due(), "5 school days after 2026-10-02");

        Path rules = copyRules(dir);
        Path file = rules.resolve("catalog.json");
        String text = Files.readString(file);
        // the help bank no longer covers the parent network, and is given 10 school days
        String help = text.substring(text.indexOf("\"id\": \"family-help-bank\""));
        String changed = help.replaceFirst("\"dueWithinSchoolDays\": 5", "\"dueWithinSchoolDays\": 10")
                .replaceFirst("\"covers\": \\[\n        \"parent-network-help\"\n      ],\n      ", "");
        text = text.replace(help, changed);
        // problem-solving before the relationship
        String stages = text.substring(text.indexOf("\"stages\""), text.indexOf("\"practices\""));
        int rel = stages.indexOf("    {\n      \"stage\": \"RELATIONSHIP\"");
        int ps = stages.indexOf("    {\n      \"stage\": \"PROBLEM_SOLVING\"");
        int in = stages.indexOf("    {\n      \"stage\": \"INTENSIVE\"");
        String swapped = stages.substring(0, rel) + stages.substring(ps, in) + stages.substring(rel, ps) + stages.substring(in);
        text = text.replace(stages, swapped);
        Files.writeString(file, text);

        OutreachEngine edited = OutreachEngine.builder().rulesFolder(rules).build();
        StudentResult after = student(edited, "S-1023");
        Recommendation help2 = student(edited, "S-1004").recommendation("family-help-bank").orElseThrow();
        assertEquals(List.of(), help2.covers());
        assertEquals(LocalDate.of(2026, 10, 19), help2.due(), "10 school days after 2026-10-02 (10-12 was closed)");
        assertTrue(student(edited, "S-1004").recommendation("parent-network-help").isPresent(), "listed on its own now");
        // S-1023's upcoming practices: the help bank (problem-solving) now comes before the mentor (relationship)
        StudentResult was = student(TestEngine.get(), "S-1023");
        assertTrue(was.recommendation("success-mentor").orElseThrow().step() < was.recommendation("family-help-bank").orElseThrow().step());
        assertTrue(after.recommendation("success-mentor").orElseThrow().step() > after.recommendation("family-help-bank").orElseThrow().step());
    }

    private static StudentResult student(OutreachEngine engine, String id) throws Exception {
        SchoolFile f = new SchoolFileReader().read(SAMPLE);
        SchoolResult r = engine.evaluate(f);
        return r.students().stream().filter(s -> s.studentId().equals(id)).findFirst().orElseThrow();
    }
}
