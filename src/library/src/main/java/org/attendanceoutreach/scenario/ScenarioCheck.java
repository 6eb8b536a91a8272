package org.attendanceoutreach.scenario;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.read.SchoolFileException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/** Runs the {@code expect} entries of scenario files and says, for each, what did not hold. */
public final class ScenarioCheck {
    private final OutreachEngine engine;
    private final Set<String> rulesFired = new TreeSet<>();

    public ScenarioCheck(OutreachEngine engine) {
        this.engine = engine;
    }

    /**
     * Every {@code .json} file under the paths (files themselves, folders recursively), sorted.
     * Folders named {@code bad} are skipped: they hold inputs that must be rejected (see
     * {@code fixtures/bad/README.md}), not scenarios; so are folders named {@code edfi}, which hold
     * Ed-Fi API resources (read with {@code --edfi}), not school files.
     */
    public static List<Path> scenarioFiles(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f))
                            .filter(f -> !skipped(p.relativize(f)))
                            .sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether a file lies in a folder of non-scenario inputs ({@code bad}, {@code edfi}). */
    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("bad") || part.toString().equals("edfi")) {
                return true;
            }
        }
        return false;
    }

    /** Checks one file. A file without {@code expect} entries gives no outcomes. */
    public List<ScenarioOutcome> check(Path path) {
        ScenarioFile file;
        try {
            file = ScenarioFile.read(path);
        } catch (SchoolFileException e) {
            return List.of(new ScenarioOutcome(path.toString(), "-", List.of("the file cannot be read: " + e.problem())));
        }
        SchoolResult result = engine.evaluate(file.school());
        for (StudentResult r : result.students()) {
            rulesFired.addAll(r.rulesFired());
        }
        List<ScenarioOutcome> out = new ArrayList<>();
        for (Expectation e : file.expectations()) {
            List<StudentResult> matching = result.students().stream().filter(r -> r.studentId().equals(e.studentId())).toList();
            out.add(new ScenarioOutcome(file.school().file(), e.studentId(), matching.isEmpty()
                    ? List.of("no student with this id in the file")
                    : failures(e, matching.get(0))));
        }
        return out;
    }

    /** Names of the rules that fired in any scenario checked so far. */
    public Set<String> rulesFired() {
        return Set.copyOf(rulesFired);
    }

    static List<String> failures(Expectation e, StudentResult r) {
        List<String> f = new ArrayList<>();
        if (e.error() != null && e.error() != r.isError()) {
            f.add(e.error() ? "expected an error, but the student was evaluated" : "expected no error, got: " + r.error());
        }
        if (r.isError()) {
            if (!Boolean.TRUE.equals(e.error())) {
                if (e.error() == null) {
                    f.add("expected an evaluation, got an error: " + r.error());
                }
            }
            return f;
        }
        if (e.attendanceTier() != null && !e.attendanceTier().equals(r.attendanceTier().name())) {
            f.add("attendanceTier: expected " + e.attendanceTier() + ", got " + r.attendanceTier());
        }
        if (e.supportTier() != null && e.supportTier() != r.supportTier()) {
            f.add("supportTier: expected " + e.supportTier() + ", got " + r.supportTier());
        }
        List<String> ids = r.recommendations().stream().map(Recommendation::intervention).toList();
        for (String id : e.includes()) {
            if (!ids.contains(id)) {
                f.add("includes: expected " + id + ", got " + (ids.isEmpty() ? "no recommendations" : String.join(", ", ids)));
            }
        }
        for (String id : e.excludes()) {
            if (ids.contains(id)) {
                f.add("excludes: expected no " + id + ", but rule '" + r.recommendation(id).get().rule() + "' recommends it");
            }
        }
        compare(f, "contactRole", e.contactRole(), r, rec -> rec.contactRole() == null ? null : rec.contactRole().name());
        compare(f, "interpreterNeeded", e.interpreterNeeded(), r, Recommendation::interpreterNeeded);
        compare(f, "due", e.due(), r, Recommendation::due);
        compare(f, "owner", e.owner(), r, rec -> rec.owner().name());
        return f;
    }

    private static <T> void compare(List<String> f, String key, Map<String, T> expected, StudentResult r,
                                    Function<Recommendation, Object> actual) {
        expected.forEach((id, want) -> {
            Optional<Recommendation> rec = r.recommendation(id);
            if (rec.isEmpty()) {
                f.add(key + "." + id + ": expected " + want + ", but " + id + " is not recommended");
            } else if (!String.valueOf(want).equals(String.valueOf(actual.apply(rec.get())))) {
                f.add(key + "." + id + ": expected " + want + ", got " + actual.apply(rec.get()));
            }
        });
    }
}
