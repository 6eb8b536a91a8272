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
    void keepsThePermissionsOfTheFileItReplacesAndFollowsASymbolicLink() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        AtomicFile.write(link, w -> w.write("new\n"));
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("new\n", Files.readString(real));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
        assertEquals(List.of("link.csv", "real.csv"), names());
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
