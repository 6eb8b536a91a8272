package org.attendanceoutreach;

import org.attendanceoutreach.cli.OutreachCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./outreach} passes its folder as {@code -Doutreach.home}: run from any folder, the command
 * line reads the clone's {@code rules/} as it is now (an edit needs no build), not the copy bundled
 * in the jar at the last build. Runs the command line in a JVM of its own, in another working directory.
 */
class LauncherRulesTest {
    record Ran(int status, String out, String err) { }

    static Ran java(Path workingDirectory, List<String> properties, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        command.addAll(properties);
        command.add(OutreachCommand.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        Process p = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        return new Ran(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void fromAnotherFolderTheClonesRulesAreReadAsTheyAreNow(@TempDir Path dir) throws Exception {
        Path clone = Files.createDirectories(dir.resolve("clone"));
        Path rules = RuleFolderTest.copyRules(clone);
        // policy staff take the interpreter rule out; nobody rebuilds
        Files.delete(rules.resolve("language.drl"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        String school = Path.of("fixtures/sample-school.json").toAbsolutePath().toString();

        Ran edited = java(elsewhere, List.of("-Doutreach.home=" + clone), "recommend", "--format", "csv", school);
        assertEquals(0, edited.status(), edited.err());
        assertTrue(edited.err().contains("rules: folder " + rules), edited.err());
        assertFalse(edited.out().contains("arrange-adult-interpreter"), "the edit is in force");

        Ran asBuilt = java(elsewhere, List.of(), "recommend", "--format", "csv", school);
        assertEquals(0, asBuilt.status(), asBuilt.err());
        assertTrue(asBuilt.err().contains("rules: rules bundled in the jar"), "without the launcher's folder: " + asBuilt.err());
        assertTrue(asBuilt.out().contains("arrange-adult-interpreter"), "the bundled rules have the interpreter rule");
    }

    @Test
    void theLauncherPassesItsFolderAndSkipsOnlyTheDocumentationJarsWhenItBuilds() throws Exception {
        String launcher = Files.readString(Path.of("outreach"));
        assertTrue(launcher.contains("-Doutreach.home=\"$here\""), launcher);
        assertTrue(launcher.contains("-Dmaven.source.skip=true -Dmaven.javadoc.skip=true package"), launcher);
        assertFalse(launcher.contains("\"$here/rules\" -newer"), "a rule edit does not wait for a build");
    }
}
