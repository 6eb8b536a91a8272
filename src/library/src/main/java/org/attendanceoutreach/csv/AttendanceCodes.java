package org.attendanceoutreach.csv;

import org.attendanceoutreach.internal.TextInput;
import org.attendanceoutreach.read.Shown;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.AbsenceType;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a school's daily attendance codes mean: a CSV file with the columns {@code code},
 * {@code type} ({@code PRESENT}, {@code EXCUSED}, {@code UNEXCUSED}, {@code SUSPENSION}, {@code TARDY}
 * or {@code EARLY_DEPARTURE}), and optionally {@code reason} (the reason the code implies, e.g.
 * {@code ILLNESS}) and {@code portion} (the share of the day it stands for, e.g. {@code 0.5}).
 * Codes are matched without regard to case. The type names themselves always work as codes; the
 * defaults ({@code attendance-codes.csv} beside this class) add P, A, U, E, T, ED and S. Immutable.
 */
public final class AttendanceCodes {
    /** What one code means. {@code type} is null for a code meaning present. */
    public record Code(AbsenceType type, AbsenceReason reason, Double portion) {
        public boolean present() {
            return type == null;
        }
    }

    /** A codes file that cannot be used; the message names the file, line and column. */
    public static final class CodesFileException extends Exception {
        public CodesFileException(String message) {
            super(message);
        }
    }

    private static final String DEFAULT_RESOURCE = "attendance-codes.csv";
    private static volatile AttendanceCodes defaults;

    private final Map<String, Code> codes;

    private AttendanceCodes(Map<String, Code> codes) {
        this.codes = Map.copyOf(codes);
    }

    /** The type names, and the defaults that ship in the jar. */
    public static AttendanceCodes defaults() {
        AttendanceCodes d = defaults;
        if (d == null) {
            Map<String, Code> base = new HashMap<>();
            base.put("present", new Code(null, null, null));
            for (AbsenceType t : AbsenceType.values()) {
                base.put(t.name().toLowerCase(Locale.ROOT), new Code(t, null, null));
            }
            try (InputStream in = AttendanceCodes.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the jar");
                }
                d = new AttendanceCodes(base).with(DEFAULT_RESOURCE, new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (CodesFileException e) {
                throw new IllegalStateException("the bundled " + e.getMessage(), e);
            }
            defaults = d;
        }
        return d;
    }

    /** The defaults with a school's codes file on top (its codes win). */
    public static AttendanceCodes load(Path file) throws CodesFileException {
        if (file == null) {
            return defaults();
        }
        try (Reader r = TextInput.reader(Files.newInputStream(file))) {
            return defaults().with(file.toString(), r);
        } catch (NoSuchFileException e) {
            throw new CodesFileException(file + ": no such file");
        } catch (IOException e) {
            throw new CodesFileException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** These codes with a codes file's entries added. */
    public AttendanceCodes with(String name, Reader in) throws CodesFileException {
        Map<String, Code> out = new HashMap<>(codes);
        try {
            CsvTable t = CsvTable.read(name, in);
            t.requireColumns("code", "type");
            t.unknownColumns(List.of("code", "type", "reason", "portion"), c -> { });
            for (CsvTable.Row row : t.rows()) {
                String code = row.get("code");
                if (code == null) {
                    throw new CodesFileException(name + ": line " + row.line() + ": code: is required");
                }
                String type = row.get("type");
                AbsenceType absence = null;
                if (type == null || !type.equalsIgnoreCase("PRESENT")) {
                    try {
                        absence = AbsenceType.valueOf(type == null ? "" : type.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new CodesFileException(name + ": line " + row.line() + ": type: '" + Shown.key(type == null ? "" : type) + "'"
                                + " is not PRESENT, EXCUSED, UNEXCUSED, SUSPENSION, TARDY or EARLY_DEPARTURE");
                    }
                }
                AbsenceReason reason;
                Double portion;
                try {
                    reason = CsvValues.reason(row.get("reason"));
                    portion = CsvValues.portion(row.get("portion"));
                } catch (IllegalArgumentException e) {
                    throw new CodesFileException(name + ": line " + row.line() + ": " + e.getMessage());
                }
                out.put(code.toLowerCase(Locale.ROOT), new Code(absence, reason, portion));
            }
        } catch (CsvTable.CsvException e) {
            throw new CodesFileException(e.getMessage());
        }
        return new AttendanceCodes(out);
    }

    /** Every code known, in lower case (for telling a near miss: {@link Shown#code}). */
    Set<String> names() {
        return codes.keySet();
    }

    /** What a code means, or null when it is not a known code. */
    public Code find(String code) {
        return code == null ? null : codes.get(code.strip().toLowerCase(Locale.ROOT));
    }
}
