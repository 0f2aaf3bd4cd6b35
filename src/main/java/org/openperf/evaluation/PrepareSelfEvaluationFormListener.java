package org.openperf.evaluation;

import org.openperf.review.ProjectKeys;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On create of 绩效自评: the form shows the year's budget and pre-fills 全年执行数 from the execution data. */
@Component("prepareSelfEvaluationForm")
public class PrepareSelfEvaluationFormListener implements TaskListener {

    private final SelfEvaluationFormVariables forms;

    public PrepareSelfEvaluationFormListener(SelfEvaluationFormVariables forms) {
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariablesLocal(forms.report(ProjectKeys.of(task)));
    }
}
