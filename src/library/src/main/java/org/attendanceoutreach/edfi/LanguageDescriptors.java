package org.attendanceoutreach.edfi;

import com.fasterxml.jackson.databind.JsonNode;
import org.attendanceoutreach.edfi.DescriptorMap.Kind;
import org.attendanceoutreach.edfi.DescriptorMap.UnknownDescriptorException;
import org.attendanceoutreach.internal.Languages;

import java.util.function.BiConsumer;

/**
 * The language to use from an Ed-Fi {@code languages} list (on a student's education organization
 * association or demographics, or on a parent or contact): the first with the most preferred use.
 *
 * <p>A language descriptor is mapped by the {@link DescriptorMap} (a district's own entries, then every
 * ISO 639 code and English name). One that cannot be mapped ("Other", an unknown name, an empty
 * descriptor) never costs the student: it gives a warning naming the descriptor, and the language is
 * kept as given (its code value; {@code und} when empty), so that it differs from the school's
 * language and an interpreter is flagged.
 */
final class LanguageDescriptors {
    /** The chosen language and how preferred its use is (lower is better). */
    record Choice(String tag, int rank) {
    }

    private final DescriptorMap descriptors;

    LanguageDescriptors(DescriptorMap descriptors) {
        this.descriptors = descriptors;
    }

    /**
     * The preferred language of a {@code languages} list: the first with the first preferred use, then
     * the next preferred use, then one without uses, then any; null when the list is empty or absent.
     *
     * @param warn told (field, message) of each language that could not be mapped
     */
    Choice preferred(JsonNode languages, String resource, String at, BiConsumer<String, String> warn, String... preferred) {
        if (languages == null || !languages.isArray()) {
            return null;
        }
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        for (int j = 0; j < languages.size(); j++) {
            JsonNode l = languages.get(j);
            String field = at + ".languages[" + j + "]";
            int rank = preferred.length + 1;
            JsonNode uses = l.get("uses");
            if (uses == null || !uses.isArray() || uses.isEmpty()) {
                rank = preferred.length;
            } else {
                for (int k = 0; k < uses.size(); k++) {
                    String use = descriptors.map(Kind.LANGUAGE_USE, Fields.text(uses.get(k), "languageUseDescriptor"), resource,
                            field + ".uses[" + k + "].languageUseDescriptor");
                    for (int p = 0; p < preferred.length; p++) {
                        if (preferred[p].equals(use)) {
                            rank = Math.min(rank, p);
                        }
                    }
                }
            }
            if (rank < bestRank) {
                best = j;
                bestRank = rank;
            }
        }
        if (best < 0) {
            return null;
        }
        String field = at + ".languages[" + best + "].languageDescriptor";
        return new Choice(tag(Fields.text(languages.get(best), "languageDescriptor"), field, warn), bestRank);
    }

    private String tag(String descriptor, String field, BiConsumer<String, String> warn) {
        try {
            return descriptors.map(Kind.LANGUAGE, descriptor);
        } catch (UnknownDescriptorException e) {
            String given = descriptor == null ? "" : descriptor.substring(descriptor.lastIndexOf('#') + 1).strip();
            warn.accept(field, (descriptor == null || descriptor.isBlank() ? "is empty"
                    : DescriptorMap.shown(descriptor) + " is not an ISO 639 language (a code or an English name)")
                    + "; the student is evaluated, the language is kept as given"
                    + (given.isEmpty() ? " (" + Languages.UNDETERMINED + ", undetermined)" : "")
                    + " and an interpreter is flagged; to map it, list it under LanguageDescriptor in a descriptor"
                    + " mapping file (--edfi-descriptors FILE; README, Ed-Fi input)");
            return given.isEmpty() ? Languages.UNDETERMINED : given;
        }
    }
}
