package org.openperf.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 执行数: the budget spent from 1 January up to and including {@code asOf}, in 万元. */
public record SpendingReading(LocalDate asOf, BigDecimal cumulativeSpent) {

    public SpendingReading {
        if (asOf == null || cumulativeSpent == null) {
            throw new IllegalArgumentException("a spending reading needs its date and amount");
        }
    }

    public static SpendingReading of(String asOf, String cumulativeSpent) {
        return new SpendingReading(LocalDate.parse(asOf), new BigDecimal(cumulativeSpent));
    }
}
