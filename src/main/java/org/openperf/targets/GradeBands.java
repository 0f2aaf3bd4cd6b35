package org.openperf.targets;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** Optional 优/良/中/差 grading bands of an indicator, each as its value text (e.g. 100% · ≥90% · ≥80% · <80%). */
@Embeddable
public class GradeBands {

    @Column(name = "band_excellent", length = 200)
    private String excellent;

    @Column(name = "band_good", length = 200)
    private String good;

    @Column(name = "band_fair", length = 200)
    private String fair;

    @Column(name = "band_poor", length = 200)
    private String poor;

    protected GradeBands() {
    }

    public GradeBands(String excellent, String good, String fair, String poor) {
        this.excellent = excellent;
        this.good = good;
        this.fair = fair;
        this.poor = poor;
    }

    public String getExcellent() {
        return excellent;
    }

    public String getGood() {
        return good;
    }

    public String getFair() {
        return fair;
    }

    public String getPoor() {
        return poor;
    }

    public boolean isEmpty() {
        return excellent == null && good == null && fair == null && poor == null;
    }

    /** Whether every band given is a number ({@code ≥95%}), so that only a number can be graded by them. */
    public boolean numeric(int fiscalYear) {
        boolean any = false;
        for (String t : texts()) {
            if (t == null) {
                continue;
            }
            TargetValue v = TargetValueParser.parse(t, fiscalYear);
            if (v == null || !v.isQuantitative() || v.getNumber() == null) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The bands from 优 to 差 (blank ones null). */
    public String[] texts() {
        return new String[] {excellent, good, fair, poor};
    }

    /**
     * The band (0 优, 1 良, 2 中, 3 差) a value falls in, or -1 when none: a text equal to a band's words takes
     * that band (及时 / 延期一周 …; spaces ignored); otherwise, when every band is a number, the first band from 优
     * the number satisfies. A band without operator ({@code 100%}) means "reaches it" in the direction the bands
     * run (≥ when 优 is above 差).
     */
    public int grade(BigDecimal number, String text, int fiscalYear) {
        String[] t = texts();
        if (text != null && !text.isBlank()) {
            for (int i = 0; i < t.length; i++) {
                if (t[i] != null && compact(t[i]).equals(compact(text))) {
                    return i;
                }
            }
        }
        BigDecimal n = number;
        if (n == null && text != null) {
            TargetValue read = TargetValueParser.parse(text, fiscalYear);
            n = read != null && read.isQuantitative() ? read.getNumber() : null;
        }
        if (n == null) {
            return -1;
        }
        TargetValue[] v = new TargetValue[t.length];
        TargetValue first = null;
        TargetValue last = null;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == null) {
                continue;
            }
            v[i] = TargetValueParser.parse(t[i], fiscalYear);
            if (v[i] == null || !v[i].isQuantitative() || v[i].getNumber() == null) {
                return -1;
            }
            first = first == null ? v[i] : first;
            last = v[i];
        }
        if (first == null) {
            return -1;
        }
        boolean higherIsBetter = first.getNumber().compareTo(last.getNumber()) >= 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] != null && satisfies(n, v[i], higherIsBetter)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code a} is within one band ("≥95%"); a bare number is reached from the better side. */
    public static boolean satisfies(BigDecimal a, TargetValue band, boolean higherIsBetter) {
        BigDecimal n = band.getNumber();
        Operator op = band.getOperator() == null ? Operator.EQ : band.getOperator();
        return switch (op) {
            case GE -> a.compareTo(n) >= 0;
            case GT -> a.compareTo(n) > 0;
            case LE -> a.compareTo(n) <= 0;
            case LT -> a.compareTo(n) < 0;
            case EQ -> higherIsBetter ? a.compareTo(n) >= 0 : a.compareTo(n) <= 0;
        };
    }

    private static String compact(String s) {
        return s.replaceAll("[\\s\\u3000\\u00a0]+", "").replace('％', '%');
    }
}
