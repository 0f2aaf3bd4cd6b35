package org.openperf.demo;

import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The engine's work after a decision (校验, 批复, 评分, 抽样复核判定, 结果公开: jobs after the decision's commit),
 * run at once for the demo, so its next step finds its task. A job the job executor took first is waited for.
 */
@Component
@ConditionalOnExpression("'${perf.demo.monitoring:false}' == 'true' or '${perf.demo.two-years:false}' == 'true'")
class DemoJobs {

    private final RuntimeService runtime;
    private final ManagementService management;

    DemoJobs(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    /** Runs the due non-timer jobs of every instance of the project until none is left. */
    void settle(Long projectId) {
        for (int tries = 0; tries < 1000; tries++) {
            List<Job> jobs = jobs(projectId);
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (ProcessEngineException e) {
                    sleep(); // the job executor is running it, or it failed and waits for its retry
                }
            }
        }
    }

    private List<Job> jobs(Long projectId) {
        List<String> instances = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(projectId)).list().stream()
                .map(ProcessInstance::getId).toList();
        return instances.isEmpty() ? List.of() : management.createJobQuery()
                .processInstanceIds(new HashSet<>(instances)).messages().withRetriesLeft().list();
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
