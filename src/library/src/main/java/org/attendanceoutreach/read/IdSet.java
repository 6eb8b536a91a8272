package org.attendanceoutreach.read;

import java.util.Arrays;

/**
 * The student ids a JSON-lines file has given so far, each with the line it was first seen on, so
 * that a repeated id is an error of the later line ("first on line N").
 *
 * <p>A district is usually exported in id order. Ids that come in strictly increasing order
 * ({@link String#compareTo}) are kept front-coded (what an id shares with the one before it is not
 * stored again; a line number as its distance from the previous one): about 4 bytes per student for
 * ids such as {@code S-0000001}, so the index of a million students in id order is a few megabytes
 * and stays out of the way of the heap. An id that is not greater than every id so far is looked up
 * there exactly, then kept with the others that came out of order as a 64-bit hash with its line
 * (24 bytes per id, in a table that doubles): two different ids of those with the same hash would be
 * taken for a duplicate, with a million of them about one chance in 30 million. Not thread-safe.
 */
final class IdSet {
    private final Increasing increasing = new Increasing();
    private long[] keys;
    private int[] lines;
    private int size;

    /** The line {@code id} was first seen on, or -1 (and remembers {@code line}) when it is new. */
    long putIfAbsent(String id, long line) {
        if (increasing.accepts(id)) {
            increasing.append(id, line);
            return -1;
        }
        long before = increasing.lineOf(id);
        return before >= 0 ? before : hashed(id, line);
    }

    private long hashed(String id, long line) {
        if (keys == null) {
            keys = new long[1 << 8];
            lines = new int[1 << 8];
        }
        long h = hash(id);
        if (h == 0) {
            h = 1; // 0 marks an empty slot
        }
        int mask = keys.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != 0) {
            if (keys[i] == h) {
                return lines[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = h;
        lines[i] = (int) Math.min(line, Integer.MAX_VALUE);
        if (++size * 2 > keys.length) {
            grow();
        }
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long h = oldKeys[j];
            if (h != 0) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = h;
                lines[i] = oldLines[j];
            }
        }
    }

    /** How many ids came in increasing order (the rest are hashed). */
    int increasingCount() {
        return increasing.count;
    }

    /** Bytes held for the ids that came in increasing order (their encoding, not the pages' spare room). */
    long increasingBytes() {
        return increasing.written;
    }

    /** FNV-1a over the UTF-16 units, then a 64-bit finalizer (MurmurHash3 fmix64). */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53a87cdL;
        h ^= h >>> 33;
        return h;
    }

    /**
     * Ids in strictly increasing order with their lines, front-coded in blocks of {@value #BLOCK}: a
     * block starts with a whole id and its line; every further entry is the number of characters it
     * shares with the id before it, the rest of its characters, and how many lines after the previous
     * one it came. Bytes go to pages of a fixed size, so growing copies nothing but the small table
     * of where blocks start.
     */
    private static final class Increasing {
        private static final int BLOCK = 32;
        private static final int PAGE_BITS = 16;
        private static final int PAGE = 1 << PAGE_BITS;

        private byte[][] pages = new byte[4][];
        private long written;
        private long[] blockStarts = new long[64];
        private int blocks;
        private int count;
        private String last;
        private long lastLine;

        boolean accepts(String id) {
            return last == null || id.compareTo(last) > 0;
        }

        void append(String id, long line) {
            if (count % BLOCK == 0) {
                if (blocks == blockStarts.length) {
                    blockStarts = Arrays.copyOf(blockStarts, blocks * 2);
                }
                blockStarts[blocks++] = written;
                writeVarint(0);
                writeVarint(id.length());
                for (int i = 0; i < id.length(); i++) {
                    writeVarint(id.charAt(i));
                }
                writeVarint(line);
            } else {
                int shared = 0;
                int max = Math.min(id.length(), last.length());
                while (shared < max && id.charAt(shared) == last.charAt(shared)) {
                    shared++;
                }
                writeVarint(shared);
                writeVarint(id.length() - shared);
                for (int i = shared; i < id.length(); i++) {
                    writeVarint(id.charAt(i));
                }
                writeVarint(line - lastLine);
            }
            count++;
            last = id;
            lastLine = line;
        }

        /** The line of {@code id} when it is among these ids, else -1. */
        long lineOf(String id) {
            if (blocks == 0) {
                return -1;
            }
            // the last block whose first id is at most id
            int lo = 0;
            int hi = blocks - 1;
            char[] scratch = new char[Math.max(16, id.length())];
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                long[] at = {blockStarts[mid]};
                readVarint(at); // 0 shared
                int length = (int) readVarint(at);
                scratch = fit(scratch, length);
                for (int i = 0; i < length; i++) {
                    scratch[i] = (char) readVarint(at);
                }
                if (compare(scratch, length, id) <= 0) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            long[] at = {blockStarts[lo]};
            long end = lo + 1 < blocks ? blockStarts[lo + 1] : written;
            int length = 0;
            long line = 0;
            while (at[0] < end) {
                int shared = (int) readVarint(at);
                int rest = (int) readVarint(at);
                scratch = fit(scratch, shared + rest);
                for (int i = 0; i < rest; i++) {
                    scratch[shared + i] = (char) readVarint(at);
                }
                length = shared + rest;
                line += readVarint(at); // the first entry's is the whole line (from 0)
                int c = compare(scratch, length, id);
                if (c == 0) {
                    return line;
                }
                if (c > 0) {
                    return -1;
                }
            }
            return -1;
        }

        private static char[] fit(char[] chars, int length) {
            return length <= chars.length ? chars : Arrays.copyOf(chars, Math.max(length, chars.length * 2));
        }

        /** As {@link String#compareTo}: the chars {@code a[0, length)} against {@code b}. */
        private static int compare(char[] a, int length, String b) {
            int n = Math.min(length, b.length());
            for (int i = 0; i < n; i++) {
                if (a[i] != b.charAt(i)) {
                    return a[i] - b.charAt(i);
                }
            }
            return length - b.length();
        }

        private void writeVarint(long v) {
            while ((v & ~0x7FL) != 0) {
                writeByte((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            writeByte((int) v);
        }

        private void writeByte(int b) {
            int page = (int) (written >>> PAGE_BITS);
            if (page == pages.length) {
                pages = Arrays.copyOf(pages, pages.length * 2);
            }
            if (pages[page] == null) {
                pages[page] = new byte[PAGE];
            }
            pages[page][(int) (written & (PAGE - 1))] = (byte) b;
            written++;
        }

        private long readVarint(long[] at) {
            long v = 0;
            int shift = 0;
            while (true) {
                long p = at[0]++;
                int b = pages[(int) (p >>> PAGE_BITS)][(int) (p & (PAGE - 1))];
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
                shift += 7;
            }
        }
    }
}
