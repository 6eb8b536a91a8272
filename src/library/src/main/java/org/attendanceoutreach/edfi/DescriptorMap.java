package org.attendanceoutreach.edfi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attendanceoutreach.internal.Languages;
import org.attendanceoutreach.internal.JsonErrors;
import org.attendanceoutreach.read.Shown;
import org.attendanceoutreach.school.AbsenceReason;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How Ed-Fi descriptors map onto this project's values. Immutable and thread-safe.
 *
 * <p>A descriptor is a URI such as {@code uri://ed-fi.org/AttendanceEventCategoryDescriptor#Excused Absence}:
 * a namespace ({@code uri://ed-fi.org/}), the descriptor's name and, after {@code #}, its code value.
 * A mapping file (JSON) gives, for one namespace, each descriptor's code values and what they mean here:
 *
 * <pre>
 * {
 *   "namespace": "uri://district.example.org/",
 *   "extends": "uri://ed-fi.org/",
 *   "descriptors": {
 *     "AttendanceEventCategoryDescriptor": { "Absent - illness": "EXCUSED", "Suspended": "SUSPENSION" },
 *     "StudentCharacteristicDescriptor": { "Foster": "FOSTER_CARE", "*": "IGNORE" }
 *   },
 *   "attendanceEventReason": { "Sick": "ILLNESS" }
 * }
 * </pre>
 *
 * A code value is matched without regard to case. A code value the namespace does not list is looked
 * up in the namespace it {@code extends} (and so on); then {@code "*"} stands for every other code
 * value. A descriptor found nowhere is an error naming it. The default mapping, for
 * {@code uri://ed-fi.org/}, ships inside the jar ({@code ed-fi-descriptors.json} beside this class).
 * Language code values need no entry when they are an ISO 639 code ({@code spa}, {@code es}) or an
 * English reference name of the SIL ISO 639-3 or Library of Congress ISO 639-2 tables ({@code Spanish},
 * {@code Navajo; Navaho}); an entry for one overrides the table.
 */
public final class DescriptorMap {
    private static final ObjectMapper MAPPING_FILES = new ObjectMapper(JsonErrors.factory(0));
    /** The Ed-Fi Alliance's own namespace. */
    public static final String ED_FI = "uri://ed-fi.org/";

    private static final String DEFAULT_RESOURCE = "ed-fi-descriptors.json";
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final Set<String> FILE_FIELDS = Set.of("namespace", "extends", "descriptors", "attendanceEventReason",
            "interventions", "description");
    /** What a catalog id looks like (kebab-case). */
    private static final Pattern PRACTICE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** An intervention class whose interventions are read by their identification code ({@code success-mentor}, {@code success-mentor/…}). */
    public static final String BY_CODE = "BY_CODE";
    /** An intervention class, or code, that is not one of the catalog's practices: not read. */
    public static final String IGNORE = "IGNORE";

    /** The descriptors the importer reads, and the values each may map to. */
    public enum Kind {
        ATTENDANCE_EVENT_CATEGORY("AttendanceEventCategoryDescriptor",
                "PRESENT", "EXCUSED", "UNEXCUSED", "SUSPENSION", "TARDY", "EARLY_DEPARTURE", "PARTIAL"),
        CALENDAR_EVENT("CalendarEventDescriptor", "INSTRUCTIONAL", "NOT_INSTRUCTIONAL"),
        GRADE_LEVEL("GradeLevelDescriptor", "PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "NONE"),
        STUDENT_CHARACTERISTIC("StudentCharacteristicDescriptor",
                "FOSTER_CARE", "HOMELESS", "JUVENILE_JUSTICE", "ENGLISH_LEARNER", "IGNORE"),
        LIMITED_ENGLISH_PROFICIENCY("LimitedEnglishProficiencyDescriptor", "ENGLISH_LEARNER", "NOT_ENGLISH_LEARNER"),
        LANGUAGE_USE("LanguageUseDescriptor", "HOME", "SPOKEN", "OTHER"),
        LANGUAGE("LanguageDescriptor"),
        RELATION("RelationDescriptor", "PARENT", "GUARDIAN", "EDUCATION_DECISION_MAKER", "OTHER"),
        /** A catalog id, {@code BY_CODE} (the intervention's code names the practice) or {@code IGNORE}. */
        INTERVENTION_CLASS("InterventionClassDescriptor", BY_CODE, IGNORE);

        private final String descriptorName;
        private final Set<String> values;

        Kind(String descriptorName, String... values) {
            this.descriptorName = descriptorName;
            this.values = Set.of(values);
        }

        /** The descriptor's Ed-Fi name, e.g. {@code AttendanceEventCategoryDescriptor}. */
        public String descriptorName() {
            return descriptorName;
        }

        boolean allows(String value) {
            return this == LANGUAGE ? LANGUAGE_TAG.matcher(value).matches()
                    : values.contains(value) || (this == INTERVENTION_CLASS && PRACTICE.matcher(value).matches());
        }

        String allowedInWords() {
            return this == LANGUAGE ? "a BCP 47 language tag such as es or zh-Hant"
                    : this == INTERVENTION_CLASS ? "a catalog id such as success-mentor, BY_CODE or IGNORE"
                    : String.join(", ", new TreeSet<>(values));
        }

        /** How a value written in a mapping file is kept: a language as written, a catalog id in lower case, else in capitals. */
        String normalize(String value) {
            if (this == LANGUAGE) {
                return value;
            }
            String upper = value.toUpperCase(Locale.ROOT);
            return this == INTERVENTION_CLASS && !values.contains(upper) ? value.toLowerCase(Locale.ROOT) : upper;
        }

        static Kind named(String name) {
            for (Kind k : values()) {
                if (k.descriptorName.equalsIgnoreCase(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** A descriptor that cannot be mapped; the message names it and says what to do. */
    public static final class UnknownDescriptorException extends RuntimeException {
        public UnknownDescriptorException(String message) {
            super(message);
        }
    }

    /** A mapping file that cannot be used; the message names the file and the entry. */
    public static final class MappingFileException extends Exception {
        public MappingFileException(String message) {
            super(message);
        }
    }

    /** One namespace's entries: per kind, lower-cased code value (or {@code *}) to value. */
    private record Namespace(String extendsNamespace, Map<Kind, Map<String, String>> codes) {
    }

    private final Map<String, Namespace> namespaces;
    private final Map<String, AbsenceReason> reasons;

    /** A district's own intervention codes (lower case) to a catalog id or {@code IGNORE}. */
    private final Map<String, String> interventionCodes;

    private DescriptorMap(Map<String, Namespace> namespaces, Map<String, AbsenceReason> reasons) {
        this(namespaces, reasons, Map.of());
    }

    private DescriptorMap(Map<String, Namespace> namespaces, Map<String, AbsenceReason> reasons, Map<String, String> interventionCodes) {
        this.namespaces = namespaces;
        this.reasons = reasons;
        this.interventionCodes = interventionCodes;
    }

    private static volatile DescriptorMap defaults;

    /** The mapping for {@code uri://ed-fi.org/} that ships in the jar. */
    public static DescriptorMap defaults() {
        DescriptorMap d = defaults;
        if (d == null) {
            try (InputStream in = DescriptorMap.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the jar");
                }
                d = new DescriptorMap(new HashMap<>(), Map.of())
                        .with(DEFAULT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MappingFileException e) {
                throw new IllegalStateException("the bundled " + e.getMessage(), e);
            }
            defaults = d;
        }
        return d;
    }

    /** The defaults, then each file in turn (a later entry for the same code value wins). */
    public static DescriptorMap load(List<Path> files) throws MappingFileException {
        DescriptorMap map = defaults();
        for (Path f : files == null ? List.<Path>of() : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new MappingFileException(f + ": no such file");
            } catch (IOException e) {
                throw new MappingFileException(f + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            map = map.with(f.toString(), text);
        }
        return map;
    }

    /** This mapping with one more mapping file's entries added. */
    public DescriptorMap with(String fileName, String json) throws MappingFileException {
        JsonNode root;
        try {
            root = MAPPING_FILES.readTree(json);
        } catch (IOException e) {
            throw new MappingFileException(fileName + ": " + JsonErrors.describe(e, JsonErrors.Where.FILE, "is too large",
                    "the mapping object", "look for a missing comma, quote or bracket"));
        }
        if (root == null || !root.isObject()) {
            throw new MappingFileException(fileName + ": must be a JSON object with namespace and descriptors");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FILE_FIELDS.contains(f)) {
                throw new MappingFileException(fileName + ": " + f + ": unknown field (expected namespace, extends, descriptors, attendanceEventReason)");
            }
        }
        String ns = text(root, "namespace");
        if (ns == null || ns.isBlank()) {
            throw new MappingFileException(fileName + ": namespace: is required, e.g. \"uri://district.example.org/\"");
        }
        ns = normalizeNamespace(ns);
        String ext = text(root, "extends");
        Map<String, Namespace> all = new HashMap<>(namespaces);
        Namespace before = all.get(ns);
        Map<Kind, Map<String, String>> codes = new EnumMap<>(Kind.class);
        if (before != null) {
            before.codes().forEach((k, v) -> codes.put(k, new LinkedHashMap<>(v)));
        }
        JsonNode descriptors = root.get("descriptors");
        if (descriptors != null && !descriptors.isNull()) {
            if (!descriptors.isObject()) {
                throw new MappingFileException(fileName + ": descriptors: must be an object of descriptor names");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = descriptors.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Kind kind = Kind.named(e.getKey());
                if (kind == null) {
                    throw new MappingFileException(fileName + ": descriptors." + e.getKey() + ": not a descriptor the importer reads ("
                            + String.join(", ", Arrays.stream(Kind.values()).map(Kind::descriptorName).toList()) + ")");
                }
                if (!e.getValue().isObject()) {
                    throw new MappingFileException(fileName + ": descriptors." + e.getKey() + ": must be an object of code value: value");
                }
                Map<String, String> m = codes.computeIfAbsent(kind, k -> new LinkedHashMap<>());
                for (Iterator<Map.Entry<String, JsonNode>> c = e.getValue().fields(); c.hasNext(); ) {
                    Map.Entry<String, JsonNode> code = c.next();
                    String where = fileName + ": descriptors." + e.getKey() + "." + code.getKey();
                    if (!code.getValue().isTextual()) {
                        throw new MappingFileException(where + ": must be a string (" + kind.allowedInWords() + ")");
                    }
                    String value = kind.normalize(code.getValue().textValue().strip());
                    if (!kind.allows(value)) {
                        throw new MappingFileException(where + ": '" + clip(value) + "' is not one of " + kind.allowedInWords());
                    }
                    m.put(key(code.getKey()), value);
                }
            }
        }
        all.put(ns, new Namespace(ext == null ? (before == null ? null : before.extendsNamespace()) : normalizeNamespace(ext), codes));
        Map<String, AbsenceReason> newReasons = new HashMap<>(reasons);
        JsonNode r = root.get("attendanceEventReason");
        if (r != null && !r.isNull()) {
            if (!r.isObject()) {
                throw new MappingFileException(fileName + ": attendanceEventReason: must be an object of reason text: ILLNESS, MEDICAL, …");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String v = e.getValue().isTextual() ? e.getValue().textValue().strip().toUpperCase(Locale.ROOT) : "";
                try {
                    newReasons.put(key(e.getKey()), AbsenceReason.valueOf(v));
                } catch (IllegalArgumentException ex) {
                    throw new MappingFileException(fileName + ": attendanceEventReason: '" + clip(v) + "' is not a reason ("
                            + String.join(", ", Arrays.stream(AbsenceReason.values()).map(Enum::name).toList()) + ")");
                }
            }
        }
        Map<String, String> codesOfInterventions = new HashMap<>(interventionCodes);
        JsonNode iv = root.get("interventions");
        if (iv != null && !iv.isNull()) {
            if (!iv.isObject()) {
                throw new MappingFileException(fileName + ": interventions: must be an object of intervention code: catalog id (or IGNORE)");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = iv.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String v = e.getValue().isTextual() ? e.getValue().textValue().strip() : "";
                String value = v.equalsIgnoreCase(IGNORE) ? IGNORE : v.toLowerCase(Locale.ROOT);
                if (!value.equals(IGNORE) && !PRACTICE.matcher(value).matches()) {
                    throw new MappingFileException(fileName + ": interventions." + clip(e.getKey()) + ": '" + clip(v)
                            + "' is not a catalog id (such as success-mentor) or IGNORE");
                }
                codesOfInterventions.put(key(e.getKey()), value);
            }
        }
        return new DescriptorMap(Map.copyOf(all), Map.copyOf(newReasons), Map.copyOf(codesOfInterventions));
    }

    /**
     * The catalog practice an Ed-Fi Intervention stands for: its identification code when a mapping file
     * lists it under {@code "interventions"}, else what its {@code interventionClassDescriptor} maps to:
     * a catalog id, or {@code BY_CODE} (the shipped mapping of {@code Practice} and {@code Other}): the
     * code itself, or the part of it before the first {@code /}, when that is a catalog id in form (the
     * form {@code recommend --write-back-edfi} writes). Null when the code or class maps to
     * {@code IGNORE} (the shipped mapping of {@code Curriculum} and {@code Supplement}: not attendance
     * supports). Whether the catalog has the id is the caller's check.
     *
     * @throws UnknownDescriptorException naming the class descriptor or the code, when neither maps
     */
    public String intervention(String code, String classDescriptor) {
        String byCode = code == null ? null : interventionCodes.get(key(code));
        if (byCode != null) {
            return byCode.equals(IGNORE) ? null : byCode;
        }
        String mapped = map(Kind.INTERVENTION_CLASS, classDescriptor);
        if (mapped.equals(IGNORE)) {
            return null;
        }
        if (!mapped.equals(BY_CODE)) {
            return mapped;
        }
        String c = code == null ? "" : code.strip();
        int slash = c.indexOf('/');
        String id = (slash < 0 ? c : c.substring(0, slash)).toLowerCase(Locale.ROOT);
        if (PRACTICE.matcher(id).matches()) {
            return id;
        }
        throw new UnknownDescriptorException("the intervention code (" + c.length() + " characters, not shown) names no practice of"
                + " the catalog; map it under \"interventions\" in a descriptor mapping file ({\"interventions\": {\"CODE\":"
                + " \"success-mentor\"}}, or \"IGNORE\"; --edfi-descriptors FILE; README, Ed-Fi input)");
    }

    /**
     * What a descriptor means here: one of the kind's values (for {@link Kind#LANGUAGE}, a BCP 47 tag).
     *
     * @throws UnknownDescriptorException naming the descriptor, when it cannot be mapped
     */
    public String map(Kind kind, String descriptor) {
        Objects.requireNonNull(kind, "kind");
        if (descriptor == null || descriptor.isBlank()) {
            throw new UnknownDescriptorException("is empty; expected a " + kind.descriptorName());
        }
        String d = descriptor.strip();
        int hash = d.lastIndexOf('#');
        String namespace;
        String code;
        if (hash < 0) {
            namespace = ED_FI;
            code = d;
        } else {
            String path = d.substring(0, hash);
            code = d.substring(hash + 1);
            int slash = path.lastIndexOf('/');
            String name = path.substring(slash + 1);
            if (!name.equalsIgnoreCase(kind.descriptorName())) {
                throw new UnknownDescriptorException(Shown.descriptor(d, codes(kind)) + " is another kind of descriptor, expected a " + kind.descriptorName());
            }
            namespace = normalizeNamespace(path.substring(0, slash + 1));
        }
        if (!namespaces.containsKey(namespace)) {
            String ns = Shown.isDescriptorUri(d) ? clip(namespace) : "NAMESPACE";
            throw new UnknownDescriptorException(Shown.descriptor(d, codes(kind)) + ": no descriptor mapping for "
                    + (Shown.isDescriptorUri(d) ? "the namespace " + ns : "its namespace")
                    + "; give one with --edfi-descriptors FILE, e.g. {\"namespace\": \"" + ns
                    + "\", \"extends\": \"" + ED_FI + "\", \"descriptors\": {...}} (README, Ed-Fi input)");
        }
        String k = key(code);
        String found = lookup(namespace, kind, k);
        if (found == null && kind == Kind.LANGUAGE) {
            found = Languages.tagFor(code).orElse(null);
        }
        if (found == null) {
            found = lookup(namespace, kind, "*");
        }
        if (found == null) {
            throw new UnknownDescriptorException("unknown descriptor " + Shown.descriptor(d, codes(kind)) + ": add its code value under "
                    + kind.descriptorName() + " in a descriptor mapping file for " + namespace
                    + " (--edfi-descriptors FILE; README, Ed-Fi input)");
        }
        return found;
    }

    /**
     * {@link #map}, for a descriptor read from a resource record: one that cannot be mapped becomes a
     * {@link Problem} of that record's student, located by the resource and field.
     */
    String map(Kind kind, String descriptor, String resource, String field) {
        try {
            return map(kind, descriptor);
        } catch (UnknownDescriptorException e) {
            throw new Problem(resource, field, e.getMessage());
        }
    }

    /** Every code value some namespace maps for {@code kind} (for telling a near miss of one: {@link Shown#descriptor}). */
    private Set<String> codes(Kind kind) {
        Set<String> out = new TreeSet<>();
        for (Namespace n : namespaces.values()) {
            out.addAll(n.codes().getOrDefault(kind, Map.of()).keySet());
        }
        out.remove("*");
        return out;
    }

    /** The reason this free-text {@code attendanceEventReason} stands for, if a mapping file lists it. */
    public AbsenceReason reason(String text) {
        return text == null ? null : reasons.get(key(text));
    }

    private String lookup(String namespace, Kind kind, String code) {
        Set<String> seen = new TreeSet<>();
        for (String ns = namespace; ns != null && seen.add(ns); ) {
            Namespace n = namespaces.get(ns);
            if (n == null) {
                return null;
            }
            String v = n.codes().getOrDefault(kind, Map.of()).get(code);
            if (v != null) {
                return v;
            }
            ns = n.extendsNamespace();
        }
        return null;
    }

    private static String key(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }

    private static String normalizeNamespace(String ns) {
        String n = ns.strip().toLowerCase(Locale.ROOT);
        return n.endsWith("/") ? n : n + "/";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() ? null : v.textValue();
    }

    /**
     * A descriptor as a message may quote it: a descriptor URI ({@code uri://…/NameDescriptor#code value})
     * is a code from a controlled vocabulary and is quoted, so the message says what to map; anything
     * else is not (the one rule of {@link Shown#descriptor}).
     */
    static String shown(String descriptor) {
        return Shown.descriptor(descriptor, List.of());
    }

    static String clip(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "…";
    }
}
