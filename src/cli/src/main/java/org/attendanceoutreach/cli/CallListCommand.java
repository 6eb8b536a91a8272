package org.attendanceoutreach.cli;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.letters.Letters;
import org.attendanceoutreach.output.AtomicFile;
import org.attendanceoutreach.output.CallList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static org.attendanceoutreach.internal.PlainText.escape;

/** {@code ./outreach call-list FILE...}: today's calls, sorted by who makes them, then student. */
@Command(name = "call-list", mixinStandardHelpOptions = true,
        description = {"Today's calls to families, grouped by the staff member who calls, overdue first, one entry per family: whom to ask for,",
                "the number, the language and interpreter, what the call is for, its first line, and every reason. A family without a",
                "working number is a task to find one; a student who could not be evaluated is listed too (absent today: still called).",
                "Contains names and phone numbers: they are never written to standard error.",
                "Exit status: 0 every student evaluated, 1 some students or inputs had errors (on standard error), 2 the rules do not compile or the command line is wrong."},
        footerHeading = "%nExamples:%n",
        footer = {"  # today's calls, for people",
                "  ./outreach call-list fixtures/sample-school.json",
                "  # for a spreadsheet",
                "  ./outreach call-list --format csv --out calls.csv fixtures/sample-school.json"})
final class CallListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Mixin
    InputOptions inputs;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default), csv or json.")
    String format;

    @Mixin
    OutputFile output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String f = Values.format(spec, format, "table", "csv", "json");
        OutreachEngine engine = SchoolRun.start(spec, inputs, output, rules);
        if (engine == null) {
            return 2;
        }
        Letters letters = SchoolRun.lettersOrNone(engine, err);
        Progress progress = Progress.forTerminal(err);
        SchoolRun.Batch batch = SchoolRun.evaluateAll(engine, inputs.practices(engine.catalog()).loadAll(asOf.day, progress), err, progress);
        List<CallList.Call> calls = new ArrayList<>();
        for (SchoolRun.Evaluated e : batch.schools()) {
            calls.addAll(CallList.of(e.file(), e.result(), engine.catalog(), letters));
        }
        calls.sort(CallList.ORDER);
        AtomicFile.Content content = w -> {
            switch (f) {
                case "csv" -> CallList.csv(calls, w);
                case "json" -> CallList.json(calls, w);
                default -> CallList.table(calls, w);
            }
        };
        if (!output.given()) {
            content.writeTo(out);
            out.flush();
        } else {
            if (!output.write(spec, content)) {
                return 2;
            }
            err.println("call list: " + escape(output.path.toString()));
        }
        return batch.problems() ? 1 : 0;
    }
}
