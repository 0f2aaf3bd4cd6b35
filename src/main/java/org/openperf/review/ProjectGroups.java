package org.openperf.review;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openperf.kernel.Caller;
import org.openperf.targets.Project;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;

/**
 * The candidate groups of a project's tasks, from the project as stored
 * (BPMN: {@code ${projectGroups.unit(execution)}}): the unit's preparers ({@code unit-<code>}) and the department's
 * reviewers ({@code dept-<code>}). Read from the stored project, not from process variables a candidate could send
 * with a completion, and as the project is now (a draft moved to another unit is that unit's at once: its open
 * tasks follow it, {@link MovedDrafts}).
 */
@Component("projectGroups")
public class ProjectGroups {

    static final String NONE = "none";

    @PersistenceContext
    private EntityManager entityManager;

    public String unit(DelegateExecution execution) {
        return Caller.UNIT_GROUP_PREFIX + codes(execution).unit();
    }

    public String department(DelegateExecution execution) {
        return Caller.DEPARTMENT_GROUP_PREFIX + codes(execution).department();
    }

    /** The codes of a project's unit and department ({@value #NONE} where unset: nobody is in that group). */
    public Codes codes(long projectId) {
        return routing(projectId).map(ProjectGroups::codes).orElse(new Codes(NONE, NONE));
    }

    static Codes codes(ProjectRouting r) {
        return new Codes(orNone(r.unitCode()), orNone(r.departmentCode()));
    }

    /**
     * The project's routing as it is now, by key: a task's candidate groups and its name ({@link TaskNames}) are both
     * set while the engine creates it, mostly in a transaction that has read the table already (校验 validates it, a
     * review step checks its submitter, an import has just stored it). Then it costs no query; a query would also
     * first flush everything the transaction holds (an import holds up to a hundred tables with their indicators).
     */
    Optional<ProjectRouting> routing(long projectId) {
        return Optional.ofNullable(entityManager.find(Project.class, projectId)).map(ProjectRouting::of);
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
