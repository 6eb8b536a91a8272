package org.attendanceoutreach.cli;

import org.attendanceoutreach.rules.RuleProblem;
import org.attendanceoutreach.rules.RuleSet;
import org.attendanceoutreach.rules.RuleSource;
import org.attendanceoutreach.rules.RuleValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code ./outreach validate}: compiles the rules and reports every problem as FILE:LINE: message. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks and compiles the rules, runs them over made-up probe students, checks the letter templates, and reports every problem",
                "as FILE:LINE: message. Exit status 0 (and 'ok') only when there is none."},
        footerHeading = "%nExamples:%n",
        footer = {"  # the rules/ folder here (else the rules inside the jar)",
                "  ./outreach validate",
                "  # a rules folder by name",
                "  ./outreach validate --rules rules"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSource source = rules.source();
        err.println("rules: " + source.description());
        err.flush();
        // the letters' templates are part of the rules: unknown or missing placeholders, forbidden words, plain English
        RuleValidator validator = RuleValidator.standard().with(org.attendanceoutreach.letters.Letters::check);
        java.nio.file.Path cache = RulesOption.compiledRulesCache();
        RuleValidator.Result result = (cache == null ? validator : validator.compiledRulesCache(cache)).validate(source);
        if (result.ok()) {
            RuleSet set = result.rules();
            out.println("ok: " + set.ruleNames().size() + " rules, " + set.catalog().practices().size()
                    + " practices in the catalog, policy valid, every probe student evaluated, "
                    + set.letterFiles().size() + " letter files checked");
            out.flush();
            return 0;
        }
        for (RuleProblem p : result.problems()) {
            out.println(p);
        }
        out.println(result.problems().size() + " problem(s)");
        out.flush();
        return 1;
    }
}
