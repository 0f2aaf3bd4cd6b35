package org.openperf.monitoring;

import java.math.BigDecimal;

/**
 * The bands that turn a ratio v (percent of what was due, 2 decimals) into a light: the decision tables
 * {@link LightRules} names, deployed in the engine ({@link DecisionLightTable}). There is no other copy of them.
 */
public interface LightTable {

    /** 预算执行灯: red below 60, yellow 60 to below 80, green from 80 (no blue: spending ahead of plan is fine). */
    Light execution(BigDecimal ratio);

    /** 指标进度灯 for a ≥/> indicator: as {@link #execution} plus blue from 120 (超序时进度, to explain). */
    Light indicator(BigDecimal ratio);
}
