package org.attendanceoutreach;

import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.result.SchoolResult;
import org.attendanceoutreach.output.ResultWriter;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.StudentInput;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One engine, many threads: the same results as one thread.
 *
 * <p>Shown to catch planted faults (2026-11-30): the rules fired for a student collected in one
 * list shared by every evaluation (a wrong {@code rulesFired} in about half the concurrent
 * evaluations: the JSON does not carry {@code rulesFired}, so only the comparison of whole results
 * caught it: 824 differences); the record of proposals shared by every evaluation instead of one per
 * thread (every test failed: recommendations of one student appeared in another's result).
 */
class ConcurrencyTest {
    @Test
    void evaluationsFromManyThreadsGiveTheSameResultsAsOne() throws Exception {
        OutreachEngine engine = TestEngine.get();
        SchoolFile file = new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
        SchoolResult expected = engine.evaluate(file);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<SchoolResult>> runs = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                runs.add(pool.submit(() -> engine.evaluate(file)));
            }
            for (Future<SchoolResult> f : runs) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Byte for byte: the JSON of every fixture (the sample, the scenarios, and every file of the
     * bad-input corpus that can be read) evaluated whole, and every student of the sample evaluated
     * on its own, from many threads at once in a different order on each, is exactly the JSON one
     * thread writes.
     */
    @Test
    void manyThreadsWriteTheSameJsonByteForByteAsOneOverEveryFixture() throws Exception {
        OutreachEngine engine = TestEngine.get();
        SchoolFileReader reader = new SchoolFileReader();
        List<SchoolFile> files = new ArrayList<>();
        List<Path> paths = new ArrayList<>(List.of(Path.of("fixtures/sample-school.json")));
        for (String folder : List.of("fixtures/scenarios", "fixtures/bad")) {
            try (Stream<Path> s = Files.list(Path.of(folder))) {
                s.filter(p -> p.toString().endsWith(".json") && !p.endsWith("expected.json")).sorted().forEach(paths::add);
            }
        }
        for (Path p : paths) {
            try {
                files.add(reader.read(p));
            } catch (SchoolFileException e) {
                // rejected whole: nothing to evaluate
            }
        }
        assertTrue(files.size() >= 40, "fixtures read: " + files.size());

        // one thread: the JSON of every file, and of every student as evaluated on its own
        Map<String, String> expected = new LinkedHashMap<>();
        List<Runnable> tasks = new ArrayList<>();
        List<String> differences = Collections.synchronizedList(new ArrayList<>());
        for (SchoolFile file : files) {
            expected.put(file.file(), json(engine.evaluate(file)));
            tasks.add(() -> {
                if (!json(engine.evaluate(file)).equals(expected.get(file.file()))) {
                    differences.add(file.file());
                }
            });
            for (StudentInput in : file.students()) {
                if (in.ok() && file.file().equals(paths.get(0).toString())) {
                    String key = file.file() + " " + in.key() + " " + System.identityHashCode(in);
                    expected.put(key, json(engine.evaluate(file.school(), in.student()).inFile(file.file())));
                    tasks.add(() -> {
                        if (!json(engine.evaluate(file.school(), in.student()).inFile(file.file())).equals(expected.get(key))) {
                            differences.add(key);
                        }
                    });
                }
            }
        }

        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Runnable> mine = new ArrayList<>(tasks);
                Collections.shuffle(mine, new Random(t));
                runs.add(pool.submit(() -> {
                    start.await();
                    mine.forEach(Runnable::run);
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), differences, "results that differed from one thread's, byte for byte");
    }

    /**
     * Every student of the sample, evaluated on its own from six threads at once, many times, in a
     * different order on each: each result equals, field for field (rules fired included), what
     * one thread gave. Also through {@code evaluateAll} on the engine's workers at the same time.
     */
    @Test
    void concurrentEvaluationsOfSingleStudentsKeepTheirOwnRulesFiredAndRecommendations() throws Exception {
        OutreachEngine engine = TestEngine.get();
        SchoolFile file = new SchoolFileReader().read(Path.of("fixtures/sample-school.json"));
        List<StudentInput> students = file.students().stream().filter(StudentInput::ok).toList();
        Map<String, StudentResult> expected = new LinkedHashMap<>();
        for (StudentInput in : students) {
            expected.put(in.key(), engine.evaluate(file.school(), in.student()));
        }
        assertTrue(expected.values().stream().map(StudentResult::rulesFired).distinct().count() > 10,
                "the students fire different rules");
        int threads = 6;
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        List<String> differences = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<StudentInput> mine = new ArrayList<>(students);
                Random random = new Random(t);
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 20; round++) {
                        Collections.shuffle(mine, random);
                        for (StudentInput in : mine) {
                            StudentResult r = engine.evaluate(file.school(), in.student());
                            if (!r.equals(expected.get(in.key()))) {
                                differences.add(in.key() + " fired " + r.rulesFired() + " instead of " + expected.get(in.key()).rulesFired());
                            }
                        }
                    }
                    return null;
                }));
            }
            runs.add(pool.submit(() -> {
                start.await();
                for (int round = 0; round < 10; round++) {
                    try (Stream<StudentResult> all = engine.evaluateAll(file.school(), students.iterator())) {
                        all.forEach(r -> {
                            if (!r.equals(expected.get(r.studentId()))) {
                                differences.add("evaluateAll: " + r.studentId());
                            }
                        });
                    }
                }
                return null;
            }));
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), differences.stream().limit(5).toList(), differences.size() + " differences");
    }

    private static String json(SchoolResult result) {
        StringWriter out = new StringWriter();
        try {
            ResultWriter.json(List.of(result), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String json(StudentResult result) {
        return ResultWriter.jsonLine(result);
    }
}
