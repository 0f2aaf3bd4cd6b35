package org.openperf.review;

import java.util.List;

/**
 * The process definitions that work on one project, each with the project id as business key (bpmn/): the
 * lifecycle and the processes it calls, one per phase, so a change to one phase versions only its own model. Every
 * query that finds a project's tasks or instances by definition key names them from here.
 */
public final class ProjectProcesses {

    /** The whole life of a project's targets: calls the others; receives the round and adjustment messages. */
    public static final String LIFECYCLE = "target-lifecycle";
    /** 目标审批, first and for every 目标调整. */
    public static final String APPROVAL = "target-approval";
    /** 绩效运行监控: the milestone loop with its 偏差说明. */
    public static final String MONITORING = "target-monitoring";
    /** One project's 监控表 in one monitoring round. */
    public static final String MONITORING_ROUND = "monitoring-round";
    /** 绩效自评 through 结果公开. */
    public static final String SELF_EVALUATION = "self-evaluation";

    /**
     * All of them. The lifecycle is listed too: its instances started on the first version (one model with all the
     * phases) hold their user tasks themselves until they end (docs/migration.md).
     */
    public static final List<String> ALL = List.of(APPROVAL, LIFECYCLE, MONITORING, MONITORING_ROUND, SELF_EVALUATION);

    private ProjectProcesses() {
    }

    public static String[] all() {
        return ALL.toArray(String[]::new);
    }
}
