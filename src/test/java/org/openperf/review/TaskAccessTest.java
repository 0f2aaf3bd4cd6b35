package org.openperf.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.ProcessFixture;
import org.openperf.kernel.Caller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Which task a caller may act on is asked in SQL by the task commands (one statement with the task) and in Java
 * where the task is at hand ({@link TaskAccess#mayAct}): both must give the same answer for every way a task can be
 * someone's.
 */
@SpringBootTest
@ActiveProfiles("test")
class TaskAccessTest {

    @Autowired
    TaskAccess access;
    @Autowired
    ReviewTasks work;
    @Autowired
    TaskService tasks;
    @Autowired
    ApplicationContext context;

    ProcessFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ProcessFixture.of(context);
    }

    @Test
    void theTaskCommandsAndMayActAgreeOnWhoseTaskItIs() {
        Long id = fixture.draft(ProcessFixture.table(2024, "谁的任务项目").form());
        Task drafting = access.taskOfProject(id, Steps.DRAFTING, Approvals.UNIT);
        assertThat(drafting).as("the unit's preparer finds the 编制 task of its project").isNotNull();
        assertThat(access.taskOfProject(id, Steps.DRAFTING, Approvals.OTHER_UNIT)).as("another unit's").isNull();
        assertThat(access.taskOfProject(id, Steps.DEPARTMENT_REVIEW, Approvals.UNIT)).as("not at that step").isNull();
        work.submit(id, null, Approvals.UNIT);
        String taskId = Approvals.current(tasks, id).getId();
        tasks.addCandidateUser(taskId, "named-reviewer");
        tasks.addUserIdentityLink(taskId, "participant", "participant"); // a link of another type gives no right
        tasks.addGroupIdentityLink(taskId, "dept-353", "participant");

        Caller named = new Caller("named-reviewer", List.of("unit-402004"));
        Caller groupless = new Caller("named-reviewer", List.of());
        Caller stranger = new Caller("stranger", List.of("unit-402001", "dept-353"));
        Caller participant = new Caller("participant", List.of());
        Caller anonymous = new Caller(null, List.of("dept-402"));
        agree(id, taskId, Approvals.DEPT, true);
        agree(id, taskId, named, true);
        agree(id, taskId, groupless, true);
        agree(id, taskId, stranger, false);
        agree(id, taskId, participant, false);
        agree(id, taskId, anonymous, false);

        tasks.setAssignee(taskId, "holder");
        agree(id, taskId, new Caller("holder", List.of()), true);
        agree(id, taskId, Approvals.DEPT, true); // a colleague of the group, answered with who holds it
        tasks.delegateTask(taskId, "helper");
        agree(id, taskId, new Caller("holder", List.of()), true); // the owner waits for it
        agree(id, taskId, new Caller("helper", List.of()), true);
        agree(id, taskId, stranger, false);

        tasks.resolveTask(taskId);
        work.complete(taskId, new Decision("approve", "同意", null), new Caller("holder", List.of()));
        assertThatThrownBy(() -> access.visibleTask(taskId, Approvals.DEPT))
                .as("completed a moment ago: a conflict, not a missing task")
                .isInstanceOf(TaskConflictException.class);
    }

    /** The statement alone (taskOfProject has no fallback), mayAct, and the command's answer, all as expected. */
    private void agree(Long projectId, String taskId, Caller caller, boolean expected) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(access.taskOfProject(projectId, Steps.DEPARTMENT_REVIEW, caller) != null)
                .as("the statement's answer for %s", caller).isEqualTo(expected);
        assertThat(access.mayAct(task, caller)).as("mayAct's answer for %s", caller).isEqualTo(expected);
        boolean found;
        try {
            found = access.visibleTask(taskId, caller).getId().equals(taskId);
        } catch (TaskNotFoundException e) {
            found = false;
        }
        assertThat(found).as("the task command's answer for %s", caller).isEqualTo(expected);
    }
}
