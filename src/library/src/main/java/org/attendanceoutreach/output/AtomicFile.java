package org.attendanceoutreach.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Writes a file so that it is never seen half-written: the text goes to a temporary file in the
 * same folder ({@code .NAME.RANDOM.tmp}), is forced to disk, and is then renamed over the target
 * in one step ({@link StandardCopyOption#ATOMIC_MOVE}; where the file system cannot do that,
 * {@link StandardCopyOption#REPLACE_EXISTING}). Whatever happens meanwhile (an exception, a full
 * disk, the process killed), the target holds either its old content or the new, complete one.
 * On an exception the temporary file is deleted; a killed process may leave one behind, never the
 * target half-written. An existing target keeps its POSIX permissions; a symbolic link is
 * followed, so the file it points to is replaced. Stateless and thread-safe.
 */
public final class AtomicFile {
    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** How the finished temporary file is moved over the target (replaceable in tests). */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to, CopyOption... options) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {
    }

    /** Writes {@code content} as UTF-8 text to {@code target}, all at once or not at all. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, Files::move);
    }

    static void write(Path target, Content content, Mover mover) throws IOException {
        Path file = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new java.nio.file.NoSuchFileException(target + ": the folder does not exist");
        }
        Path temporary = folder.resolve("." + file.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            keepPermissions(file, temporary);
            try {
                mover.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                mover.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temporary);
            }
        }
        syncFolder(folder);
    }

    private static void keepPermissions(Path target, Path temporary) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (view != null && Files.exists(target)) {
                Set<PosixFilePermission> permissions = view.readAttributes().permissions();
                Files.setPosixFilePermissions(temporary, permissions);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the new file keeps the default permissions
        }
    }

    /** Makes the rename itself durable where the platform allows it (Linux, macOS); elsewhere a no-op. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            // not possible on this platform (Windows): the rename is still atomic
        }
    }
}
