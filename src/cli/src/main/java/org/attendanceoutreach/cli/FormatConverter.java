package org.attendanceoutreach.cli;

import org.attendanceoutreach.output.ResultWriter;
import picocli.CommandLine;

import java.util.Locale;

/** {@code json}, {@code table}, {@code csv} or {@code jsonl}, in any case. */
final class FormatConverter implements CommandLine.ITypeConverter<ResultWriter.Format> {
    @Override
    public ResultWriter.Format convert(String value) {
        try {
            return ResultWriter.Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a format: use json, table or csv (or jsonl: one line per student)");
        }
    }
}
