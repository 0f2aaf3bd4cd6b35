package org.openperf.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openperf.targets.ProjectView;
import org.openperf.kernel.Finding;

/**
 * One indicator row as the published 绩效目标表 lays it out: the 一级 and 二级 cells span their run of rows
 * ({@code level1Span}/{@code level2Span} 0 where an earlier row's cell covers it), findings beside the row.
 */
public record IndicatorLine(int index, ProjectView.IndicatorView indicator, int level1Span, int level2Span,
                            List<Finding> findings, boolean changed) {

    public boolean hasError() {
        return findings.stream().anyMatch(Finding::isError);
    }

    public static List<IndicatorLine> of(ProjectView table, List<String> changedKeys) {
        List<ProjectView.IndicatorView> rows = table.indicators();
        List<IndicatorLine> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ProjectView.IndicatorView r = rows.get(i);
            int s1 = 0;
            int s2 = 0;
            if (i == 0 || !Objects.equals(rows.get(i - 1).level1(), r.level1())) {
                s1 = 1;
                while (i + s1 < rows.size() && Objects.equals(rows.get(i + s1).level1(), r.level1())) {
                    s1++;
                }
            }
            if (s1 > 0 || !Objects.equals(rows.get(i - 1).level2(), r.level2())) {
                s2 = 1;
                while (i + s2 < rows.size() && Objects.equals(rows.get(i + s2).level1(), r.level1())
                        && Objects.equals(rows.get(i + s2).level2(), r.level2())) {
                    s2++;
                }
            }
            int index = i;
            List<Finding> findings = table.findings() == null ? List.of() : table.findings().stream()
                    .filter(f -> f.indicatorIndex() != null && f.indicatorIndex() == index).toList();
            out.add(new IndicatorLine(i, r, s1, s2, findings, changedKeys.contains(VersionDiff.key(r))));
        }
        return out;
    }
}
