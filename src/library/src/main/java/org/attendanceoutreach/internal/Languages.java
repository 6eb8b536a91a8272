package org.attendanceoutreach.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every ISO 639 language, by code or English name, to its BCP 47 tag: the ISO 639-1 code where there
 * is one ({@code spa}, {@code Spanish} and {@code es} all give {@code es}), else the ISO 639-3 code
 * ({@code Cebuano} gives {@code ceb}). The table ({@code iso-639.tsv} beside this class) is generated
 * from the SIL ISO 639-3 and Library of Congress ISO 639-2 tables, never typed by hand; see
 * {@code src/library/tools/iso-639/PROVENANCE.md}. Immutable and thread-safe.
 *
 * <p>Codes (639-1, 639-2 bibliographic and terminology, 639-3) match without regard to case. Names
 * match without regard to case, spacing or accents: the reference name as a table gives it
 * ({@code Navajo; Navaho}), each of its {@code ;}-separated names ({@code Navaho}), and, where no
 * other language has it, the name without a qualifier ({@code Oriya} for {@code Oriya (macrolanguage)})
 * or turned around ({@code Southern Sotho} for {@code Sotho, Southern}). A tag with subtags keeps them
 * ({@code spa-MX} gives {@code es-MX}, {@code zh-Hant} stays). The special codes {@code mis},
 * {@code mul}, {@code und} and {@code zxx} name no language a family speaks and are not in the table.
 */
public final class Languages {
    /**
     * Answers already given, by value: every student of a district names one of a few languages, and
     * both answers are pure functions of the text. At most {@value #MEMO_SIZE} values of at most
     * {@value #MEMO_KEY} characters are kept; any other is worked out each time.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Optional<String>> TAG_MEMO = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentHashMap<String, String> NAME_MEMO = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MEMO_SIZE = 4096;
    private static final int MEMO_KEY = 64;

    /** The BCP 47 tag for a language that is not known ("undetermined"). */
    public static final String UNDETERMINED = "und";

    private static final String RESOURCE = "iso-639.tsv";
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern QUALIFIER = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Map<String, String> BY_CODE = new HashMap<>();
    private static final Map<String, String> BY_NAME = new HashMap<>();
    private static final Map<String, String> NAME_OF = new HashMap<>();
    private static final Set<String> TAGS = new HashSet<>();

