package org.openperf.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What target-lifecycle hands each process it calls besides the year (BPMN:
 * {@code camunda:in sourceExpression="${projectVariables.unitName(execution)}"}): the department code task lists
 * filter on, and the unit and budget Tasklist's cards show ({@link TaskCards}). Read from the stored project as the
 * call starts, through {@link ProjectGroups}' routing (the project by key, usually held by the transaction already),
 * so the lifecycle keeps no copies: each copy was a row in three of Camunda's tables for every draft a province
 * imports.
 */
@Component("projectVariables")
public class ProjectVariables {

    private final ProjectGroups groups;

    public ProjectVariables(ProjectGroups groups) {
        this.groups = groups;
    }

    public String departmentCode(DelegateExecution execution) {
        return groups.codes(ProjectKeys.of(execution)).department();
    }

    public String unitName(DelegateExecution execution) {
        return TaskCards.unit(routing(execution).unitName());
    }

    public String budget(DelegateExecution execution) {
        return TaskCards.budget(routing(execution).budget());
    }

    private ProjectRouting routing(DelegateExecution execution) {
        long id = ProjectKeys.of(execution);
        return groups.routing(id).orElseThrow(() -> new IllegalStateException("项目 " + id + " 不存在"));
    }
}
