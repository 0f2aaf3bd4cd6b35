package org.openperf.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.task.Task;
import org.openperf.monitoring.ExecutionReading;
import org.openperf.monitoring.ExecutionService;
import org.openperf.review.ReviewForbiddenException;
import org.openperf.review.ReviewOpinion;
import org.openperf.review.ReviewService;
import org.openperf.review.ReviewTasks;
import org.openperf.review.TaskConflictException;
import org.openperf.kernel.Caller;
import org.openperf.kernel.EngineAccess;
import org.openperf.targets.Indicator;
import org.openperf.targets.InvalidProjectException;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectStatus;
import org.openperf.kernel.Scope;
import org.openperf.targets.Unit;
import org.openperf.kernel.Severity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year-end self-evaluation: finance opens a round for a year, which reaches every approved project's lifecycle;
 * the unit reports what was achieved; the scoring service scores it against the latest approved version; the
 * department reviews; finance re-checks a sample (财政复核) and may change scores; the result is published.
 */
@Service
public class SelfEvaluationService {

    public static final String MESSAGE = "SelfEvaluationRoundOpened";
    static final String TASK = "UserTask_SelfEvaluation";
    public static final String RECHECK_TASK = "UserTask_FinanceRecheck";

    /** The steps of the project's history that belong to the self-evaluation. */
    static final Set<String> STEPS = Set.of("绩效自评", "部门审核自评", "抽样复核", "财政复核", "结果公开");

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

    public record RoundOpened(int year, int projects) {
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

    /** 复核调整 as the API shows it. */
    public record ChangeView(int index, String indicator, BigDecimal originalScore, BigDecimal score,
                             BigDecimal weight, String comment, String user, String time, boolean superseded) {
    }

    /** One step of the self-evaluation's history: who did what, when, with which opinion. */
    public record HistoryEntry(String step, String action, String user, String comment, String time) {
    }

    public record SampleRow(Long projectId, String projectName, String unitName, String departmentCode,
                            BigDecimal budget, BigDecimal total, String grade, List<String> reasons,
                            List<String> reasonLabels, String status) {
    }

    /**
     * Finance's sample of a round: how it was drawn and which projects are in it, and why. Others (a department, a
     * unit) see only their own projects in it, without the seed that would let them redraw everybody's sample.
     */
    public record SampleView(int year, Long seed, BigDecimal sharePercent, BigDecimal largeBudgetAbove,
                             int roundProjects, List<Long> drawnByShare, int decided, List<SampleRow> projects) {
    }

    public record GradeCount(String departmentCode, String departmentName, Map<String, Integer> grades,
                             int total) {
    }

    private final ProjectService projects;
    private final SelfEvaluationRepository evaluations;
    private final SelfEvaluationRoundRepository rounds;
    private final ScoreChangeRepository changes;
    private final SelfEvaluationScorer scorer;
    private final ScoringSettings settings;
    private final RecheckSettings recheck;
    private final ExecutionService execution;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final EngineAccess engine;
    private final ReviewService review;
    private final ReviewTasks work;
    private final ObjectMapper json;

    public SelfEvaluationService(ProjectService projects, SelfEvaluationRepository evaluations,
                                 SelfEvaluationRoundRepository rounds, ScoreChangeRepository changes,
                                 SelfEvaluationScorer scorer, ScoringSettings settings, RecheckSettings recheck,
                                 ExecutionService execution, RuntimeService runtime, TaskService tasks,
                                 EngineAccess engine, ReviewService review, ReviewTasks work, ObjectMapper json) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.rounds = rounds;
        this.changes = changes;
        this.scorer = scorer;
        this.settings = settings;
        this.recheck = recheck;
        this.execution = execution;
        this.runtime = runtime;
        this.tasks = tasks;
        this.engine = engine;
        this.review = review;
        this.work = work;
        this.json = json;
    }

    public RoundOpened openRound(int year, Caller caller) {
        return openRound(year, null, caller);
    }

