package org.attendanceoutreach.cli;

import picocli.CommandLine.Option;

import java.time.LocalDate;

/** {@code --as-of DATE}, shared by every command that evaluates students. */
final class AsOfOption {
    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Work as of this day (YYYY-MM-DD) instead of the school file's asOf; with --edfi, the default is today.")
    LocalDate day;
}
