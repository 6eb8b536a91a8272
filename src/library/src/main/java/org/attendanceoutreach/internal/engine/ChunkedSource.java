package org.attendanceoutreach.internal.engine;

import java.util.Iterator;
import java.util.List;

/**
 * An iterator of entries that can also hand out its entries a chunk at a time <em>unread</em>, so
 * that the reading (parsing a line) runs on the thread that then evaluates the entries: the bytes
 * and the objects made from them stay in that core's cache, and no thread of its own waits to
 * read. What is handed out, and in which order, is exactly what iterating gives: whatever must be
 * decided in order (a repeated id, the warnings of a line) is decided by {@link Chunk#handOut} on
 * the consuming thread, one entry after another.
 *
 * @param <T> an entry
 */
public interface ChunkedSource<T> extends Iterator<T> {
    /**
     * The chunks of what is still to be read, made one after another on the consuming thread (an
     * I/O failure is thrown from the iterator's {@code next}), or null when entries have already been
     * taken through the iterator (then keep iterating).
     */
    Iterator<Chunk<T>> chunks();

    /** After the last chunk has been handed out: what iterating does at the end (the warnings' counts). */
    void finish();

    /** Entries not yet read. */
    interface Chunk<T> {
        /** Reads them, on any thread, once. */
        List<T> read();

        /**
         * Entry {@code i} as iterating would hand it out, after {@link #read} and on the consuming
         * thread, in order: the entry read, or another one (an error) in its place.
         */
        T handOut(int i);
    }
}
