package org.attendanceoutreach.cli;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.letters.Communication;
import org.attendanceoutreach.letters.LetterWriter;
import org.attendanceoutreach.letters.Letters;
import org.attendanceoutreach.letters.NotWritten;
import org.attendanceoutreach.rules.RuleProblem;
import org.attendanceoutreach.rules.RulesException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static org.attendanceoutreach.internal.PlainText.escape;

/** {@code ./outreach letters FILE...}: the monthly letters, today's call scripts and the texts due, in each family's language. */
@Command(name = "letters", mixinStandardHelpOptions = true,
        description = {"What the plans ask to send or say: the monthly letter, a script for each call due today, and a short text",
                "between calls, in the family's language when there is a template in it (rules/letters/). Contains names: keep it",
                "where student records are kept. --format html is one print-ready page, one letter per printed page.",
                "Exit status: 0 every student evaluated, 1 some students or inputs had errors, or something a plan asks for has no",
                "template in the family's, the school's or the English language (each on standard error), 2 the rules or",
                "the letter templates do not pass the checks, the command line is wrong or --out cannot be written."},
        footerHeading = "%nExamples:%n",
        footer = {"  # text, to read or print as is",
                "  ./outreach letters fixtures/sample-school.json",
                "  # one page to print, one letter per page",
                "  ./outreach letters --format html --out letters.html \\",
                "      fixtures/sample-school.json"})
final class LettersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Mixin
    InputOptions inputs;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default), html or json.")
    String format;

    @Mixin
    OutputFile output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String f = Values.format(spec, format, "text", "html", "json");
        OutreachEngine engine = SchoolRun.start(spec, inputs, output, rules);
        if (engine == null) {
            return 2;
        }
        Letters letters;
        try {
            letters = Letters.of(engine);
        } catch (RulesException e) {
            for (RuleProblem p : e.problems()) {
                err.println(p);
            }
            err.println("the letter templates do not pass the checks; run ./outreach validate for the full list");
            err.flush();
            return 2;
        }
        Progress progress = Progress.forTerminal(err);
        SchoolRun.Batch batch = SchoolRun.evaluateAll(engine, inputs.loadAll(asOf.day, progress), err, progress);
        List<Communication> all = new ArrayList<>();
        boolean notWritten = false;
        for (SchoolRun.Evaluated e : batch.schools()) {
            Letters.Outcome outcome = letters.write(e.file(), e.result());
            all.addAll(outcome.written());
            for (NotWritten n : outcome.notWritten()) {
                // ids and language tags only: no personal data
                err.println("error: " + escape(e.file().file()) + ": " + escape(n.message()));
                notWritten = true;
            }
        }
        err.flush();
        all.sort(Letters.ORDER);
        StringWriter text = new StringWriter();
        switch (f) {
            case "html" -> LetterWriter.html(all, text);
            case "json" -> LetterWriter.json(all, text);
            default -> LetterWriter.text(all, text);
        }
        if (!output.given()) {
            out.print(text);
            out.flush();
        } else {
            if (!output.write(spec, w -> w.write(text.toString()))) {
                return 2;
            }
            err.println("letters: " + all.size() + " written to " + escape(output.path.toString()));
        }
        return batch.problems() || notWritten ? 1 : 0;
    }
}
