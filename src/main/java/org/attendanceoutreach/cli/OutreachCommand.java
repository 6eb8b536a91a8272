package org.attendanceoutreach.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./outreach}: the command line's entry point. */
@Command(name = "outreach", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns attendance records into tiered, explained family-engagement recommendations.",
        subcommands = {RecommendCommand.class, CheckCommand.class, ValidateCommand.class})
public final class OutreachCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit status (for tests). */
    public static int run(String... args) {
        Logging.quiet();
        return new CommandLine(new OutreachCommand()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("outreach: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 2;
        }).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
