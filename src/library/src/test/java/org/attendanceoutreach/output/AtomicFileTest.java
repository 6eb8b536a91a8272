package org.attendanceoutreach.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Output is never half-written: the target holds the old content or the complete new one. */
class AtomicFileTest {
    @TempDir
    Path dir;

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesANewFileAndLeavesNothingElseBehind() throws IOException {
        Path target = dir.resolve("out.json");
        AtomicFile.write(target, w -> w.write("{\"schools\": []}\n… é\n"));
        assertEquals("{\"schools\": []}\n… é\n", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of("out.json"), names());
    }

    @Test
    void replacesAnExistingFileWhole() throws IOException {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old and longer than the new content\n");
        AtomicFile.write(target, w -> w.write("new\n"));
        assertEquals("new\n", Files.readString(target));
        assertEquals(List.of("out.json"), names());
    }

    @Test
    void anExceptionMidWriteLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, w -> {
            for (int i = 0; i < 100_000; i++) {
                w.write("half a line of the new report " + i + "\n");
            }
            w.flush();
            throw new IllegalStateException("the writer failed halfway");
        }));
        assertEquals("the writer failed halfway", e.getMessage());
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("out.json"), names());

        assertThrows(IOException.class, () -> AtomicFile.write(target, w -> {
            w.write("partial");
            throw new IOException("disk full");
        }));
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("out.json"), names());
    }

    @Test
    void whileTheNewContentIsBeingWrittenTheTargetStillHoldsTheOldOne() throws IOException {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old\n");
        AtomicFile.write(target, w -> {
            w.write("new, first half\n");
            w.flush();
            assertEquals("old\n", Files.readString(target));
            List<String> during = names();
            assertEquals(2, during.size(), during.toString());
            assertTrue(during.stream().anyMatch(n -> n.startsWith(".out.json.") && n.endsWith(".tmp")), during.toString());
            w.write("new, second half\n");
        });
        assertEquals("new, first half\nnew, second half\n", Files.readString(target));
        assertEquals(List.of("out.json"), names());
    }

    @Test
    void fallsBackToReplaceExistingWhereAnAtomicMoveIsNotSupported() throws IOException {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old\n");
        List<List<CopyOption>> moves = new ArrayList<>();
        AtomicFile.write(target, w -> w.write("new\n"), (from, to, options) -> {
            moves.add(List.of(options));
            if (List.of(options).contains(StandardCopyOption.ATOMIC_MOVE)) {
                throw new AtomicMoveNotSupportedException(from.toString(), to.toString(), "not here");
            }
            Files.move(from, to, options);
        });
        assertEquals(List.of(List.of(StandardCopyOption.ATOMIC_MOVE), List.of(StandardCopyOption.REPLACE_EXISTING)), moves);
        assertEquals("new\n", Files.readString(target));
        assertEquals(List.of("out.json"), names());
    }

    @Test
    void aFailedMoveLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old\n");
        assertThrows(IOException.class, () -> AtomicFile.write(target, w -> w.write("new\n"), (from, to, options) -> {
            throw new IOException("rename refused");
        }));
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("out.json"), names());
    }

    @Test
    void aMissingFolderIsAClearErrorAndCreatesNothing() {
        Path target = dir.resolve("no-such-folder/out.json");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> AtomicFile.write(target, w -> w.write("x")));
        assertTrue(e.getMessage().contains("no-such-folder"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("no-such-folder")));
    }

    @Test
    void keepsThePermissionsOfTheFileItReplacesAndFollowsASymbolicLinkOnlyWhenAsked() throws IOException {
        if (!posix()) {
            return;
        }
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);

        AtomicFile.UnsafeTargetException refused = assertThrows(AtomicFile.UnsafeTargetException.class,
                () -> AtomicFile.write(link, w -> w.write("new\n")));
        assertTrue(refused.getMessage().contains("is a symbolic link"), refused.getMessage());
        assertEquals("old\n", Files.readString(real), "a link is not followed unless asked");

        AtomicFile.write(link, AtomicFile.Links.FOLLOW, w -> w.write("new\n"));
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("new\n", Files.readString(real));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
        assertEquals(List.of("link.csv", "real.csv"), names());
    }

    /**
     * What is not a regular file is refused before anything is written: renaming over it would
     * replace it (as root, {@code /dev/null} became a file of results). Shown to catch: the check
     * removed (the FIFO and the folder case fail: the FIFO is replaced by a regular file, the
     * folder write fails only at the rename, after the content was produced).
     */
    @Test
    void aFolderADeviceANamedPipeAndALinkToADeviceAreRefusedAndLeftAsTheyWere() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("reports"));
        assertRefused(folder, AtomicFile.Links.REFUSE, "is a folder");
        assertTrue(Files.isDirectory(folder));

        // a real device is only ever checked, never written to: were the check broken, a write as root would replace it
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            assertCheckRefuses(devNull, AtomicFile.Links.REFUSE, "is not a regular file");
            Path linkToDevice = Files.createSymbolicLink(dir.resolve("to-null.json"), devNull);
            assertCheckRefuses(linkToDevice, AtomicFile.Links.REFUSE, "is a symbolic link");
            assertCheckRefuses(linkToDevice, AtomicFile.Links.FOLLOW, "is not a regular file");
            assertTrue(Files.isSymbolicLink(linkToDevice));
        }

        Path fifo = dir.resolve("pipe.json");
        if (mkfifo(fifo)) {
            assertRefused(fifo, AtomicFile.Links.REFUSE, "is not a regular file");
            assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo) && !Files.isDirectory(fifo), "the FIFO is still a FIFO");
        }
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("nowhere.json"));
        assertRefused(dangling, AtomicFile.Links.FOLLOW, "a symbolic link to nothing");
        assertFalse(Files.exists(dir.resolve("nowhere.json")));
        assertTrue(names().stream().noneMatch(n -> n.endsWith(".tmp")), "no temporary file was made: " + names());
    }

    private static void assertCheckRefuses(Path target, AtomicFile.Links links, String why) {
        AtomicFile.UnsafeTargetException e = assertThrows(AtomicFile.UnsafeTargetException.class, () -> AtomicFile.check(target, links));
        assertTrue(e.getMessage().startsWith(target + ": ") && e.getMessage().contains(why), e.getMessage());
    }

    private static void assertRefused(Path target, AtomicFile.Links links, String why) {
        boolean[] produced = {false};
        AtomicFile.UnsafeTargetException e = assertThrows(AtomicFile.UnsafeTargetException.class,
                () -> AtomicFile.write(target, links, w -> {
                    produced[0] = true;
                    w.write("results\n");
                }));
        assertTrue(e.getMessage().startsWith(target + ": ") && e.getMessage().contains(why), e.getMessage());
        assertFalse(produced[0], "refused before any content was produced");
    }

    /** Makes a named pipe with mkfifo(1); false where there is none (the test then skips that case). */
    static boolean mkfifo(Path p) throws Exception {
        try {
            Process mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
            return mk.waitFor(30, TimeUnit.SECONDS) && mk.exitValue() == 0 && Files.exists(p);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * While it is written, the temporary file is readable by its owner only (whatever the umask);
     * a new file stays so, a replaced file gets the permissions it had. Shown to catch: the
     * temporary file created with default permissions (rw-r--r-- here).
     */
    @Test
    void theTemporaryFileIsOwnerOnlyWhileWrittenAndANewFileStaysSo() throws IOException {
        if (!posix()) {
            return;
        }
        Path target = dir.resolve("calls.csv");
        AtomicFile.write(target, w -> {
            w.write("owner,studentId\n");
            w.flush();
            List<Path> temporary;
            try (Stream<Path> s = Files.list(dir)) {
                temporary = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            }
            assertEquals(1, temporary.size(), temporary.toString());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(temporary.get(0))));
        });
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));

        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFile.write(target, w -> w.write("again\n"));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)),
                "a replaced file keeps its permissions");
    }

    /**
     * Leftovers of killed runs are removed; a write under way (its process alive and older than
     * its file) is not. Shown to catch: the clean-up removed (leftovers pile up) and a clean-up that
     * ignores whether the writer still runs (it deleted the live file).
     */
    @Test
    void onlyTheLeftoversOfProcessesThatAreGoneAreRemoved() throws Exception {
        Path target = dir.resolve("out.json");
        Process finished = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        finished.getInputStream().readAllBytes();
        assertTrue(finished.waitFor(60, TimeUnit.SECONDS));
        Path ofDeadProcess = Files.writeString(dir.resolve(".out.json.outreach-" + finished.pid() + "-abc.tmp"), "half");
        Path ofThisProcess = Files.writeString(dir.resolve(".out.json.outreach-" + ProcessHandle.current().pid() + "-def.tmp"), "half");
        Path olderThanThisProcess = Files.writeString(dir.resolve(".out.json.outreach-" + ProcessHandle.current().pid() + "-ghi.tmp"), "half");
        Files.setLastModifiedTime(olderThanThisProcess, java.nio.file.attribute.FileTime.from(
                ProcessHandle.current().info().startInstant().orElseThrow().minusSeconds(3600)));
        Path otherTarget = Files.writeString(dir.resolve(".other.json.outreach-" + finished.pid() + "-jkl.tmp"), "half");
        Path notOurs = Files.writeString(dir.resolve(".out.json.outreach-notapid.tmp"), "someone else's");

        AtomicFile.write(target, w -> w.write("new\n"));
        assertFalse(Files.exists(ofDeadProcess), "the file of a process that is gone is removed");
        assertFalse(Files.exists(olderThanThisProcess), "a file older than the process with its number was left by another process");
        assertTrue(Files.exists(ofThisProcess), "a write under way is left alone");
        assertTrue(Files.exists(otherTarget), "only this target's leftovers are touched");
        assertTrue(Files.exists(notOurs), "a name that is not ours is left alone");
    }

    /**
     * A process killed in the middle of writing (kill -9: no finally blocks, no shutdown hooks)
     * leaves the old file as it was.
     */
    @Test
    void aProcessKilledMidWriteLeavesTheOldFile() throws Exception {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SlowWriter.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertEquals("writing", line, "the child started writing");
            assertEquals("old\n", Files.readString(target));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals("old\n", Files.readString(target), "the killed write left the old file untouched");
        List<String> left = names();
        assertTrue(left.contains("report.json"), left.toString());
        assertTrue(left.stream().allMatch(n -> n.equals("report.json") || (n.startsWith(".report.json.") && n.endsWith(".tmp"))),
                "at most a temporary file is left beside it: " + left);
        assertEquals(2, left.size(), "kill -9 runs no clean-up: the killed writer's temporary file is there " + left);

        // the next write to the same target removes what the killed run left (its process is gone)
        AtomicFile.write(target, w -> w.write("today's\n"));
        assertEquals("today's\n", Files.readString(target));
        assertEquals(List.of("report.json"), names(), "the killed run's temporary file was cleaned up");
    }

    /** Run in a child JVM: starts writing a report through {@link AtomicFile} and never finishes. */
    public static final class SlowWriter {
        public static void main(String[] args) throws IOException {
            AtomicFile.write(Path.of(args[0]), w -> {
                w.write("{\"schools\": [\n");
                w.flush();
                System.out.println("writing");
                System.out.flush();
                try {
                    for (int i = 0; ; i++) {
                        w.write("  {\"studentId\": \"S-" + i + "\"},\n");
                        Thread.sleep(5);
                    }
                } catch (InterruptedException e) {
                    throw new UncheckedIOException(new IOException("interrupted"));
                }
            });
        }
    }
}
