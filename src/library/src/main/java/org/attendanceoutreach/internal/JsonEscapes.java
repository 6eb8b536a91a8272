package org.attendanceoutreach.internal;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * What JSON output escapes besides what JSON requires: every character {@link PlainText} escapes
 * (DEL and the C1 controls, format characters such as bidirectional overrides, line and paragraph
 * separators) and every surrogate, as {@code \}{@code uXXXX}. The JSON means the same; printed on a
 * terminal it cannot start an escape sequence, and an unpaired surrogate in an id stays visible
 * instead of turning into {@code ?}. Set it on a generator with
 * {@code generator.setCharacterEscapes(JsonEscapes.INSTANCE)}. Not part of the API.
 */
public final class JsonEscapes extends CharacterEscapes {
    public static final JsonEscapes INSTANCE = new JsonEscapes();

    private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

    private JsonEscapes() {
        ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        char c = (char) ch;
        if (PlainText.isUnsafe(c)) {
            return new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04x", ch));
        }
        return null;
    }
}
