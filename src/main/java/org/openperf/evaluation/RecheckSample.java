package org.openperf.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Finance's re-check sample (财政复核抽样) of one round, with no web, engine or stored state: the same seed and the
 * same projects give the same sample on every node and every re-run.
 *
 * <p>The share: each project of the round gets a draw from SplitMix64 of (seed, project id), written out here so it
 * never changes with the JDK; the ⌈share × projects⌉ projects with the lowest draws are in the sample. On top of it
 * every 差 and every project with 全年预算数 above the threshold is re-checked, whatever its draw.
 */
public final class RecheckSample {

    /** Why a project is re-checked; a project may have several reasons. */
    public enum Reason {
        SHARE("随机抽样"), POOR("等级为差"), LARGE_BUDGET("预算规模大");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final long seed;
    private final List<Long> drawn;

    /** @param population the project ids the round reached */
    public RecheckSample(long seed, Collection<Long> population, BigDecimal sharePercent) {
        this.seed = seed;
        int size = population.size();
        int count = BigDecimal.valueOf(size).multiply(sharePercent)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValue();
        this.drawn = population.stream().distinct()
                .sorted(Comparator.comparingLong((Long id) -> draw(seed, id)).thenComparing(id -> id))
                .limit(count).toList();
    }

    /** The projects drawn for the share, lowest draw first. */
    public List<Long> drawn() {
        return drawn;
    }

    public long seed() {
        return seed;
    }

    /**
     * Why this project is re-checked; empty when it is not.
     *
     * @param grade  the grade as scored (差 is always re-checked)
     * @param budget 全年预算数 in 万元
     */
    public List<Reason> reasons(Long projectId, Grade grade, BigDecimal budget, RecheckSettings settings) {
        List<Reason> reasons = new ArrayList<>();
        if (drawn.contains(projectId)) {
            reasons.add(Reason.SHARE);
        }
        if (grade == Grade.POOR) {
            reasons.add(Reason.POOR);
        }
        if (budget != null && budget.compareTo(settings.largeBudgetAbove()) > 0) {
            reasons.add(Reason.LARGE_BUDGET);
        }
        return reasons;
    }

    /** A uniform 64-bit draw from seed and project id (SplitMix64's finaliser). */
    static long draw(long seed, long projectId) {
        long z = seed + projectId * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return z >>> 1; // non-negative, so the order is the plain numeric one
    }
}
