package org.attendanceoutreach.cli;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.rules.RuleProblem;
import org.attendanceoutreach.rules.RuleSource;
import org.attendanceoutreach.rules.RulesException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --rules DIR}: defaults to {@code rules/} in the working directory; else, run through
 * {@code ./outreach}, the {@code rules/} folder of the clone the launcher is in (the launcher passes
 * its folder as the system property {@value #HOME}); else the rules bundled in the jar.
 */
final class RulesOption {
    /** The system property {@code ./outreach} sets to the folder it lives in (the repository's root). */
    static final String HOME = "outreach.home";

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule folder (default: rules/ in the working directory if there is one, else the rules/ folder beside ./outreach, "
                    + "else the rules bundled in the jar).")
    Path folder;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    RuleSource source() {
        if (folder != null) {
            String problem = notARulesFolder(folder);
            if (problem != null) {
                throw new ParameterException(command.commandLine(), "--rules: " + problem + ", or leave --rules out for the project's rules");
            }
            return RuleSource.folder(folder);
        }
        Path local = Path.of("rules");
        if (Files.isDirectory(local)) {
            return RuleSource.folder(local);
        }
        String home = System.getProperty(HOME);
        if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home, "rules"))) {
            return RuleSource.folder(Path.of(home, "rules"));
        }
        return RuleSource.bundled();
    }

    /** Null for a folder; else where it was looked for and what to give instead. */
    static String notARulesFolder(Path folder) {
        if (Files.isDirectory(folder)) {
            return null;
        }
        Path absolute = folder.toAbsolutePath().normalize();
        return (Files.exists(folder) ? absolute + " is a file, not a folder"
                : "there is no folder " + absolute + (folder.isAbsolute() ? "" : " (" + folder + ", from the working directory "
                + Path.of("").toAbsolutePath() + ")")) + "; give the folder that holds the rule files (the .drl files, catalog.json "
                + "and policy.properties, such as a copy of rules/)";
    }

    /**
     * Where compiled rule folders are kept between runs: {@code target/rules-cache} beside the
     * command line's jar (a rules folder compiled once then loads in a fraction of a second), or
     * {@code OUTREACH_RULES_CACHE}. Null when neither can be found.
     */
    static Path compiledRulesCache() {
        String env = System.getenv("OUTREACH_RULES_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        try {
            Path code = Path.of(RulesOption.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent() == null ? null : code.getParent().resolve("rules-cache");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
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
        Path cache = compiledRulesCache();
        if (cache != null) {
            b.compiledRulesCache(cache);
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
