package org.attendanceoutreach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attendanceoutreach.cli.OutreachCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No personal data in errors, warnings or logs: every command runs over school files whose names,
 * phone numbers, relationships and free text (known and unknown fields) carry the marker
 * {@value #MARKER}, with bad students in the same files; the marker must appear nowhere on standard
 * error, in the library's logs (slf4j-simple writes to {@code System.err}, captured here with every
 * library logger turned up to TRACE), on standard output or in a written recommendation file.
 * Standard output carries ids, tiers and recommendations only; the call list, the HTML report and
 * the letters are the exceptions by design (a call list without the number to call, or a letter
 * without the family's name, is no use), so for them only standard error and the logs are checked.
 */
class PersonalDataTest {
    static final String MARKER = "ZZPII";
    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.org.attendanceoutreach";
    private static final Path FIXTURES = Path.of("src/cli/src/test/resources/pii");
    private static final String SCHOOL = FIXTURES.resolve("marked-school.json").toString();
    private static final String DISTRICT = FIXTURES.resolve("marked-district.jsonl").toString();
    private static final String MALFORMED = FIXTURES.resolve("marked-malformed.json").toString();

    private static final Map<Object, Integer> savedLevels = new HashMap<>();
    private static String savedProperty;

    /** Every library logger at TRACE, those made already (through slf4j-simple's fields) and those to come. */
    @BeforeAll
    static void everyLibraryLoggerAtTrace() throws Exception {
        savedProperty = System.getProperty(LOG_LEVEL_PROPERTY);
        System.setProperty(LOG_LEVEL_PROPERTY, "trace");
        LoggerFactory.getLogger(PersonalDataTest.class); // makes sure the binding is initialised
        for (Object logger : libraryLoggers()) {
            Field level = level(logger);
            savedLevels.put(logger, level.getInt(logger));
            level.setInt(logger, 0); // slf4j-simple's TRACE
        }
    }

    /** Loggers made before the test get their level back; those made during it, the level the configuration gives them. */
    @AfterAll
    static void restoreLogLevels() throws Exception {
        if (savedProperty == null) {
            System.clearProperty(LOG_LEVEL_PROPERTY);
        } else {
            System.setProperty(LOG_LEVEL_PROPERTY, savedProperty);
        }
        for (Map.Entry<Object, Integer> e : savedLevels.entrySet()) {
            level(e.getKey()).setInt(e.getKey(), e.getValue());
        }
        for (Object logger : libraryLoggers()) {
            if (!savedLevels.containsKey(logger)) {
                java.lang.reflect.Method configured = logger.getClass().getDeclaredMethod("recursivelyComputeLevelString");
                configured.setAccessible(true);
                Object name = configured.invoke(logger);
                String levelName = name != null ? name.toString()
                        : System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
                int value = switch (levelName.toLowerCase(java.util.Locale.ROOT)) {
                    case "trace" -> 0;
                    case "debug" -> 10;
                    case "info" -> 20;
                    case "error" -> 40;
                    case "off" -> 50;
                    default -> 30;
                };
                level(logger).setInt(logger, value);
            }
        }
    }

    private static List<Object> libraryLoggers() throws Exception {
        Object factory = LoggerFactory.getILoggerFactory();
        Field map = factory.getClass().getDeclaredField("loggerMap");
        map.setAccessible(true);
        List<Object> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) map.get(factory)).entrySet()) {
            if (e.getKey().toString().startsWith("org.attendanceoutreach")) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    private static Field level(Object logger) throws NoSuchFieldException {
        Field f = logger.getClass().getDeclaredField("currentLogLevel");
        f.setAccessible(true);
        return f;
    }

    record Run(String command, int status, String out, String err) { }

    @Test
    void noCommandPutsPersonalDataInErrorsWarningsLogsOrOutput(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("marked-latin1.json");
        Files.write(latin1, ("{\"asOf\": \"2026-11-20\", \"calendar\": {\"firstDay\": \"2026-09-08\", \"lastDay\": \"2027-06-25\"},"
                + " \"students\": [{\"studentId\": \"L-1\", \"contacts\": [{\"role\": \"PARENT\", \"name\": \"ZZPII-NAME Jos\u00e9\"}]}]}")
                .getBytes(StandardCharsets.ISO_8859_1));
        Path outFile = dir.resolve("recommendations.json");
        String[] inputs = {SCHOOL, DISTRICT, MALFORMED, latin1.toString()};

        List<Run> runs = new ArrayList<>();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        try (PrintStream logStream = new PrintStream(logs, true, StandardCharsets.UTF_8);
             PrintStream strayStream = new PrintStream(stray, true, StandardCharsets.UTF_8)) {
            System.setErr(logStream);
            System.setOut(strayStream);
            for (String format : new String[] {"json", "table", "csv", "jsonl"}) {
                runs.add(run(join(new String[] {"recommend", "--rules", "rules", "--format", format}, inputs)));
            }
            runs.add(run(join(new String[] {"recommend", "--rules", "rules", "--out", outFile.toString()}, inputs)));
            runs.add(run("check", "--rules", "rules", SCHOOL, MALFORMED));
            runs.add(run("validate", "--rules", "rules"));
            runs.add(run("audit", "--rules", "rules", SCHOOL, MALFORMED));
            runs.add(run("audit", "--rules", "rules", "--format", "json", SCHOOL));
            for (String student : new String[] {"P-1", "P-BAD-SATURDAY", "P-BAD-ROLE", "P-DUP"}) {
                runs.add(run("explain", "--rules", "rules", "--student", student, SCHOOL));
            }
            runs.add(run("explain", "--rules", "rules", "--student", "M-1", MALFORMED));
            runs.add(run(join(new String[] {"diff", "--before", "rules", "--after", "rules"}, inputs)));
            runs.add(run("rules", "--rules", "rules"));
            // the call list and the report carry phone numbers on purpose (their point); never on standard error or in a log
            for (String format : new String[] {"table", "csv", "json"}) {
                runs.add(run(join(new String[] {"call-list", "--rules", "rules", "--format", format}, inputs)));
            }
            runs.add(run(join(new String[] {"report", "--rules", "rules", "--out", dir.resolve("report.html").toString()}, inputs)));
            // letters carry the family's and the child's names on purpose (their point); never on standard error or in a log
            for (String format : new String[] {"text", "json", "html"}) {
                runs.add(run(join(new String[] {"letters", "--rules", "rules", "--format", format}, inputs)));
            }
            runs.add(run(join(new String[] {"letters", "--rules", "rules", "--out", dir.resolve("letters.html").toString()}, inputs)));
            // the library directly, as an SIS would call it, logging at TRACE
            OutreachEngine engine = OutreachEngine.builder().rulesFolder(Path.of("rules")).build();
            engine.evaluate(new org.attendanceoutreach.read.SchoolFileReader().read(Path.of(SCHOOL)));
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String log = logs.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("compiled"), "the library's INFO lines were captured (else this test would prove nothing): " + log);

        for (Run r : runs) {
            assertFalse(r.err().contains(MARKER), r.command() + ": personal data on standard error:\n" + r.err());
            if (!r.command().startsWith("call-list") && !r.command().startsWith("letters")) {
                assertFalse(r.out().contains(MARKER), r.command() + ": personal data on standard output:\n" + r.out());
            }
            assertFalse(r.err().contains("outreach: "), r.command() + ": an exception reached the command line:\n" + r.err());
        }
        assertFalse(log.contains(MARKER), "personal data in the logs:\n" + log);
        // the letters did write names (else their check above would prove nothing)
        assertTrue(runs.stream().anyMatch(r -> r.command().startsWith("letters --rules rules --format json") && r.out().contains(MARKER)),
                "the letters carry the marked names");
        assertFalse(stray.toString(StandardCharsets.UTF_8).contains(MARKER), "personal data on System.out");
        String written = Files.readString(outFile);
        assertFalse(written.contains(MARKER), "personal data in the --out file");

        // the bad students were there and were reported, by id and field only
        String recommendErr = runs.get(0).err();
        for (String expected : new String[] {"student P-BAD-SATURDAY: absences[0].date", "student P-BAD-ROLE: contacts[0].role",
                "student P-BAD-FLAG: context.homeless", "student P-BAD-CONTACT: contacts[0]", "students[6].studentId",
                "student P-DUP: studentId", "student P-BAD-RATE: priorYearAbsenceRate", "line 4", "line 5", "student J-1: studentId",
                "marked-malformed.json: is not valid JSON", "marked-latin1.json: is not UTF-8", "warning: ", "nickname"}) {
            assertTrue(recommendErr.contains(expected), "expected '" + expected + "' on standard error:\n" + recommendErr);
        }
        // the contract output has ids, no names, phones or relationships
        JsonNode json = new ObjectMapper().readTree(runs.get(0).out());
        List<String> keys = new ArrayList<>();
        collectKeys(json, keys);
        for (String forbidden : List.of("name", "phone", "relationship", "nickname", "email", "description")) {
            assertFalse(keys.contains(forbidden), "the output has a field '" + forbidden + "'");
        }
        assertTrue(runs.get(0).out().contains("\"studentId\": \"P-1\""), runs.get(0).out());
        assertEquals(written, runs.get(0).out(), "--out writes what standard output shows");
    }

    private static void collectKeys(JsonNode n, List<String> keys) {
        n.fieldNames().forEachRemaining(keys::add);
        n.elements().forEachRemaining(c -> collectKeys(c, keys));
    }

    private static String[] join(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = OutreachCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(String.join(" ", args), status, out.toString(), err.toString());
    }
}
