package org.attendanceoutreach;

import org.attendanceoutreach.rules.RulesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An SIS that points the engine at a rules folder that is not there is told where it looked and what to do. */
class MissingRulesFolderTest {

    @Test
    void aRelativeFolderThatIsNotThereIsNamedAbsolutelyWithTheWorkingDirectoryAndWhatToDo() {
        RulesException e = assertThrows(RulesException.class,
                () -> OutreachEngine.builder().rulesFolder(Path.of("no-such-rules")).build());
        Path absolute = Path.of("no-such-rules").toAbsolutePath().normalize();
        assertEquals(1, e.problems().size());
        String problem = e.problems().get(0).toString();
        assertEquals(absolute + ": no rules folder at " + absolute + " (no-such-rules, from the working directory "
                + Path.of("").toAbsolutePath() + "): give the folder that holds the rule files (the .drl files, catalog.json and"
                + " policy.properties; a copy of the project's rules/ folder), as an absolute path or from the working directory;"
                + " or use the rules inside the library's jar (OutreachEngine.builder().bundledRules(), the default)", problem);
        assertFalse(problem.contains(":0:"), "a problem of the folder as a whole has no line number");
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void aFileGivenAsTheFolderIsSaidToBeAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("rules"), "not a folder");
        RulesException e = assertThrows(RulesException.class, () -> OutreachEngine.builder().rulesFolder(file).build());
        assertTrue(e.problems().get(0).message().startsWith("the rules folder " + file + " is a file, not a folder: give the folder"),
                e.getMessage());
    }
}
