package org.attendanceoutreach.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;

/**
 * The one JSON writer of the project: every JSON the library and the command line write (results,
 * JSON lines, the call list, letters, the Ed-Fi write-back, the audit) comes from a generator of
 * {@link #FACTORY}, which escapes what {@link JsonEscapes} escapes. (Reading JSON has its own single
 * setup: {@link JsonErrors#factory}.) Not part of the API.
 */
public final class JsonOutput {
    /** Jackson's generator factory with {@link JsonEscapes}: thread-safe, shared. */
    public static final JsonFactory FACTORY = new JsonFactoryBuilder().characterEscapes(JsonEscapes.INSTANCE).build();

    private JsonOutput() {
    }

    /** A pretty-printed generator that leaves {@code out} open when closed. */
    public static JsonGenerator pretty(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        return g;
    }
}
