package org.openperf.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openperf.departments.DepartmentMonitoring;
import org.openperf.departments.DepartmentTargetView;
import org.openperf.departments.DepartmentTargets;
import org.openperf.evaluation.department.DepartmentSelfEvaluation;
import org.openperf.evaluation.department.DepartmentSelfEvaluations;
import org.openperf.kernel.Caller;
import org.openperf.targets.ProjectStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 部门整体绩效目标 on the dashboard, beside the projects: each approved department table of the year in the caller's
 * scope with the light of its latest submitted 监控表 (the worst of its indicators', as a project's) and its
 * self-evaluation's total and grade once submitted; the tables counted by light and by grade.
 */
@Service
public class DepartmentTablesOverview {

    /**
     * @param light       red, yellow, green, or null when no 监控表 has been submitted (未监控)
     * @param cutoffMonth the months the counted 监控表 covers (1–N月)
     */
    public record Row(Long id, String departmentCode, String departmentName, Integer cutoffMonth, int red, int yellow,
                      int green, String light, String lightLabel, String selfEvaluationStatus, BigDecimal total,
                      String grade) {
    }

    public record Counts(int red, int yellow, int green, int unmonitored, int total) {
    }

    /** @param grades 优 良 中 差 counted over submitted self-evaluations, and 未自评 for the rest */
    public record Overview(int year, List<Row> tables, Counts lights, Map<String, Integer> grades) {
    }

    static final Map<String, String> LABELS = Map.of("red", "红灯", "yellow", "黄灯", "green", "绿灯");

    private final DepartmentTargets targets;
    private final DepartmentMonitoring monitoring;
    private final DepartmentSelfEvaluations evaluations;

    public DepartmentTablesOverview(DepartmentTargets targets, DepartmentMonitoring monitoring,
                                    DepartmentSelfEvaluations evaluations) {
        this.targets = targets;
        this.monitoring = monitoring;
        this.evaluations = evaluations;
    }

    @Transactional(readOnly = true)
    public Overview of(int year, String department, Caller caller) {
        List<Row> rows = new ArrayList<>();
        int[] lights = new int[4];
        Map<String, Integer> grades = new LinkedHashMap<>();
        for (String g : List.of("优", "良", "中", "差", "未自评")) {
            grades.put(g, 0);
        }
        for (DepartmentTargetView.Summary t : targets.list(year, department, caller)) {
            if (!ProjectStatus.APPROVED.name().equals(t.status())) {
                continue;
            }
            int[] n = new int[3];
            Integer[] cutoff = {null};
            monitoring.latestSubmitted(t.id(), null, caller).ifPresent(r -> {
                cutoff[0] = r.cutoffMonth();
                r.lines().forEach(l -> {
                    if ("red".equals(l.light())) {
                        n[0]++;
                    } else if ("yellow".equals(l.light())) {
                        n[1]++;
                    } else if ("green".equals(l.light())) {
                        n[2]++;
                    }
                });
            });
            String light = cutoff[0] == null ? null : n[0] > 0 ? "red" : n[1] > 0 ? "yellow" : "green";
            lights[light == null ? 3 : "red".equals(light) ? 0 : "yellow".equals(light) ? 1 : 2]++;
            DepartmentSelfEvaluations.View e = evaluations.find(t.id(), caller).orElse(null);
            boolean scored = e != null && !DepartmentSelfEvaluation.DRAFT.equals(e.status()) && e.grade() != null;
            grades.merge(scored ? e.grade() : "未自评", 1, Integer::sum);
            rows.add(new Row(t.id(), t.department().code(), t.department().name(), cutoff[0], n[0], n[1], n[2], light,
                    light == null ? "未监控" : LABELS.get(light), e == null ? null : e.status(),
                    scored ? e.total() : null, scored ? e.grade() : null));
        }
        return new Overview(year, rows, new Counts(lights[0], lights[1], lights[2], lights[3], rows.size()), grades);
    }
}
