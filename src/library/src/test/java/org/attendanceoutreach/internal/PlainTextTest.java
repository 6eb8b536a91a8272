package org.attendanceoutreach.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What may be printed of a value from the input. Shown to catch: C1 controls, bidi overrides or lone surrogates let through. */
class PlainTextTest {
    @Test
    void controlAndFormatCharactersAreEscapedEverythingElseIsNot() {
        assertEquals("S-1\\u001b[31m", PlainText.escape("S-1\u001b[31m"));
        assertEquals("a\\u000ab\\u000dc\\u0009d", PlainText.escape("a\nb\rc\td"));
        assertEquals("\\u009b2J", PlainText.escape("\u009b2J"), "a C1 control (CSI)");
        assertEquals("\\u007f", PlainText.escape("\u007f"));
        assertEquals("abc\\u202egpj.exe", PlainText.escape("abc\u202egpj.exe"), "a right-to-left override");
        assertEquals("x\\u2028y", PlainText.escape("x\u2028y"));
        assertEquals("\\ufeffx", PlainText.escape("\ufeffx"));
        String plain = "Zoë, 李, José, 😀 and C:\\data\\school.json";
        assertSame(plain, PlainText.escape(plain), "nothing to escape: the same string");
        assertEquals(null, PlainText.escape(null));
    }

    @Test
    void unpairedSurrogatesAreShownSoDifferentIdsNeverLookAlike() {
        String a = PlainText.escape("S-\uD800");
        String b = PlainText.escape("S-\uDBFF");
        assertEquals("S-\\ud800", a);
        assertNotEquals(a, b);
        assertTrue(PlainText.hasUnpairedSurrogate("S-\uD800"));
        assertTrue(PlainText.hasUnpairedSurrogate("\uDC00x"));
        assertFalse(PlainText.hasUnpairedSurrogate("\uD83D\uDE00"));
        assertEquals("\uD83D\uDE00", PlainText.escape("\uD83D\uDE00"));
    }
}
