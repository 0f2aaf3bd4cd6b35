package org.openperf.review.department;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.openperf.departments.DepartmentMonitoring;
import org.openperf.departments.DepartmentTargetApprovals;
import org.openperf.kernel.EngineAccess;
import org.springframework.stereotype.Component;

/**
 * A monitoring round reaches the approved department tables of its year as it reaches approved projects: each gets
 * its 监控表 and an instance of department-monitoring-round (business key {@code department-target-<id>}).
 */
@Component
public class DepartmentMonitoringRounds {

    private final DepartmentMonitoring monitoring;
    private final RuntimeService runtime;
    private final EngineAccess engine;
    private final DepartmentTargetApprovals approvals;

    public DepartmentMonitoringRounds(DepartmentMonitoring monitoring, RuntimeService runtime, EngineAccess engine,
                                      DepartmentTargetApprovals approvals) {
        this.approvals = approvals;
        this.monitoring = monitoring;
        this.runtime = runtime;
        this.engine = engine;
    }

    /** The last step of the round's delivery; the number of department tables reached. */
    public int reach(int year, long roundId, int cutoffMonth, String cutoffLabel) {
        int reached = 0;
        for (long tableId : monitoring.approvedTables(year)) {
            monitoring.open(tableId, roundId, cutoffMonth);
            engine.asSystem(() -> runtime.startProcessInstanceByKey(DepartmentTargetProcess.MONITORING_KEY,
                    DepartmentTargetKeys.key(tableId), Variables.createVariables().putValue("roundId", roundId)
                            .putValue("cutoffMonth", cutoffMonth).putValue("cutoffLabel", cutoffLabel)
                            // Shown by the forms (their links); the steps read the business key and roundId only.
                            .putValue("tableId", tableId).putValue("year", year)
                            .putValue("departmentCode", approvals.departmentCode(tableId))));
            reached++;
        }
        return reached;
    }
}
