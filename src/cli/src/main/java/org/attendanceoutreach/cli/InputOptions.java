package org.attendanceoutreach.cli;

import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.csv.AttendanceCodes;
import org.attendanceoutreach.csv.CsvSchoolReader;
import org.attendanceoutreach.edfi.DataStandard;
import org.attendanceoutreach.edfi.DescriptorMap;
import org.attendanceoutreach.edfi.EdFiImport;
import org.attendanceoutreach.edfi.EdFiReader;
import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.SchoolLines;
import org.attendanceoutreach.read.StudentInput;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs, shared by recommend, call-list, report, letters and explain: school files ({@code FILE...},
 * .json or .jsonl), {@code --edfi DIR} (Ed-Fi ODS/API resources) and
 * {@code --csv ROSTER ATTENDANCE --school FILE} (CSV exports).
 */
final class InputOptions {
    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "School files (contract section 1), or JSON-lines school files (.jsonl: line 1 the school, then one student "
                    + "per line; streamed by recommend). Or instead: --edfi DIR, or --csv ROSTER ATTENDANCE --school FILE.")
    List<Path> files;

    @Option(names = "--edfi", paramLabel = "DIR",
            description = "A folder of Ed-Fi ODS/API resources as the API returns them (studentSchoolAssociations.json, "
                    + "studentSchoolAttendanceEvents.json, sessions.json and/or calendarDates.json, optional others); "
                    + "one school each. --as-of defaults to today.")
    Path edfi;

    @Option(names = "--edfi-standard", paramLabel = "4|5|6",
            description = "The Ed-Fi Data Standard of the --edfi folder: 4 (parents), 5 (contacts) or 6 (contacts and "
                    + "studentDemographics). Default: found from the files present.")
    String edfiStandard;

    @Option(names = "--edfi-descriptors", paramLabel = "FILE",
            description = "A descriptor mapping file for a local namespace (repeatable); the uri://ed-fi.org/ mapping is built in.")
    List<Path> descriptorFiles;

    @Option(names = "--csv", arity = "2", paramLabel = "FILE",
            description = "ROSTER.csv ATTENDANCE.csv: a roster (one row per student) and daily attendance (studentId, date, code); needs --school.")
    List<Path> csv;

    @Option(names = "--school", paramLabel = "FILE",
            description = "With --csv: the school (schoolId, asOf, calendar, schoolLanguage), a school file without students.")
    Path school;

    @Option(names = "--codes", paramLabel = "FILE",
            description = "With --csv: what the attendance codes mean (CSV: code,type,reason,portion); adds to the built-in codes.")
    Path codes;

    @Option(names = "--interventions", paramLabel = "FILE",
            description = "With --csv: the supports in place (CSV: studentId,intervention,startedOn,endedOn; intervention a catalog id, "
                    + "endedOn blank while it runs).")
    Path interventions;

    /** The catalog of the rules in use: supports in place that name none of its practices are caught by the readers. */
    private org.attendanceoutreach.catalog.Catalog catalog;

    /** The Data Standard the --edfi folder was read as (null before it is read, or without --edfi). */
    DataStandard edfiRead;

    /** Makes the CSV and Ed-Fi readers check supports in place against {@code catalog} (the engine's). */
    InputOptions practices(org.attendanceoutreach.catalog.Catalog catalog) {
        this.catalog = catalog;
        return this;
    }

    /** A school file to evaluate, or the problem that kept a whole input from being read. */
    record Loaded(SchoolFile file, SchoolResult failure) {
        static Loaded failed(String name, InputProblem problem) {
            return new Loaded(null, SchoolResult.failed(name, problem));
        }
    }

    boolean any() {
        return edfi != null || csv != null;
    }

    /**
     * Checks the input options and that some input was given; when none was, says so on standard
     * error and returns true (the command then exits 2).
     */
    boolean nothingGiven(CommandSpec spec) {
        check(spec);
        if ((files == null || files.isEmpty()) && !any()) {
            spec.commandLine().getErr().println("outreach " + spec.name()
                    + ": give school files, --edfi DIR, or --csv ROSTER.csv ATTENDANCE.csv --school FILE");
            return true;
        }
        return false;
    }

    /**
     * A folder given where a school file goes is a usage error (exit 2) that says what to give
     * instead; a file that is not there is an error of that file only (the others are read).
     */
    static void noFolders(CommandSpec spec, List<Path> files) {
        for (Path p : files == null ? List.<Path>of() : files) {
            if (java.nio.file.Files.isDirectory(p)) {
                throw new ParameterException(spec.commandLine(), org.attendanceoutreach.internal.PlainText.escape(p.toString())
                        + " is a folder, not a school file: give school files (.json, or .jsonl)"
                        + (spec.findOption("--edfi") != null ? "; for a folder of Ed-Fi API resources, --edfi "
                        + org.attendanceoutreach.internal.PlainText.escape(p.toString()) : ""));
            }
        }
    }

    /** Options that only make sense together. */
    void check(CommandSpec spec) {
        noFolders(spec, files);
        if (csv != null && csv.size() != 2) {
            throw new ParameterException(spec.commandLine(), "--csv takes two files, once: ROSTER.csv ATTENDANCE.csv");
        }
        if (csv != null && school == null) {
            throw new ParameterException(spec.commandLine(), "--csv needs --school FILE: the school's id, asOf and calendar");
        }
        if (csv == null && (school != null || codes != null || interventions != null)) {
            throw new ParameterException(spec.commandLine(), "--school, --codes and --interventions go with --csv ROSTER.csv ATTENDANCE.csv");
        }
        if (edfi == null && (descriptorFiles != null || edfiStandard != null)) {
            throw new ParameterException(spec.commandLine(), "--edfi-descriptors and --edfi-standard go with --edfi DIR");
        }
        if (edfiStandard != null) {
            try {
                DataStandard.of(edfiStandard);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--edfi-standard: " + e.getMessage());
            }
        }
    }

    /** Reads the Ed-Fi folder and the CSV files given, if any. {@code asOf} may be null (Ed-Fi: today; CSV: the school file's). */
    List<Loaded> load(LocalDate asOf, Progress progress) {
        List<Loaded> out = new ArrayList<>();
        if (edfi != null) {
            try {
                DescriptorMap map = DescriptorMap.load(descriptorFiles);
                EdFiReader reader = new EdFiReader(map, edfiStandard == null ? null : DataStandard.of(edfiStandard));
                EdFiImport imported = (catalog == null ? reader : reader.withPractices(catalog))
                        .read(edfi, asOf == null ? LocalDate.now() : asOf, progress::stage);
                edfiRead = imported.dataStandard();
                progress.done();
                for (InputProblem p : imported.failedSchools()) {
                    out.add(Loaded.failed(imported.folder(), p));
                }
                for (SchoolFile f : imported.schools()) {
                    out.add(new Loaded(f, null));
                }
            } catch (DescriptorMap.MappingFileException e) {
                out.add(Loaded.failed(edfi.toString(), new InputProblem(null, null, null, e.getMessage())));
            } catch (SchoolFileException e) {
                progress.done();
                out.add(Loaded.failed(edfi.toString(), e.problem()));
            }
        }
        if (csv != null) {
            try {
                CsvSchoolReader reader = new CsvSchoolReader(AttendanceCodes.load(codes));
                out.add(new Loaded((catalog == null ? reader : reader.withPractices(catalog)).read(csv.get(0), csv.get(1), school,
                        interventions), null));
            } catch (AttendanceCodes.CodesFileException e) {
                out.add(Loaded.failed(csv.get(0).toString(), new InputProblem(null, null, null, e.getMessage())));
            } catch (SchoolFileException e) {
                out.add(Loaded.failed(csv.get(0).toString(), e.problem()));
            }
        }
        return out;
    }

    /**
     * Every input as a whole school file: the school files (a JSON-lines one read in full), then the
     * Ed-Fi folder and the CSV files. For commands that need each student's details beside the results.
     */
    List<Loaded> loadAll(LocalDate asOf, Progress progress) {
        List<Loaded> out = new ArrayList<>();
        SchoolFileReader reader = new SchoolFileReader().parseOn(java.util.concurrent.ForkJoinPool.commonPool());
        for (Path p : files == null ? List.<Path>of() : files) {
            try {
                if (RecommendCommand.isJsonLines(p)) {
                    List<InputProblem> warnings = new ArrayList<>();
                    try (SchoolLines in = reader.openLines(p, warnings::add)) {
                        List<StudentInput> students = new ArrayList<>();
                        in.forEachRemaining(students::add);
                        out.add(new Loaded(new SchoolFile(in.file(), in.school(), students, warnings), null));
                    }
                } else {
                    out.add(new Loaded(reader.read(p), null));
                }
            } catch (SchoolFileException e) {
                out.add(Loaded.failed(p.toString(), e.problem()));
            } catch (IOException | UncheckedIOException e) {
                out.add(Loaded.failed(p.toString(), new InputProblem(p.toString(), null, null, "cannot be read: " + e.getClass().getSimpleName())));
            }
        }
        out.addAll(load(asOf, progress));
        if (asOf != null) {
            List<Loaded> moved = new ArrayList<>(out.size());
            for (Loaded l : out) {
                moved.add(l.file() == null ? l : new Loaded(withAsOf(l.file(), asOf), null));
            }
            return moved;
        }
        return out;
    }

    static SchoolFile withAsOf(SchoolFile f, LocalDate asOf) {
        return new SchoolFile(f.file(), f.school().withAsOf(asOf), f.students(), f.warnings());
    }
}
