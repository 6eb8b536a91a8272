package org.attendanceoutreach.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where rules come from: a folder on disk (what policy staff edit) or the copy bundled in the jar.
 * {@link #read()} returns the text of every file, by name, sorted.
 */
public final class RuleSource {
    static final String BUNDLED = "org/attendanceoutreach/bundled-rules/";

    private final Path folder;
    private final String description;
    private final Map<String, String> texts;

    private RuleSource(Path folder, String description) {
        this(folder, description, null);
    }

    private RuleSource(Path folder, String description, Map<String, String> texts) {
        this.folder = folder;
        this.description = description;
        this.texts = texts == null ? null : Map.copyOf(texts);
    }

    /** Rule files held in memory, file name to text (for tools that rewrite rules, and for tests). */
    public static RuleSource inMemory(String description, Map<String, String> files) {
        return new RuleSource(null, description, files);
    }

    /** The rule files in a folder ({@code rules/}). */
    public static RuleSource folder(Path folder) {
        return new RuleSource(folder, "folder " + folder);
    }

    /** The rules that ship inside the library's jar. */
    public static RuleSource bundled() {
        return new RuleSource(null, "rules bundled in the jar");
    }

    /** The folder, or null for the bundled rules. */
    public Path folderPath() {
        return folder;
    }

    /** How to say where the rules come from. */
    public String description() {
        return description;
    }

    /** How to name one of the files in a message: {@code rules/tiers.drl}. */
    public String displayName(String file) {
        if (folder != null) {
            return folder.resolve(file).toString();
        }
        return texts != null ? file : "(bundled)/" + file;
    }

    /**
     * The files as they are now, held in memory, named as this source names them: what a reload
     * compiles, so a file written while it compiles cannot go live half-written.
     */
    public RuleSource snapshot() throws IOException {
        return new RuleSource(folder, description, read());
    }

    /** The folder of the letter templates, inside a rules folder. */
    public static final String LETTERS = "letters";

    /**
     * Every {@code .drl} file, {@code catalog.json} and {@code policy.properties}, and the letters'
     * files ({@code letters/*.mustache}, {@code letters/forbidden-words.txt}, named with their folder:
     * {@code letters/letter.en.mustache}), name to text.
     */
    public Map<String, String> read() throws IOException {
        if (texts != null) {
            return new TreeMap<>(texts);
        }
        if (folder != null) {
            if (!Files.isDirectory(folder)) {
                throw new IOException(missingFolder(folder));
            }
            return readFolder(folder);
        }
        URL marker = RuleSource.class.getClassLoader().getResource(BUNDLED + "catalog.json");
        if (marker == null) {
            throw new IOException("no rules are bundled in this jar");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return readFolder(fs.getPath(BUNDLED));
            }
            return readFolder(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the bundled rules", e);
        }
    }

    /**
     * Where a rules folder was looked for and what to do: "no rules folder at /srv/sis/rules (rules,
     * from the working directory /srv/sis): give the folder that holds the rule files …".
     */
    static String missingFolder(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        String where = folder.isAbsolute() ? absolute.toString()
                : absolute + " (" + folder + ", from the working directory " + Path.of("").toAbsolutePath() + ")";
        return (Files.exists(folder) ? "the rules folder " + where + " is a file, not a folder" : "no rules folder at " + where)
                + ": give the folder that holds the rule files (the .drl files, catalog.json and policy.properties; a copy of the"
                + " project's rules/ folder), as an absolute path or from the working directory; or use the rules inside the"
                + " library's jar (OutreachEngine.builder().bundledRules(), the default)";
    }

    private static Map<String, String> readFolder(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        readFiles(dir, "", n -> n.endsWith(".drl") || n.equals("catalog.json") || n.equals("policy.properties"), files);
        Path letters = dir.resolve(LETTERS);
        if (Files.isDirectory(letters)) {
            readFiles(letters, LETTERS + "/", RuleSource::isLetterFile, files);
        }
        return files;
    }

    /** A file of the letters folder: a template ({@code .mustache}) or the list of forbidden words. */
    public static boolean isLetterFile(String fileName) {
        return fileName.endsWith(".mustache") || fileName.equals("forbidden-words.txt");
    }

    /** The regular files of one folder whose names pass the filter, under a prefix. */
    private static void readFiles(Path dir, String prefix, java.util.function.Predicate<String> wanted, Map<String, String> files)
            throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> wanted.test(p.getFileName().toString())
                    && Files.isRegularFile(p)).forEach(p -> {
                try {
                    files.put(prefix + p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
