package org.openperf.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openperf.targets.ProjectRepository;
import org.springframework.stereotype.Component;

/**
 * The candidate groups of a project's tasks, from the project as stored (BPMN: {@code ${projectGroups.unit(execution)}}):
 * the unit's preparers ({@code unit-<code>}) and the department's reviewers ({@code dept-<code>}). Read from the
 * stored project, not from process variables a candidate could send with a completion, and as the project is now
 * (a draft moved to another unit is worked by that unit from its next step on).
 */
@Component("projectGroups")
public class ProjectGroups {

    static final String NONE = "none";

    private final ProjectRepository projects;

    public ProjectGroups(ProjectRepository projects) {
        this.projects = projects;
    }

    public String unit(DelegateExecution execution) {
        return "unit-" + codes(execution).unit();
    }

    public String department(DelegateExecution execution) {
        return "dept-" + codes(execution).department();
    }

    /** The codes of a project's unit and department ({@value #NONE} where unset: nobody is in that group). */
    public Codes codes(long projectId) {
        return projects.routing(projectId)
                .map(r -> new Codes(orNone(r.getUnitCode()), orNone(r.getDepartmentCode())))
                .orElse(new Codes(NONE, NONE));
    }

    private Codes codes(DelegateExecution execution) {
        return codes(ProjectKeys.of(execution));
    }

    private static String orNone(String code) {
        return code == null || code.isBlank() ? NONE : code;
    }

    public record Codes(String unit, String department) {
    }
}
