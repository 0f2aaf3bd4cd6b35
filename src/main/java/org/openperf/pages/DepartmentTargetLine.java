package org.openperf.pages;

import java.util.ArrayList;
import java.util.List;
import org.openperf.departments.DepartmentFinding;
import org.openperf.departments.DepartmentTargetView;

/**
 * One row of the activity table as published: the activity's five cells on its first row, spanning its indicators
 * ({@code span} 0 on the others), and beside the row the findings about it: the activity's own on its first row,
 * each indicator's on its row. An activity without indicators still has its row, to show that finding.
 */
public record DepartmentTargetLine(int activityIndex, DepartmentTargetView.ActivityView activity, int span,
                                   DepartmentTargetView.IndicatorView indicator, Integer indicatorIndex,
                                   List<DepartmentFinding> findings) {

    public boolean hasError() {
        return findings.stream().anyMatch(DepartmentFinding::isError);
    }

    public static List<DepartmentTargetLine> of(DepartmentTargetView table) {
        List<DepartmentTargetLine> lines = new ArrayList<>();
        int row = 0;
        for (int k = 0; k < table.activities().size(); k++) {
            DepartmentTargetView.ActivityView a = table.activities().get(k);
            int activity = k;
            List<DepartmentFinding> own = table.findings().stream()
                    .filter(f -> f.indicatorIndex() == null && Integer.valueOf(activity).equals(f.activityIndex()))
                    .toList();
            if (a.indicators().isEmpty()) {
                lines.add(new DepartmentTargetLine(k, a, 1, null, null, own));
                continue;
            }
            for (int i = 0; i < a.indicators().size(); i++) {
                int index = row++;
                List<DepartmentFinding> findings = new ArrayList<>(i == 0 ? own : List.of());
                table.findings().stream().filter(f -> Integer.valueOf(index).equals(f.indicatorIndex()))
                        .forEach(findings::add);
                lines.add(new DepartmentTargetLine(k, a, i == 0 ? a.indicators().size() : 0, a.indicators().get(i),
                        index, findings));
            }
        }
        return lines;
    }
}
