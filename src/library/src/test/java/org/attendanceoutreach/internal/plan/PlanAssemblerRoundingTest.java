package org.attendanceoutreach.internal.plan;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A result's {@code absenceRate} is rounded to four decimals without {@code BigDecimal} in the usual
 * case, and gives exactly what {@code BigDecimal} gave: for every share of days a year can have,
 * and for doubles of every size. (Broken on purpose once, rounding half down: the shares failed.)
 */
class PlanAssemblerRoundingTest {
    private static void same(double d) {
        double expected = BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).doubleValue();
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(PlanAssembler.round4(d)), () -> "for " + d);
    }

    @Test
    void everyShareOfAYear() {
        for (int days = 1; days <= 260; days++) {
            for (int halves = 0; halves <= 2 * days; halves++) {
                same(halves / 2.0 / days);
            }
        }
    }

    @Test
    void doublesOfEverySize() {
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 2_000_000; i++) {
            double d = switch (i % 4) {
                case 0 -> r.nextDouble();
                case 1 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-6, 12));
                case 2 -> Math.round(r.nextDouble() * 1_000_000) / 100_000.0 + (r.nextBoolean() ? 0.00005 : -0.00005);
                default -> Double.longBitsToDouble(r.nextLong());
            };
            if (Double.isFinite(d)) {
                same(d);
            }
        }
        for (double d : new double[]{0, -0.0, 1, 0.00005, 0.99995, 9.99995, -9.99995, 0.12345, 0.12355, -0.00004, 1e-3, 9999999.99995}) {
            same(d);
        }
    }
}
