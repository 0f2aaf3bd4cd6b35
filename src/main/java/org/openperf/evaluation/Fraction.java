package org.openperf.evaluation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An exact rational number. Scores are computed with fractions so that default weights such as 50/7 sum back to
 * exactly 50 and a table that meets every target scores exactly 100: decimal arithmetic of any precision would leave
 * a residue (34-digit 50/7 × 7 = 50.00000000000000000000000000000001). Always kept in lowest terms with a positive
 * denominator, so {@link #equals} is value equality.
 */
public final class Fraction implements Comparable<Fraction> {

    /** The precision of {@link #toBigDecimal()}: IEEE 754 decimal128, 34 significant digits. */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
    public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Fraction(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public static Fraction of(long numerator, long denominator) {
        return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public static Fraction of(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        return new Fraction(numerator, denominator);
    }

    public static Fraction of(long value) {
        return of(BigInteger.valueOf(value), BigInteger.ONE);
    }

    /** The exact value of a decimal: 7.14 is 714/100 = 357/50. */
    public static Fraction of(BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        if (scale >= 0) {
            return of(unscaled, BigInteger.TEN.pow(scale));
        }
        return of(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
    }

    /** Parses {@code 50/7}, {@code 89.995} or {@code -3}. */
    public static Fraction parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return of(new BigDecimal(text.trim()));
        }
        return of(new BigInteger(text.substring(0, slash).trim()), new BigInteger(text.substring(slash + 1).trim()));
    }

    public BigInteger numerator() {
        return numerator;
    }

    public BigInteger denominator() {
        return denominator;
    }

    public Fraction add(Fraction o) {
        return of(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
                denominator.multiply(o.denominator));
    }

    public Fraction subtract(Fraction o) {
        return add(o.negate());
    }

    public Fraction multiply(Fraction o) {
        return of(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
    }

    public Fraction divide(Fraction o) {
        return of(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
    }

    public Fraction negate() {
        return new Fraction(numerator.negate(), denominator);
    }

    public int signum() {
        return numerator.signum();
    }

    public Fraction min(Fraction o) {
        return compareTo(o) <= 0 ? this : o;
    }

    public Fraction max(Fraction o) {
        return compareTo(o) >= 0 ? this : o;
    }

    /** The decimal value to 34 significant digits (exact when the fraction is a finite decimal). */
    public BigDecimal toBigDecimal() {
        BigDecimal quotient = new BigDecimal(numerator).divide(new BigDecimal(denominator), PRECISION);
        return quotient.signum() == 0 ? BigDecimal.ZERO : quotient.stripTrailingZeros();
    }

    /** Rounded half-up (away from zero on a tie) to the given number of decimals, from the exact value. */
    public BigDecimal round(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
    }

    @Override
    public int compareTo(Fraction o) {
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fraction f && numerator.equals(f.numerator) && denominator.equals(f.denominator);
    }

    @Override
    public int hashCode() {
        return 31 * numerator.hashCode() + denominator.hashCode();
    }

    /** {@code 50/7}, or {@code 10} for an integer. */
    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
