package org.openperf.review.forms;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On create of 编制, 部门审核 and 财政审核: gives the task's form the project as it is now. */
@Component("prepareReviewForm")
public class PrepareReviewFormListener implements TaskListener {

    private final TaskFormVariables forms;

    public PrepareReviewFormListener(TaskFormVariables forms) {
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        forms.prepare(task);
    }
}
