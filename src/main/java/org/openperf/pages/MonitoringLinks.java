package org.openperf.pages;

import org.camunda.bpm.engine.TaskService;
import org.openperf.monitoring.MonitoringReportRepository;
import org.openperf.review.Steps;
import org.openperf.kernel.EngineAccess;
import org.springframework.stereotype.Component;

/**
 * Whether a project page links to its 监控表 page (templates call it as {@code @monitoringLinks}): when the project
 * has a 填报监控表 task open or reports stored. The project page has already checked the caller's scope.
 */
@Component("monitoringLinks")
public class MonitoringLinks {

    private final TaskService tasks;
    private final EngineAccess engine;
    private final MonitoringReportRepository reports;

    public MonitoringLinks(TaskService tasks, EngineAccess engine, MonitoringReportRepository reports) {
        this.tasks = tasks;
        this.engine = engine;
        this.reports = reports;
    }

    public boolean show(Long projectId) {
        long open = engine.asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(projectId))
                .taskDefinitionKey(Steps.MONITORING_REPORT).count());
        return open > 0 || !reports.findByProjectIdOrderByIdAsc(projectId).isEmpty();
    }
}
