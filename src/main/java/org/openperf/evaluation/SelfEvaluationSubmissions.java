package org.openperf.evaluation;

import static org.openperf.evaluation.ReportScoring.blankToNull;
import static org.openperf.evaluation.ReportScoring.plain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openperf.kernel.Caller;
import org.openperf.kernel.EngineAccess;
import org.openperf.kernel.Scope;
import org.openperf.kernel.Severity;
import org.openperf.monitoring.ExecutionReading;
import org.openperf.monitoring.ExecutionService;
import org.openperf.kernel.ForbiddenException;
import org.openperf.review.ReviewService;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.Indicator;
import org.openperf.kernel.InvalidInputException;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 绩效自评 by the unit: what its form starts from (the year's budget, the spending the execution data has, each
 * indicator's 分值), and its report, scored before it is stored so bad input is refused whole.
 */
@Service
public class SelfEvaluationSubmissions {

    static final String TASK = "UserTask_SelfEvaluation";

    /**
     * What the unit reports: the year's budget and spending, the overall goal's result, and each indicator.
     * {@code spent} may be left out when the execution data has the year's spending; a different amount needs
     * {@code spentReason}.
     */
    public record Submission(BigDecimal budget, BigDecimal spent, String goalAchievement,
                             List<IndicatorInput> indicators, String spentReason) {

        public Submission(BigDecimal budget, BigDecimal spent, String goalAchievement,
                          List<IndicatorInput> indicators) {
            this(budget, spent, goalAchievement, indicators, null);
        }
    }

    /**
     * One indicator's 实际完成值: a number or text, a completion date for deadlines, or for qualitative ones a
     * tier (达成 / 部分达成 / 未达成) and a score inside it; with 偏差原因分析及改进措施 where it falls short.
     */
    public record IndicatorInput(int index, BigDecimal number, String text, LocalDate completedOn, String tier,
                                 BigDecimal score, String explanation) {
    }

    /** What the unit's form starts from: the year's budget and the spending the execution data has. */
    public record Prefill(Long projectId, int year, BigDecimal budget, BigDecimal spent, LocalDate spentAsOf,
                          List<PrefillIndicator> indicators) {
    }

    /**
     * @param weight      分值 as shown (two decimals); null when the table's weights cannot be scored
     * @param weightExact 分值 exactly as far as decimals go (50/7 = 7.142857…), for a qualitative score up to it
     */
    public record PrefillIndicator(int index, String level1, String level2, String name, String target,
                                   String kind, BigDecimal weight, BigDecimal weightExact) {
    }

    private final ProjectService projects;
    private final ExecutionService execution;
    private final ReportScoring scoring;
    private final SelfEvaluationRepository evaluations;
    private final ScoreChangeRepository changes;
    private final TaskService tasks;
    private final EngineAccess engine;
    private final ReviewService review;
    private final ReviewTasks work;

    SelfEvaluationSubmissions(ProjectService projects, ExecutionService execution, ReportScoring scoring,
                              SelfEvaluationRepository evaluations, ScoreChangeRepository changes,
                              TaskService tasks, EngineAccess engine, ReviewService review, ReviewTasks work) {
        this.projects = projects;
        this.execution = execution;
        this.scoring = scoring;
        this.evaluations = evaluations;
        this.changes = changes;
        this.tasks = tasks;
        this.engine = engine;
        this.review = review;
        this.work = work;
    }

    /** What the 自评 form starts from: 全年预算数 and the latest 累计支出 of the execution data. */
    @Transactional(readOnly = true)
    public Prefill prefill(Long projectId, Scope scope) {
        Project p = projects.table(projectId, scope);
        Optional<ExecutionReading> latest = latestReading(projectId);
        ScoreSheet weights = null;
        try {
            // An empty report scores every indicator 0, but it shows the 分值 each one is scored out of.
            weights = p.getBudget() == null || p.getBudget().signum() <= 0 ? null
                    : scoring.score(p, new Actuals(null, BigDecimal.ZERO));
        } catch (ScoringException e) {
            weights = null;
        }
        List<PrefillIndicator> rows = new ArrayList<>();
        for (int i = 0; i < p.getIndicators().size(); i++) {
            Indicator row = p.getIndicators().get(i);
            IndicatorScore w = weights == null ? null : weights.indicator(i);
            rows.add(new PrefillIndicator(i, row.getLevel1(), row.getLevel2(), row.getName(),
                    SelfEvaluationScorer.targetText(row),
                    row.getValue() == null || row.getValue().getKind() == null ? null
                            : row.getValue().getKind().name(),
                    w == null ? null : w.weightShown(), w == null ? null : w.weight().toBigDecimal()));
        }
        return new Prefill(projectId, p.getYear(), p.getBudget(), latest.map(ExecutionReading::getSpent).orElse(null),
                latest.map(ExecutionReading::getAsOf).orElse(null), rows);
    }

    /** The latest 累计支出 reading of a project (latest date, then latest recorded). */
    private Optional<ExecutionReading> latestReading(Long projectId) {
        List<ExecutionReading> all = execution.readings(projectId, Scope.ALL);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * The unit's report: checked by scoring it first (bad input, a missing 偏差原因分析及改进措施, a changed
     * 全年执行数 without a reason are refused whole), stored, and the task done.
     */
    @Transactional
    public void submit(Long projectId, Submission s, Caller caller) {
        Project p = projects.table(projectId, caller.scope());
        if (p.getUnit() == null || !caller.unitCodes().contains(p.getUnit().getCode())) {
            throw new ForbiddenException("自评由项目所属单位填报");
        }
        Task task = engine.asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(projectId))
                .taskDefinitionKey(TASK).singleResult());
        if (task == null) {
            throw new ForbiddenException("项目“" + p.getName() + "”当前没有待填报的自评（自评尚未开启或已提交）");
        }
        if (s == null) {
            throw new InvalidInputException("请填写自评内容");
        }
        Optional<ExecutionReading> latest = latestReading(projectId);
        BigDecimal recorded = latest.map(ExecutionReading::getSpent).orElse(null);
        BigDecimal spent = s.spent() != null ? s.spent() : recorded;
        String reason = blankToNull(s.spentReason());
        if (spent != null && recorded != null && spent.compareTo(recorded) != 0 && reason == null) {
            throw new InvalidInputException("全年执行数 " + plain(spent) + " 万元与预算执行数据（截至 "
                    + latest.get().getAsOf() + "）的 " + plain(recorded) + " 万元不同，请在 spentReason 中说明原因");
        }
        Submission resolved = new Submission(s.budget(), spent, s.goalAchievement(), s.indicators(), reason);
        Actuals actuals = ReportScoring.actuals(p, resolved);
        ScoreSheet sheet;
        try {
            sheet = scoring.score(p, actuals);
        } catch (ScoringException e) {
            throw new InvalidInputException(e.getMessage());
        }
        List<String> missing = sheet.notes().stream()
                .filter(n -> n.severity() == Severity.ERROR
                        || n.kind() == ScoreNote.Kind.OVER_ACHIEVEMENT_EXPLANATION)
                .map(n -> (n.indicatorIndex() == null ? "" : "第 " + (n.indicatorIndex() + 1) + " 个指标")
                        + n.message()).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("自评不能提交：" + String.join("；", missing));
        }
        SelfEvaluation e = evaluations.findByProjectIdAndYear(projectId, p.getYear())
                .orElseGet(() -> new SelfEvaluation(projectId, p.getYear()));
        if (e.getId() != null) {
            // A new report after a return: finance's earlier changes were made on the old one.
            changes.findBySelfEvaluationIdOrderByIdAsc(e.getId()).forEach(ScoreChange::supersede);
        }
        e.submit(p.getVersion(), actuals.budget(), actuals.spent(), s.goalAchievement(), scoring.write(resolved),
                caller.userId(), recorded, reason);
        evaluations.save(e);
        review.record(projectId, task.getId(), "绩效自评", "submit", caller.userId(),
                reason == null ? s.goalAchievement() : s.goalAchievement() + "（全年执行数调整原因：" + reason + "）");
        // Checked and recorded here: the step's rule (SelfEvaluationSteps) refuses every other completion.
        work.completeRecorded(task.getId(), caller, Map.of());
    }
}
