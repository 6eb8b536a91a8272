package org.attendanceoutreach.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Every practice the library knows, by id. Immutable and thread-safe. */
public final class Catalog {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private final Map<String, Practice> byId;

    public Catalog(Collection<Practice> practices) {
        Map<String, Practice> m = new LinkedHashMap<>();
        for (Practice p : practices) {
            if (m.putIfAbsent(p.id(), p) != null) {
                throw new IllegalArgumentException("practice '" + p.id() + "' is listed twice");
            }
        }
        this.byId = Collections.unmodifiableMap(m);
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

    /** The chart's higher-impact practice of a strategy (the first HIGH one listed). */
    public Optional<Practice> higherImpact(Strategy strategy) {
        return byId.values().stream().filter(p -> p.strategy() == strategy && p.impact() == Impact.HIGH).findFirst();
    }

    /**
     * Reads a catalog from JSON text ({@code {"practices": [...]}}). Every mistake is reported as
     * {@code FILE:LINE: message}.
     */
    public static Catalog parse(String fileName, String json) throws CatalogException {
        ObjectMapper mapper = new ObjectMapper();
        List<Practice> practices = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        try (JsonParser p = mapper.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CatalogException(fileName + ":1: a catalog is a JSON object with a \"practices\" array");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
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
                    try {
                        Practice practice = practice(n);
                        Integer before = seen.putIfAbsent(practice.id(), line);
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
        if (!problems.isEmpty()) {
            throw new CatalogException(String.join("\n", problems));
        }
        return new Catalog(practices);
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
                n.path("reachesFamily").asBoolean(false),
                text(n, "description"),
                text(n, "source"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            throw new IllegalArgumentException("practice " + n.path("id").asText("?") + ": \"" + field + "\" is required");
        }
        return v.textValue();
    }

    private static <E extends Enum<E>> E value(JsonNode n, String field, Class<E> type, String id) {
        String v = text(n, field);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("practice " + id + ": \"" + field + "\" '" + v + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
