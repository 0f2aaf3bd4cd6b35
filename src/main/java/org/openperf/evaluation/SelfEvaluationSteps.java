package org.openperf.evaluation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.openperf.review.Decision;
import org.openperf.review.ReviewDecisions;
import org.openperf.review.ReviewService;
import org.openperf.review.StepCompletion;
import org.openperf.review.StepRule;
import org.openperf.review.Steps;
import org.springframework.stereotype.Component;

/**
 * The rules of the self-evaluation's user tasks: 绩效自评 only through its own API (which scores and stores the
 * report first), 部门审核自评 and 财政复核 approve or return with an opinion.
 */
@Component
public class SelfEvaluationSteps implements StepRule {

    static final String REVIEW_TASK = "UserTask_SelfEvaluationReview";
    private static final Set<String> DECISION_FIELDS = Set.of("decision", "comment");

    private final ReviewService review;
    private final ReviewDecisions decisions;

    public SelfEvaluationSteps(ReviewService review, ReviewDecisions decisions) {
        this.review = review;
        this.decisions = decisions;
    }

    @Override
    public Set<String> steps() {
        return Set.of(SelfEvaluationSubmissions.TASK, REVIEW_TASK, SelfEvaluationRechecks.RECHECK_TASK);
    }

    @Override
    public Set<String> fields(String step) {
        return SelfEvaluationSubmissions.TASK.equals(step) ? Set.of() : DECISION_FIELDS;
    }

    @Override
    public boolean recordedByService(String step) {
        return SelfEvaluationSubmissions.TASK.equals(step);
    }

    @Override
    public String refusal(String step, long projectId) {
        return "自评须通过 POST /api/projects/" + projectId
                + "/self-evaluation 填报（全年执行数、总体目标完成情况和各指标实际完成值），不能直接办理此任务";
    }

    @Override
    public Map<String, Object> complete(StepCompletion c) {
        Decision d = decisions.check(c, false);
        review.record(c.projectId(), c.taskId(), Steps.name(c.step()), d.decision(), c.userId(), d.comment());
        Map<String, Object> vars = new HashMap<>();
        vars.put("decision", d.decision());
        vars.put("comment", d.comment());
        if (d.isApprove()) {
            vars.put("lastApprover", c.userId());
        }
        return vars;
    }
}
