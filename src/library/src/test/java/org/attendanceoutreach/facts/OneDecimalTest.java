package org.attendanceoutreach.facts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The phrases' one-decimal numbers ("13.5%") are made by rounding the shortest decimal digits half up
 * without {@code BigDecimal} or the formatter: the same text as {@code BigDecimal} (what it replaced), and
 * as {@code String.format("%.1f")} for every number that is not negative, for shares and day counts as
 * the phrases have them and for doubles of every size.
 * (Broken on purpose once, rounding 0.05 down: the shares failed at once.)
 */
class OneDecimalTest {
    private static void same(double d) {
        if (!(d < 0)) { // the phrases' numbers; for a negative that rounds to zero the formatter writes -0.0
            assertEquals(String.format(Locale.ROOT, "%.1f", d), StudentFacts.oneDecimal(d), () -> "for " + d);
        }
        String plain = Double.toString(d);
        if (Double.isFinite(d) && plain.indexOf('E') < 0) {
            assertEquals(new BigDecimal(plain).setScale(1, RoundingMode.HALF_UP).toPlainString(),
                    StudentFacts.roundedToOneDecimal(plain), () -> "for " + plain);
        }
    }

    @Test
    void sharesAndDaysAsThePhrasesHaveThem() {
        for (int days = 1; days <= 250; days++) {
            for (int halves = 0; halves <= 2 * days; halves++) {
                same(halves / 2.0 / days * 100);
                same(halves / 2.0);
            }
        }
    }

    @Test
    void doublesOfEverySize() {
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 2_000_000; i++) {
            double d = switch (i % 4) {
                case 0 -> r.nextDouble() * 100;
                case 1 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-6, 12));
                case 2 -> Math.round(r.nextDouble() * 10_000) / 100.0 + (r.nextBoolean() ? 0.05 : -0.05);
                default -> Double.longBitsToDouble(r.nextLong());
            };
            same(d);
        }
        for (double d : new double[]{0, 0.05, 0.15, 0.25, 0.95, 9.95, 99.95, 999.95, -0.05, -0.04, -9.96, 0.04999, 1e-3, 9.999999e6,
                1e7, 123456789.55, Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE, Double.NaN}) {
            same(d);
        }
    }
}
