package org.attendanceoutreach.cli;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.rules.RuleProblem;
import org.attendanceoutreach.rules.RuleSource;
import org.attendanceoutreach.rules.RulesException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --rules DIR}: defaults to {@code rules/} in the working directory, else the rules in the jar. */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule folder (default: rules/ in the working directory if present, else the rules bundled in the jar).")
    Path folder;

    RuleSource source() {
        if (folder != null) {
            return RuleSource.folder(folder);
        }
        Path local = Path.of("rules");
        return Files.isDirectory(local) ? RuleSource.folder(local) : RuleSource.bundled();
    }

    /** Builds the engine, saying on {@code err} which rules it uses; null (problems printed) when they do not compile. */
    OutreachEngine engine(PrintWriter err) {
        RuleSource source = source();
        err.println("rules: " + source.description());
        err.flush();
        OutreachEngine.Builder b = OutreachEngine.builder();
        if (source.folderPath() != null) {
            b.rulesFolder(source.folderPath());
        }
        try {
            return b.build();
        } catch (RulesException e) {
            for (RuleProblem p : e.problems()) {
                err.println(p);
            }
            err.println("the rules do not compile; run ./outreach validate for the full list");
            err.flush();
            return null;
        }
    }
}
