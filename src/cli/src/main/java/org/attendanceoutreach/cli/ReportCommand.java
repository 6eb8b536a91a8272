package org.attendanceoutreach.cli;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.letters.Letters;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.output.HtmlReport;
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
import java.util.concurrent.Callable;

/** {@code ./outreach report FILE --out report.html}: one self-contained HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"One self-contained HTML page (no network, no external files) for staff on a phone, a desktop or paper:",
                "today's calls and tasks by staff member (overdue first), each role's minutes for the next five school days,",
                "the students by tier, and every student's plan (folded until opened). Contains names and phone numbers.",
                "Exit status: 0 every student evaluated, 1 some students or inputs had errors (the page lists them), 2 the rules do not compile, the command line is wrong or --out cannot be written."},
        footerHeading = "%nExamples:%n",
        footer = {"  # one page to open in a browser, on a phone or a desktop",
                "  ./outreach report --out report.html fixtures/sample-school.json",
                "  # the same school as it stood on 1 October",
                "  ./outreach report --as-of 2026-10-01 --out october.html \\",
                "      fixtures/sample-school.json"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Mixin
    InputOptions inputs;

    @Mixin
    AsOfOption asOf;

    @Mixin
    OutputFile output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutreachEngine engine = SchoolRun.start(spec, inputs, output, rules);
        if (engine == null) {
            return 2;
        }
        Letters letters = SchoolRun.lettersOrNone(engine, err);
        Progress progress = Progress.forTerminal(err);
        SchoolRun.Batch batch = SchoolRun.evaluateAll(engine, inputs.loadAll(asOf.day, progress), err, progress);
        List<HtmlReport.Section> sections = new ArrayList<>();
        for (SchoolRun.Evaluated e : batch.schools()) {
            sections.add(HtmlReport.Section.of(e.file(), e.result(), engine.catalog(), letters).withCharts(
                    HtmlReport.Charts.of(e.file(), e.result(), engine::evaluate, engine.policy())));
        }
        for (SchoolResult failed : batch.failed()) {
            sections.add(HtmlReport.Section.failed(failed));
        }
        StringWriter page = new StringWriter();
        HtmlReport.write(sections, engine.catalog(), engine.policy(), page);
        if (!output.given()) {
            out.print(page);
            out.flush();
        } else {
            if (!output.write(spec, w -> w.write(page.toString()))) {
                return 2;
            }
            err.println("report: " + org.attendanceoutreach.internal.PlainText.escape(output.path.toString()));
        }
        return batch.problems() ? 1 : 0;
    }
}
