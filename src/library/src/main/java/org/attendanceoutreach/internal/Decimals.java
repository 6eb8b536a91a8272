package org.attendanceoutreach.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding and writing the few kinds of number a result carries (shares of days, day counts) as
 * {@code BigDecimal} and {@code Double.toString} do, without making the decimal digits of every
 * number first: a district rounds and writes several numbers per student. Each fast path gives way
 * to the exact method whenever it cannot be sure. Not part of the API.
 */
public final class Decimals {
    /** How far from a tie a scaled number must be for the double itself to decide the rounding. */
    private static final double MARGIN = 1e-6;
    /** Numbers below this are rounded by the fast path (their scaled error is far below the margin). */
    private static final double FAST_BELOW = 1e5;
    /** Numbers written by the fast path: {@code k / 10^4} for {@code 10 <= k < PLAIN_BELOW}. */
    static final long PLAIN_BELOW = 10_000_000;

    private Decimals() {
    }

    /**
     * {@code BigDecimal.valueOf(d).setScale(4, HALF_UP).doubleValue()}: the shortest decimal digits of
     * {@code d} ({@code Double.toString}) rounded half up to four places, as the nearest double.
     *
     * <p>Fast path, for {@code 0 < d < 10^5}: the digits {@code Double.toString} writes are within
     * half an ulp of {@code d}, so when {@code d * 10^4} is further than {@value #MARGIN} from a
     * half (its own rounding error is below 10^-10 there) the digits round the same way as {@code d}
     * does, and {@code k / 10^4.0}, one correctly rounded division, is the double nearest the
     * rounded decimal {@code k / 10^4}. Near a tie the digits are rounded as written.
     */
    public static double round4(double d) {
        if (d > 0 && d < FAST_BELOW) {
            double x = d * 10_000;
            double whole = Math.floor(x);
            double fraction = x - whole; // exact
            if (Math.abs(fraction - 0.5) > MARGIN) {
                return ((long) whole + (fraction > 0.5 ? 1 : 0)) / 10_000.0;
            }
        }
        return round4ByDigits(d);
    }

    /** {@link #round4} by rounding the digits {@code Double.toString} writes (or by {@code BigDecimal}). */
    static double round4ByDigits(double d) {
        if (d == 0) {
            return 0.0; // BigDecimal has no negative zero
        }
        String s = Double.toString(d);
        int dot = s.indexOf('.');
        if (!Double.isFinite(d) || dot < 0 || s.indexOf('E') >= 0) {
            return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).doubleValue();
        }
        if (s.length() - dot - 1 <= 4) {
            return d; // four decimals or fewer: already what rounding gives
        }
        char[] digits = new char[dot + 5];
        s.getChars(0, dot + 5, digits, 0);
        if (s.charAt(dot + 5) >= '5') {
            int i = digits.length - 1;
            while (i >= 0 && (digits[i] == '9' || digits[i] == '.')) {
                if (digits[i] == '9') {
                    digits[i] = '0';
                }
                i--;
            }
            if (i < 0 || digits[i] == '-') {
                return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).doubleValue(); // 9.99995 and the like
            }
            digits[i]++;
        }
        return Double.parseDouble(new String(digits));
    }

    /**
     * {@code String.format(Locale.ROOT, "%.1f", d)} for {@code 0 <= d < 10^5} when {@code d * 10} is
     * not within {@value #MARGIN} of a half (the formatter rounds the shortest digits half up, and
     * those round as {@code d} does there, as in {@link #round4}); else null, and the caller rounds
     * the digits.
     */
    public static String oneDecimalOrNull(double d) {
        if (!(d >= 0 && d < FAST_BELOW) || Double.doubleToRawLongBits(d) == Long.MIN_VALUE) {
            return null;
        }
        double x = d * 10;
        double whole = Math.floor(x);
        double fraction = x - whole;
        if (Math.abs(fraction - 0.5) <= MARGIN) {
            return null;
        }
        long k = (long) whole + (fraction > 0.5 ? 1 : 0);
        return (k / 10) + "." + (char) ('0' + k % 10);
    }

    /**
     * {@code Double.toString(d)} when {@code d} is {@code k / 10^4.0} for {@code 10 <= k < 10^7}
     * (a rate rounded to four places, a count of half days), written from {@code k}; else null.
     * {@code DecimalsTest} compares the two for every such {@code k}.
     */
    public static String plainOrNull(double d) {
        if (!(d >= 0.001 && d < PLAIN_BELOW / 10_000.0)) {
            return null;
        }
        long k = Math.round(d * 10_000);
        if (k / 10_000.0 != d) {
            return null;
        }
        return plain(k);
    }

    /** {@code k / 10^4} with at least one decimal and no trailing zeros after it. */
    static String plain(long k) {
        long whole = k / 10_000;
        int fraction = (int) (k % 10_000);
        if (fraction == 0) {
            return whole + ".0";
        }
        int places = 4;
        while (fraction % 10 == 0) {
            fraction /= 10;
            places--;
        }
        char[] digits = new char[places];
        for (int i = places - 1; i >= 0; i--) {
            digits[i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        return whole + "." + new String(digits);
    }
}
