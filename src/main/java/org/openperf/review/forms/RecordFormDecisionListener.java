package org.openperf.review.forms;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On complete of 编制, 部门审核 and 财政审核: checks and records a decision made in the task's form. */
@Component("recordFormDecision")
public class RecordFormDecisionListener implements TaskListener {

    private final FormDecisions decisions;

    public RecordFormDecisionListener(FormDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        decisions.completed(task);
    }
}
