package org.openperf.evaluation.department;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.openperf.departments.DepartmentMonitoring;
import org.openperf.departments.DepartmentTargetApprovals;
import org.openperf.kernel.EngineAccess;
import org.openperf.review.department.DepartmentTargetKeys;
import org.openperf.review.department.DepartmentTargetProcess;
import org.springframework.stereotype.Component;

/**
 * A year's self-evaluation round reaches the approved department tables of that year as it reaches approved
 * projects: each gets its 自评表 and an instance of department-self-evaluation (business key
 * {@code department-target-<id>}).
 */
@Component
public class DepartmentSelfEvaluationRounds {

    private final DepartmentMonitoring monitoring;
    private final DepartmentSelfEvaluations evaluations;
    private final DepartmentTargetApprovals approvals;
    private final RuntimeService runtime;
    private final EngineAccess engine;

    public DepartmentSelfEvaluationRounds(DepartmentMonitoring monitoring, DepartmentSelfEvaluations evaluations,
                                          DepartmentTargetApprovals approvals, RuntimeService runtime,
                                          EngineAccess engine) {
        this.monitoring = monitoring;
        this.evaluations = evaluations;
        this.approvals = approvals;
        this.runtime = runtime;
        this.engine = engine;
    }

    /** Inside the round's opening transaction; the number of department tables reached. */
    public int reach(int year) {
        int reached = 0;
        for (long tableId : monitoring.approvedTables(year)) {
            evaluations.open(tableId);
            engine.asSystem(() -> runtime.startProcessInstanceByKey(DepartmentTargetProcess.SELF_EVALUATION_KEY,
                    DepartmentTargetKeys.key(tableId), Variables.createVariables()
                            // Shown by the forms (their links); the steps read the business key only.
                            .putValue("tableId", tableId).putValue("year", year)
                            .putValue("departmentCode", approvals.departmentCode(tableId))));
            reached++;
        }
        return reached;
    }
}
