package org.openperf.imports;

import java.util.List;
import org.openperf.targets.Indicator;

/**
 * The department activity targets read from a file (seed 001's first part): one row per indicator, graded by its
 * 优/良/中/差 bands instead of a single 指标值.
 *
 * @param rows     every indicator row, in the file's order
 * @param problems what could not be read, with its place
 */
public record ActivityTargets(List<Row> rows, List<ImportProblem> problems) {

    /**
     * One indicator of an activity. The indicator carries the 绩效指标 as its 三级 name, the 指标描述 and the bands;
     * it has no 一级/二级 (the layout gives none) and no 指标值. A row naming an activity without any indicator has
     * {@code indicator} null.
     */
    public record Row(String activityCode, String activityName, String activityDescription, Integer year,
                      String goal, Indicator indicator, SourceRef where) {
    }
}
