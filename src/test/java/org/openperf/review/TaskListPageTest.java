package org.openperf.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The 待办 list as a reviewer sees it: the tasks offered to their groups and the ones they hold, in one list by
 * due date then creation, paged without gaps or repeats, each row with its project and its reminder flags. (The
 * list is read with one query per kind of data, not per row; the benchmark measures that, this checks the rows.)
 */
@SpringBootTest
@ActiveProfiles("test")
class TaskListPageTest {

    @Autowired
    TaskList list;
    @Autowired
    ReviewTasks work;
    @Autowired
    TaskService tasks;
    @Autowired
    ProjectService projects;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;
    @Autowired
    javax.sql.DataSource dataSource;

    @BeforeEach
    void units() {
        TestUnits.ensureQingdao(departments, units);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    Long submittedAt(String name, Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
        Long id = projects.create(new ProjectForm(2024, null, name, new ProjectForm.UnitInput("402001", null), null,
                new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO, null, "用途", "目标", List.of(),
                List.of(row("成本指标", "经济成本指标", "培训标准", "≤550 元/人天"),
                        row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                        row("效益指标", "社会效益指标", "知晓度", "≥95%"),
                        row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")))).id();
        work.submit(id, null, Approvals.UNIT);
        return id;
    }

    static ProjectForm.IndicatorInput row(String l1, String l2, String name, String value) {
        return new ProjectForm.IndicatorInput(l1, l2, name, null, new ProjectForm.ValueInput(value), null, null, null);
    }

    @Test
    void offeredAndHeldTasksFormOneListByDueDatePagedWithoutGaps() {
        Instant day = Instant.parse("2024-03-01T02:00:00Z");
        Long first = submittedAt("待办排序一", day);
        Long second = submittedAt("待办排序二", day.plus(1, ChronoUnit.DAYS));
        Long third = submittedAt("待办排序三", day.plus(2, ChronoUnit.DAYS));
        ClockUtil.setCurrentTime(Date.from(day.plus(3, ChronoUnit.DAYS)));
        // The department reviewer takes the second table: it is now theirs, no longer offered to the group.
        String held = Approvals.current(tasks, second).getId();
        work.claim(held, Approvals.DEPT);
        tasks.setVariableLocal(Approvals.current(tasks, third).getId(), ReviewReminders.REMINDED, true);

        List<TaskRow> mine = list.todo(Approvals.DEPT, 2024, "402", 0, 50).stream()
                .filter(r -> List.of(first, second, third).contains(r.projectId())).toList();
        assertThat(mine).extracting(TaskRow::projectName).containsExactly("待办排序一", "待办排序二", "待办排序三");
        assertThat(mine).extracting(TaskRow::step).containsOnly("部门审核");
        assertThat(mine.get(1).assignee()).isEqualTo(Approvals.DEPT.userId());
        assertThat(mine.get(1).taskId()).isEqualTo(held);
        assertThat(mine).extracting(TaskRow::reminded).containsExactly(false, false, true);
        assertThat(mine.get(0).unit().code()).isEqualTo("402001");

        // Another reviewer of the department sees only the two tables still offered to the group.
        assertThat(list.todo(Approvals.DEPT2, 2024, "402", 0, 50)).extracting(TaskRow::projectId)
                .contains(first, third).doesNotContain(second);

        // The year and department filters are the project's: another year or department lists none of them.
        assertThat(list.todo(Approvals.DEPT, 2025, null, 0, 50)).extracting(TaskRow::projectId)
                .doesNotContain(first, second, third);
        assertThat(list.todo(Approvals.DEPT, 2024, "353", 0, 50)).extracting(TaskRow::projectId)
                .doesNotContain(first, second, third);
        assertThat(list.todo(Approvals.DEPT, null, null, 0, 50)).extracting(TaskRow::projectId)
                .contains(first, second, third);
        // The preparer's 编制 tasks are not a reviewer's, nor theirs once submitted.
        assertThat(list.todo(Approvals.UNIT, 2024, null, 0, 50)).extracting(TaskRow::projectId)
                .doesNotContain(first, second, third);

        // Pages of one row walk the same list, one row each, in the same order.
        List<TaskRow> all = list.todo(Approvals.DEPT, 2024, "402", 0, 50);
        for (int page = 0; page < all.size(); page++) {
            assertThat(list.todo(Approvals.DEPT, 2024, "402", page, 1)).extracting(TaskRow::taskId)
                    .containsExactly(all.get(page).taskId());
        }
        assertThat(list.todo(Approvals.DEPT, 2024, "402", all.size(), 1)).isEmpty();
    }

    @Test
    void theEngineTablesHaveTheIndexesTheListsTheSweepCompletionsAndTheJobExecutorNeed() throws Exception {
        try (var c = dataSource.getConnection()) {
            assertThat(indexes(c, "ACT_RU_TASK"))
                    .contains(EngineIndexes.TASK_ORDER, EngineIndexes.FOLLOW_UP, EngineIndexes.PARENT);
            assertThat(indexes(c, "ACT_HI_TASKINST")).as("已办: a user's ended tasks").contains(EngineIndexes.DONE);
            assertThat(indexes(c, "ACT_RU_JOB")).as("the job executor's due jobs").contains(EngineIndexes.JOB_DUE);
        }
    }

    /** The table's index names, lower case (H2 keeps names upper case, PostgreSQL lower). */
    private static List<String> indexes(java.sql.Connection c, String table) throws java.sql.SQLException {
        var names = new java.util.ArrayList<String>();
        for (String name : List.of(table, table.toLowerCase(java.util.Locale.ROOT))) {
            try (var rs = c.getMetaData().getIndexInfo(null, null, name, false, false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        names.add(rs.getString("INDEX_NAME").toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }
}
