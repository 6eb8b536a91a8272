package org.attendanceoutreach;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every JSON the library and the command line write comes from {@code internal.JsonOutput} (one
 * setup, one set of escapes): no other main source builds a Jackson factory or generator of its own.
 * The benchmark module ({@code src/bench}) writes its synthetic districts and reference output with
 * plain Jackson and is not held to this.
 */
class OneJsonWriterTest {
    @Test
    void onlyJsonOutputBuildsAJsonWriter() throws IOException {
        List<String> found;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/library/src/main/java")), Files.walk(Path.of("src/cli/src/main/java")))) {
            found = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("JsonOutput.java") && !p.getFileName().toString().equals("JsonErrors.java"))
                    .filter(p -> {
                        try {
                            String s = Files.readString(p);
                            return s.contains("new JsonFactoryBuilder(") || s.contains("jackson.core.JsonFactoryBuilder(")
                                    || s.contains("new JsonFactory(") || s.contains("new ObjectMapper().writer")
                                    || s.contains("writerWithDefaultPrettyPrinter");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).sorted().toList();
        }
        assertEquals(List.of(), found, "build JSON output with internal.JsonOutput.FACTORY");
    }
}
