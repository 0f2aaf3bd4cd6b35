package org.openperf.review.department;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.openperf.departments.DepartmentTargetApprovals;
import org.openperf.departments.DepartmentTargetView;
import org.openperf.departments.DepartmentTargets;
import org.openperf.kernel.Caller;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.DisplayTimes;
import org.openperf.kernel.EngineAccess;
import org.openperf.kernel.ForbiddenException;
import org.openperf.review.Decision;
import org.openperf.review.ReviewTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department table's approval as its page and the API see it: 提交审核 (the first one starts the table's
 * instance of department-target-approval, a later one completes the 编制 a return opened), and where it stands
 * with its history. Scope first: a table the caller may not read answers 404 as a missing one, before anything
 * about its process is looked up.
 */
@Service
public class DepartmentTargetReview {

    /** Where a table's approval stands: its status, the open step, whether the caller may submit, its history. */
    public record Status(long tableId, String status, Integer approvedVersion, String step, boolean maySubmit,
                         List<Opinion> opinions) {
    }

    public record Opinion(String step, String action, String user, String comment, String time) {
    }

    private final DepartmentTargets targets;
    private final DepartmentTargetApprovals approvals;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final EngineAccess engine;
    private final ReviewTasks reviewTasks;
    private final DisplayTimes times;

    public DepartmentTargetReview(DepartmentTargets targets, DepartmentTargetApprovals approvals, RuntimeService runtime,
                                  TaskService tasks, EngineAccess engine, ReviewTasks reviewTasks, DisplayTimes times) {
        this.targets = targets;
        this.approvals = approvals;
        this.runtime = runtime;
        this.tasks = tasks;
        this.engine = engine;
        this.reviewTasks = reviewTasks;
        this.times = times;
    }

    /**
     * 提交审核 by the table's own department: refused (nothing stored, no instance left behind) while the table
     * has errors, is not in 编制, or the caller is not one of its department's reviewers.
     */
    @Transactional
    public Status submit(long tableId, String comment, Caller caller) {
        DepartmentTargetView t = targets.get(tableId, caller);
        String code = t.department().code();
        if (!caller.departmentCodes().contains(code)) {
            throw new ForbiddenException("部门整体绩效目标只能由主管部门 " + code + " 的审核人提交审核");
        }
        Task drafting = draftingTask(tableId);
        if (drafting == null) {
            if (running(tableId) || !"DRAFT".equals(t.status())) {
                throw new ConflictException("主管部门 " + code + " 的 " + t.year() + " 年度部门整体绩效目标当前"
                        + ("APPROVED".equals(t.status()) ? "已批复" : "正在财政审核") + "，不能再提交");
            }
            // The first submission starts the table's approval; its 编制 is completed at once below.
            engine.asSystem(() -> runtime.startProcessInstanceByKey(DepartmentTargetProcess.KEY,
                    DepartmentTargetKeys.key(tableId), Variables.createVariables()
                            .putValue("departmentCode", code).putValue("year", t.year())
                            .putValue("tableTitle", approvals.title(tableId))));
            drafting = draftingTask(tableId);
        }
        reviewTasks.complete(drafting.getId(), new Decision("submit", comment, null), caller);
        return status(tableId, caller);
    }

    @Transactional(readOnly = true)
    public Status status(long tableId, Caller caller) {
        DepartmentTargetView t = targets.get(tableId, caller);
        Task open = engine.asSystem(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(DepartmentTargetKeys.key(tableId))
                .processDefinitionKey(DepartmentTargetProcess.KEY).singleResult());
        boolean department = caller.departmentCodes().contains(t.department().code());
        boolean maySubmit = department && "DRAFT".equals(t.status())
                && (open == null ? !running(tableId) : DepartmentTargetProcess.DRAFTING.equals(open.getTaskDefinitionKey()));
        String step = open == null ? null
                : DepartmentTargetProcess.DRAFTING.equals(open.getTaskDefinitionKey()) ? "编制" : "财政审核";
        return new Status(tableId, t.status(), approvals.approvedVersion(tableId), step, maySubmit,
                approvals.history(tableId).stream().map(o -> new Opinion(o.getStep(), action(o.getAction()),
                        o.getUserId(), o.getComment(), times.text(o.getCreatedAt()))).toList());
    }

    /**
     * The open 填报监控表 of the table's round, if the caller may complete it (its department): its task id for the
     * page's 提交 button; null otherwise.
     */
    @Transactional(readOnly = true)
    public String monitoringTask(long tableId, long roundId, Caller caller) {
        DepartmentTargetView t = targets.get(tableId, caller);
        if (!caller.departmentCodes().contains(t.department().code())) {
            return null;
        }
        return engine.asSystem(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(DepartmentTargetKeys.key(tableId))
                .processDefinitionKey(DepartmentTargetProcess.MONITORING_KEY)
                .taskDefinitionKey(DepartmentTargetProcess.MONITORING_REPORT)
                .processVariableValueEquals("roundId", roundId).list()).stream().findFirst().map(Task::getId).orElse(null);
    }

    /** The open 填报自评表 task of the table when the caller is its department (for the page's 提交), else null. */
    @Transactional(readOnly = true)
    public String selfEvaluationTask(long tableId, Caller caller) {
        DepartmentTargetView t = targets.get(tableId, caller);
        if (!caller.departmentCodes().contains(t.department().code())) {
            return null;
        }
        return engine.asSystem(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(DepartmentTargetKeys.key(tableId))
                .processDefinitionKey(DepartmentTargetProcess.SELF_EVALUATION_KEY)
                .taskDefinitionKey(DepartmentTargetProcess.SELF_EVALUATION_REPORT).list()).stream().findFirst()
                .map(Task::getId).orElse(null);
    }

    private Task draftingTask(long tableId) {
        return engine.asSystem(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(DepartmentTargetKeys.key(tableId))
                .processDefinitionKey(DepartmentTargetProcess.KEY)
                .taskDefinitionKey(DepartmentTargetProcess.DRAFTING).singleResult());
    }

    private boolean running(long tableId) {
        return engine.asSystem(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(DepartmentTargetKeys.key(tableId))
                .processDefinitionKey(DepartmentTargetProcess.KEY).count() > 0);
    }

    private static final Map<String, String> ACTIONS = Map.of("submit", "提交审核", "approve", "同意", "return", "退回");

    static String action(String action) {
        return ACTIONS.getOrDefault(action, action);
    }
}
