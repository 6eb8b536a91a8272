package org.attendanceoutreach.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Text input decoded strictly: what is not well-formed UTF-8 (or UTF-16 or UTF-32, recognised by
 * their byte-order mark or their zero bytes, as JSON readers do) is an error, never a replacement
 * character or a guess. The JDK's decoders reject overlong forms ({@code C0 AF} is not {@code /}),
 * encoded surrogates ({@code ED A0 80}), code points beyond U+10FFFF and stray bytes such as
 * Latin-1 or Windows-1252 text; the error is a {@link CharacterCodingException}, which
 * {@link JsonErrors} and the CSV reader turn into "is not UTF-8 text". A leading byte-order mark
 * is dropped. Not part of the API.
 */
public final class TextInput {
    private static final ThreadLocal<CharsetDecoder> UTF_8 = ThreadLocal.withInitial(() -> strict(StandardCharsets.UTF_8));
    private static final ThreadLocal<CharBuffer> SCRATCH = ThreadLocal.withInitial(() -> CharBuffer.allocate(8192));

    private TextInput() {
    }

    /** A reader over {@code in} that throws {@link CharacterCodingException} at the first byte that is not well-formed text. */
    public static Reader reader(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(4);
        byte[] head = new byte[4];
        int n = 0;
        for (int r; n < 4 && (r = b.read(head, n, 4 - n)) > 0; ) {
            n += r;
        }
        b.reset();
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (n >= 4 && head[0] == 0 && head[1] == 0 && (head[2] & 0xFF) == 0xFE && (head[3] & 0xFF) == 0xFF) {
            charset = Charset.forName("UTF-32BE");
            bom = 4;
        } else if (n >= 4 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE && head[2] == 0 && head[3] == 0) {
            charset = Charset.forName("UTF-32LE");
            bom = 4;
        } else if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            bom = 3;
        } else if (n >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0 && head[3] != 0) {
            charset = Charset.forName("UTF-32BE");
        } else if (n >= 4 && head[0] != 0 && head[1] == 0 && head[2] == 0 && head[3] == 0) {
            charset = Charset.forName("UTF-32LE");
        } else if (n >= 2 && head[0] == 0 && head[1] != 0) {
            charset = StandardCharsets.UTF_16BE;
        } else if (n >= 2 && head[0] != 0 && head[1] == 0) {
            charset = StandardCharsets.UTF_16LE;
        }
        for (int skipped = 0; skipped < bom; ) {
            skipped += (int) b.skip(bom - skipped);
        }
        return new InputStreamReader(b, strict(charset));
    }

    /**
     * Checks that {@code bytes[0, length)} is well-formed UTF-8 (decoding it into a small reused
     * buffer, so nothing is kept); throws a {@link CharacterCodingException} when it is not.
     */
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Whether the first {@code length} bytes are all ASCII: eight bytes at a time. */
    private static boolean isAscii(byte[] bytes, int length) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if (((long) LONGS.get(bytes, i) & 0x8080808080808080L) != 0) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    public static void checkUtf8(byte[] bytes, int length) throws CharacterCodingException {
        if (isAscii(bytes, length)) {
            return; // the usual line: nothing to decode
        }
        CharsetDecoder decoder = UTF_8.get();
        decoder.reset();
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = SCRATCH.get();
        while (true) {
            out.clear();
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                r.throwException();
            }
            if (r.isUnderflow()) {
                break;
            }
        }
        out.clear();
        CoderResult r = decoder.flush(out);
        if (r.isError()) {
            r.throwException();
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
