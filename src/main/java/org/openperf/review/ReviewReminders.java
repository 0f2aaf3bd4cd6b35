package org.openperf.review;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * 催办 and escalation of review tasks, fired by the boundary timers. A reminder is kept on the task (so task lists
 * can show it) and in the project's history; an overdue task is also offered to the lead group of the reviewers
 * ({@code <group>-lead}, e.g. {@code dept-402-lead}, {@code finance-lead}) and raised in priority.
 */
@Service
public class ReviewReminders {

    public static final String REMINDED = "reminded";
    public static final String OVERDUE = "overdue";

    private final TaskService tasks;
    private final ReviewService review;

    public ReviewReminders(TaskService tasks, ReviewService review) {
        this.tasks = tasks;
        this.review = review;
    }

    public void remind(String processInstanceId, Long projectId, String timerActivityId) {
        Task task = reviewTask(processInstanceId, timerActivityId);
        if (task == null) {
            return;
        }
        tasks.setVariableLocal(task.getId(), REMINDED, true);
        review.record(projectId, task.getId(), Steps.name(task.getTaskDefinitionKey()), "remind", null,
                "任务已到期，系统催办");
    }

    public void escalate(String processInstanceId, Long projectId, String timerActivityId) {
        Task task = reviewTask(processInstanceId, timerActivityId);
        if (task == null) {
            return;
        }
        tasks.setVariableLocal(task.getId(), OVERDUE, true);
        tasks.setPriority(task.getId(), 80);
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