    static {
        Map<String, String> weak = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        try (InputStream in = Languages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                String tag = cols[0];
                TAGS.add(tag);
                String[] names = cols[2].split(" \\| ");
                NAME_OF.putIfAbsent(tag, QUALIFIER.matcher(names[names.length - 1].split(";")[0]).replaceAll("").strip());
                for (String code : cols[1].split(",")) {
                    BY_CODE.put(code, tag);
                }
                for (String name : cols[2].split(" \\| ")) {
                    BY_NAME.putIfAbsent(key(name), tag);
                    for (String part : name.split(";")) {
                        BY_NAME.putIfAbsent(key(part), tag);
                        for (String variant : variants(part)) {
                            String k = key(variant);
                            String before = weak.putIfAbsent(k, tag);
                            if (before != null && !before.equals(tag)) {
                                ambiguous.add(k);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        weak.forEach((k, tag) -> {
            if (!ambiguous.contains(k)) {
                BY_NAME.putIfAbsent(k, tag);
            }
        });
    }

    private Languages() {
    }

    /**
     * The BCP 47 tag for an ISO 639 code, a BCP 47 tag whose language is an ISO 639 language, or an
     * English reference name; empty when the value is none of these.
     */
    public static Optional<String> tagFor(String value) {
        if (value == null || value.length() > MEMO_KEY) {
            return findTag(value);
        }
        Optional<String> known = TAG_MEMO.get(value);
        if (known == null) {
            known = findTag(value);
            if (TAG_MEMO.size() < MEMO_SIZE) {
                TAG_MEMO.put(value, known);
            }
        }
        return known;
    }

    private static Optional<String> findTag(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        String tag = BY_CODE.get(v.toLowerCase(Locale.ROOT));
        if (tag != null) {
            return Optional.of(tag);
        }
        if (TAG.matcher(v).matches()) {
            int dash = v.indexOf('-');
            if (dash > 0) {
                String primary = BY_CODE.get(v.substring(0, dash).toLowerCase(Locale.ROOT));
                if (primary != null) {
                    return Optional.of(primary + v.substring(dash));
                }
            }
        }
        return Optional.ofNullable(BY_NAME.get(key(v)));
    }

    /**
     * The English name of a language tag, for people: {@code es} is "Spanish", {@code zh-Hant} is
     * "Chinese (Traditional)", {@code es-MX} is "Spanish (Mexico)", {@code ceb} is "Cebuano". The
     * language's name comes from the ISO 639 table; a script or region subtag is named by the JDK's
     * locale data when it knows it, else shown as written. A tag the table does not know is returned
     * as given (so {@code und} stays {@code und}); null gives null.
     */
    public static String nameOf(String tag) {
        if (tag == null || tag.length() > MEMO_KEY) {
            return findName(tag);
        }
        String known = NAME_MEMO.get(tag);
        if (known == null) {
            known = findName(tag);
            if (NAME_MEMO.size() < MEMO_SIZE) {
                NAME_MEMO.put(tag, known);
            }
        }
        return known;
    }

    private static String findName(String tag) {
        if (tag == null || tag.isBlank() || !TAG.matcher(tag.strip()).matches()) {
            return tag;
        }
        String t = tag.strip();
        int dash = t.indexOf('-');
        String primary = (dash < 0 ? t : t.substring(0, dash)).toLowerCase(Locale.ROOT);
        String name = NAME_OF.get(BY_CODE.getOrDefault(primary, primary));
        if (name == null) {
            return t;
        }
        if (dash < 0) {
            return name;
        }
        Locale l = Locale.forLanguageTag(t);
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (!l.getScript().isEmpty()) {
            parts.add(l.getDisplayScript(Locale.ENGLISH));
        }
        if (!l.getCountry().isEmpty()) {
            parts.add(l.getDisplayCountry(Locale.ENGLISH));
        }
        if (parts.isEmpty()) {
            parts.add(t.substring(dash + 1));
        }
        return name + " (" + String.join(", ", parts) + ")";
    }

    /** Whether the value is a well-formed language tag ({@code en}, {@code es-MX}, {@code zh-Hant}), known or not. */
    public static boolean isWellFormedTag(String value) {
        return value != null && TAG.matcher(value).matches();
    }

    /**
     * The English reference name of a tag's language ({@code es-MX}: Spanish; {@code nv}: Navajo; {@code or}:
     * Oriya), the SIL table's name without a qualifier such as "(macrolanguage)"; empty when the table does
     * not know it ({@code und}, a private code). {@link #nameOf} adds the script and region.
     */
    public static Optional<String> englishName(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = tag.strip().split("[-_]")[0].toLowerCase(java.util.Locale.ROOT);
        String known = BY_CODE.getOrDefault(primary, primary);
        return Optional.ofNullable(NAME_OF.get(known));
    }

    /** How many languages the table holds (for tests and documentation). */
    public static int count() {
        return TAGS.size();
    }

    /** The lower-priority forms of a name: without a trailing qualifier, and an inverted name turned around. */
    private static Set<String> variants(String name) {
        Set<String> out = new HashSet<>();
        String bare = QUALIFIER.matcher(name).replaceAll("");
        out.add(bare);
        for (String n : new String[] {name.strip(), bare}) {
            int comma = n.indexOf(", ");
            if (comma > 0 && n.indexOf(", ", comma + 2) < 0) {
                String turned = n.substring(comma + 2) + " " + n.substring(0, comma);
                out.add(turned);
                out.add(QUALIFIER.matcher(turned).replaceAll(""));
            }
        }
        return out;
    }

    /** A name as looked up: lower case, accents dropped, spaces collapsed. */
    private static String key(String name) {
        String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFD);
        n = MARKS.matcher(n).replaceAll("");
        return SPACES.matcher(n).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
