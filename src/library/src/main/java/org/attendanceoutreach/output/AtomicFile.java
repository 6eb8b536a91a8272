package org.attendanceoutreach.output;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a file so that it is never seen half-written, never seen by anyone else while it is being
 * written, and never written anywhere but where it was asked to go.
 *
 * <ul>
 *   <li>The text goes to a temporary file in the same folder ({@code .NAME.outreach-PID-RANDOM.tmp}),
 *       created readable and writable by its owner only, forced to disk, given the permissions of the
 *       file it replaces (a new file stays owner-only: it holds student records), and then renamed
 *       over the target in one step ({@link StandardCopyOption#ATOMIC_MOVE}; where the file system
 *       cannot do that, {@link StandardCopyOption#REPLACE_EXISTING}). Whatever happens meanwhile (an
 *       exception, a full disk, the process killed), the target holds its old content or the new,
 *       complete one.</li>
 *   <li>A target that exists and is not a regular file (a folder, a device such as
 *       {@code /dev/null}, a named pipe, a socket) is refused with {@link UnsafeTargetException}
 *       before anything is written: renaming over it would replace it.</li>
 *   <li>A symbolic link is refused too, unless the caller asks for it to be followed
 *       ({@link Links#FOLLOW}, {@code --follow-symlinks}); then the file it points to is replaced,
 *       under the same rules, and the link stays.</li>
 *   <li>Clean-up: on an exception the temporary file is deleted; on a normal shutdown of the JVM
 *       (Ctrl-C, {@code kill}) too. A process killed outright ({@code kill -9}, a power cut) may
 *       leave one behind; the next write to the same target deletes every temporary file of it
 *       whose process is no longer running, so nothing accumulates.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class AtomicFile {
    /** What writes the content, as text (written as UTF-8). */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** What writes the content, as bytes. */
    @FunctionalInterface
    public interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What to do when the target is a symbolic link. */
    public enum Links {
        /** Refuse it (the default): the link may point anywhere. */
        REFUSE,
        /** Replace the file it points to, which must itself be a regular file or not exist yet in an existing folder. */
        FOLLOW
    }

    /** The target cannot be written as a regular file (it is a folder, a device, a pipe, or a link not to be followed). */
    public static final class UnsafeTargetException extends FileSystemException {
        public UnsafeTargetException(String file, String reason) {
            super(file, null, reason);
        }

        /** {@code FILE: REASON}. */
        @Override
        public String getMessage() {
            return getFile() + ": " + getReason();
        }
    }

    /** How the finished temporary file is moved over the target (replaceable in tests). */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to, CopyOption... options) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MARK = ".outreach-";
    private static final String SUFFIX = ".tmp";

    private AtomicFile() {
    }

    /** Writes {@code content} as UTF-8 text to {@code target}, all at once or not at all; refuses a symbolic link. */
    public static void write(Path target, Content content) throws IOException {
        write(target, Links.REFUSE, content);
    }

    /** Writes {@code content} as UTF-8 text to {@code target}, all at once or not at all. */
    public static void write(Path target, Links links, Content content) throws IOException {
        write(target, links, content, Files::move);
    }

    /** Writes bytes to {@code target}, all at once or not at all. */
    public static void writeBytes(Path target, Links links, Bytes content) throws IOException {
        writeBytes(target, links, content, Files::move);
    }

    /**
     * Checks that {@code target} may be written, as a write would, without writing anything: for a
     * command that should say so before it spends minutes on the content.
     *
     * @throws UnsafeTargetException when it is a folder, a device, a pipe, or a symbolic link not to be followed
     * @throws NoSuchFileException   when its folder does not exist
     */
    public static void check(Path target, Links links) throws IOException {
        checkedTarget(target, links);
    }

    static void write(Path target, Content content, Mover mover) throws IOException {
        write(target, Links.REFUSE, content, mover);
    }

    static void write(Path target, Links links, Content content, Mover mover) throws IOException {
        writeBytes(target, links, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(w);
            w.flush();
        }, mover);
    }

    static void writeBytes(Path target, Links links, Bytes content, Mover mover) throws IOException {
        Path file = checkedTarget(target, links);
        Path folder = file.getParent();
        Optional<PosixFileAttributes> before = posixAttributes(file);
        removeLeftovers(folder, file.getFileName().toString());
        Path temporary = folder.resolve("." + file.getFileName() + MARK + ProcessHandle.current().pid() + "-"
                + Long.toUnsignedString(RANDOM.nextLong(), 36) + SUFFIX);
        Thread cleanUp = new Thread(() -> deleteQuietly(temporary), "outreach-out-cleanup");
        boolean hooked = addShutdownHook(cleanUp);
        boolean done = false;
        try {
            try (FileChannel channel = createOwnerOnly(temporary)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            before.ifPresent(attributes -> keepAttributes(attributes, temporary));
            checkedTarget(file, Links.REFUSE); // the target has not turned into something else meanwhile
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
            if (hooked) {
                removeShutdownHook(cleanUp);
            }
        }
        syncFolder(folder);
    }

    /**
     * The absolute path to write, once it is known to be safe: not an existing folder, device, pipe
     * or socket, not a symbolic link unless {@code links} says to follow it, in a folder that exists.
     */
    static Path checkedTarget(Path target, Links links) throws IOException {
        Path file = target.toAbsolutePath();
        if (Files.isSymbolicLink(file)) {
            if (links == Links.REFUSE) {
                throw new UnsafeTargetException(target.toString(), "is a symbolic link; give the file it points to,"
                        + " or add --follow-symlinks to replace that file");
            }
            try {
                file = file.toRealPath();
            } catch (NoSuchFileException e) {
                throw new UnsafeTargetException(target.toString(), "is a symbolic link to nothing; give a file to write");
            }
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isDirectory()) {
                throw new UnsafeTargetException(target.toString(), "is a folder; give a file name in it");
            }
            if (!a.isRegularFile()) {
                throw new UnsafeTargetException(target.toString(), "is not a regular file (a device, a named pipe or a socket);"
                        + " --out replaces a file, so it writes only to one (leave --out out to write to standard output)");
            }
        }
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new NoSuchFileException(target + ": the folder does not exist");
        }
        return file;
    }

    /** Creates the temporary file, new, with permissions rw------- from the start (where the file system has POSIX permissions). */
    private static FileChannel createOwnerOnly(Path temporary) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return FileChannel.open(temporary, options, ownerOnly);
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(temporary, options); // not a POSIX file system (Windows): its folder's access rules apply
        }
    }

    private static Optional<PosixFileAttributes> posixAttributes(Path file) {
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no POSIX attributes here: the new file keeps the temporary file's
        }
        return Optional.empty();
    }

    /** The replaced file's permissions, and where allowed (as its owner or root) its owner and group. */
    private static void keepAttributes(PosixFileAttributes before, Path temporary) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
            PosixFileAttributes now = view.readAttributes();
            if (!now.group().equals(before.group())) {
                try {
                    view.setGroup(before.group());
                } catch (IOException e) {
                    // not ours to give away: the file keeps our group
                }
            }
            if (!now.owner().equals(before.owner())) {
                try {
                    view.setOwner(before.owner());
                } catch (IOException e) {
                    // only root may: the file keeps our owner
                }
            }
            view.setPermissions(before.permissions());
        } catch (IOException | UnsupportedOperationException e) {
            // the new file stays owner-only
        }
    }

    /**
     * Deletes the temporary files an earlier write to the same target left behind when its process
     * was killed: those whose process is not running any more (or is a newer process that only has
     * the same number). Temporary files of a write still under way are left alone.
     */
    static void removeLeftovers(Path folder, String targetName) {
        String prefix = "." + targetName + MARK;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(SUFFIX);
        })) {
            for (Path p : entries) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash < 0 ? "" : rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue; // not one of ours
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && !writerStillRunning(pid, a.lastModifiedTime().toInstant())) {
                    deleteQuietly(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to clean, or not allowed to look: the write itself goes on
        }
    }

    private static boolean writerStillRunning(long pid, Instant lastWritten) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return started.isEmpty() || !started.get().isAfter(lastWritten);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // left for the next write to clean up
        }
    }

    private static boolean addShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false; // already shutting down
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | SecurityException e) {
            // shutting down: the hook runs and finds nothing to delete
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
