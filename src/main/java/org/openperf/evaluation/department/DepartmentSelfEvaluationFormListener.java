package org.openperf.evaluation.department;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openperf.review.department.DepartmentTargetKeys;
import org.springframework.stereotype.Component;

/**
 * 财政审核自评 begins (BPMN: create listener): its form shows the score and grade the submission got, read from the
 * stored 自评表 into a task-local variable (not a process variable the department could have written).
 */
@Component("departmentSelfEvaluationFormListener")
public class DepartmentSelfEvaluationFormListener implements TaskListener {

    private final DepartmentSelfEvaluations evaluations;

    public DepartmentSelfEvaluationFormListener(DepartmentSelfEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void notify(DelegateTask task) {
        String summary = evaluations.summary(DepartmentTargetKeys.of(task));
        if (summary != null) {
            task.setVariableLocal("scoreSummary", summary);
        }
    }
}
