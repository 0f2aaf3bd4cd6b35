package org.openperf.departments;

import java.time.Clock;
import java.util.List;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.Finding;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.targets.ProjectStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the steps of a department table's approval do to the table (the process, department-target-approval, calls
 * these from its listeners and delegate; who may act is the engine's candidate groups and the review package's
 * step rule): 提交 runs the department checks and refuses a table with errors, finance's decision is recorded with
 * its opinion, 编制 makes it editable again, 批复 freezes it as the next approved version.
 */
@Service
public class DepartmentTargetApprovals {

    public static final String DRAFTING = "编制";
    public static final String FINANCE_REVIEW = "财政审核";
    public static final String APPROVAL = "批复";

    private final DepartmentTargetRepository tables;
    private final DepartmentTargetOpinionRepository opinions;
    private final DepartmentTargetChecks checks;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public DepartmentTargetApprovals(DepartmentTargetRepository tables, DepartmentTargetOpinionRepository opinions,
                                     DepartmentTargetChecks checks, Clock clock,
                                     ApplicationEventPublisher events) {
        this.events = events;
        this.tables = tables;
        this.opinions = opinions;
        this.checks = checks;
        this.clock = clock;
    }

    /**
     * 提交审核 by {@code user}: refused, nothing changed, while the table has an error finding (each listed in the
     * refusal's details); otherwise it is in review (no longer editable) and the submission is in its history.
     */
    @Transactional
    public void submit(long tableId, String taskId, String user, String comment) {
        DepartmentTargetTable t = table(tableId);
        if (t.getStatus() != ProjectStatus.DRAFT) {
            throw new ConflictException(name(t) + "当前状态为" + t.getStatus().label() + "，只有编制中的可以提交审核");
        }
        List<Finding> errors = checks.check(t).stream().filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(name(t) + "有 " + errors.size() + " 个错误，改正后才能提交审核："
                    + errors.stream().limit(3).map(Finding::message).reduce((a, b) -> a + "；" + b).orElse("")
                    + (errors.size() > 3 ? "……" : ""), errors);
        }
        t.submitted(user, clock.instant());
        record(tableId, taskId, DRAFTING, "submit", user, comment);
    }

    /**
     * Finance's decision (approve, or return with an opinion), already checked for its shape; the one who submitted
     * the table may not approve it.
     */
    @Transactional
    public void decide(long tableId, String taskId, boolean approve, String comment, String user) {
        DepartmentTargetTable t = table(tableId);
        if (approve && user != null && user.equals(t.getSubmittedBy())) {
            throw new ForbiddenException("提交人不能审批自己提交的部门整体绩效目标");
        }
        record(tableId, taskId, FINANCE_REVIEW, approve ? "approve" : "return", user, comment);
    }

    /** 编制 begins (first draft or a return): the department may edit the table again. */
    @Transactional
    public void reopened(long tableId) {
        DepartmentTargetTable t = table(tableId);
        if (t.getStatus() != ProjectStatus.DRAFT) {
            t.reopened();
        }
    }

    /** 批复: frozen as approved version N; the approver is the one finance's decision names. */
    @Transactional
    public int approve(long tableId) {
        DepartmentTargetTable t = table(tableId);
        t.approved();
        String approver = opinions.findByTableIdOrderByCreatedAtAscIdAsc(tableId).stream()
                .filter(o -> FINANCE_REVIEW.equals(o.getStep()) && "approve".equals(o.getAction()))
                .reduce((a, b) -> b).map(DepartmentTargetOpinion::getUserId).orElse(null);
        record(tableId, null, APPROVAL, "approve", approver, "批复为第 " + t.getApprovedVersion() + " 版");
        events.publishEvent(new DepartmentTableApproved(tableId, t.getYear()));
        return t.getApprovedVersion();
    }

    /** N of the table's last 批复, null before the first. */
    @Transactional(readOnly = true)
    public Integer approvedVersion(long tableId) {
        return table(tableId).getApprovedVersion();
    }

    /** The table's history, oldest first. */
    @Transactional(readOnly = true)
    public List<DepartmentTargetOpinion> history(long tableId) {
        return opinions.findByTableIdOrderByCreatedAtAscIdAsc(tableId);
    }

    /**
     * The last opinion of these steps in the table's history as a line for the next step's form ({@code 财政审核 · 退回 · finance：…}),
     * null when there is none.
     */
    @Transactional(readOnly = true)
    public String lastOpinion(long tableId, java.util.Set<String> steps) {
        return opinions.findByTableIdOrderByCreatedAtAscIdAsc(tableId).stream()
                .filter(o -> o.getComment() != null && steps.contains(o.getStep()))
                .reduce((a, b) -> b).map(o -> o.getStep() + " · " + ("return".equals(o.getAction()) ? "退回"
                        : "submit".equals(o.getAction()) ? "提交审核" : "同意") + " · " + o.getUserId() + "："
                        + o.getComment()).orElse(null);
    }

    /** What a task of the table is called after its step: {@code 部门整体绩效目标 · 青岛市人社局 2054}. */
    @Transactional(readOnly = true)
    public String title(long tableId) {
        return tables.findById(tableId).map(t -> "部门整体绩效目标 · " + t.getDepartment().getName() + " " + t.getYear())
                .orElse("部门整体绩效目标");
    }

    /** The department code of the table (its stored department): whose 编制 it is. */
    @Transactional(readOnly = true)
    public String departmentCode(long tableId) {
        return tables.findById(tableId).map(t -> t.getDepartment().getCode()).orElse(null);
    }

    /** One entry of the table's history (a step of one of its processes: approval, monitoring, self-evaluation). */
    @Transactional
    public void record(long tableId, String taskId, String step, String action, String user, String comment) {
        opinions.save(new DepartmentTargetOpinion(tableId, taskId, step, action, user,
                comment == null || comment.isBlank() ? null : comment.strip(), clock.instant()));
    }

    private DepartmentTargetTable table(long tableId) {
        return tables.findById(tableId).orElseThrow(() -> new DepartmentTargetNotFoundException(tableId));
    }

    private static String name(DepartmentTargetTable t) {
        return "主管部门 " + t.getDepartment().getCode() + " 的 " + t.getYear() + " 年度部门整体绩效目标";
    }
}
