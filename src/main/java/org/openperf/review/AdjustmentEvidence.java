package org.openperf.review;

/**
 * What a target adjustment (目标调整) may cite as its ground: a monitoring report of the same project. Monitoring
 * implements it, so approval does not depend on how reports are kept.
 */
public interface AdjustmentEvidence {

    /**
     * Checks that the report belongs to the project, marks it as the ground of an adjustment by {@code user}, and
     * describes it for the history, e.g. {@code 依据 2024 年 1–7月监控表（第 12 号，红灯）}.
     */
    String cite(Long projectId, Long reportId, String user);
}
