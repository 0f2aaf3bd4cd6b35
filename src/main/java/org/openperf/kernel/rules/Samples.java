package org.openperf.kernel.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;

/**
 * Numbers a band table is tried on before it is deployed, in ascending order: every tenth from 0 to {@code fine},
 * a hundredth on each side of every whole number up to it (where band edges lie: 59.99 | 60), and every whole number
 * up to {@code whole}. About 2,400 evaluations for a light table instead of 20,000 hundredths: the check runs at
 * every new deployment, including the app's first start.
 */
public final class Samples {

    private Samples() {
    }

    public static List<BigDecimal> upTo(int fine, int whole) {
        TreeSet<BigDecimal> out = new TreeSet<>();
        for (int tenths = 0; tenths <= fine * 10; tenths++) {
            out.add(BigDecimal.valueOf(tenths, 1).setScale(2));
        }
        for (int n = 0; n <= fine; n++) {
            if (n > 0) {
                out.add(BigDecimal.valueOf(n * 100L - 1, 2));
            }
            out.add(BigDecimal.valueOf(n * 100L + 1, 2));
        }
        for (int n = fine + 1; n <= whole; n++) {
            out.add(BigDecimal.valueOf(n).setScale(2));
        }
        return List.copyOf(out);
    }
}
