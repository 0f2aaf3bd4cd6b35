package org.openperf.review.forms;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On create of the review steps: empties the previous step's decision, so the form starts without it. The table
 * itself is read when the form opens ({@link TaskFormVariablesFilter}).
 */
@Component("clearPreviousDecision")
public class ClearPreviousDecisionListener implements TaskListener {

    private final TaskFormVariables forms;

    public ClearPreviousDecisionListener(TaskFormVariables forms) {
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        forms.clearDecision(task);
    }
}
