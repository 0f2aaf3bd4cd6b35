package org.openperf.evaluation;

import org.openperf.review.ProjectKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask 自评审核通过: the department accepted the self-evaluation. */
@Component("markSelfEvaluationReviewed")
public class MarkSelfEvaluationReviewedDelegate implements JavaDelegate {

    private final SelfEvaluationLifecycle evaluations;

    public MarkSelfEvaluationReviewedDelegate(SelfEvaluationLifecycle evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // lastApprover: set by the review step's decision (task API or form) to whoever approved it.
        Object reviewer = execution.getVariable("lastApprover");
        evaluations.reviewed(ProjectKeys.of(execution),
                reviewer == null ? null : reviewer.toString());
    }
}
