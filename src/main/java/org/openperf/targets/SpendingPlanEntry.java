package org.openperf.targets;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** 资金支出计划: the cumulative percent of the budget planned to be spent by the end of a month. */
@Embeddable
public class SpendingPlanEntry {

    @Column(name = "plan_month", nullable = false)
    private int month;

    @Column(name = "cumulative_percent", nullable = false, precision = 7, scale = 2)
    private BigDecimal cumulativePercent;

    protected SpendingPlanEntry() {
    }

    public SpendingPlanEntry(int month, BigDecimal cumulativePercent) {
        this.month = month;
        this.cumulativePercent = cumulativePercent;
    }

    public int getMonth() {
        return month;
    }

    public BigDecimal getCumulativePercent() {
        return cumulativePercent;
    }
}
