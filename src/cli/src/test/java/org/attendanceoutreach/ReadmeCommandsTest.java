package org.attendanceoutreach;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's commands work on a clone, and CI runs the README's test command. */
class ReadmeCommandsTest {
    /**
     * README commands not run here, each with why: they take minutes (a million students), or read
     * what another command made first.
     */
    static final Map<String, String> NOT_RUN = Map.of(
            "./outreach generate --students 1000000 --out district.jsonl", "writes a million students: minutes (the generator is tested at small sizes)",
            "./outreach bench --students 100000", "a benchmark of minutes (BenchCommand's own --help examples run small ones)");

    /** The command lines of the README's {@code sh} blocks: {@code ./outreach …} and the test command, comments dropped. */
    static List<String> shellCommands(String readme) {
        List<String> out = new ArrayList<>();
        Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (block.find()) {
            for (String line : block.group(1).split("\n")) {
                int comment = line.indexOf("  #");
                String command = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!command.isEmpty()) {
                    out.add(command);
                }
            }
        }
        return out;
    }

    @Test
    void everyOutreachCommandOfTheReadmeWorksOnAClone(@TempDir Path dir) throws Exception {
        List<String> commands = shellCommands(Files.readString(Path.of("README.md")));
        int ran = 0;
        for (String command : commands) {
            if (!command.startsWith("./outreach ") || NOT_RUN.containsKey(command)) {
                continue;
            }
            CommandLineTest.Run r = HelpAndErrorsTest.runExample(command, dir);
            assertEquals(0, r.status(), command + "\n" + r.err());
            ran++;
        }
        assertTrue(ran >= 10, "the README's commands were found: " + commands);
        for (String skipped : NOT_RUN.keySet()) {
            assertTrue(commands.contains(skipped), "NOT_RUN names a README command that is gone: " + skipped);
        }
    }

    @Test
    void theOpeningCommandsAreTheSampleAndTheTestsAndCiRunsTheTestCommandExactly() throws Exception {
        List<String> commands = shellCommands(Files.readString(Path.of("README.md")));
        assertEquals("./outreach recommend fixtures/sample-school.json", commands.get(0));
        String test = commands.get(1);
        assertTrue(test.contains("mvn -B "), test);
        assertTrue(test.startsWith("bash .ci/install-browser && "), "installs what the browser tests need first: " + test);
        List<String> ci = Files.readAllLines(Path.of(".ci/run")).stream().map(String::strip).toList();
        assertTrue(ci.contains(test), ".ci/run runs the README's test command as written: " + test);
    }
}
