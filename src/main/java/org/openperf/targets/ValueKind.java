package org.openperf.targets;

/** What a target value measures, as scoring and monitoring treat it. */
public enum ValueKind {
    /** A number with an operator and a unit: ≥93%, ≤8000 元/人, 8 万元. */
    QUANTITATIVE,
    /** A date or period to be met: ≤10 月 31 日, 2025年12月31日前, 年底前完成当年任务. */
    DEADLINE,
    /** Text judged by a tier (达成/部分达成/未达成): 有效, 是, 严格落实相关政策. */
    QUALITATIVE
}
