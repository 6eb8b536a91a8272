package org.attendanceoutreach.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast paths of {@link Decimals} say what the exact methods say: {@code plainOrNull} is
 * {@code Double.toString} for every {@code k / 10^4} it takes (all ten million of them) and null
 * for anything else; {@code round4} is {@code BigDecimal}'s rounding and {@code oneDecimalOrNull}
 * the formatter's, for every share of days a year can have, near every tie, and for doubles of
 * every size; how often each fast path gives way is counted. (Broken on purpose once, the tie
 * margin set to zero: a tie as written, 8.97675, was rounded as the double just below it, and failed.) {@code PlanAssemblerRoundingTest} and {@code OneDecimalTest} check the callers.
 */
class DecimalsTest {
    @Test
    void plainIsDoubleToStringForEveryRateAndCount() {
        for (long k = 10; k < Decimals.PLAIN_BELOW; k++) {
            double d = k / 10_000.0;
            String fast = Decimals.plainOrNull(d);
            if (!Double.toString(d).equals(fast)) {
                assertEquals(Double.toString(d), fast, "k = " + k);
            }
        }
        for (double d : new double[]{0.0, -0.0, 0.0009, 1e-4, 5e-4, 1000.0, 1e7, -0.5, Double.NaN, 0.12345, 1.0 / 3, Math.nextUp(0.1)}) {
            String fast = Decimals.plainOrNull(d);
            assertTrue(fast == null || fast.equals(Double.toString(d)), "for " + d + ": " + fast);
        }
        assertNull(Decimals.plainOrNull(0.12345));
        assertNull(Decimals.plainOrNull(Math.nextUp(0.1)));
        assertNull(Decimals.plainOrNull(-0.0));
    }

    private int fastRounding;
    private int exactRounding;

    private void same(double d) {
        double expected = BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).doubleValue();
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(Decimals.round4(d)), () -> "round4 " + d);
        String one = Decimals.oneDecimalOrNull(d);
        if (one != null) {
            fastRounding++;
            assertEquals(String.format(Locale.ROOT, "%.1f", d), one, () -> "one decimal " + d);
        } else {
            exactRounding++;
        }
    }

    @Test
    void roundingIsBigDecimalsAndTheFormattersNearTiesAndEverywhere() {
        for (int days = 1; days <= 260; days++) {
            for (int halves = 0; halves <= 2 * days; halves++) {
                same(halves / 2.0 / days);
                same(halves / 2.0 / days * 100);
                same(halves / 2.0);
            }
        }
        SplittableRandom r = new SplittableRandom(23);
        for (int i = 0; i < 300_000; i++) {
            double d = switch (i % 5) {
                case 0 -> r.nextDouble();
                case 1 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-6, 12));
                case 2 -> Math.round(r.nextDouble() * 1_000_000) / 100_000.0 + (r.nextBoolean() ? 0.00005 : -0.00005);
                case 3 -> Math.round(r.nextDouble() * 10_000) / 100.0 + (r.nextBoolean() ? 0.05 : -0.05);
                default -> Double.longBitsToDouble(r.nextLong());
            };
            if (Double.isFinite(d)) {
                same(d);
                same(Math.nextUp(d));
                same(Math.nextDown(d));
            }
        }
        for (double d : new double[]{0, -0.0, 1, 0.00005, 0.99995, 9.99995, 0.05, 0.15, 0.25, 0.95, 9.95, 99.95, 1e-3, 99999.95,
                1e5, 0.12345, 0.12355, 1e-300}) {
            same(d);
        }
        assertTrue(fastRounding > 500_000, "fast: " + fastRounding);
        assertTrue(exactRounding > 100_000, "exact: " + exactRounding);
    }
}
