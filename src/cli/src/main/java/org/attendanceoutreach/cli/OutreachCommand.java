package org.attendanceoutreach.cli;

import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;

import static org.attendanceoutreach.internal.PlainText.escape;

/** {@code ./outreach}: the command line's entry point. */
@Command(name = "outreach", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns attendance records into tiered, explained family-engagement recommendations.",
        footerHeading = "%nRun ./outreach COMMAND --help for a command's options and examples.%n%nExamples:%n",
        footer = {"  # the sample school's plans, as a table for people",
                "  ./outreach recommend --format table fixtures/sample-school.json",
                "  # today's calls, by staff member",
                "  ./outreach call-list fixtures/sample-school.json"},
        subcommands = {RecommendCommand.class, CheckCommand.class, ValidateCommand.class, AuditCommand.class, RulesCommand.class,
                DiffCommand.class, ExplainCommand.class, GenerateCommand.class, BenchCommand.class,
                CallListCommand.class, ReportCommand.class, LettersCommand.class})
public final class OutreachCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command on standard output and error, and returns its exit status. */
    public static int run(String... args) {
        return run(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    /** Runs a command writing to {@code out} and {@code err}, and returns its exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Logging.quiet();
        CommandLine cli = new CommandLine(new OutreachCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.registerConverter(java.time.LocalDate.class, new Values.Date());
        cli.registerConverter(Integer.class, new Values.WholeNumber());
        cli.registerConverter(Integer.TYPE, new Values.WholeNumber());
        cli.registerConverter(Long.class, new Values.Seed());
        cli.registerConverter(Long.TYPE, new Values.Seed());
        cli.setParameterExceptionHandler(OutreachCommand::usageError);
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new Version()); // ./outreach recommend --version too
            CommandLine.Model.UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
            usage.description(paragraphs(usage.description()));
        }
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof org.attendanceoutreach.EngineBrokenException) {
                // exit status 2: not "some students had errors" (1), but "the run could not go on"
                cmd.getErr().println("outreach: the rule engine stopped: " + e.getMessage());
                return 2;
            }
            // not a usage error: something the command did not expect; said in one line, never as a Java trace
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": stopped: "
                    + (e.getMessage() == null ? "" : escape(e.getMessage()) + " ") + "(" + e.getClass().getSimpleName() + ")");
            return 2;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /**
     * A command's description as paragraphs that picocli wraps to the help's width. The annotations
     * break their text where the source line ends; picocli would keep those breaks and wrap each
     * piece again, leaving a short line in the middle of a sentence. A piece ending a sentence ends a
     * paragraph.
     */
    static String[] paragraphs(String[] lines) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            if (paragraph.length() > 0) {
                paragraph.append(' ');
            }
            paragraph.append(line.strip());
            String end = line.stripTrailing();
            if (end.endsWith(".") || end.endsWith(".)") || end.endsWith(":") || end.isEmpty()) {
                out.add(paragraph.toString());
                paragraph.setLength(0);
            }
        }
        if (paragraph.length() > 0) {
            out.add(paragraph.toString());
        }
        return out.toArray(String[]::new);
    }

    /**
     * A usage error (an unknown option, a bad value, a missing argument): what is wrong, in one line,
     * and where the command's help is; exit status 2. Never the whole usage, never a Java trace.
     */
    static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        String message = ex.getMessage();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            message = "'" + u.getUnmatched().get(0) + "' is not a command";
        }
        err.println(name + ": " + escape(message));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Run ./" + name + " --help for what it takes, with examples.");
        err.flush();
        return 2;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
