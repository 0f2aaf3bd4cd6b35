package org.openperf.evaluation;

/**
 * The tier a preparer (or, for a missed deadline, the reviewer) picks for a qualitative indicator, with the part of
 * the weight a score in it may take: 达成 [80%, 100%], 部分达成 [60%, 80%), 未达成 [0, 60%).
 */
public enum QualitativeTier {
    ACHIEVED("达成", 80, 100, true),
    PARTLY_ACHIEVED("部分达成", 60, 80, false),
    NOT_ACHIEVED("未达成", 0, 60, false);

    private final String label;
    private final int fromPercent;
    private final int toPercent;
    private final boolean toIncluded;

    QualitativeTier(String label, int fromPercent, int toPercent, boolean toIncluded) {
        this.label = label;
        this.fromPercent = fromPercent;
        this.toPercent = toPercent;
        this.toIncluded = toIncluded;
    }

    public String label() {
        return label;
    }

    /** The lowest score of the tier for a weight (included). */
    public Fraction lowest(Fraction weight) {
        return weight.multiply(Fraction.of(fromPercent, 100));
    }

    /** The upper end of the tier for a weight: included for 达成 only. */
    public Fraction upper(Fraction weight) {
        return weight.multiply(Fraction.of(toPercent, 100));
    }

    public boolean allows(Fraction score, Fraction weight) {
        int upper = score.compareTo(upper(weight));
        return score.compareTo(lowest(weight)) >= 0 && (toIncluded ? upper <= 0 : upper < 0);
    }

    /** The tier as an interval, e.g. {@code [60%, 80%)}. */
    public String range() {
        return "[" + fromPercent + "%, " + toPercent + "%" + (toIncluded ? "]" : ")");
    }
}
