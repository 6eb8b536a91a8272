package org.attendanceoutreach;

import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.SchoolFileReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One engine, many threads: the same results as one thread. */
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
}
