package org.attendanceoutreach;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jars as built ({@code mvn verify} runs this after {@code package}): what an SIS gets when it
 * adds the library, and what a release to Maven Central needs. Run by Failsafe, from the repository root.
 */
class LibraryArtifactIT {
    private static final String VERSION = System.getProperty("outreach.version");
    private static final Path TARGET = Path.of(System.getProperty("outreach.library.target", "src/library/target"));

    private static Path jar(String classifier) {
        return TARGET.resolve("attendance-outreach-" + VERSION + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar");
    }

    private static List<String> entries(Path jar) throws IOException {
        assertTrue(Files.isRegularFile(jar), jar + " is built");
        try (JarFile f = new JarFile(jar.toFile())) {
            return Collections.list(f.entries()).stream().map(e -> e.getName()).toList();
        }
    }

    @Test
    void theLibraryJarDeclaresItsModuleNameAndVersion() throws IOException {
        try (JarFile f = new JarFile(jar("").toFile())) {
            Manifest m = f.getManifest();
            assertEquals("org.attendanceoutreach", m.getMainAttributes().getValue("Automatic-Module-Name"));
            assertEquals(VERSION, m.getMainAttributes().getValue("Implementation-Version"));
            assertNull(m.getMainAttributes().getValue("Main-Class"), "a library, not a program");
        }
    }

    @Test
    void theLibraryJarCarriesNoCommandLineBenchmarkOrLoggingBinding() throws IOException {
        List<String> entries = entries(jar(""));
        assertTrue(entries.contains("org/attendanceoutreach/OutreachEngine.class"), "the entry point is there");
        assertTrue(entries.contains("org/attendanceoutreach/bundled-rules/catalog.json"), "the bundled rules are there");
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("org/attendanceoutreach/bundled-rules.compiled")),
                "the bundled rules, compiled at build time, are there");
        List<String> foreign = entries.stream().filter(e -> e.startsWith("org/attendanceoutreach/cli/")
                || e.startsWith("org/attendanceoutreach/bench/") || e.startsWith("picocli/") || e.startsWith("org/slf4j/")
                || e.contains("Bench") || e.contains("DistrictGenerator") || e.contains("ReferenceEvaluator")).toList();
        assertEquals(List.of(), foreign, "no command-line, benchmark or logging classes in the library jar");
        for (String e : entries) {
            assertTrue(e.startsWith("META-INF/") || e.equals("org/") || e.startsWith("org/attendanceoutreach/"), "only the project's own classes: " + e);
        }
    }

    @Test
    void theLibraryIsPublishedWithSourcesAndJavadoc() throws IOException {
        List<String> sources = entries(jar("sources"));
        assertTrue(sources.contains("org/attendanceoutreach/OutreachEngine.java"), "sources jar");
        List<String> javadoc = entries(jar("javadoc"));
        // javadoc files the pages under the module name the jar declares
        assertTrue(javadoc.stream().anyMatch(e -> e.endsWith("org/attendanceoutreach/OutreachEngine.html")), "javadoc jar: " + javadoc);
        assertTrue(javadoc.stream().anyMatch(e -> e.endsWith("org/attendanceoutreach/result/StudentResult.html")), "javadoc jar");
        assertFalse(javadoc.stream().anyMatch(e -> e.contains("/internal/")), "the javadoc leaves the internal packages out");
    }

    @Test
    void noXStreamReachesTheLibraryOrTheCommandLine() throws IOException {
        // the tests' class path holds the library's dependencies as an SIS gets them (exclusions applied)
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.thoughtworks.xstream.XStream"));
        // what ./outreach runs: the jars its manifest names (target/lib may keep jars of older builds)
        try (JarFile f = new JarFile("target/outreach-cli.jar")) {
            String classPath = f.getManifest().getMainAttributes().getValue("Class-Path");
            assertNotNull(classPath, "the command line's jar names its libraries");
            List<String> libs = List.of(classPath.trim().split("\\s+"));
            assertTrue(libs.stream().anyMatch(l -> l.contains("drools-engine")), "the command line's libraries: " + libs);
            assertEquals(List.of(), libs.stream().filter(l -> l.contains("xstream")).toList(), "the command line's libraries");
        }
    }

    @Test
    void theCommandLineJarRunsAndSaysItsVersion() throws IOException {
        try (JarFile f = new JarFile("target/outreach-cli.jar")) {
            assertEquals("org.attendanceoutreach.cli.OutreachCommand", f.getManifest().getMainAttributes().getValue("Main-Class"));
            assertEquals(VERSION, f.getManifest().getMainAttributes().getValue("Implementation-Version"));
        }
    }

    @Test
    void everyPomHasWhatAReleaseToMavenCentralNeeds() throws IOException {
        String parent = Files.readString(Path.of("pom.xml"));
        for (String element : List.of("name", "description", "url")) {
            assertTrue(parent.matches("(?s).*<" + element + ">[^<]+</" + element + ">.*"), "parent POM: " + element);
        }
        assertTrue(parent.matches("(?s).*<licenses>\\s*<license>\\s*<name>[^<]+</name>\\s*<url>https://[^<]+</url>.*"), "parent POM: a licence");
        assertTrue(parent.matches("(?s).*<developers>\\s*<developer>.*<name>[^<]+</name>.*</developers>.*"), "parent POM: developers");
        assertTrue(parent.matches("(?s).*<scm[^>]*>\\s*<connection>scm:git:[^<]+</connection>\\s*<developerConnection>scm:git:[^<]+"
                + "</developerConnection>\\s*<url>[^<]+</url>.*"), "parent POM: scm");
        assertTrue(parent.contains("child.project.url.inherit.append.path=\"false\""), "modules keep the project's address as it is");
        List<String> modules = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        while (m.find()) {
            modules.add(m.group(1));
        }
        assertEquals(List.of("src/library", "src/bench", "src/cli"), modules);
        for (String module : modules) {
            String pom = Files.readString(Path.of(module, "pom.xml"));
            for (String element : List.of("name", "description")) {
                assertTrue(pom.matches("(?s).*</parent>.*<" + element + ">[^<]{10,}</" + element + ">.*"), module + ": its own " + element);
            }
        }
    }
}
