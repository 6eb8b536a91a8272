package org.attendanceoutreach.letters;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.internal.DidYouMean;
import org.attendanceoutreach.internal.Readability;
import org.attendanceoutreach.internal.Templates;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.rules.RuleProblem;
import org.attendanceoutreach.rules.RuleSource;
import org.attendanceoutreach.school.School;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The letter templates of a rules folder ({@code letters/}): one file per kind and language,
 * {@code KIND.LANGUAGE.mustache} ({@code letter.es.mustache}), parts they include, and the list of
 * words a letter may never use ({@code forbidden-words.txt}). Finds the template for a language,
 * renders it (plain text: {@link Templates.Escaping#NONE}), and checks every file for
 * {@code validate}. Immutable.
 */
final class LetterTemplates {
    /** What each kind of template writes. */
    enum Kind {
        LETTER("letter"), CALL_SCRIPT("call-script"), CALL_OPENING("call-opening"), TEXT("text");

        final String file;

        Kind(String file) {
            this.file = file;
        }
    }

    static final String FORBIDDEN = "forbidden-words.txt";
    /** The language every kind must have a template in: the last one {@link #choose} tries. */
    static final String LAST_RESORT = "en";
    private static final Pattern KIND_FILE = Pattern.compile("(letter|call-script|call-opening|text)\\.([^.]+)\\.mustache");

    /** The data every kind of template gets (each may be missing: test it with a section). */
    static final Set<String> COMMON = Set.of("schoolName", "schoolPhone", "contactPerson", "childName", "childFullName",
            "familyName", "daysMissed", "schoolDaysSoFar", "date", "familyLanguage", "otherLanguage");
    static final Set<String> LETTER = union(COMMON, Set.of("comparison", "typicalDaysMissed"));
    static final Set<String> CALL = union(COMMON, Set.of("relationship", "absentToday", "suspension", "interpreter",
            "reasons", "reason", "overdue", "dueDate", "calls"));
    static final Set<String> TEXT = union(COMMON, Set.of("schoolDaysSince", "daysAttendedSince", "everyDay", "missedSome"));

    private final Map<String, String> files;
    private final Templates templates;
    private final List<String[]> forbidden;
    private final String sourceName;
    private final Function<String, String> displayName;

    private LetterTemplates(Map<String, String> letterFiles, Function<String, String> displayName) {
        this.files = new TreeMap<>();
        letterFiles.forEach((name, text) -> files.put(name.substring(name.indexOf('/') + 1), text));
        Map<String, String> mustache = new TreeMap<>();
        files.forEach((name, text) -> {
            if (name.endsWith(".mustache")) {
                mustache.put(name, text);
            }
        });
        this.templates = Templates.fromTexts(mustache, Templates.Escaping.NONE);
        this.forbidden = forbiddenWords(files.getOrDefault(FORBIDDEN, ""));
        this.sourceName = RuleSource.LETTERS + "/";
        this.displayName = displayName;
    }

    /** The templates of {@code letterFiles} (named {@code letters/…}, as {@code RuleSet.letterFiles()} gives them). */
    static LetterTemplates of(Map<String, String> letterFiles, Function<String, String> displayName) {
        return new LetterTemplates(letterFiles, displayName);
    }

    // ---- choosing and rendering ----

    /** The languages that have a template of this kind, as their files name them. */
    Set<String> languages(Kind kind) {
        Set<String> out = new TreeSet<>();
        for (String name : files.keySet()) {
            Matcher m = KIND_FILE.matcher(name);
            if (m.matches() && m.group(1).equals(kind.file)) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    /** The language of the template to use for {@code wanted}: itself, its primary language ({@code es} for {@code es-MX}), or empty. */
    Optional<String> match(Kind kind, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return Optional.empty();
        }
        Set<String> have = languages(kind);
        for (String l : have) {
            if (l.equalsIgnoreCase(wanted)) {
                return Optional.of(l);
            }
        }
        String primary = wanted.split("-")[0];
        for (String l : have) {
            if (l.equalsIgnoreCase(primary)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * The language to write in: the one wanted when there is a template of this kind in it, else the
     * school's, else English ({@link #tried}); empty when none of those has one. Never another
     * language: a family is not written to in a language nobody chose for them.
     */
    Optional<String> choose(Kind kind, String wanted, String schoolLanguage) {
        for (String l : tried(wanted, schoolLanguage)) {
            Optional<String> found = match(kind, l);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The languages {@link #choose} tries, in order: the one wanted, the school's, {@value #LAST_RESORT}; each once. */
    static List<String> tried(String wanted, String schoolLanguage) {
        List<String> out = new ArrayList<>();
        for (String l : new String[] {wanted, schoolLanguage, LAST_RESORT}) {
            if (l != null && !l.isBlank() && out.stream().noneMatch(l.strip()::equalsIgnoreCase)) {
                out.add(l.strip());
            }
        }
        return out;
    }

    /** Whether {@code used} is the language wanted (the same primary language: es-MX is written in es). */
    static boolean sameLanguage(String used, String wanted) {
        return wanted != null && primary(used).equals(primary(wanted));
    }

    static String primary(String tag) {
        return tag == null ? "" : tag.split("-")[0].toLowerCase(Locale.ROOT);
    }

    /** The subject (the first line) and the body (the rest) of a rendered template. */
    record Rendered(String subject, String body) {
    }

    Rendered render(Kind kind, String language, Map<String, ?> model) {
        String text = tidy(templates.render(kind.file + "." + language + ".mustache", model));
        int nl = text.indexOf('\n');
        String subject = (nl < 0 ? text : text.substring(0, nl)).strip();
        String body = nl < 0 ? "" : text.substring(nl + 1).strip();
        return new Rendered(subject, body);
    }

    /** Trailing spaces off every line, at most one empty line in a row, no empty lines at either end. */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder();
        int blank = 0;
        for (String line : text.split("\\R", -1)) {
            String l = line.stripTrailing();
            if (l.isEmpty()) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            out.append(l);
        }
        return out.toString();
    }

    // ---- checks (validate) ----

    /**
     * Every problem of the letters folder, as {@code FILE:LINE: message}: a template that does not
     * parse or does what templates may not; an unknown placeholder; a missing required one (the days
     * missed in a letter; a section for every call in a call script); a forbidden word; an English
     * letter or text that reads above the policy's grade. (A kind without an English template, or
     * without any, is {@link #checkLastResort}'s, for {@code validate} only: what the templates there
     * are can still be written, and what cannot is reported student by student.)
     */
    List<RuleProblem> check(Catalog catalog, Policy policy) {
        List<RuleProblem> out = new ArrayList<>();
        String forbiddenName = sourceName + FORBIDDEN;
        if (!files.containsKey(FORBIDDEN)) {
            out.add(new RuleProblem(displayName.apply(forbiddenName), 0, "missing: the words letters may never use"
                    + " (fines, court, truancy, …), one a line; restore it from the bundled rules"));
        }
        Set<String> callIds = new TreeSet<>();
        Set<String> allIds = new TreeSet<>();
        for (Practice p : catalog.practices()) {
            allIds.add(p.id());
            if (p.call()) {
                callIds.add(p.id());
                callIds.addAll(p.covers());
            }
        }
        Set<String> included = new LinkedHashSet<>();
        Map<String, List<Templates.Tag>> parsed = new TreeMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            String name = f.getKey();
            if (!name.endsWith(".mustache")) {
                continue;
            }
            String shown = displayName.apply(sourceName + name);
            if (!Templates.isName(name)) {
                out.add(new RuleProblem(shown, 0, "a template's name is letters, digits, '-', '_' and '.', ending .mustache"));
                continue;
            }
            try {
                List<Templates.Tag> tags = Templates.tags(name, f.getValue());
                parsed.put(name, tags);
                tags.stream().filter(t -> t.kind() == Templates.Tag.Kind.PARTIAL).forEach(t -> included.add(partialFile(t.name())));
            } catch (Templates.TemplateException e) {
                out.add(new RuleProblem(shown, e.line(), e.getMessage()));
            }
            forbiddenWords(f.getValue(), shown, out);
        }
        for (Map.Entry<String, List<Templates.Tag>> f : parsed.entrySet()) {
            String name = f.getKey();
            String shown = displayName.apply(sourceName + name);
            Matcher m = KIND_FILE.matcher(name);
            Set<String> known;
            Kind kind = null;
            if (m.matches()) {
                kind = kindOf(m.group(1));
                if (!School.isLanguageTag(m.group(2))) {
                    out.add(new RuleProblem(shown, 0, "'" + m.group(2) + "' is not a language tag; name the file "
                            + m.group(1) + ".LANGUAGE.mustache with a tag such as en, es or zh-Hant"));
                }
                known = switch (kind) {
                    case LETTER -> LETTER;
                    case CALL_SCRIPT, CALL_OPENING -> union(CALL, allIds);
                    case TEXT -> TEXT;
                };
            } else if (included.contains(name)) {
                known = union(union(LETTER, union(CALL, TEXT)), allIds);
            } else {
                out.add(new RuleProblem(shown, 0, "is neither a template of a kind (letter, call-script, call-opening, text:"
                        + " KIND.LANGUAGE.mustache) nor included by one" + DidYouMean.of(name, kindFileNames())));
                continue;
            }
            Set<String> used = new TreeSet<>();
            for (Templates.Tag t : f.getValue()) {
                if (t.kind() == Templates.Tag.Kind.PARTIAL) {
                    String target = partialFile(t.name());
                    if (!files.containsKey(target)) {
                        out.add(new RuleProblem(shown, t.line(), "includes " + target + ", which is not in the letters folder"));
                    }
                    continue;
                }
                used.add(t.name());
                if (!known.contains(t.name())) {
                    List<String> names = new ArrayList<>(known);
                    String near = DidYouMean.of(t.name(), names);
                    out.add(new RuleProblem(shown, t.line(), "{{" + t.name() + "}} is not something a " + (kind == null
                            ? "template" : kind.file.replace('-', ' ')) + " can show" + (near.isEmpty()
                            ? "; see \"Letters\" in rules/README.md for the placeholders" : near)));
                }
            }
            // what a part includes counts as used by the template that includes it
            for (Templates.Tag t : f.getValue()) {
                if (t.kind() == Templates.Tag.Kind.PARTIAL && parsed.containsKey(partialFile(t.name()))) {
                    parsed.get(partialFile(t.name())).forEach(p -> used.add(p.name()));
                }
            }
            if (kind == Kind.LETTER && !used.contains("daysMissed")) {
                out.add(new RuleProblem(shown, 0, "never says how many days the child has missed: a letter must"
                        + " (that is what makes it work); write {{daysMissed}} in it"));
            }
            if (kind == Kind.CALL_SCRIPT) {
                for (String id : callIds) {
                    if (!used.contains(id)) {
                        out.add(new RuleProblem(shown, 0, "says nothing for a " + id + " call: add {{#" + id + "}} … {{/"
                                + id + "}} with what the caller says for it"));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            readability(policy, out);
        }
        return out;
    }

    /**
     * For {@code validate}: every kind without a template in {@value #LAST_RESORT}, the last language
     * tried for a family whose language and school's language have none. Without it, such a family
     * gets nothing of that kind (and the run reports it), so {@code ok} needs it.
     */
    List<RuleProblem> checkLastResort() {
        List<RuleProblem> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (match(k, LAST_RESORT).isPresent()) {
                continue;
            }
            Set<String> have = languages(k);
            boolean forStaff = k == Kind.CALL_SCRIPT || k == Kind.CALL_OPENING;
            String what = k.file.replace('-', ' ');
            out.add(new RuleProblem(displayName.apply(sourceName + k.file + "." + LAST_RESORT + ".mustache"), 0, "missing: there is no "
                    + what + " template in English (" + LAST_RESORT + ")" + (have.isEmpty() ? "" : ", only in "
                    + String.join(", ", have)) + ". English is the last language tried, after " + (forStaff
                    ? "the school's language: without it a school whose language has no template gets no " + what
                    : "the family's language and the school's: without it a family whose languages have no template gets no " + what)
                    + (k == Kind.CALL_OPENING ? " (the call list's first line is then written from the plan)" : "")
                    + ". Restore " + k.file + "." + LAST_RESORT + ".mustache from the bundled rules (rules/letters/) or write one"));
        }
        return out;
    }

    /** English letters and texts, rendered with a made-up family, must read at the policy's grade or below. */
    private void readability(Policy policy, List<RuleProblem> out) {
        for (Kind kind : List.of(Kind.LETTER, Kind.TEXT)) {
            for (String lang : languages(kind)) {
                if (!primary(lang).equals("en")) {
                    continue;
                }
                String shown = displayName.apply(sourceName + kind.file + "." + lang + ".mustache");
                try {
                    Rendered r = render(kind, lang, SampleModels.of(kind));
                    double grade = Readability.grade(r.subject() + "\n" + r.body());
                    if (grade > policy.lettersReadingGrade()) {
                        out.add(new RuleProblem(shown, 0, String.format(Locale.ROOT, "reads at grade %.1f (Flesch-Kincaid);"
                                + " letters-reading-grade in policy.properties asks for %d or below: use shorter sentences"
                                + " and shorter words", grade, policy.lettersReadingGrade())));
                    }
                } catch (Templates.TemplateException e) {
                    out.add(new RuleProblem(shown, e.line(), e.getMessage()));
                }
            }
        }
    }

    private void forbiddenWords(String text, String shown, List<RuleProblem> out) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            List<String> words = words(lines[i]);
            for (String[] phrase : forbidden) {
                if (containsPhrase(words, phrase)) {
                    out.add(new RuleProblem(shown, i + 1, "'" + String.join(" ", phrase) + "' is on the list of words letters"
                            + " never use (letters/" + FORBIDDEN + "): a letter that threatens does not bring a child back;"
                            + " say what the family can do and how the school will help"));
                    break; // one problem a line: the longest phrase found
                }
            }
        }
    }

    /** The first forbidden word or phrase a text uses, if any (tests check rendered letters with it). */
    Optional<String> forbiddenIn(String text) {
        List<String> words = words(text);
        for (String[] phrase : forbidden) {
            if (containsPhrase(words, phrase)) {
                return Optional.of(String.join(" ", phrase));
            }
        }
        return Optional.empty();
    }

    private static boolean containsPhrase(List<String> words, String[] phrase) {
        for (int i = 0; i + phrase.length <= words.size(); i++) {
            boolean all = true;
            for (int j = 0; j < phrase.length && all; j++) {
                all = words.get(i + j).equals(phrase[j]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** The words of a text, lower case and without accents, outside the template's tags. */
    private static List<String> words(String text) {
        String plain = text.replaceAll("\\{\\{[^}]*}}", " ");
        String folded = Normalizer.normalize(plain, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : folded.split("[^\\p{L}\\p{N}']+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<String[]> forbiddenWords(String text) {
        List<String[]> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            List<String> words = words(l);
            if (!words.isEmpty()) {
                out.add(words.toArray(String[]::new));
            }
        }
        out.sort(java.util.Comparator.comparingInt((String[] p) -> -p.length)); // longest phrase first
        return out;
    }

    private static String partialFile(String name) {
        return name.endsWith(".mustache") ? name : name + ".mustache";
    }

    private static Kind kindOf(String file) {
        for (Kind k : Kind.values()) {
            if (k.file.equals(file)) {
                return k;
            }
        }
        throw new IllegalArgumentException(file);
    }

    private static List<String> kindFileNames() {
        List<String> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            out.add(k.file + ".en.mustache");
            out.add(k.file + ".es.mustache");
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }
}
