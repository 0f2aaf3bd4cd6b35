package org.openperf.review;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openperf.targets.Department;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectRepository;
import org.openperf.targets.Unit;
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
        Map<Long, Optional<ProjectRepository.Routing>> read = readInThisTransaction();
        return read == null ? projects.routing(projectId) : read.computeIfAbsent(projectId, projects::routing);
    }

    /**
     * A project this transaction has just stored and is about to start a process for: its routing is what the query
     * would read, taken from the entity. The query would first flush every table the transaction holds (an import
     * keeps up to a hundred with their indicators), most of starting an import's lifecycles (docs/performance.md).
     */
    void remember(Project p) {
        Map<Long, Optional<ProjectRepository.Routing>> read = readInThisTransaction();
        if (read != null && p.getId() != null) {
            Unit u = p.getUnit();
            Department d = u == null ? null : u.getDepartment();
            read.put(p.getId(), Optional.of(new Stored(u == null ? null : u.getCode(), d == null ? null : d.getCode(),
                    p.getName(), p.getCode(), u == null ? null : u.getName(), p.getBudget())));
        }
    }

    private record Stored(String unitCode, String departmentCode, String projectName, String projectCode,
                          String unitName, BigDecimal budget) implements ProjectRepository.Routing {

        @Override
        public String getUnitCode() {
            return unitCode;
        }

        @Override
        public String getDepartmentCode() {
            return departmentCode;
        }

        @Override
        public String getProjectName() {
            return projectName;
        }

        @Override
        public String getProjectCode() {
            return projectCode;
        }

        @Override
        public String getUnitName() {
            return unitName;
        }

        @Override
        public BigDecimal getBudget() {
            return budget;
        }
    }

    /** The routings read in the current transaction, null outside one. */
    private Map<Long, Optional<ProjectRepository.Routing>> readInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
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
        return read;
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
