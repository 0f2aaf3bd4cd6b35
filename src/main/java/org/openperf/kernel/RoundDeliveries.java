package org.openperf.kernel;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the deliveries of monitoring and self-evaluation rounds share (docs/decisions/round-delivery.md): how many
 * lifecycles one transaction reaches ({@code perf.rounds.delivery-batch}), and what stops a delivery, for the
 * round's view.
 */
@Component
public class RoundDeliveries {

    private final int batchSize;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final EngineAccess engine;

    public RoundDeliveries(@Value("${perf.rounds.delivery-batch:200}") int batchSize, RuntimeService runtime,
                           ManagementService management, EngineAccess engine) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("perf.rounds.delivery-batch must be at least 1, not " + batchSize);
        }
        this.batchSize = batchSize;
        this.runtime = runtime;
        this.management = management;
        this.engine = engine;
    }

    public int batchSize() {
        return batchSize;
    }

    /**
     * Null while the delivery runs or once it has ended; else what holds it up, in words for finance: a batch that
     * failed (retried by itself) or one whose retries are spent (an incident an administrator retries in Cockpit).
     * The error itself is in Cockpit, not here.
     */
    public String problem(String processKey, String businessKey) {
        return engine.asSystem(() -> {
            ProcessInstance delivery = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                    .processInstanceBusinessKey(businessKey).listPage(0, 1).stream().findFirst().orElse(null);
            Job failed = delivery == null ? null : management.createJobQuery().processInstanceId(delivery.getId())
                    .withException().listPage(0, 1).stream().findFirst().orElse(null);
            if (failed == null) {
                return null;
            }
            return failed.getRetries() > 0 ? "送达出错，系统将自动重试（还剩 " + failed.getRetries() + " 次）"
                    : "送达中断：重试已用尽，请管理员在 Cockpit 中查看事件并重试";
        });
    }

    /** A process variable holding a number, whatever type it was stored as. */
    public static long number(Object value, String name) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException("流程变量 " + name + " 应为数字，实为 " + value);
    }
}
