package org.openperf.review;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 催办 and escalation of review tasks (部门审核, 财政审核). A review task is created with a follow-up date equal to
 * its due date; the sweep (process review-reminders) follows up every task whose follow-up date has passed: the
 * first time it is reminded and followed up again one period later, the second time it is escalated. A reminder
 * is kept on the task (so task lists can show it) and in the project's history; an overdue task is also offered
 * to the lead group of the reviewers ({@code <group>-lead}, e.g. {@code dept-402-lead}, {@code finance-lead}) and
 * raised in priority.
 *
 * <p>One sweep rather than two timers per task: the timers cost statements and a scope execution on every review
 * step and left two jobs per open review task for the job executor to hold (docs/decisions/reminder-sweep.md).
 */
@Service
public class ReviewReminders {

    private static final Logger log = LoggerFactory.getLogger(ReviewReminders.class);

    public static final String REMINDED = "reminded";
    public static final String OVERDUE = "overdue";
    static final int ESCALATED_PRIORITY = 80;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ReviewService review;
    private final ReviewDeadlines deadlines;

    public ReviewReminders(TaskService tasks, RuntimeService runtime, ReviewService review,
                           ReviewDeadlines deadlines) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.review = review;
        this.deadlines = deadlines;
    }

    /**
     * Follows up at most {@code max} review tasks whose follow-up date is before {@code asOf}, oldest first.
     *
     * @return whether there may be more (the batch was full)
     */
    public boolean followUp(Date asOf, int max) {
        List<Task> due = tasks.createTaskQuery().processDefinitionKey(ProjectProcesses.APPROVAL)
                .taskDefinitionKeyIn(Steps.DEPARTMENT_REVIEW, Steps.FINANCE_REVIEW).followUpBefore(asOf)
                .orderByFollowUpDate().asc().orderByTaskId().asc().listPage(0, max);
        Map<String, String> keys = due.isEmpty() ? Map.of() : runtime.createProcessInstanceQuery()
                .processInstanceIds(due.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                .list().stream().filter(pi -> pi.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        for (Task task : due) {
            String key = keys.get(task.getProcessInstanceId());
            if (key == null || !key.matches("\\d{1,18}")) {
                // Not a project's task after all: skipped for good, so that it cannot hold up every other reminder.
                log.warn("Review task {} of process instance {} has no project: not reminded", task.getId(),
                        task.getProcessInstanceId());
                task.setFollowUpDate(null);
                tasks.saveTask(task);
                continue;
            }
            Long projectId = Long.valueOf(key);
            // The task is saved first, while it is as the query read it; the rest are separate rows.
            if (Boolean.TRUE.equals(tasks.getVariableLocal(task.getId(), REMINDED))) {
                task.setFollowUpDate(null);
                task.setPriority(ESCALATED_PRIORITY);
                tasks.saveTask(task);
                escalate(task, projectId);
            } else {
                task.setFollowUpDate(Date.from(task.getFollowUpDate().toInstant()
                        .plus(Duration.ofDays(deadlines.dueDays()))));
                tasks.saveTask(task);
                remind(task, projectId);
            }
        }
        return due.size() == max;
    }

    /** The boundary timer 到期 of an instance started on a target-approval version before the sweep. */
    public void remind(String processInstanceId, Long projectId, String timerActivityId) {
        Task task = reviewTask(processInstanceId, timerActivityId);
        if (task != null) {
            remind(task, projectId);
        }
    }

    /** The boundary timer 逾期 of an instance started on a target-approval version before the sweep. */
    public void escalate(String processInstanceId, Long projectId, String timerActivityId) {
        Task task = reviewTask(processInstanceId, timerActivityId);
        if (task != null) {
            tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
            escalate(task, projectId);
        }
    }

    private void remind(Task task, Long projectId) {
        tasks.setVariableLocal(task.getId(), REMINDED, true);
        review.record(projectId, task.getId(), Steps.name(task.getTaskDefinitionKey()), "remind", null,
                "任务已到期，系统催办");
    }

    private void escalate(Task task, Long projectId) {
        tasks.setVariableLocal(task.getId(), OVERDUE, true);
        tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null
                        && !l.getGroupId().endsWith("-lead"))
                .map(l -> l.getGroupId() + "-lead")
                .toList()
                .forEach(lead -> tasks.addCandidateGroup(task.getId(), lead));
        review.record(projectId, task.getId(), Steps.name(task.getTaskDefinitionKey()), "escalate", null,
                "任务已逾期，已上报牵头组");
    }

    private Task reviewTask(String processInstanceId, String timerActivityId) {
        String taskKey = timerActivityId.contains("Department") ? Steps.DEPARTMENT_REVIEW : Steps.FINANCE_REVIEW;
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    }
}
