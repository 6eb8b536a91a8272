package org.attendanceoutreach.cli;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.CatalogException;
import org.attendanceoutreach.rules.RuleIndex;
import org.attendanceoutreach.rules.RuleSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./outreach rules}: which rule recommends which practice, as a Markdown table. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Prints, for every practice of the catalog, the rules that recommend it (a Markdown table; the README's rule table is this output).",
        footerHeading = "%nExamples:%n",
        footer = {"  # which rule recommends what, as a Markdown table",
                "  ./outreach rules",
                "  # into a file",
                "  ./outreach rules --out rules-table.md"})
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Mixin
    OutputFile output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!output.ready(spec)) {
            return 2;
        }
        RuleSource source = rules.source();
        Map<String, String> files = source.read();
        try {
            Catalog catalog = Catalog.parse(source.displayName("catalog.json"), files.getOrDefault("catalog.json", ""));
            String table = RuleIndex.of(files).markdown(catalog);
            if (output.given()) {
                return output.write(spec, w -> w.write(table)) ? 0 : 2;
            } else {
                out.print(table);
                out.flush();
            }
            return 0;
        } catch (CatalogException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }
}
