package org.attendanceoutreach.internal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A template cannot reach code: it sees map keys only, whatever name it tries, and the tags that
 * could load, include or switch anything else are refused. Planted fault, tried once: with
 * mustache.java's default object handler (reflection) in {@code Templates.Factory} instead of
 * {@code MapObjectHandler}, {@link #aTemplateSeesMapKeysOnlyNeverMethodsFieldsOrClasses} fails
 * ({@code {{name.length}}} renders 5, {@code {{name.bytes}}} a byte array, {@code {{name.toUpperCase}}} MARIA,
 * {@code {{#name.getBytes}}} iterates).
 */
class TemplatesTest {
    private static String render(String template, Map<String, ?> model) {
        return Templates.fromTexts(Map.of("t.mustache", template), Templates.Escaping.NONE).render("t.mustache", model);
    }

    @Test
    void aTemplateSeesMapKeysOnlyNeverMethodsFieldsOrClasses() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", "Maria");
        model.put("list", List.of("a", "b"));
        model.put("child", Map.of("first", "Ana"));
        String tries = "{{name.length}}|{{name.class}}|{{name.class.name}}|{{name.bytes}}|{{class}}|{{getClass}}|{{toString}}"
                + "|{{hashCode}}|{{list.size}}|{{list.class}}|{{child.class}}|{{child.size}}|{{child.keySet}}|{{child.entrySet}}"
                + "|{{name.toUpperCase}}|{{name.isEmpty}}|{{#name.getBytes}}x{{/name.getBytes}}|{{#list.isEmpty}}y{{/list.isEmpty}}";
        assertEquals("|||||||||||||||||", render(tries, model));
        // what it may see, it sees
        assertEquals("Maria Ana a,b,", render("{{name}} {{child.first}} {{#list}}{{.}},{{/list}}", model));
    }

    @Test
    void onlyMapsListsAndStringsGoIn() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("student", new StringBuilder("x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> render("{{student}}", model));
        assertTrue(e.getMessage().contains("maps, lists and strings only"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> render("{{n}}", Map.of("n", 7)));
        assertThrows(IllegalArgumentException.class, () -> render("{{n}}", Map.of("n", List.of(Map.of("f", (Runnable) () -> { })))));
        assertThrows(IllegalArgumentException.class, () -> render("{{n}}", Map.of("n", java.util.Optional.of("x"))));
    }

    @Test
    void tagsThatCouldLoadIncludeOrSwitchAnythingAreRefusedAtTheirLine() {
        Map<String, String> refused = Map.of(
                "unescaped {{{name}}}", "unescaped",
                "unescaped {{&name}}", "unescaped",
                "{{%IMPLICIT-ITERATOR}}", "pragmas",
                "{{=<% %>=}}", "",
                "{{>*name}}", "choose what to include",
                "{{<parent}}{{/parent}}", "extend",
                "{{$block}}{{/block}}", "blocks");
        refused.forEach((template, why) -> {
            Templates.TemplateException e = assertThrows(Templates.TemplateException.class,
                    () -> Templates.tags("t.mustache", "line one\n" + template), template);
            assertTrue(e.getMessage().contains(why), template + ": " + e.getMessage());
        });
        Templates.TemplateException e = assertThrows(Templates.TemplateException.class,
                () -> Templates.tags("t.mustache", "a\nb\n{{#days}}\nc"));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("never closed: add {{/days}}"), e.getMessage());
    }

    @Test
    void partialsComeOnlyFromTheSameSetByFileName() {
        Templates t = Templates.fromTexts(Map.of("a.mustache", "[{{> b.mustache}}]", "b.mustache", "B{{x}}"), Templates.Escaping.NONE);
        assertEquals("[B1]", t.render("a.mustache", Map.of("x", "1")));
        for (String path : List.of("../../etc/passwd", "/etc/passwd", "../rules/catalog.json", "sub/b.mustache", "..\\b.mustache",
                "file:/etc/passwd")) {
            Templates evil = Templates.fromTexts(Map.of("a.mustache", "{{> " + path + "}}"), Templates.Escaping.NONE);
            assertThrows(RuntimeException.class, () -> evil.render("a.mustache", Map.of()), path);
        }
        Templates missing = Templates.fromTexts(Map.of("a.mustache", "{{> nowhere.mustache}}"), Templates.Escaping.NONE);
        assertThrows(RuntimeException.class, () -> missing.render("a.mustache", Map.of()));
        Templates self = Templates.fromTexts(Map.of("a.mustache", "x{{> a.mustache}}"), Templates.Escaping.NONE);
        assertThrows(RuntimeException.class, () -> self.render("a.mustache", Map.of()), "a template including itself stops");
    }

    @Test
    void htmlEscapingIsOnForHtmlAndOffForPlainText() {
        Map<String, String> model = Map.of("x", "<b>&\"'</b>");
        String html = Templates.fromTexts(Map.of("t.mustache", "{{x}}"), Templates.Escaping.HTML).render("t.mustache", model);
        assertTrue(!html.contains("<b>") && html.contains("&lt;b&gt;&amp;"), html);
        assertEquals("<b>&\"'</b>", render("{{x}}", model));
    }

    @Test
    void theTagsOfATemplateWithTheirLines() {
        List<Templates.Tag> tags = Templates.tags("t.mustache", "Hi {{name}}\n{{#a}}\n{{^b}}x{{/b}}{{/a}}\n{{> p.mustache}}");
        assertEquals(List.of(new Templates.Tag(Templates.Tag.Kind.VALUE, "name", 1), new Templates.Tag(Templates.Tag.Kind.SECTION, "a", 2),
                new Templates.Tag(Templates.Tag.Kind.INVERTED_SECTION, "b", 3), new Templates.Tag(Templates.Tag.Kind.PARTIAL, "p.mustache", 4)),
                tags);
    }

    @Test
    void theReportTemplateShipsInTheLibraryAndEscapesForHtml() {
        String page = Templates.fromClasspath("org/attendanceoutreach/output", Templates.Escaping.HTML)
                .render("report.mustache", Map.of("title", "<T>", "schools", List.of(), "glossary", List.of()));
        org.junit.jupiter.api.Assertions.assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("<title>&lt;T&gt;</title>"), page);
    }
}
