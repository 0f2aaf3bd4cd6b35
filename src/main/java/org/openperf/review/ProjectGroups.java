package org.openperf.review;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openperf.targets.ProjectRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
        return routing(projectId)
                .map(r -> new Codes(orNone(r.getUnitCode()), orNone(r.getDepartmentCode())))
                .orElse(new Codes(NONE, NONE));
    }

    /**
     * The project's routing as stored, read once per transaction: a task's candidate groups and its name
     * ({@link TaskNames}) are both set while the engine creates it, and neither should cost a query of its own.
     */
    Optional<ProjectRepository.Routing> routing(long projectId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return projects.routing(projectId);
        }
        @SuppressWarnings("unchecked")
        Map<Long, Optional<ProjectRepository.Routing>> read =
                (Map<Long, Optional<ProjectRepository.Routing>>) TransactionSynchronizationManager.getResource(this);
        if (read == null) {
            read = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, read);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ProjectGroups.this);
                }
            });
        }
        return read.computeIfAbsent(projectId, projects::routing);
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