    /**
     * Opens the year's round once; every approved project of that year gets its 绩效自评 task at once. The seed of
     * finance's sample is drawn here unless finance gives one (e.g. one announced in advance, for transparency).
     */
    @Transactional
    public RoundOpened openRound(int year, Long seed, Caller caller) {
        if (!caller.isFinance()) {
            throw new ReviewForbiddenException("自评轮次由财政部门开启");
        }
        if (rounds.existsById(year)) {
            throw new TaskConflictException(year + " 年度的自评已经开启");
        }
        SelfEvaluationRound round = new SelfEvaluationRound(year, caller.userId(),
                seed != null ? seed : new SecureRandom().nextLong());
        Set<Long> reached = engine.asSystem(() -> {
            List<MessageCorrelationResult> results = runtime.createMessageCorrelation(MESSAGE)
                    .processInstanceVariableEquals("year", year).correlateAllWithResult();
            Set<String> instanceIds = results.stream().map(r -> r.getExecution().getProcessInstanceId())
                    .collect(Collectors.toSet());
            return instanceIds.isEmpty() ? Set.<Long>of() : runtime.createProcessInstanceQuery()
                    .processInstanceIds(instanceIds).list().stream()
                    .map(pi -> Long.valueOf(pi.getBusinessKey())).collect(Collectors.toSet());
        });
        round.reached(reached);
        // Saved with its population; a second opening of the same year fails on the key and rolls all back.
        rounds.saveAndFlush(round);
        return new RoundOpened(year, reached.size());
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
                    : scorer.score(p, new Actuals(null, BigDecimal.ZERO), settings);
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
    Optional<ExecutionReading> latestReading(Long projectId) {
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
            throw new ReviewForbiddenException("自评由项目所属单位填报");
        }
        Task task = engine.asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(projectId))
                .taskDefinitionKey(TASK).singleResult());
        if (task == null) {
            throw new ReviewForbiddenException("项目“" + p.getName() + "”当前没有待填报的自评（自评尚未开启或已提交）");
        }
        if (s == null) {
            throw new InvalidProjectException("请填写自评内容");
        }
        Optional<ExecutionReading> latest = latestReading(projectId);
        BigDecimal recorded = latest.map(ExecutionReading::getSpent).orElse(null);
        BigDecimal spent = s.spent() != null ? s.spent() : recorded;
        String reason = blankToNull(s.spentReason());
        if (spent != null && recorded != null && spent.compareTo(recorded) != 0 && reason == null) {
            throw new InvalidProjectException("全年执行数 " + plain(spent) + " 万元与预算执行数据（截至 "
                    + latest.get().getAsOf() + "）的 " + plain(recorded) + " 万元不同，请在 spentReason 中说明原因");
        }
        Submission resolved = new Submission(s.budget(), spent, s.goalAchievement(), s.indicators(), reason);
        Actuals actuals = actuals(p, resolved);
        ScoreSheet sheet;
        try {
            sheet = scorer.score(p, actuals, settings);
        } catch (ScoringException e) {
            throw new InvalidProjectException(e.getMessage());
        }
        List<String> missing = sheet.notes().stream()
                .filter(n -> n.severity() == Severity.ERROR
                        || n.kind() == ScoreNote.Kind.OVER_ACHIEVEMENT_EXPLANATION)
                .map(n -> (n.indicatorIndex() == null ? "" : "第 " + (n.indicatorIndex() + 1) + " 个指标")
                        + n.message()).toList();
        if (!missing.isEmpty()) {
            throw new InvalidProjectException("自评不能提交：" + String.join("；", missing));
        }
        SelfEvaluation e = evaluations.findByProjectIdAndYear(projectId, p.getYear())
                .orElseGet(() -> new SelfEvaluation(projectId, p.getYear()));
        if (e.getId() != null) {
            // A new report after a return: finance's earlier changes were made on the old one.
            changes.findBySelfEvaluationIdOrderByIdAsc(e.getId()).forEach(ScoreChange::supersede);
        }
        e.submit(p.getVersion(), actuals.budget(), actuals.spent(), s.goalAchievement(), write(resolved),
                caller.userId(), recorded, reason);
        evaluations.save(e);
        review.record(projectId, task.getId(), "绩效自评", "submit", caller.userId(),
                reason == null ? s.goalAchievement() : s.goalAchievement() + "（全年执行数调整原因：" + reason + "）");
        // Checked and recorded here: the step's rule (SelfEvaluationSteps) refuses every other completion.
        work.completeRecorded(task.getId(), caller, Map.of());
    }

    /** ServiceTask 评分: scores the stored report against the table as approved. */
    @Transactional
    public SelfEvaluation score(Long projectId) {
        Project p = projects.table(projectId);
        SelfEvaluation e = evaluation(p);
        ScoreSheet sheet = scorer.score(e, p, actuals(p, read(e.getActualsJson())), settings);
        e.scored(write(SheetView.of(sheet)), sheet.totalShown(), sheet.grade().label());
        return e;
    }

    @Transactional
    public void reviewed(Long projectId, String reviewer) {
        Project p = projects.table(projectId);
        evaluations.findByProjectIdAndYear(projectId, p.getYear()).ifPresent(e -> e.reviewed(reviewer));
    }

    /**
     * ServiceTask 抽样复核判定: whether finance re-checks this project — drawn for the round's share, graded 差, or
     * with a large budget. Decided from the round's seed and stored data only, so a re-run decides the same.
     */
    @Transactional
    public boolean decideRecheck(Long projectId) {
        Project p = projects.table(projectId);
        SelfEvaluation e = evaluation(p);
        SelfEvaluationRound round = rounds.findById(p.getYear())
                .orElseThrow(() -> new IllegalStateException(p.getYear() + " 年度没有自评轮次"));
        List<RecheckSample.Reason> reasons = sample(round).reasons(projectId, Grade.fromLabel(e.getGrade()),
                e.getBudget(), recheck);
        e.sampled(reasons.stream().map(Enum::name).collect(Collectors.joining(",")));
        review.record(projectId, null, "抽样复核", reasons.isEmpty() ? "not-sampled" : "sampled", null,
                reasons.isEmpty() ? "未抽中，直接公开" : "抽中财政复核：" + labels(reasons));
        return !reasons.isEmpty();
    }

    RecheckSample sample(SelfEvaluationRound round) {
        return new RecheckSample(round.getSampleSeed(), round.getProjects(), recheck.sharePercent());
    }

    /**
     * 复核调整: finance changes one indicator's score with an opinion while 财政复核 is open. The original score
     * stays; the total and the grade are recomputed from the changed scores (exactly, rounded once).
     */
    @Transactional
    public SelfEvaluation changeScore(Long projectId, Integer index, BigDecimal score, String comment,
                                      Caller caller) {
        if (!caller.isFinance()) {
            throw new ReviewForbiddenException("只有财政部门可以在复核中调整得分");
        }
        Project p = projects.table(projectId, caller.scope());
        Task task = engine.asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(projectId))
                .taskDefinitionKey(RECHECK_TASK).singleResult());
        if (task == null) {
            throw new TaskConflictException("项目“" + p.getName() + "”当前不在财政复核环节，不能调整得分");
        }
        if (blankToNull(comment) == null) {
            throw new InvalidProjectException("调整得分须填写复核意见 comment");
        }
        if (index == null || index < 0 || index >= p.getIndicators().size()) {
            throw new InvalidProjectException("指标序号 index " + index + " 不在目标表的 " + p.getIndicators().size()
                    + " 个指标之内（从 0 起）");
        }
        SelfEvaluation e = evaluation(p);
        ScoreSheet sheet = scorer.rescore(e, p, actuals(p, read(e.getActualsJson())), settings);
        IndicatorScore line = sheet.indicator(index);
        if (score == null || score.signum() < 0 || Fraction.of(score).compareTo(line.weight()) > 0
                || score.stripTrailingZeros().scale() > 2) {
            throw new InvalidProjectException("“" + line.name() + "”的调整得分须在 0 至分值 "
                    + line.weightShown().toPlainString() + " 之间，最多两位小数；给出的是 "
                    + (score == null ? "空" : plain(score)));
        }
        changes.save(new ScoreChange(e.getId(), index, line.name(), line.scoreShown(), score,
                line.weightShown(), comment.trim(), caller.userId()));
        Map<Integer, Fraction> changed = new HashMap<>();
        for (ScoreChange c : current(e)) {
            changed.put(c.getIndicatorIndex(), Fraction.of(c.getChangedScore()));
        }
        changed.put(index, Fraction.of(score));
        BigDecimal total = sheet.totalWith(changed).round(2);
        e.rescored(total, scorer.grade(e, total).label());
        review.record(projectId, task.getId(), "财政复核", "score-change", caller.userId(), "“" + line.name()
                + "”得分 " + line.scoreShown().toPlainString() + " → " + plain(score) + "，总分 " + total.toPlainString()
                + "（" + e.getGrade() + "）：" + comment.trim());
        return e;
    }

    /** ServiceTask 结果公开: the self-evaluation is final; {@code recheckedBy} is finance's reviewer, if sampled. */
    @Transactional
    public void publish(Long projectId, String recheckedBy) {
        Project p = projects.table(projectId);
        SelfEvaluation e = evaluation(p);
        if (recheckedBy != null) {
            e.rechecked(recheckedBy);
        }
        e.published();
        review.record(projectId, null, "结果公开", "published", null, "总分 " + e.getTotal().toPlainString() + "，等级 "
                + e.getGrade());
    }

    @Transactional(readOnly = true)
    /** Whether the unit has reported (a result to show), without failing when it has not. */
    public boolean hasResult(Long projectId, Scope scope) {
        Project p = projects.table(projectId, scope);
        return evaluations.findByProjectIdAndYear(p.getId(), p.getYear()).isPresent();
    }

    public SelfEvaluation result(Long projectId, Scope scope) {
        return evaluation(projects.table(projectId, scope));
    }

    /** The changes in force (the latest per indicator of the current report), oldest first. */
    List<ScoreChange> current(SelfEvaluation e) {
        Map<Integer, ScoreChange> latest = new LinkedHashMap<>();
        for (ScoreChange c : changes.findBySelfEvaluationIdOrderByIdAsc(e.getId())) {
            if (!c.isSuperseded()) {
                latest.put(c.getIndicatorIndex(), c);
            }
        }
        return List.copyOf(latest.values());
    }

    @Transactional(readOnly = true)
    public List<ChangeView> changes(Long projectId, Scope scope) {
        SelfEvaluation e = result(projectId, scope);
        return changes.findBySelfEvaluationIdOrderByIdAsc(e.getId()).stream().map(c -> new ChangeView(
                c.getIndicatorIndex(), c.getIndicatorName(), c.getOriginalScore().setScale(2, RoundingMode.HALF_UP),
                c.getChangedScore().setScale(2, RoundingMode.HALF_UP), c.getWeight().setScale(2, RoundingMode.HALF_UP),
                c.getComment(), c.getChangedBy(), c.getChangedAt().toString(), c.isSuperseded())).toList();
    }

    /** Who submitted, reviewed, re-checked, changed and when, in order. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(Long projectId, Scope scope) {
        projects.table(projectId, scope);
        List<HistoryEntry> out = new ArrayList<>();
        for (ReviewOpinion o : review.history(projectId)) {
            if (STEPS.contains(o.getStep())) {
                out.add(new HistoryEntry(o.getStep(), o.getAction(), o.getUserId() == null ? "系统" : o.getUserId(),
                        o.getComment(), o.getCreatedAt() == null ? null : o.getCreatedAt().toString()));
            }
        }
        return out;
    }

    /** The 自评表 of a project as it stands (after finance's changes), for the API's readers and the exports. */
    @Transactional(readOnly = true)
    public SelfEvaluationReport report(Long projectId, Scope scope) {
        Project p = projects.table(projectId, scope);
        return report(p, evaluation(p));
    }

    /** The 自评表 of every scored project of a year (optionally one department) the caller may see. */
    @Transactional(readOnly = true)
    public List<SelfEvaluationReport> reports(int year, String departmentCode, Scope scope) {
        List<SelfEvaluationReport> out = new ArrayList<>();
        Map<Long, SelfEvaluation> byProject = evaluations.findByYearOrderByProjectIdAsc(year).stream()
                .filter(e -> e.getSheetJson() != null)
                .collect(Collectors.toMap(SelfEvaluation::getProjectId, e -> e, (a, b) -> a, LinkedHashMap::new));
        for (Project p : projects.tables(year, null, scope)) {
            SelfEvaluation e = byProject.get(p.getId());
            Unit u = p.getUnit();
            String dept = u == null || u.getDepartment() == null ? null : u.getDepartment().getCode();
            if (e != null && (departmentCode == null || departmentCode.isBlank() || departmentCode.equals(dept))) {
                out.add(report(p, e));
            }
        }
        out.sort(java.util.Comparator.comparing((SelfEvaluationReport r) -> r.unitCode() == null ? "" : r.unitCode())
                .thenComparing(SelfEvaluationReport::projectId));
        return out;
    }

    /** 优/良/中/差 per department for a year: every scored self-evaluation with its grade as it stands. */
    @Transactional(readOnly = true)
    public List<GradeCount> grades(int year, Scope scope) {
        Map<String, GradeCount> byDept = new LinkedHashMap<>();
        for (SelfEvaluationReport r : reports(year, null, scope)) {
            String key = r.departmentCode() == null ? "" : r.departmentCode();
            GradeCount g = byDept.computeIfAbsent(key, k -> new GradeCount(r.departmentCode(), r.departmentName(),
                    emptyCounts(), 0));
            Map<String, Integer> counts = new LinkedHashMap<>(g.grades());
            counts.merge(r.grade(), 1, Integer::sum);
            byDept.put(key, new GradeCount(g.departmentCode(), g.departmentName(), counts, g.total() + 1));
        }
        return byDept.values().stream()
                .sorted(java.util.Comparator.comparing(g -> g.departmentCode() == null ? "" : g.departmentCode()))
                .toList();
    }

    private static Map<String, Integer> emptyCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            m.put(g.label(), 0);
        }
        return m;
    }

    /** The round's sample as it stands: the share drawn from the seed, and every decided project in it. */
    @Transactional(readOnly = true)
    public SampleView sample(int year, Scope scope) {
        SelfEvaluationRound round = rounds.findById(year)
                .orElseThrow(() -> new InvalidProjectException(year + " 年度的自评尚未开启"));
        RecheckSample sample = sample(round);
        List<SampleRow> rows = new ArrayList<>();
        int decided = 0;
        // The round's projects this caller may see: every one for finance, else those of its units.
        java.util.Set<Long> visible = scope.all() ? null : projects.tables(year, null, scope).stream()
                .map(Project::getId).collect(java.util.stream.Collectors.toSet());
        for (SelfEvaluation e : evaluations.findByYearOrderByProjectIdAsc(year)) {
            if (visible != null && !visible.contains(e.getProjectId())) {
                continue;
            }
            if (e.getSampleReasons() == null) {
                continue;
            }
            decided++;
            if (e.getSampleReasons().isEmpty()) {
                continue;
            }
            Project p = projects.table(e.getProjectId());
            if (!p.within(scope)) {
                continue;
            }
            List<RecheckSample.Reason> reasons = Arrays.stream(e.getSampleReasons().split(","))
                    .map(RecheckSample.Reason::valueOf).toList();
            rows.add(new SampleRow(p.getId(), p.getName(), p.getUnit() == null ? null : p.getUnit().getName(),
                    p.getUnit() == null ? null : p.getUnit().getDepartment().getCode(), e.getBudget(),
                    e.getTotal(), e.getGrade(), reasons.stream().map(Enum::name).toList(),
                    reasons.stream().map(RecheckSample.Reason::label).toList(), e.getStatus().name()));
        }
        if (visible == null) {
            return new SampleView(year, round.getSampleSeed(), recheck.sharePercent(), recheck.largeBudgetAbove(),
                    round.getProjects().size(), sample.drawn(), decided, rows);
        }
        return new SampleView(year, null, recheck.sharePercent(), recheck.largeBudgetAbove(),
                (int) round.getProjects().stream().filter(visible::contains).count(),
                sample.drawn().stream().filter(visible::contains).toList(), decided, rows);
    }

    private SelfEvaluationReport report(Project p, SelfEvaluation e) {
        if (e.getSheetJson() == null) {
            throw new InvalidProjectException("项目“" + p.getName() + "”的自评尚未评分");
        }
        SheetView sheet = readSheet(e.getSheetJson());
        Map<Integer, ScoreChange> changed = current(e).stream()
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

    private SelfEvaluation evaluation(Project p) {
        return evaluations.findByProjectIdAndYear(p.getId(), p.getYear())
                .orElseThrow(() -> new InvalidProjectException("项目“" + p.getName() + "”还没有自评结果"));
    }

    private static String labels(List<RecheckSample.Reason> reasons) {
        return reasons.stream().map(RecheckSample.Reason::label).collect(Collectors.joining("、"));
    }

    private static Actuals actuals(Project p, Submission s) {
        if (p.getStatus() != ProjectStatus.APPROVED && p.getVersion() < 1) {
            throw new InvalidProjectException("项目“" + p.getName() + "”的目标表尚未批复，不能自评");
        }
        if (s == null || s.spent() == null) {
            throw new InvalidProjectException("请填写全年执行数 spent（万元）：预算执行数据中没有该项目的支出记录");
        }
        Actuals a = new Actuals(s.budget() != null ? s.budget() : p.getBudget(), s.spent());
        if (s.indicators() != null) {
            for (IndicatorInput in : s.indicators()) {
                if (in.index() < 0 || in.index() >= p.getIndicators().size()) {
                    throw new InvalidProjectException("指标序号 " + in.index() + " 不在目标表的 " + p.getIndicators().size()
                            + " 个指标之内");
                }
                QualitativeTier tier = in.tier() == null ? null : tier(in.tier());
                a.put(in.index(), new IndicatorActual(in.text(), in.number(), in.completedOn(), tier, in.score(),
                        in.explanation()));
            }
        }
        return a;
    }

    private static QualitativeTier tier(String label) {
        for (QualitativeTier t : QualitativeTier.values()) {
            if (t.name().equals(label) || t.label().equals(label)) {
                return t;
            }
        }
        throw new InvalidProjectException("完成档次“" + label + "”应为 达成、部分达成 或 未达成");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String plain(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Submission read(String text) {
        try {
            return json.readValue(text, Submission.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SheetView readSheet(String text) {
        try {
            return json.readValue(text, SheetView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
