package org.attendanceoutreach.cli;

import org.attendanceoutreach.output.AtomicFile;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code --out FILE [--follow-symlinks]}, shared by every command that writes a file: the output
 * goes to a temporary file beside FILE (owner-only while it is written) and is renamed over FILE
 * when complete ({@link AtomicFile}). FILE must be a regular file or not exist yet; a folder, a
 * device, a named pipe is refused, and so is a symbolic link unless {@code --follow-symlinks} is given.
 */
final class OutputFile {
    @Option(names = "--out", paramLabel = "FILE",
            description = "Write to FILE instead of standard output, all at once: a temporary file beside it (readable by you only),"
                    + " renamed over it when complete (never half-written). FILE must be a regular file or new;"
                    + " a folder, a device or a named pipe is refused.")
    Path path;

    @Option(names = "--follow-symlinks",
            description = "With --out: when FILE is a symbolic link, replace the file it points to (without this, a link is refused).")
    boolean followSymlinks;

    boolean given() {
        return path != null;
    }

    private AtomicFile.Links links() {
        return followSymlinks ? AtomicFile.Links.FOLLOW : AtomicFile.Links.REFUSE;
    }

    /**
     * Checks, before any work is done, that {@code --out} can be written; when it cannot, says why
     * on standard error and returns false (the command then exits 2). True when there is no {@code --out}.
     */
    boolean ready(CommandSpec spec) {
        if (path == null) {
            if (followSymlinks) {
                throw new ParameterException(spec.commandLine(), "--follow-symlinks goes with --out FILE");
            }
            return true;
        }
        try {
            AtomicFile.check(path, links());
            return true;
        } catch (IOException e) {
            cannotWrite(spec, e);
            return false;
        }
    }

    /** Writes the text to {@code --out}; on failure says why on standard error and returns false. */
    boolean write(CommandSpec spec, AtomicFile.Content content) {
        try {
            AtomicFile.write(path, links(), content);
            return true;
        } catch (IOException e) {
            cannotWrite(spec, e);
            return false;
        }
    }

    /** Writes the bytes to {@code --out}; on failure says why on standard error and returns false. */
    boolean writeBytes(CommandSpec spec, AtomicFile.Bytes content) {
        try {
            AtomicFile.writeBytes(path, links(), content);
            return true;
        } catch (IOException e) {
            cannotWrite(spec, e);
            return false;
        }
    }

    private void cannotWrite(CommandSpec spec, IOException e) {
        PrintWriter err = spec.commandLine().getErr();
        String reason = e instanceof AtomicFile.UnsafeTargetException || e instanceof java.nio.file.NoSuchFileException
                ? e.getMessage() : path + ": cannot be written (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        err.println("outreach " + spec.name() + ": --out " + org.attendanceoutreach.internal.PlainText.escape(reason));
        err.flush();
    }
}
