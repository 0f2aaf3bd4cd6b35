package org.openperf.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.kernel.ConflictException;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two reviewers of one department work from the same 待办: one completes a task while the other is still looking
 * it up or listing it. Found by the load run (50 users): the list and the loser's completion must answer (the
 * list as usual, the completion with a 409 conflict), never fail with an engine error.
 */
@SpringBootTest
@ActiveProfiles("test")
class StaleTaskTest {

    @Autowired
    ReviewTasks work;
    @Autowired
    TaskAccess access;
    @Autowired
    TaskList list;
    @Autowired
    TaskService tasks;
    @Autowired
    ProjectService projects;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    @BeforeEach
    void units() {
        TestUnits.ensureQingdao(departments, units);
    }

    Long submitted(String name) {
        ProjectForm form = new ProjectForm(2024, null, name, new ProjectForm.UnitInput("402001", null), null,
                new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO, null, "用途", "目标", List.of(), List.of(
                row("成本指标", "经济成本指标", "培训标准", "≤550 元/人天"),
                row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                row("效益指标", "社会效益指标", "知晓度", "≥95%"),
                row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")));
        Long id = projects.create(form).id();
        work.submit(id, null, Approvals.UNIT);
        return id;
    }

    static ProjectForm.IndicatorInput row(String l1, String l2, String name, String value) {
        return new ProjectForm.IndicatorInput(l1, l2, name, null, new ProjectForm.ValueInput(value), null, null, null);
    }

    @Test
    void theReviewerWhoLookedATaskUpJustBeforeAColleagueCompletedItGetsAConflict() {
        Long id = submitted("刚被同事办理的项目");
        Task seenByBoth = Approvals.current(tasks, id);
        work.complete(seenByBoth.getId(), new Decision("approve", "同意", null), Approvals.DEPT);

        assertThatThrownBy(() -> access.mayAct(seenByBoth, Approvals.DEPT2))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已被他人办理");
        assertThatThrownBy(() -> work.complete(seenByBoth.getId(), new Decision("approve", "同意", null),
                Approvals.DEPT2)).isInstanceOf(ConflictException.class);
        assertThat(Approvals.current(tasks, id).getTaskDefinitionKey()).isEqualTo(Steps.FINANCE_REVIEW);
    }

    @Test
    void aTaskListPageBuiltWhileAColleagueCompletesOneOfItsTasksStillAnswers() {
        Long first = submitted("列表中被办理的项目");
        Long second = submitted("列表中被催办的项目");
        Task done = Approvals.current(tasks, first);
        Task reminded = Approvals.current(tasks, second);
        tasks.setVariableLocal(reminded.getId(), ReviewReminders.REMINDED, true);
        List<Task> page = List.of(done, reminded);

        work.complete(done.getId(), new Decision("approve", "同意", null), Approvals.DEPT);
        // As TaskList.todo builds it: in one read-only transaction.
        List<TaskRow> rows = transaction.execute(status -> list.rows(page));

        assertThat(rows).extracting(TaskRow::projectName).containsExactly("列表中被办理的项目", "列表中被催办的项目");
        assertThat(rows).extracting(TaskRow::reminded).containsExactly(false, true);
    }
}
