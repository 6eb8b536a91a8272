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
     * The scenario files under the paths (sorted), and every other {@code .json} file met with the
     * reason it is not one.
     *
     * @param scenarios the files to check
     * @param skipped   the JSON files that are not scenario files, each with why
     */
    public record Found(List<Path> scenarios, List<Skipped> skipped) {
    }

    /** A JSON file that is not a scenario file, and why (e.g. "no \"expect\" list"). */
    public record Skipped(Path file, String reason) {
    }

    /** Why a JSON file is skipped: it is an object without {@code expect} (a school file, a mapping file, …). */
    public static final String NO_EXPECT = "no \"expect\" list: a school file or other data, not a scenario";
    /** Why a JSON file is skipped: its top level is a list (Ed-Fi resources) or a single value. */
    public static final String NOT_AN_OBJECT = "a JSON list or value, not an object (Ed-Fi resources are lists): not a scenario";
    /** Why a JSON file is skipped: it does not parse and never mentions {@code expect} (a bad input kept for tests). */
    public static final String NOT_JSON = "not valid JSON and no \"expect\" list: an input meant to be bad, not a scenario";

    private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

    /**
     * The scenario files under the paths: each file named, and each {@code .json} file in the folders
     * named (recursively) that is a scenario file, a JSON object with an {@code "expect"} list. A file
     * that is not valid JSON but mentions {@code "expect"} is a scenario file being written: it is
     * checked, and its error reported. Every other JSON file is returned as skipped, with the reason.
     */
    public static Found find(List<Path> paths) {
        List<Path> scenarios = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path p : paths) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(p);
            }
            for (Path f : files) {
                String reason = notAScenario(f);
                if (reason == null) {
                    scenarios.add(f);
                } else {
                    skipped.add(new Skipped(f, reason));
                }
            }
        }
        return new Found(List.copyOf(scenarios), List.copyOf(skipped));
    }

    /** The scenario files under the paths ({@link #find}), without the ones skipped. */
    public static List<Path> scenarioFiles(List<Path> paths) {
        return find(paths).scenarios();
    }

    /** Null for a scenario file (or one that cannot be told from one: it is checked); else why it is not one. */
    private static String notAScenario(Path file) {
        try (com.fasterxml.jackson.core.JsonParser p = JSON.createParser(file.toFile())) {
            com.fasterxml.jackson.core.JsonToken t = p.nextToken();
            if (t != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return t == null ? NOT_JSON : NOT_AN_OBJECT;
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                if ("expect".equals(p.currentName())) {
                    return null;
                }
                p.nextToken();
                p.skipChildren();
            }
            return NO_EXPECT;
        } catch (IOException | RuntimeException e) {
            return mentionsExpect(file) ? null : NOT_JSON;
        }
    }

    private static boolean mentionsExpect(Path file) {
        try {
            return Files.size(file) <= 64L * 1024 * 1024 && new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("\"expect\"");
        } catch (IOException e) {
            return true; // cannot be read: checked, so the error is reported
        }
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
            List<String> failures = new ArrayList<>();
            if (matching.isEmpty()) {
                failures.addAll(unknownKeys(e));
                failures.add("no student with this id in the file");
            } else {
                failures.addAll(failures(e, matching.get(0)));
            }
            out.add(new ScenarioOutcome(file.school().file(), e.studentId(), failures));
        }
        return out;
    }

    /** Names of the rules that fired in any scenario checked so far. */
    public Set<String> rulesFired() {
        return Set.copyOf(rulesFired);
    }

    /** One failure per key the contract does not define: what it meant to check is not checked. */
    private static List<String> unknownKeys(Expectation e) {
        return e.unknownKeys().stream().map(Expectation::unknownKey).toList();
    }

    static List<String> failures(Expectation e, StudentResult r) {
        List<String> f = new ArrayList<>(unknownKeys(e));
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
        for (String id : e.includes()) {
            if (r.carrying(id).isEmpty()) {
                f.add("includes: expected " + id + ", got " + plan(r) + (r.waiting(id).isPresent()
                        ? "; " + id + " waits in next, after " + r.waiting(id).get().after() : ""));
            }
        }
        for (String id : e.excludes()) {
            r.carrying(id).ifPresent(rec -> f.add("excludes: expected no " + id + ", but rule '" + rec.rule() + "' recommends "
                    + (rec.intervention().equals(id) ? "it" : "it as part of " + rec.intervention())));
        }
        compare(f, "contactRole", e.contactRole(), r, rec -> rec.contactRole() == null ? null : rec.contactRole().name());
        compare(f, "interpreterNeeded", e.interpreterNeeded(), r, Recommendation::interpreterNeeded);
        compare(f, "due", e.due(), r, Recommendation::due);
        compare(f, "owner", e.owner(), r, rec -> rec.owner().name());
        compare(f, "step", e.step(), r, Recommendation::step);
        compare(f, "status", e.status(), r, rec -> rec.status().name());
        compare(f, "since", e.since(), r, Recommendation::since);
        for (String id : e.first()) {
            Optional<Recommendation> rec = r.carrying(id);
            if (rec.isEmpty()) {
                f.add("first: expected " + id + " in step 1, but it is not recommended; got " + plan(r));
            } else if (rec.get().step() != 1) {
                f.add("first: expected " + id + " in step 1, got step " + rec.get().step()
                        + (rec.get().intervention().equals(id) ? "" : " (as part of " + rec.get().intervention() + ")"));
            }
        }
        for (String id : e.next()) {
            if (r.waiting(id).isEmpty()) {
                f.add("next: expected " + id + " to wait in next, but " + (r.carrying(id).isPresent()
                        ? "it is recommended now (rule '" + r.carrying(id).get().rule() + "')"
                        : "it is neither recommended nor waiting; next has " + (r.next().isEmpty() ? "nothing"
                        : String.join(", ", r.next().stream().map(n -> n.intervention()).toList()))));
            }
        }
        e.progress().forEach((id, trend) -> {
            Optional<org.attendanceoutreach.result.Progress> p = r.progressOf(id);
            if (p.isEmpty()) {
                f.add("progress." + id + ": expected " + trend + ", but " + id + " is not a support in place"
                        + (r.progress().isEmpty() ? " (the student has none)" : " (in place: " + String.join(", ",
                        r.progress().stream().map(x -> x.intervention()).toList()) + ")"));
            } else if (!p.get().trend().name().equals(trend)) {
                f.add("progress." + id + ": expected " + trend + ", got " + p.get().trend() + " (" + p.get().because() + ")");
            }
        });
        return f;
    }

    /** The recommendations in a line: {@code personal-call-home (step 1, + same-day-return-problem-solving), …}. */
    private static String plan(StudentResult r) {
        if (r.recommendations().isEmpty()) {
            return "no recommendations";
        }
        return String.join(", ", r.recommendations().stream().map(rec -> rec.intervention() + " (step " + rec.step()
                + (rec.covers().isEmpty() ? "" : ", covering " + String.join(", ", rec.covers())) + ")").toList());
    }

    /** Checks a per-intervention key on the recommendation, or on the one that covers it. */
    private static <T> void compare(List<String> f, String key, Map<String, T> expected, StudentResult r,
                                    Function<Recommendation, Object> actual) {
        expected.forEach((id, want) -> {
            Optional<Recommendation> rec = r.carrying(id);
            if (rec.isEmpty()) {
                f.add(key + "." + id + ": expected " + want + ", but " + id + " is not recommended"
                        + (r.waiting(id).isPresent() ? " (it waits in next, after " + r.waiting(id).get().after() + ")" : ""));
            } else if (!String.valueOf(want).equals(String.valueOf(actual.apply(rec.get())))) {
                f.add(key + "." + id + ": expected " + want + ", got " + actual.apply(rec.get())
                        + (rec.get().intervention().equals(id) ? "" : " (on " + rec.get().intervention() + ", which covers it)"));
            }
        });
    }
}
