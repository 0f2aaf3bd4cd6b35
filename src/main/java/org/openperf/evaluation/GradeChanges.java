package org.openperf.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openperf.kernel.rules.Decision;
import org.openperf.kernel.rules.RuleChange;
import org.openperf.kernel.rules.RulePreview;
import org.openperf.targets.ProjectRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules page's preview of a new 绩效等级 table: a year's published self-evaluations re-graded by it, those whose
 * grade would differ. Nothing is stored: a published self-evaluation keeps the version it was graded by.
 */
@Component
class GradeChanges implements RulePreview {

    private final SelfEvaluationRepository evaluations;
    private final ProjectRepository projects;

    GradeChanges(SelfEvaluationRepository evaluations, ProjectRepository projects) {
        this.evaluations = evaluations;
        this.projects = projects;
    }

    @Override
    public String key() {
        return ScoringTables.GRADE;
    }

    @Override
    public String scope(int year) {
        return year + " 年度已公开的自评，按新表重新定级";
    }

    @Override
    @Transactional(readOnly = true)
    public List<RuleChange> changes(Decision candidate, int year) {
        List<SelfEvaluation> published = evaluations.findByYearOrderByProjectIdAsc(year).stream()
                .filter(e -> e.getStatus() == SelfEvaluation.Status.PUBLISHED && e.getTotal() != null).toList();
        Map<Long, String> names = new HashMap<>();
        projects.findAllById(published.stream().map(SelfEvaluation::getProjectId).toList())
                .forEach(p -> names.put(p.getId(), p.getName()));
        List<RuleChange> out = new ArrayList<>();
        for (SelfEvaluation e : published) {
            BigDecimal total = e.getTotal().setScale(2, RoundingMode.HALF_UP);
            Grade g = ScoringTables.grade(candidate.evaluate(ScoringTables.total(total)));
            String after = g == null ? "（无）" : g.label();
            if (!after.equals(e.getGrade())) {
                out.add(new RuleChange(names.getOrDefault(e.getProjectId(), "项目 " + e.getProjectId()),
                        e.getGrade(), after, "总分 " + total.toPlainString()));
            }
        }
        return out;
    }
}
