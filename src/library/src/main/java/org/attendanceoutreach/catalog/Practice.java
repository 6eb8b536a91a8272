package org.attendanceoutreach.catalog;

import java.util.Objects;

/**
 * One practice of the catalog.
 *
 * @param id            stable kebab-case id (never reused)
 * @param strategy      which of the nine strategies it belongs to
 * @param impact        HIGH, MODERATE or LOW
 * @param owner         who does it unless a rule says otherwise
 * @param reachesFamily whether doing it means contacting the family (then a recommendation says whom,
 *                      in which language, and whether an interpreter is needed)
 * @param description   what staff do, in plain words
 * @param source        where the evidence for it comes from
 */
public record Practice(String id, Strategy strategy, Impact impact, Owner owner, boolean reachesFamily,
                       String description, String source) {
    public Practice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(owner, "owner");
    }
}
