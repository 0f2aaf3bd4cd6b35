package org.openperf.evaluation;

import org.openperf.review.ProjectKeys;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On create of 财政复核: the form shows the score sheet and why the project was sampled. */
@Component("prepareRecheckForm")
public class PrepareRecheckFormListener implements TaskListener {

    private final SelfEvaluationFormVariables forms;

    public PrepareRecheckFormListener(SelfEvaluationFormVariables forms) {
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariablesLocal(forms.recheck(ProjectKeys.of(task)));
    }
}
