package org.attendanceoutreach.result;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How a student is doing since a support was put in place (contract section 8, {@code progress[]}).
 * Both shares count the student's enrolled school days (section 1) up to "today": the days before
 * {@code startedOn} from the first enrolled day, and the days from {@code startedOn} through today.
 * Half days missed count half, as for the year's rate; tardies and early departures do not count.
 *
 * @param intervention     the catalog id of the support
 * @param startedOn        the day it started
 * @param schoolDaysBefore enrolled school days before it started (this school year)
 * @param schoolDaysSince  enrolled school days from the day it started through today
 * @param rateBefore       share of {@code schoolDaysBefore} missed, rounded to 4 decimals; null with none
 * @param rateSince        share of {@code schoolDaysSince} missed, rounded to 4 decimals; null with none
 * @param trend            TOO_EARLY, IMPROVING or NOT_IMPROVING
 * @param because          the comparison in plain words
 */
public record Progress(String intervention, LocalDate startedOn, int schoolDaysBefore, int schoolDaysSince,
                       Double rateBefore, Double rateSince, Trend trend, String because) {
    public Progress {
        Objects.requireNonNull(intervention, "intervention");
        Objects.requireNonNull(startedOn, "startedOn");
        Objects.requireNonNull(trend, "trend");
    }
}
