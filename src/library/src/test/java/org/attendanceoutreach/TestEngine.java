package org.attendanceoutreach;

import org.attendanceoutreach.rules.RulesException;

import java.nio.file.Path;

/** One engine over {@code rules/}, compiled once and shared by the tests (it is thread-safe). */
public final class TestEngine {
    private static OutreachEngine engine;

    private TestEngine() {
    }

    public static synchronized OutreachEngine get() {
        if (engine == null) {
            try {
                engine = OutreachEngine.builder().rulesFolder(Path.of("rules")).build();
            } catch (RulesException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
        return engine;
    }
}
