package org.openperf.evaluation.department;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.openperf.departments.DepartmentMonitoring;
import org.openperf.departments.DepartmentTableApproved;
import org.openperf.departments.DepartmentTargetApprovals;
import org.openperf.evaluation.SelfEvaluationRoundRepository;
import org.openperf.kernel.EngineAccess;
import org.openperf.review.department.DepartmentTargetKeys;
import org.openperf.review.department.DepartmentTargetProcess;
import org.springframework.context.event.EventListener;
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
    private final SelfEvaluationRoundRepository rounds;

    public DepartmentSelfEvaluationRounds(DepartmentMonitoring monitoring, DepartmentSelfEvaluations evaluations,
                                          DepartmentTargetApprovals approvals, RuntimeService runtime,
                                          EngineAccess engine, SelfEvaluationRoundRepository rounds) {
        this.rounds = rounds;
        this.monitoring = monitoring;
        this.evaluations = evaluations;
        this.approvals = approvals;
        this.runtime = runtime;
        this.engine = engine;
    }

    /** The approved department tables of the year: those the round will reach. */
    public int toReach(int year) {
        return monitoring.approvedTables(year).size();
    }

    /**
     * The last step of the round's delivery: the number of the year's approved department tables with their 自评表,
     * opened now or at 批复 while the projects were being reached.
     */
    public int reach(int year) {
        int reached = 0;
        for (long tableId : monitoring.approvedTables(year)) {
            reach(tableId, year);
            reached++;
        }
        return reached;
    }

    /**
     * A table approved after its year's round was opened gets its 自评表 at 批复 (inside the approval's job): one
     * department table a year, so a table still in review when the round opened would otherwise have none.
     */
    @EventListener
    public void approved(DepartmentTableApproved approved) {
        if (rounds.existsById(approved.year())) {
            reach(approved.tableId(), approved.year());
        }
    }

    private void reach(long tableId, int year) {
        if (!evaluations.open(tableId)) {
            return; // opened already: at 批复, while the round was being delivered
        }
        engine.asSystem(() -> runtime.startProcessInstanceByKey(DepartmentTargetProcess.SELF_EVALUATION_KEY,
                DepartmentTargetKeys.key(tableId), Variables.createVariables()
                        // Shown by the forms (their links); the steps read the business key only.
                        .putValue("tableId", tableId).putValue("year", year)
                        .putValue("departmentCode", approvals.departmentCode(tableId))));
    }
}
