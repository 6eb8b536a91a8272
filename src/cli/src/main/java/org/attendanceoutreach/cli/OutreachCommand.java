package org.attendanceoutreach.cli;

import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;

/** {@code ./outreach}: the command line's entry point. */
@Command(name = "outreach", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns attendance records into tiered, explained family-engagement recommendations.",
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
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof org.attendanceoutreach.EngineBrokenException) {
                // exit status 2: not "some students had errors" (1), but "the run could not go on"
                cmd.getErr().println("outreach: the rule engine stopped: " + e.getMessage());
                return 2;
            }
            cmd.getErr().println("outreach: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return 2;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
