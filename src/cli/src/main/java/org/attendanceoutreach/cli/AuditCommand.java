package org.attendanceoutreach.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import org.attendanceoutreach.audit.PracticeAudit;
import org.attendanceoutreach.audit.StrategyStanding;
import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.CatalogException;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.internal.JsonOutput;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.read.InvalidInputException;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.rules.RuleSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static org.attendanceoutreach.internal.PlainText.escape;

/** {@code ./outreach audit FILE...}: the school practice audit (contract section 7). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"For each strategy of the chart: what the school does now, its impact, and the higher-impact practice to move to.",
                "Reads the school file's \"practices\" (catalog ids). Exit status 0, or 1 when a file has an unknown practice or cannot be read."},
        footerHeading = "%nExamples:%n",
        footer = {"  # a table",
                "  ./outreach audit fixtures/audit/school-practices.json",
                "  # for a dashboard",
                "  ./outreach audit --format json fixtures/audit/school-practices.json"})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default) or json.")
    String format;

    @Mixin
    OutputFile output;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "School files with a \"practices\" list.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        StringWriter report = new StringWriter();
        PrintWriter out = output.given() ? new PrintWriter(report) : spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String f = Values.format(spec, format, "table", "json");
        InputOptions.noFolders(spec, files);
        if (!output.ready(spec)) {
            return 2;
        }
        RuleSource source = rules.source();
        err.println("rules: " + source.description());
        Catalog catalog;
        try {
            catalog = Catalog.parse(source.displayName("catalog.json"), source.read().getOrDefault("catalog.json", ""));
        } catch (CatalogException e) {
            err.println(e.getMessage());
            return 2;
        }
        PracticeAudit audit = new PracticeAudit(catalog);
        SchoolFileReader reader = new SchoolFileReader();
        int status = 0;
        JsonGenerator json = null;
        if (f.equals("json")) {
            json = JsonOutput.FACTORY.createGenerator(out).useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("schools");
        }
        for (Path path : files) {
            List<StrategyStanding> standings;
            SchoolFile file;
            try {
                file = reader.read(path);
                standings = audit.audit(file.school().practices());
            } catch (SchoolFileException e) {
                err.println("error: " + e.problem());
                status = 1;
                continue;
            } catch (InvalidInputException e) {
                err.println("error: " + new InputProblem(path.toString(), null, e.field(), e.getMessage()));
                status = 1;
                continue;
            }
            if (json != null) {
                writeJson(json, file, standings);
            } else {
                writeTable(out, file, standings);
            }
        }
        if (json != null) {
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            out.println();
        }
        out.flush();
        err.flush();
        if (output.given() && !output.write(spec, w -> w.write(report.toString()))) {
            return 2;
        }
        return status;
    }

    private static void writeTable(PrintWriter out, SchoolFile file, List<StrategyStanding> standings) {
        out.printf(Locale.ROOT, "%s  school %s: %d practices listed%n%n", escape(file.file()), escape(file.school().schoolId()),
                file.school().practices().size());
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"STRATEGY", "IMPACT", "DOES NOW", "MOVE TO"});
        for (StrategyStanding s : standings) {
            String now = s.isGap() ? "(nothing: a gap)" : String.join(", ", s.current().stream().map(Practice::id).toList());
            rows.add(new String[] {s.strategy().inWords(), s.impact() == null ? "-" : s.impact().name(), escape(now),
                    s.moveTo() == null ? "(keep)" : s.moveTo().id()});
        }
        // each column as wide as its widest cell, two spaces between: the columns line up whatever the ids
        int[] width = new int[3];
        for (String[] row : rows) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                line.append(row[c]).append(" ".repeat(width[c] - row[c].length() + 2));
            }
            out.println(line.append(row[3]));
        }
        out.println();
        for (StrategyStanding s : standings) {
            out.printf(Locale.ROOT, "%s: %s%n", s.strategy().inWords(), s.advice());
        }
        out.println();
    }

    private static void writeJson(JsonGenerator g, SchoolFile file, List<StrategyStanding> standings) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", file.file());
        g.writeStringField("schoolId", file.school().schoolId());
        g.writeArrayFieldStart("strategies");
        for (StrategyStanding s : standings) {
            g.writeStartObject();
            g.writeStringField("strategy", s.strategy().name());
            g.writeArrayFieldStart("current");
            for (Practice p : s.current()) {
                g.writeStartObject();
                g.writeStringField("practice", p.id());
                g.writeStringField("impact", p.impact().name());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (s.impact() != null) {
                g.writeStringField("impact", s.impact().name());
            } else {
                g.writeNullField("impact");
            }
            g.writeBooleanField("gap", s.isGap());
            if (s.moveTo() != null) {
                g.writeStringField("moveTo", s.moveTo().id());
            } else {
                g.writeNullField("moveTo");
            }
            g.writeStringField("reason", s.advice());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
