package org.openperf.evaluation;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openperf.kernel.Scope;
import org.openperf.review.ReviewService;
import org.openperf.targets.Indicator;
import org.openperf.kernel.InvalidInputException;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.targets.Unit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 自评表 as it stands (the scored sheet with finance's changes applied): one project's, a year's for the
 * summary export, and the grades per department.
 */
@Service
public class SelfEvaluationReports {

    public record GradeCount(String departmentCode, String departmentName, Map<String, Integer> grades,
                             int total) {
    }

    private final ProjectService projects;
    private final SelfEvaluationRepository evaluations;
    private final ScoreChangeRepository changes;
    private final ReportScoring scoring;
    private final ScoringSettings settings;
    private final ReviewService review;

    SelfEvaluationReports(ProjectService projects, SelfEvaluationRepository evaluations,
                          ScoreChangeRepository changes, ReportScoring scoring, ScoringSettings settings,
                          ReviewService review) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.changes = changes;
        this.scoring = scoring;
        this.settings = settings;
        this.review = review;
    }

    /** The 自评表 of a project as it stands (after finance's changes), for the API's readers and the exports. */
    @Transactional(readOnly = true)
    public SelfEvaluationReport report(Long projectId, Scope scope) {
        Project p = projects.table(projectId, scope);
        return report(p, evaluations.of(p));
    }

    /** The 自评表 of every scored project of a year (optionally one department) the caller may see. */
    @Transactional(readOnly = true)
    public List<SelfEvaluationReport> reports(int year, String department, Scope scope) {
        String departmentCode = department == null || department.isBlank() ? null : department.trim();
        List<SelfEvaluationReport> out = new ArrayList<>();
        // One department's summary reads that department's tables and their 自评, not the province's year.
        List<Project> tables = projects.tables(year, null, scope.withinDepartment(departmentCode));
        Map<Long, SelfEvaluation> byProject = evaluationsOf(year, departmentCode, tables).stream()
                .filter(e -> e.getSheetJson() != null)
                .collect(Collectors.toMap(SelfEvaluation::getProjectId, e -> e, (a, b) -> a, LinkedHashMap::new));
        for (Project p : tables) {
            SelfEvaluation e = byProject.get(p.getId());
            Unit u = p.getUnit();
            String dept = u == null || u.getDepartment() == null ? null : u.getDepartment().getCode();
            if (e != null && (departmentCode == null || departmentCode.equals(dept))) {
                out.add(report(p, e));
            }
        }
        out.sort(Comparator.comparing((SelfEvaluationReport r) -> r.unitCode() == null ? "" : r.unitCode())
                .thenComparing(SelfEvaluationReport::projectId));
        return out;
    }

    private List<SelfEvaluation> evaluationsOf(int year, String departmentCode, List<Project> tables) {
        if (departmentCode == null) {
            return evaluations.findByYearOrderByProjectIdAsc(year);
        }
        List<Long> ids = tables.stream().map(Project::getId).toList();
        List<SelfEvaluation> out = new ArrayList<>();
        // In chunks: a statement takes at most 32,767 parameters.
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            out.addAll(evaluations.findByYearAndProjectIdIn(year, chunk));
        }
        return out;
    }

    /**
     * 优/良/中/差 per department for a year: every scored self-evaluation with its grade as it stands. Counted by the
     * database: building each 自评表 to read its grade took a second for 2,000 projects (docs/performance.md).
     */
    @Transactional(readOnly = true)
    public List<GradeCount> grades(int year, Scope scope) {
        Map<String, GradeCount> byDept = new LinkedHashMap<>();
        for (SelfEvaluationRepository.GradeRow r : evaluations.gradesByDepartment(year, scope.all(),
                scope.unitArray(), scope.departmentArray())) {
            String key = r.getDepartmentCode() == null ? "" : r.getDepartmentCode();
            GradeCount g = byDept.computeIfAbsent(key, k -> new GradeCount(r.getDepartmentCode(),
                    r.getDepartmentName(), emptyCounts(), 0));
            Map<String, Integer> counts = new LinkedHashMap<>(g.grades());
            counts.merge(r.getGrade(), (int) r.getCount(), Integer::sum);
            byDept.put(key, new GradeCount(g.departmentCode(), g.departmentName(), counts,
                    g.total() + (int) r.getCount()));
        }
        return byDept.values().stream()
                .sorted(Comparator.comparing(g -> g.departmentCode() == null ? "" : g.departmentCode()))
                .toList();
    }

    private static Map<String, Integer> emptyCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            m.put(g.label(), 0);
        }
        return m;
    }

    private SelfEvaluationReport report(Project p, SelfEvaluation e) {
        if (e.getSheetJson() == null) {
            throw new InvalidInputException("项目“" + p.getName() + "”的自评尚未评分");
        }
        SheetView sheet = scoring.sheet(e);
        Map<Integer, ScoreChange> changed = changes.inForce(e).stream()
                .collect(Collectors.toMap(ScoreChange::getIndicatorIndex, c -> c));
        List<SelfEvaluationReport.Line> lines = new ArrayList<>();
        for (SheetView.Row r : sheet.indicators()) {
            Indicator row = r.index() < p.getIndicators().size() ? p.getIndicators().get(r.index()) : null;
            ScoreChange c = changed.get(r.index());
            lines.add(new SelfEvaluationReport.Line(r.index(), r.level1(), row == null ? null : row.getLevel2(),
                    r.name(), r.target(), r.actual(), r.weight(),
                    c == null ? r.score() : c.getChangedScore().setScale(2, RoundingMode.HALF_UP),
                    c == null ? null : r.score(), r.explanation(), r.deviationExplanation(),
                    c == null ? null : c.getComment()));
        }
        Unit u = p.getUnit();
        return new SelfEvaluationReport(p.getId(), e.getYear(), p.getName(), u == null ? null : u.getCode(),
                u == null ? null : u.getName(), u == null ? null : u.getDepartment().getCode(),
                u == null ? null : u.getDepartment().getName(), review.initialBudget(p), e.getBudget(), e.getSpent(),
                settings.budgetExecutionWeight(), sheet.executionRate(), sheet.executionScore(), p.getGoal(),
                e.getGoalAchievement(), lines, e.getTotal(), e.getGrade(),
                e.getScoredTotal() == null ? e.getTotal() : e.getScoredTotal(),
                e.getScoredGrade() == null ? e.getGrade() : e.getScoredGrade(), e.getStatus().name());
    }
}
