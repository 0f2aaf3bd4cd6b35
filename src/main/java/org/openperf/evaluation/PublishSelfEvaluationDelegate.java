package org.openperf.evaluation;

import org.openperf.review.ProjectKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask 结果公开: the self-evaluation's score and grade are final. */
@Component("publishSelfEvaluation")
public class PublishSelfEvaluationDelegate implements JavaDelegate {

    private final SelfEvaluationLifecycle evaluations;

    public PublishSelfEvaluationDelegate(SelfEvaluationLifecycle evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // After 财政复核, lastApprover is the finance reviewer who approved it.
        Object approver = Boolean.TRUE.equals(execution.getVariable("recheck"))
                ? execution.getVariable("lastApprover") : null;
        evaluations.publish(ProjectKeys.of(execution),
                approver == null ? null : approver.toString());
    }
}
