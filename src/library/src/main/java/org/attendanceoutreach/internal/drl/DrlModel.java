package org.attendanceoutreach.internal.drl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every {@code .drl} file of a rule folder, parsed once by Drools' own parser. Files that could
 * not be parsed carry their problems instead of rules.
 */
public final class DrlModel {
    private final List<DrlFile> files;

    private DrlModel(List<DrlFile> files) {
        this.files = List.copyOf(files);
    }

    /**
     * Parses every {@code .drl} file of {@code files} (file name to text; other names are ignored).
     *
     * @param displayName how a message names a file ({@code rules/same-day-outreach.drl})
     */
    public static DrlModel parse(Map<String, String> files, java.util.function.Function<String, String> displayName) {
        List<DrlFile> out = new ArrayList<>();
        new TreeMap<>(files).forEach((name, text) -> {
            if (name.endsWith(".drl")) {
                out.add(DrlReader.read(name, displayName.apply(name), text));
            }
        });
        return new DrlModel(out);
    }

    public List<DrlFile> files() {
        return files;
    }

    /** Every rule of every file, in file then line order. */
    public List<DrlRule> rules() {
        List<DrlRule> out = new ArrayList<>();
        for (DrlFile f : files) {
            out.addAll(f.rules());
        }
        return out;
    }

    /** The rule of that name, or null. */
    public DrlRule rule(String name) {
        for (DrlFile f : files) {
            for (DrlRule r : f.rules()) {
                if (r.name().equals(name)) {
                    return r;
                }
            }
        }
        return null;
    }

    public DrlFile file(String name) {
        for (DrlFile f : files) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
