package org.attendanceoutreach.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attendanceoutreach.school.OutreachKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every practice the library knows, by id, and the stages of a plan in order. Immutable and
 * thread-safe.
 */
public final class Catalog {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern STAGE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    /** The guides' stages, for a catalog built in code without a list of its own. */
    public static final List<Stage> DEFAULT_STAGES = List.of(
            new Stage("CONTACT", "reach the family and learn about them"),
            new Stage("RELATIONSHIP", "build the relationship with positive contacts"),
            new Stage("PROBLEM_SOLVING", "solve problems together with the family"),
            new Stage("INTENSIVE", "intensive support, once a relationship exists"));
    private static final int MAX_DAYS = 200;
    private static final int MAX_MINUTES = 600;

    private final List<Stage> stages;
    private final Map<String, Integer> stageIndex;
    private final Map<String, Practice> byId;
    private final Map<String, String> coveredBy;

    /** A catalog with the guides' default stages. */
    public Catalog(Collection<Practice> practices) {
        this(DEFAULT_STAGES, practices);
    }

    /**
     * @throws IllegalArgumentException when a practice is listed twice, names a stage that is not
     *                                  listed, or covers or replaces a practice that is not in the catalog
     */
    public Catalog(List<Stage> stages, Collection<Practice> practices) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Stage s : stages) {
            if (index.putIfAbsent(s.name(), index.size()) != null) {
                throw new IllegalArgumentException("stage " + s.name() + " is listed twice");
            }
        }
        Map<String, Practice> m = new LinkedHashMap<>();
        for (Practice p : practices) {
            if (m.putIfAbsent(p.id(), p) != null) {
                throw new IllegalArgumentException("practice '" + p.id() + "' is listed twice");
            }
        }
        for (Practice p : m.values()) {
            String problem = crossCheck(p, index.keySet(), m.keySet(), m);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        Map<String, String> covered = new LinkedHashMap<>();
        for (Practice p : m.values()) {
            for (String c : p.covers()) {
                covered.putIfAbsent(c, p.id());
            }
        }
        this.stages = List.copyOf(stages);
        this.stageIndex = Collections.unmodifiableMap(index);
        this.byId = Collections.unmodifiableMap(m);
        this.coveredBy = Collections.unmodifiableMap(covered);
    }

    /**
     * What is wrong with a practice's references to stages and other practices, or null.
     *
     * @param ids    every practice id listed (also of practices that could not be read)
     * @param all    the practices that could be read, by id
     */
    private static String crossCheck(Practice p, Set<String> stages, Set<String> ids, Map<String, Practice> all) {
        if (!stages.contains(p.stage())) {
            return "practice " + p.id() + ": \"stage\" '" + p.stage() + "' is not one of the stages listed at the top: "
                    + String.join(", ", stages);
        }
        for (String c : p.covers()) {
            Practice other = all.get(c);
            if (!ids.contains(c)) {
                return "practice " + p.id() + ": \"covers\" names '" + c + "', which is not a practice in the catalog";
            }
            if (c.equals(p.id())) {
                return "practice " + p.id() + ": a practice cannot cover itself";
            }
            if (other != null && !other.covers().isEmpty()) {
                return "practice " + p.id() + ": \"covers\" names '" + c + "', which covers others itself; list what "
                        + c + " covers here directly instead";
            }
        }
        for (String r : p.replaces()) {
            if (!ids.contains(r)) {
                return "practice " + p.id() + ": \"replaces\" names '" + r + "', which is not a practice in the catalog";
            }
            if (r.equals(p.id())) {
                return "practice " + p.id() + ": a practice cannot replace itself";
            }
        }
        if (p.joinsFirstContact() && !p.covers().isEmpty()) {
            return "practice " + p.id() + ": a practice that joins the first contact cannot cover others";
        }
        return null;
    }

    /** The practice with this id, if the catalog has it. */
    public Optional<Practice> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The practice with this id. @throws IllegalArgumentException when there is none */
    public Practice get(String id) {
        Practice p = byId.get(id);
        if (p == null) {
            throw new IllegalArgumentException("'" + id + "' is not an intervention in the catalog");
        }
        return p;
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** All practices, in catalog order. */
    public List<Practice> practices() {
        return List.copyOf(byId.values());
    }

    /** The stages of a plan, in order. */
    public List<Stage> stages() {
        return stages;
    }

    /** The position of a practice's stage in {@link #stages()} (0 first). */
    public int stageIndex(Practice p) {
        return stageIndex.get(p.stage());
    }

    /** The practice that covers this one, if one does (the first listed). */
    public Optional<String> coveredBy(String id) {
        return Optional.ofNullable(coveredBy.get(id));
    }

    /** The chart's higher-impact practice of a strategy (the first HIGH one listed). */
    public Optional<Practice> higherImpact(Strategy strategy) {
        return byId.values().stream().filter(p -> p.strategy() == strategy && p.impact() == Impact.HIGH).findFirst();
    }

    /**
     * Reads a catalog from JSON text ({@code {"stages": [...], "practices": [...]}}). Every mistake is
     * reported as {@code FILE:LINE: message}.
     */
    public static Catalog parse(String fileName, String json) throws CatalogException {
        ObjectMapper mapper = new ObjectMapper();
        List<Practice> practices = new ArrayList<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        List<Stage> stages = new ArrayList<>();
        int stagesLine = 0;
        List<String> problems = new ArrayList<>();
        try (JsonParser p = mapper.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CatalogException(fileName + ":1: a catalog is a JSON object with a \"stages\" and a \"practices\" array");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if ("stages".equals(field)) {
                    stagesLine = p.currentLocation().getLineNr();
                    if (t != JsonToken.START_ARRAY) {
                        throw new CatalogException(fileName + ":" + stagesLine + ": \"stages\" must be an array");
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        int line = p.currentLocation().getLineNr();
                        try {
                            Stage s = stage(mapper.readTree(p));
                            if (stages.stream().anyMatch(x -> x.name().equals(s.name()))) {
                                problems.add(fileName + ":" + line + ": stage " + s.name() + " is listed twice; keep one");
                            } else {
                                stages.add(s);
                            }
                        } catch (IllegalArgumentException e) {
                            problems.add(fileName + ":" + line + ": " + e.getMessage());
                        }
                    }
                    continue;
                }
                if (!"practices".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                if (t != JsonToken.START_ARRAY) {
                    throw new CatalogException(fileName + ":" + p.currentLocation().getLineNr() + ": \"practices\" must be an array");
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    int line = p.currentLocation().getLineNr();
                    JsonNode n = mapper.readTree(p);
                    if (n.path("id").isTextual()) {
                        ids.add(n.path("id").textValue());
                    }
                    try {
                        Practice practice = practice(n);
                        Integer before = lineOf.putIfAbsent(practice.id(), line);
                        if (before != null) {
                            problems.add(fileName + ":" + line + ": practice '" + practice.id()
                                    + "' is listed twice (first at line " + before + "); keep one");
                        } else {
                            practices.add(practice);
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add(fileName + ":" + line + ": " + e.getMessage());
                    }
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new CatalogException(fileName + ":" + line + ": not valid JSON; look for a missing comma, quote or bracket");
        } catch (IOException e) {
            throw new CatalogException(fileName + ":0: cannot be read");
        }
        if (stages.isEmpty() && problems.isEmpty()) {
            problems.add(fileName + ":" + Math.max(1, stagesLine) + ": \"stages\" is required: the stages of a plan in order, "
                    + "like [{\"stage\": \"CONTACT\", \"description\": \"…\"}, …]");
        }
        if (!stages.isEmpty()) {
            Set<String> stageNames = new LinkedHashSet<>();
            stages.forEach(s -> stageNames.add(s.name()));
            Map<String, Practice> all = new LinkedHashMap<>();
            practices.forEach(x -> all.put(x.id(), x));
            for (Practice x : practices) {
                String problem = crossCheck(x, stageNames, ids, all);
                if (problem != null) {
                    problems.add(fileName + ":" + lineOf.get(x.id()) + ": " + problem);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(String.join("\n", problems));
        }
        return new Catalog(stages, practices);
    }

    private static Stage stage(JsonNode n) {
        JsonNode name = n.get("stage");
        if (name == null || !name.isTextual() || !STAGE.matcher(name.textValue()).matches()) {
            throw new IllegalArgumentException("a stage needs \"stage\": a name in capitals, like \"PROBLEM_SOLVING\"");
        }
        JsonNode d = n.get("description");
        if (d == null || !d.isTextual() || d.textValue().isBlank()) {
            throw new IllegalArgumentException("stage " + name.textValue() + ": \"description\" is required (what the stage is for)");
        }
        return new Stage(name.textValue(), d.textValue());
    }

    private static Practice practice(JsonNode n) {
        String id = text(n, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "' must be kebab-case, like personal-call-home");
        }
        return new Practice(id,
                value(n, "strategy", Strategy.class, id),
                value(n, "impact", Impact.class, id),
                value(n, "owner", Owner.class, id),
                flag(n, "reachesFamily", false, id),
                text(n, "description"),
                text(n, "source"),
                text(n, "stage"),
                whole(n, "dueWithinSchoolDays", MAX_DAYS, id, "school days"),
                flag(n, "call", false, id),
                whole(n, "minutes", MAX_MINUTES, id, "minutes"),
                ids(n, "covers", id),
                ids(n, "replaces", id),
                flag(n, "intensive", false, id),
                flag(n, "joinsFirstContact", false, id),
                flag(n, "onlyWithFamilyContact", false, id),
                flag(n, "inYear", true, id),
                kinds(n, id),
                optionalText(n, "name", id),
                supportTier(n, id));
    }

    private static String optionalText(JsonNode n, String field, String id) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank() || v.textValue().length() > 80) {
            throw new IllegalArgumentException("practice " + id + ": \"" + field + "\" is a short text (at most 80 characters)");
        }
        return v.textValue();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            throw new IllegalArgumentException("practice " + n.path("id").asText("?") + ": \"" + field + "\" is required");
        }
        return v.textValue();
    }

    private static boolean flag(JsonNode n, String field, boolean otherwise, String id) {
        JsonNode v = n.get(field);
        if (v == null) {
            return otherwise;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("practice " + id + ": \"" + field + "\" must be true or false (without quotes)");
        }
        return v.booleanValue();
    }

    private static int whole(JsonNode n, String field, int max, String id, String unit) {
        JsonNode v = n.get(field);
        if (v == null) {
            throw new IllegalArgumentException("practice " + id + ": \"" + field + "\" is required (a whole number of " + unit + ")");
        }
        if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > max) {
            throw new IllegalArgumentException("practice " + id + ": \"" + field + "\" must be a whole number of " + unit
                    + " from 0 to " + max + ", without quotes");
        }
        return v.intValue();
    }

    private static List<String> ids(JsonNode n, String field, String id) {
        JsonNode v = n.get(field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("practice " + id + ": \"" + field + "\" must be a list of practice ids, like [\"parent-network-help\"]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new IllegalArgumentException("practice " + id + ": \"" + field + "\" must be a list of practice ids");
            }
            if (!out.contains(e.textValue())) {
                out.add(e.textValue());
            }
        }
        return out;
    }

    private static int supportTier(JsonNode n, String id) {
        JsonNode v = n.get("supportTier");
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || (v.asInt() != 2 && v.asInt() != 3)) {
            throw new IllegalArgumentException("practice " + id + ": \"supportTier\" must be 2 (early intervention) or 3 (intensive),"
                    + " without quotes; leave it out for a practice that is not a support put in place over time");
        }
        return v.asInt();
    }

    private static Set<OutreachKind> kinds(JsonNode n, String id) {
        JsonNode v = n.get("doneBy");
        if (v == null) {
            return Set.of();
        }
        String allowed = Arrays.toString(OutreachKind.values());
        if (!v.isArray()) {
            throw new IllegalArgumentException("practice " + id + ": \"doneBy\" must be a list of outreach kinds from " + allowed);
        }
        Set<OutreachKind> out = EnumSet.noneOf(OutreachKind.class);
        for (JsonNode e : v) {
            try {
                out.add(OutreachKind.valueOf(e.asText()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("practice " + id + ": \"doneBy\" '" + e.asText() + "' is not one of " + allowed);
            }
        }
        return out;
    }

    private static <E extends Enum<E>> E value(JsonNode n, String field, Class<E> type, String id) {
        String v = text(n, field);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("practice " + id + ": \"" + field + "\" '" + v + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
