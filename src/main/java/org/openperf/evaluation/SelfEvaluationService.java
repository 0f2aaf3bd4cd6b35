package org.openperf.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openperf.review.ReviewForbiddenException;
import org.openperf.review.ReviewService;
import org.openperf.review.TaskConflictException;
import org.openperf.security.Caller;
import org.openperf.security.EngineAccess;
import org.openperf.targets.InvalidProjectException;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectStatus;
import org.openperf.targets.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year-end self-evaluation: finance opens a round for a year, which reaches every approved project's lifecycle;
 * the unit reports what was achieved; the scoring service scores it against the latest approved version.
 */
@Service
public class SelfEvaluationService {

    public static final String MESSAGE = "SelfEvaluationRoundOpened";
    static final String TASK = "UserTask_SelfEvaluation";

    /** What the unit reports: the year's budget and spending, the overall goal's result, and each indicator. */
    public record Submission(BigDecimal budget, BigDecimal spent, String goalAchievement,
                             List<IndicatorInput> indicators) {
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

    private final ProjectService projects;
    private final SelfEvaluationRepository evaluations;
    private final SelfEvaluationRoundRepository rounds;
    private final SelfEvaluationScorer scorer;
    private final ScoringSettings settings;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final EngineAccess engine;
    private final ReviewService review;
    private final ObjectMapper json;

    public SelfEvaluationService(ProjectService projects, SelfEvaluationRepository evaluations,
                                 SelfEvaluationRoundRepository rounds, SelfEvaluationScorer scorer,
                                 ScoringSettings settings, RuntimeService runtime, TaskService tasks,
                                 EngineAccess engine, ReviewService review, ObjectMapper json) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.rounds = rounds;
        this.scorer = scorer;
        this.settings = settings;
        this.runtime = runtime;
        this.tasks = tasks;
        this.engine = engine;
        this.review = review;
        this.json = json;
    }

    /** Opens the year's round once; every approved project of that year gets its 绩效自评 task at once. */
    @Transactional
    public RoundOpened openRound(int year, Caller caller) {
        if (!caller.isFinance()) {
            throw new ReviewForbiddenException("自评轮次由财政部门开启");
        }
        if (rounds.existsById(year)) {
            throw new TaskConflictException(year + " 年度的自评已经开启");
        }
        rounds.save(new SelfEvaluationRound(year, caller.userId(), new SecureRandom().nextLong()));
        int reached = engine.asSystem(() -> runtime.createMessageCorrelation(MESSAGE)
                .processInstanceVariableEquals("year", year)
                .correlateAllWithResult().size());
        return new RoundOpened(year, reached);
    }

    /** The unit's report: checked by scoring it first (bad input is refused whole), stored, and the task done. */
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
        Actuals actuals = actuals(p, s);
        try {
            scorer.score(p, actuals, settings);
        } catch (ScoringException e) {
            throw new InvalidProjectException(e.getMessage());
        }
        SelfEvaluation e = evaluations.findByProjectIdAndYear(projectId, p.getYear())
                .orElseGet(() -> new SelfEvaluation(projectId, p.getYear()));
        e.submit(p.getVersion(), actuals.budget(), actuals.spent(), s.goalAchievement(), write(s), caller.userId());
        evaluations.save(e);
        review.record(projectId, task.getId(), "绩效自评", "submit", caller.userId(), s.goalAchievement());
        tasks.complete(task.getId());
    }

    /** ServiceTask 评分: scores the stored report against the table as approved. */
    @Transactional
    public SelfEvaluation score(Long projectId) {
        Project p = projects.table(projectId);
        SelfEvaluation e = evaluations.findByProjectIdAndYear(projectId, p.getYear())
                .orElseThrow(() -> new IllegalStateException("项目 " + projectId + " 没有自评填报"));
        ScoreSheet sheet = scorer.score(p, actuals(p, read(e.getActualsJson())), settings);
        e.scored(write(SheetView.of(sheet)), sheet.totalShown(), sheet.grade().label());
        return e;
    }

    @Transactional
    public void reviewed(Long projectId) {
        Project p = projects.table(projectId);
        evaluations.findByProjectIdAndYear(projectId, p.getYear()).ifPresent(SelfEvaluation::reviewed);
    }

    @Transactional(readOnly = true)
    public SelfEvaluation result(Long projectId, Scope scope) {
        Project p = projects.table(projectId, scope);
        return evaluations.findByProjectIdAndYear(projectId, p.getYear())
                .orElseThrow(() -> new InvalidProjectException("项目“" + p.getName() + "”还没有自评结果"));
    }

    private static Actuals actuals(Project p, Submission s) {
        if (p.getStatus() != ProjectStatus.APPROVED && p.getVersion() < 1) {
            throw new InvalidProjectException("项目“" + p.getName() + "”的目标表尚未批复，不能自评");
        }
        if (s == null || s.spent() == null) {
            throw new InvalidProjectException("请填写全年执行数 spent（万元）");
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
}
