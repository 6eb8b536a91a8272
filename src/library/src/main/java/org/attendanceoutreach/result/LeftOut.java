package org.attendanceoutreach.result;

/**
 * A practice the rules proposed that the plan leaves out, and why: it is already in place
 * ({@code interventions[]}), or the record shows it was done since the need arose (the catalog's
 * {@code doneBy}). {@code explain} shows them; the other formats do not.
 *
 * @param intervention the catalog id
 * @param reason       why it is left out, in plain words
 * @param rule         the rules that proposed it ({@code "; "} between several)
 */
public record LeftOut(String intervention, String reason, String rule) {
}
