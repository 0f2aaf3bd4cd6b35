package org.openperf.evaluation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What the preparer fills in the self-evaluation table (自评表): 全年预算数 (which may differ from the approved
 * table's, after adjustments), 全年执行数, and per indicator its actual. An indicator's actual is looked up by its
 * position in the approved table (0-based), else by its id.
 */
public final class Actuals {

    private final BigDecimal budget;
    private final BigDecimal spent;
    private final Map<Integer, IndicatorActual> byIndex = new HashMap<>();
    private final Map<Long, IndicatorActual> byId = new HashMap<>();

    /**
     * @param budget 全年预算数 in 万元; null: the approved table's 预算数
     * @param spent  全年执行数 in 万元
     */
    public Actuals(BigDecimal budget, BigDecimal spent) {
        this.budget = budget;
        this.spent = spent;
    }

    public static Actuals of(String budget, String spent) {
        return new Actuals(budget == null ? null : new BigDecimal(budget), new BigDecimal(spent));
    }

    /** The actual of the indicator at this position of the approved table (0-based). */
    public Actuals put(int index, IndicatorActual actual) {
        byIndex.put(index, actual);
        return this;
    }

    public Actuals putById(long indicatorId, IndicatorActual actual) {
        byId.put(indicatorId, actual);
        return this;
    }

    public BigDecimal budget() {
        return budget;
    }

    public BigDecimal spent() {
        return spent;
    }

    /** By position first, then by id; null when neither is given. */
    public IndicatorActual of(int index, Long id) {
        IndicatorActual a = byIndex.get(index);
        if (a == null && id != null) {
            a = byId.get(id);
        }
        return a;
    }
}
