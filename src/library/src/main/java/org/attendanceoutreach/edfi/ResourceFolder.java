package org.attendanceoutreach.edfi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.attendanceoutreach.internal.JsonErrors;
import org.attendanceoutreach.internal.TextInput;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.result.InputProblem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder of Ed-Fi resource files, each one JSON array as the API returns it, read one record at a
 * time, strictly (the project's one JSON setup, {@link JsonErrors}; text that is not well-formed
 * UTF-8 is "not UTF-8"). Problems that stop a whole file (not a JSON array, not UTF-8) name the
 * file; records that are not objects are skipped with a warning.
 */
final class ResourceFolder {
    private static final JsonFactory FACTORY = JsonErrors.factory(0);
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    /** What each record of a resource is handed to. */
    interface Records {
        void accept(int index, JsonNode record);
    }

    final Path folder;
    final String name;
    final List<InputProblem> warnings;

    ResourceFolder(Path folder, List<InputProblem> warnings) {
        this.folder = folder;
        this.name = folder.toString();
        this.warnings = warnings;
    }

    boolean has(String resource) {
        return Files.isRegularFile(folder.resolve(resource));
    }

    /** The resource file's name as messages give it. */
    String file(String resource) {
        return folder.resolve(resource).toString();
    }

    /** A warning about one record, or about the whole resource when {@code index} is null. */
    void warn(String resource, Integer index, String message) {
        warnings.add(new InputProblem(name, null, index == null ? resource : resource + "[" + index + "]", message));
    }

    /**
     * Streams a resource file's array, one record at a time. False when an optional file is absent.
     *
     * @throws SchoolFileException when a required file is absent, or the file is not a JSON array
     */
    boolean each(String resource, boolean required, Records f) throws SchoolFileException {
        Path file = folder.resolve(resource);
        String fileName = file.toString();
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new SchoolFileException(new InputProblem(fileName, null, null, "no such file; an Ed-Fi folder needs "
                        + EdFiReader.ASSOCIATIONS + ", " + EdFiReader.EVENTS + " and " + EdFiReader.SESSIONS + " or "
                        + EdFiReader.CALENDAR_DATES));
            }
            return false;
        }
        try (InputStream in = Files.newInputStream(file); JsonParser p = FACTORY.createParser(TextInput.reader(in))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new SchoolFileException(new InputProblem(fileName, null, null,
                        "must be a JSON array of resources, as the Ed-Fi API returns them"));
            }
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonNode n = MAPPER.readTree(p);
                if (n == null || !n.isObject()) {
                    warnings.add(new InputProblem(fileName, null, "[" + i++ + "]", "is not a JSON object; skipped"));
                    continue;
                }
                f.accept(i++, n);
            }
            if (p.nextToken() != null) {
                throw new SchoolFileException(new InputProblem(fileName, null, null, "has more after the array; it must hold one JSON array"));
            }
        } catch (IOException e) {
            throw new SchoolFileException(new InputProblem(fileName, null, null, JsonErrors.describe(e, JsonErrors.Where.FILE,
                    "is too large", "the array", "look for a cut-off file or a missing comma, quote or bracket")));
        }
        return true;
    }
}
