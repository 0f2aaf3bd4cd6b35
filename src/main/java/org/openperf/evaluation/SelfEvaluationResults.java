package org.openperf.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.openperf.kernel.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A project's self-evaluation result as the API and the 自评表 page show it. */
@Service
public class SelfEvaluationResults {

    private final SelfEvaluationService evaluations;
    private final ObjectMapper json;

    public SelfEvaluationResults(SelfEvaluationService evaluations, ObjectMapper json) {
        this.evaluations = evaluations;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public SelfEvaluationResult of(Long id, Scope scope) {
        SelfEvaluation e = evaluations.result(id, scope);
        List<SelfEvaluationReport.Line> lines = e.getSheetJson() == null ? List.of()
                : evaluations.report(id, scope).lines();
        try {
            return new SelfEvaluationResult(e.getProjectId(), e.getYear(), e.getTargetVersion(), e.getStatus().name(),
                    e.getTotal(), e.getGrade(), e.getScoredTotal(), e.getScoredGrade(), e.getGoalAchievement(),
                    e.getSpent(), e.getSpentRecorded(), e.getSpentReason(), e.getSubmittedBy(),
                    text(e.getSubmittedAt()), e.getReviewedBy(), text(e.getReviewedAt()),
                    e.getSampleReasons() == null ? null : e.getSampleReasons().isEmpty() ? List.of()
                            : List.of(e.getSampleReasons().split(",")),
                    e.getRecheckedBy(), text(e.getRecheckedAt()), text(e.getPublishedAt()),
                    e.getSheetJson() == null ? null : json.readTree(e.getSheetJson()), lines,
                    evaluations.changes(id, scope), evaluations.history(id, scope));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("自评 " + e.getId() + " 的评分表无法读取", ex);
        }
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
