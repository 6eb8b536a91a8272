package org.attendanceoutreach.cli;

import picocli.CommandLine;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.attendanceoutreach.internal.PlainText.escape;

/**
 * How option values are read, with messages that say what is wrong and what to write instead
 * (picocli then adds the option's name; {@link OutreachCommand} adds the command and the way to its help).
 */
final class Values {
    private Values() {
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    /** A day as YYYY-MM-DD, in the years a school file may have (1900 … 2199). */
    static final class Date implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            Matcher m = DATE.matcher(value.strip());
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException(shown(value) + " is not a date: write the day as YYYY-MM-DD, e.g. 2026-11-20");
            }
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int day = Integer.parseInt(m.group(3));
            if (month < 1 || month > 12) {
                throw new CommandLine.TypeConversionException(shown(value) + " is not a date: the month (" + m.group(2)
                        + ") must be 01 to 12; write the day as YYYY-MM-DD, e.g. 2026-11-20");
            }
            if (year < 1900 || year > 2199) {
                throw new CommandLine.TypeConversionException(shown(value) + " is not in the years 1900 … 2199; write the day as YYYY-MM-DD, e.g. 2026-11-20");
            }
            try {
                return LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new CommandLine.TypeConversionException(shown(value) + " is not a date: "
                        + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year + " has no day " + m.group(3)
                        + "; write the day as YYYY-MM-DD, e.g. 2026-11-20");
            }
        }
    }

    /** A whole number, such as 1000 (no decimals, no separators). */
    static final class WholeNumber implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException(shown(value) + " is not a whole number: write it in digits, e.g. 1000"
                        + (value.strip().matches("-?\\d+") ? " (at most " + Integer.MAX_VALUE + ")" : ""));
            }
        }
    }

    /** A whole number of any size a seed may take. */
    static final class Seed implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException(shown(value) + " is not a whole number: write it in digits, e.g. 42");
            }
        }
    }

    /**
     * One of a command's formats, in any case ({@code --format}); else a usage error (exit 2) that
     * names the ones there are.
     */
    static String format(CommandLine.Model.CommandSpec spec, String value, String... formats) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (String f : formats) {
            if (f.equals(v)) {
                return f;
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--format: " + shown(value) + " is not a format of "
                + spec.name() + ": use " + choices(formats));
    }

    /** "table, csv or json". */
    static String choices(String... options) {
        if (options.length == 1) {
            return options[0];
        }
        return String.join(", ", java.util.Arrays.copyOf(options, options.length - 1)) + " or " + options[options.length - 1];
    }

    /** A value as typed, in quotes, with control characters escaped and cut short when long. */
    static String shown(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "'" + escape(v) + "'";
    }
}
