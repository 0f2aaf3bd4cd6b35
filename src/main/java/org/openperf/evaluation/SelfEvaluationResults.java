package org.openperf.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openperf.kernel.DisplayTimes;
import org.openperf.kernel.Scope;
import org.openperf.review.ReviewOpinion;
import org.openperf.review.ReviewService;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A project's self-evaluation result as the API and the 自评表 page show it, with its changes and its history. */
@Service
public class SelfEvaluationResults {

    /** The steps of the project's history that belong to the self-evaluation. */
    static final Set<String> STEPS = Set.of("绩效自评", "部门审核自评", "抽样复核", "财政复核", "结果公开");

    /** 复核调整 as the API shows it. */
    public record ChangeView(int index, String indicator, BigDecimal originalScore, BigDecimal score,
                             BigDecimal weight, String comment, String user, String time, boolean superseded) {
    }

    /** One step of the self-evaluation's history: who did what, when, with which opinion. */
    public record HistoryEntry(String step, String action, String user, String comment, String time) {
    }

    private final ProjectService projects;
    private final SelfEvaluationRepository evaluations;
    private final ScoreChangeRepository changes;
    private final SelfEvaluationReports reports;
    private final ReviewService review;
    private final ObjectMapper json;
    private final DisplayTimes times;

    public SelfEvaluationResults(ProjectService projects, SelfEvaluationRepository evaluations,
                                 ScoreChangeRepository changes, SelfEvaluationReports reports, ReviewService review,
                                 ObjectMapper json, DisplayTimes times) {
        this.times = times;
        this.projects = projects;
        this.evaluations = evaluations;
        this.changes = changes;
        this.reports = reports;
        this.review = review;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public SelfEvaluationResult of(Long id, Scope scope) {
        SelfEvaluation e = result(id, scope);
        List<SelfEvaluationReport.Line> lines = e.getSheetJson() == null ? List.of()
                : reports.report(id, scope).lines();
        try {
            return new SelfEvaluationResult(e.getProjectId(), e.getYear(), e.getTargetVersion(), e.getStatus().name(),
                    e.getTotal(), e.getGrade(), e.getScoredTotal(), e.getScoredGrade(), e.getGoalAchievement(),
                    e.getSpent(), e.getSpentRecorded(), e.getSpentReason(), e.getSubmittedBy(),
                    times.iso(e.getSubmittedAt()), e.getReviewedBy(), times.iso(e.getReviewedAt()),
                    e.getSampleReasons() == null ? null : e.getSampleReasons().isEmpty() ? List.of()
                            : List.of(e.getSampleReasons().split(",")),
                    e.getRecheckedBy(), times.iso(e.getRecheckedAt()), times.iso(e.getPublishedAt()),
                    e.getSheetJson() == null ? null : json.readTree(e.getSheetJson()), lines,
                    changes(id, scope), history(id, scope));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("自评 " + e.getId() + " 的评分表无法读取", ex);
        }
    }

    /** Whether the unit has reported (a result to show), without failing when it has not. */
    @Transactional(readOnly = true)
    public boolean hasResult(Long projectId, Scope scope) {
        Project p = projects.table(projectId, scope);
        return evaluations.findByProjectIdAndYear(p.getId(), p.getYear()).isPresent();
    }

    public SelfEvaluation result(Long projectId, Scope scope) {
        return evaluations.of(projects.table(projectId, scope));
    }

    @Transactional(readOnly = true)
    public List<ChangeView> changes(Long projectId, Scope scope) {
        SelfEvaluation e = result(projectId, scope);
        return changes.findBySelfEvaluationIdOrderByIdAsc(e.getId()).stream().map(c -> new ChangeView(
                c.getIndicatorIndex(), c.getIndicatorName(), c.getOriginalScore().setScale(2, RoundingMode.HALF_UP),
                c.getChangedScore().setScale(2, RoundingMode.HALF_UP), c.getWeight().setScale(2, RoundingMode.HALF_UP),
                c.getComment(), c.getChangedBy(), times.iso(c.getChangedAt()), c.isSuperseded())).toList();
    }

    /** Who submitted, reviewed, re-checked, changed and when, in order. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(Long projectId, Scope scope) {
        projects.table(projectId, scope);
        List<HistoryEntry> out = new ArrayList<>();
        for (ReviewOpinion o : review.history(projectId)) {
            if (STEPS.contains(o.getStep())) {
                out.add(new HistoryEntry(o.getStep(), o.getAction(), o.getUserId() == null ? "系统" : o.getUserId(),
                        o.getComment(), times.iso(o.getCreatedAt())));
            }
        }
        return out;
    }
}
