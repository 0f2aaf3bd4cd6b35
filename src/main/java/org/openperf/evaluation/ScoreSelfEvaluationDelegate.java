package org.openperf.evaluation;

import org.openperf.review.ProjectKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask 评分: scores the unit's report by the published rules. */
@Component("scoreSelfEvaluation")
public class ScoreSelfEvaluationDelegate implements JavaDelegate {

    private final SelfEvaluationLifecycle evaluations;

    public ScoreSelfEvaluationDelegate(SelfEvaluationLifecycle evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SelfEvaluation e = evaluations.score(ProjectKeys.of(execution));
        execution.setVariable("selfEvaluationTotal", e.getTotal().toPlainString());
        execution.setVariable("selfEvaluationGrade", e.getGrade());
    }
}
