package org.attendanceoutreach.result;

import java.util.List;

/**
 * A practice that waits for a condition before it is recommended (contract section 8, {@code next}):
 * intensive support before a positive contact with the family, say.
 *
 * @param intervention the catalog id
 * @param after        the condition, in plain words ("a positive contact with the family")
 * @param because      the facts that will make it due, as the rules gave them
 * @param rule         the rules that proposed it ({@code "; "} between several)
 * @param covers       other catalog ids it will also carry out
 */
public record NextStep(String intervention, String after, List<String> because, String rule, List<String> covers) {
    public NextStep {
        because = List.copyOf(because);
        covers = covers == null ? List.of() : List.copyOf(covers);
    }
}
