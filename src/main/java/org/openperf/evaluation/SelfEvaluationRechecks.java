package org.openperf.evaluation;

import static org.openperf.evaluation.ReportScoring.blankToNull;
import static org.openperf.evaluation.ReportScoring.plain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openperf.kernel.Caller;
import org.openperf.kernel.EngineAccess;
import org.openperf.kernel.ForbiddenException;
import org.openperf.review.ReviewService;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 财政复核: finance changes indicators' scores of a sampled project (复核调整) while its re-check is open. */
@Service
public class SelfEvaluationRechecks {

    public static final String RECHECK_TASK = "UserTask_FinanceRecheck";

    private final ProjectService projects;
    private final SelfEvaluationRepository evaluations;
    private final ScoreChangeRepository changes;
    private final ReportScoring scoring;
    private final TaskService tasks;
    private final EngineAccess engine;
    private final ReviewService review;

    SelfEvaluationRechecks(ProjectService projects, SelfEvaluationRepository evaluations,
                           ScoreChangeRepository changes, ReportScoring scoring, TaskService tasks,
                           EngineAccess engine, ReviewService review) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.changes = changes;
        this.scoring = scoring;
        this.tasks = tasks;
        this.engine = engine;
        this.review = review;
    }

    /**
     * 复核调整: finance changes one indicator's score with an opinion while 财政复核 is open. The original score
     * stays; the total and the grade are recomputed from the changed scores (exactly, rounded once).
     */
    @Transactional
    public SelfEvaluation changeScore(Long projectId, Integer index, BigDecimal score, String comment,
                                      Caller caller) {
        if (!caller.isFinance()) {
            throw new ForbiddenException("只有财政部门可以在复核中调整得分");
        }
        Project p = projects.table(projectId, caller.scope());
        Task task = engine.asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(projectId))
                .taskDefinitionKey(RECHECK_TASK).singleResult());
        if (task == null) {
            throw new ConflictException("项目“" + p.getName() + "”当前不在财政复核环节，不能调整得分");
        }
        if (blankToNull(comment) == null) {
            throw new InvalidInputException("调整得分须填写复核意见 comment");
        }
        if (index == null || index < 0 || index >= p.getIndicators().size()) {
            throw new InvalidInputException("指标序号 index " + index + " 不在目标表的 " + p.getIndicators().size()
                    + " 个指标之内（从 0 起）");
        }
        SelfEvaluation e = evaluations.of(p);
        ScoreSheet sheet = scoring.rescoreStored(p, e);
        IndicatorScore line = sheet.indicator(index);
        if (score == null || score.signum() < 0 || Fraction.of(score).compareTo(line.weight()) > 0
                || score.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("“" + line.name() + "”的调整得分须在 0 至分值 "
                    + line.weightShown().toPlainString() + " 之间，最多两位小数；给出的是 "
                    + (score == null ? "空" : plain(score)));
        }
        changes.save(new ScoreChange(e.getId(), index, line.name(), line.scoreShown(), score,
                line.weightShown(), comment.trim(), caller.userId()));
        Map<Integer, Fraction> changed = new HashMap<>();
        for (ScoreChange c : changes.inForce(e)) {
            changed.put(c.getIndicatorIndex(), Fraction.of(c.getChangedScore()));
        }
        changed.put(index, Fraction.of(score));
        BigDecimal total = sheet.totalWith(changed).round(2);
        e.rescored(total, scoring.grade(e, total).label());
        review.record(projectId, task.getId(), "财政复核", "score-change", caller.userId(), "“" + line.name()
                + "”得分 " + line.scoreShown().toPlainString() + " → " + plain(score) + "，总分 " + total.toPlainString()
                + "（" + e.getGrade() + "）：" + comment.trim());
        return e;
    }
}
