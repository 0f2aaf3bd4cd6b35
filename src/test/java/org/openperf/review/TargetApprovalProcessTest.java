package org.openperf.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.EngineWorkAfterCommit;
import org.openperf.ProcessFixture;
import org.openperf.kernel.Caller;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.NotFoundException;
import org.openperf.kernel.Scope;
import org.openperf.targets.Department;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectStatus;
import org.openperf.targets.ProjectView;
import org.openperf.targets.Unit;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** Every path of target-approval, driven through the services the task API calls. */
@SpringBootTest
@ActiveProfiles("test")
class TargetApprovalProcessTest {

    static final Caller UNIT = Approvals.UNIT;
    static final Caller DEPT = Approvals.DEPT;
    static final Caller DEPT2 = Approvals.DEPT2;
    static final Caller FINANCE = Approvals.FINANCE;
    static final Caller OTHER_UNIT = Approvals.OTHER_UNIT;

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ReviewTasks work;
    @Autowired
    ReviewService review;
    @Autowired
    ReviewReminders reminders;
    @Autowired
    ProjectService projects;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    AuthorizationService authorizations;

    ProcessFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ProcessFixture.of(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static ProjectForm table(String name, String satisfactionValue) {
        return ProcessFixture.table(2024, name).budget("12").texts("用于组织财务人员培训", "提高财务工作规范化水平")
                .indicator(2, "财务政策规范知晓度", "≥95%").indicator(3, "培训人员满意度", satisfactionValue).form();
    }

    Long draft(String name) {
        return fixture.draft(table(name, "≥90%"));
    }

    ProcessInstance approval(Long projectId) {
        return fixture.approval(projectId);
    }

    ProcessInstance lifecycle(Long projectId) {
        return fixture.lifecycle(projectId);
    }

    Task current(Long projectId) {
        return fixture.taskIn(projectId, "target-approval");
    }

    ProjectStatus status(Long projectId) {
        return ProjectStatus.valueOf(projects.view(projectId).status());
    }

    List<String> actions(Long projectId) {
        return review.history(projectId).stream().map(ReviewOpinion::getAction).toList();
    }

    @Test
    void approvedStraightThroughFreezesVersionOneAndWaitsForTheLaterPhases() {
        Long id = draft("直通审批项目");
        assertThat(approval(id)).isWaitingAt(Steps.DRAFTING);

        work.submit(id, "请审核", UNIT);
        assertThat(approval(id)).isWaitingAt(Steps.DEPARTMENT_REVIEW);
        assertThat(status(id)).isEqualTo(ProjectStatus.IN_REVIEW);

        work.complete(current(id).getId(), new Decision("approve", "同意", null), DEPT);
        assertThat(approval(id)).isWaitingAt(Steps.FINANCE_REVIEW);
        ProcessInstance approvalInstance = approval(id);

        work.complete(current(id).getId(), new Decision("approve", "同意批复", null), FINANCE);
        assertThat(approvalInstance).isEnded();
        assertThat(approvalInstance).hasPassed("ServiceTask_Validate", "ServiceTask_Approve");
        assertThat(lifecycle(id)).isWaitingAt("CatchEvent_SelfEvaluationRoundOpened");

        ProjectView p = projects.view(id);
        assertThat(p.status()).isEqualTo("APPROVED");
        assertThat(p.version()).isEqualTo(1);
        assertThat(review.versions(id)).extracting(TargetVersion::getVersion).containsExactly(1);
        assertThat(review.versions(id).get(0).getSnapshot()).contains("培训人员满意度").contains("≥90%");
        assertThat(actions(id)).containsExactly("submit", "approve", "approve", "approved");
        assertThat(review.history(id).get(1).getUserId()).isEqualTo("d402");
        assertThat(review.history(id).get(1).getComment()).isEqualTo("同意");
    }

    /**
     * A draft moved to another unit: its open 编制 task is that unit's at once, named after it, and the old unit
     * keeps no right to it, through the app or through Camunda's own task API.
     */
    @Test
    void aDraftMovedToAnotherUnitIsThatUnitsToSubmit() {
        Long id = draft("换单位项目");
        String drafting = current(id).getId();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(drafting)
                .groupIdIn("unit-402001").count()).as("Camunda's grant to the candidate group").isPositive();
        ProjectForm f = table("换单位项目", "≥90%");
        projects.update(id, new ProjectForm(f.year(), f.code(), f.name(), new ProjectForm.UnitInput("402004", null),
                f.category(), f.budget(), f.fiscalFunds(), f.otherFunds(), f.budgetNote(), f.purpose(), f.goal(),
                f.spendingPlan(), f.indicators()), Scope.ALL);

        assertThat(current(id).getId()).isEqualTo(drafting);
        assertThat(tasks.getIdentityLinksForTask(drafting)).filteredOn(l -> l.getGroupId() != null)
                .extracting(IdentityLink::getGroupId).containsExactly("unit-402004");
        assertThat(current(id).getName()).isEqualTo("编制 · 换单位项目 · 青岛市公共就业和人才服务中心");
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(drafting)
                .groupIdIn("unit-402001").count()).as("the old unit's right to work the task").isZero();
        assertThatThrownBy(() -> work.submit(id, null, UNIT)).as("no longer the old unit's table")
                .isInstanceOf(NotFoundException.class);

        work.submit(id, null, OTHER_UNIT);
        assertThat(approval(id)).isWaitingAt(Steps.DEPARTMENT_REVIEW);
        assertThat(current(id).getName()).isEqualTo("部门审核 · 换单位项目 · 青岛市公共就业和人才服务中心");
    }

    /** Claimed by a preparer of the old unit before the move: the task is no longer theirs, nor their grant. */
    @Test
    void aClaimedDraftMovedToAnotherUnitIsReleased() {
        Long id = draft("认领后换单位项目");
        String drafting = current(id).getId();
        work.claim(drafting, UNIT);
        assertThat(current(id).getAssignee()).isEqualTo(UNIT.userId());
        ProjectForm f = table("认领后换单位项目", "≥90%");
        projects.update(id, new ProjectForm(f.year(), f.code(), f.name(), new ProjectForm.UnitInput("402004", null),
                f.category(), f.budget(), f.fiscalFunds(), f.otherFunds(), f.budgetNote(), f.purpose(), f.goal(),
                f.spendingPlan(), f.indicators()), Scope.ALL);

        assertThat(current(id).getAssignee()).as("released for the new unit").isNull();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(drafting)
                .userIdIn(UNIT.userId()).count()).as("the old preparer's right to work the task").isZero();
        assertThatThrownBy(() -> work.submit(id, null, UNIT)).as("no longer the old unit's table")
                .isInstanceOf(NotFoundException.class);
        work.submit(id, null, OTHER_UNIT);
        assertThat(approval(id)).isWaitingAt(Steps.DEPARTMENT_REVIEW);
    }

    /** Moved to a unit of another department: the task lists of that department find it, and it reviews it. */
    @Test
    void aDraftMovedToAnotherDepartmentIsThatDepartmentsToReview() {
        Department other = context.getBean(DepartmentRepository.class).findByCode("967").orElseGet(() ->
                context.getBean(DepartmentRepository.class).save(new Department("967", "换部门测试局")));
        if (context.getBean(UnitRepository.class).findByCode("967001").isEmpty()) {
            context.getBean(UnitRepository.class).save(new Unit("967001", "换部门测试单位", other));
        }
        Long id = draft("换部门项目");
        ProjectForm f = table("换部门项目", "≥90%");
        projects.update(id, new ProjectForm(f.year(), f.code(), f.name(), new ProjectForm.UnitInput("967001", null),
                f.category(), f.budget(), f.fiscalFunds(), f.otherFunds(), f.budgetNote(), f.purpose(), f.goal(),
                f.spendingPlan(), f.indicators()), Scope.ALL);

        assertThat(runtime.getVariable(approval(id).getId(), "departmentCode")).isEqualTo("967");
        work.submit(id, null, new Caller("u967001", List.of("unit-967001")));
        assertThat(tasks.getIdentityLinksForTask(current(id).getId())).filteredOn(l -> l.getGroupId() != null)
                .extracting(IdentityLink::getGroupId).containsExactly("dept-967");
    }

    /**
     * 提交 clicked twice: the second finds no 编制 task and is refused with the reason, leaving one submission; who
     * the 校验 job names as submitter is the one who submitted.
     */
    @Test
    void aSecondSubmissionIsRefusedAndRecordsNothing() {
        Long id = draft("重复提交项目");
        work.submit(id, "请审核", UNIT);
        assertThatThrownBy(() -> work.submit(id, "请审核", UNIT)).isInstanceOf(ReviewForbiddenException.class)
                .hasMessageContaining("不在编制环节");
        assertThat(approval(id)).isWaitingAt(Steps.DEPARTMENT_REVIEW);
        assertThat(actions(id)).containsExactly("submit");
        assertThat(review.lastActor(id, Steps.name(Steps.DRAFTING), "submit")).isEqualTo(UNIT.userId());
    }

    @Test
    void financesDecisionCommitsBeforeTheFreezeWhichRunsAsAJobAfterIt() throws Exception {
        Long id = draft("批复异步项目");
        work.submit(id, null, UNIT);
        work.complete(current(id).getId(), new Decision("approve", "同意", null), DEPT);
        ProcessInstance approvalInstance = approval(id);

        try (AutoCloseable held = EngineWorkAfterCommit.hold()) {
            work.complete(current(id).getId(), new Decision("approve", "同意批复", null), FINANCE);
            // Finance's decision is recorded and its task done; the table is frozen only by the job after it.
            assertThat(current(id)).isNull();
            assertThat(actions(id)).containsExactly("submit", "approve", "approve");
            assertThat(status(id)).isEqualTo(ProjectStatus.IN_REVIEW);
            assertThat(approvalInstance).isWaitingAt("ServiceTask_Approve");
            org.camunda.bpm.engine.runtime.Job freeze = management.createJobQuery()
                    .processInstanceId(approvalInstance.getId()).singleResult();
            assertThat(freeze.getRetries()).isEqualTo(3);
            management.executeJob(freeze.getId());
        }
        assertThat(status(id)).isEqualTo(ProjectStatus.APPROVED);
        // The approver comes from the project's history: the routing variables did not outlive the decision.
        assertThat(review.versions(id)).extracting(TargetVersion::getApprovedBy).containsExactly("f1");
        assertThat(approvalInstance).isEnded();
    }

    @Autowired
    TargetAdjustments adjustments;

    @Test
    void anAdjustmentCreatesVersionTwoThroughAllThreeStepsAndKeepsVersionOne() {
        Long id = draft("目标调整项目");
        work.submit(id, null, UNIT);
        work.complete(current(id).getId(), new Decision("approve", "同意", null), DEPT);
        work.complete(current(id).getId(), new Decision("approve", "同意", null), FINANCE);
        assertThatThrownBy(() -> adjustments.request(id, "培训人数调整", DEPT))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> adjustments.request(id, " ", UNIT)).hasMessageContaining("调整理由");

        adjustments.request(id, "上级文件调整培训规模", UNIT);
        assertThat(status(id)).isEqualTo(ProjectStatus.ADJUSTING);
        assertThat(approval(id)).isWaitingAt(Steps.DRAFTING);
        assertThat(lifecycle(id)).isWaitingAt("CallActivity_TargetAdjustment", "CatchEvent_SelfEvaluationRoundOpened");
        assertThatThrownBy(() -> adjustments.request(id, "再次申请", UNIT)).isInstanceOf(ForbiddenException.class);

        projects.update(id, table("目标调整项目", "≥95%"), org.openperf.kernel.Scope.ALL);
        work.submit(id, "调整后提交", UNIT);
        work.complete(current(id).getId(), new Decision("return", "请补充依据", null), DEPT);
        assertThat(status(id)).isEqualTo(ProjectStatus.ADJUSTING);
        work.submit(id, "已补充", UNIT);
        work.complete(current(id).getId(), new Decision("approve", "同意调整", null), DEPT);
        work.complete(current(id).getId(), new Decision("approve", "同意批复调整", null), FINANCE);

        ProjectView p = projects.view(id);
        assertThat(p.status()).isEqualTo("APPROVED");
        assertThat(p.version()).isEqualTo(2);
        List<TargetVersion> versions = review.versions(id);
        assertThat(versions).extracting(TargetVersion::getVersion).containsExactly(1, 2);
        String satisfaction = "\"name\":\"培训人员满意度\",\"value\":{\"text\":";
        assertThat(versions.get(0).getSnapshot()).contains(satisfaction + "\"≥90%\"");
        assertThat(versions.get(1).getSnapshot()).contains(satisfaction + "\"≥95%\"");
        assertThat(actions(id)).containsExactly("submit", "approve", "approve", "approved", "adjust", "submit",
                "return", "submit", "approve", "approve", "approved");
        assertThat(lifecycle(id)).isWaitingAt("CatchEvent_SelfEvaluationRoundOpened");
    }

    @Test
    void departmentReturnsToDraftingWithARequiredOpinionAndThePreparerResubmits() {
        Long id = draft("部门退回项目");
        work.submit(id, null, UNIT);
        String taskId = current(id).getId();
        assertThatThrownBy(() -> work.complete(taskId, new Decision("return", " ", null), DEPT))
                .hasMessageContaining("必须填写审批意见");
        assertThat(approval(id)).isWaitingAt(Steps.DEPARTMENT_REVIEW);

        work.complete(taskId, new Decision("return", "满意度指标值偏低，请修改", null), DEPT);
        assertThat(approval(id)).isWaitingAt(Steps.DRAFTING);
        assertThat(status(id)).isEqualTo(ProjectStatus.DRAFT);

        work.submit(id, "已修改", UNIT);
        assertThat(approval(id)).isWaitingAt(Steps.DEPARTMENT_REVIEW);
        assertThat(actions(id)).containsExactly("submit", "return", "submit");
        assertThat(review.history(id).get(1).getComment()).isEqualTo("满意度指标值偏低，请修改");
    }

    @Test
    void financeReturnsToTheUnitOrToTheDepartment() {
        Long id = draft("财政退回项目");
        work.submit(id, null, UNIT);
        work.complete(current(id).getId(), new Decision("approve", "同意", null), DEPT);

        work.complete(current(id).getId(), new Decision("return", "请部门复核成本指标", "department"), FINANCE);
        assertThat(approval(id)).isWaitingAt(Steps.DEPARTMENT_REVIEW);
        assertThat(status(id)).isEqualTo(ProjectStatus.IN_REVIEW);

        work.complete(current(id).getId(), new Decision("approve", "已复核", null), DEPT);
        work.complete(current(id).getId(), new Decision("return", "预算需调整", "unit"), FINANCE);
        assertThat(approval(id)).isWaitingAt(Steps.DRAFTING);
        assertThat(status(id)).isEqualTo(ProjectStatus.DRAFT);
        assertThat(actions(id)).containsExactly("submit", "approve", "return-department", "approve", "return");
    }

    @Test
    void aTableWithValidationErrorsGoesBackToDraftingWithTheFindings() {
        Long id = projects.create(table("校验不通过项目", "≥190%")).id();
        work.submit(id, null, UNIT);
        assertThat(approval(id)).hasPassed("ServiceTask_Validate").isWaitingAt(Steps.DRAFTING);
        assertThat(status(id)).isEqualTo(ProjectStatus.DRAFT);
        assertThat(actions(id)).containsExactly("submit", "validation-failed");
        assertThat(review.history(id).get(1).getComment()).contains("培训人员满意度");
    }

    @Test
    void theSubmitterWithdrawsWhileTheDepartmentHasNotStarted() {
        Long id = draft("撤回项目");
        work.submit(id, null, UNIT);
        // Another unit's user learns nothing of the project; a colleague of the submitter is told who may withdraw.
        assertThatThrownBy(() -> work.withdraw(id, OTHER_UNIT))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> work.withdraw(id, new Caller("u402001b", List.of("unit-402001"))))
                .hasMessageContaining("只有提交人");
        work.withdraw(id, UNIT);
        assertThat(approval(id)).isWaitingAt(Steps.DRAFTING);
        assertThat(status(id)).isEqualTo(ProjectStatus.DRAFT);

        work.submit(id, null, UNIT);
        work.claim(current(id).getId(), DEPT);
        assertThatThrownBy(() -> work.withdraw(id, UNIT)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("d402");
        assertThat(approval(id)).isWaitingAt(Steps.DEPARTMENT_REVIEW);
    }

    @Test
    void theSubmitterCannotApproveTheirOwnTable() {
        Caller both = new Caller("u402001", List.of("unit-402001", "dept-402", "camunda-admin"));
        Long id = draft("自审项目");
        work.submit(id, null, both);
        assertThatThrownBy(() -> work.complete(current(id).getId(), new Decision("approve", "同意", null), both))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("提交人不能审批");
        assertThat(approval(id)).isWaitingAt(Steps.DEPARTMENT_REVIEW);
        // Refused inside the completion (the step's listener decides): nothing of it is left behind.
        assertThat(actions(id)).containsExactly("submit");
        assertThat(current(id).getAssignee()).isNull();
    }

    @Test
    void anotherUnitNeitherSeesNorCompletesTheTask() {
        Long id = draft("他单位项目");
        String drafting = current(id).getId();
        assertThatThrownBy(() -> work.complete(drafting, new Decision("submit", null, null), OTHER_UNIT))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> work.submit(id, null, OTHER_UNIT))
                .as("another unit's project is not found, like a missing one")
                .isInstanceOf(NotFoundException.class);
        assertThat(approval(id)).isWaitingAt(Steps.DRAFTING);
    }

    @Test
    void aSecondApprovalOfTheSameTaskIsRefused() {
        Long id = draft("重复审批项目");
        work.submit(id, null, UNIT);
        String taskId = current(id).getId();
        work.complete(taskId, new Decision("approve", "同意", null), DEPT);
        assertThatThrownBy(() -> work.complete(taskId, new Decision("approve", "同意", null), DEPT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已办理完毕");
        assertThat(actions(id)).containsExactly("submit", "approve");
    }

    @Test
    void twoReviewersRacingForOneTaskGiveOneSuccessAndOneConflict() throws Exception {
        Long id = draft("并发审批项目");
        work.submit(id, null, UNIT);
        String taskId = current(id).getId();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        for (Caller reviewer : List.of(DEPT, DEPT2)) {
            Callable<String> attempt = () -> {
                start.await();
                try {
                    work.complete(taskId, new Decision("approve", "同意", null), reviewer);
                    return "ok";
                } catch (ConflictException e) {
                    return "409";
                }
            };
            results.add(pool.submit(attempt));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsExactlyInAnyOrder("ok", "409");
        assertThat(actions(id)).containsExactly("submit", "approve");
        assertThat(approval(id)).isWaitingAt(Steps.FINANCE_REVIEW);
    }

    @Test
    void reviewTasksAreRemindedWhenDueAndEscalatedAfterASecondPeriod() {
        Date t0 = new Date();
        ClockUtil.setCurrentTime(t0);
        Long id = draft("催办项目");
        work.submit(id, null, UNIT);
        Task task = current(id);
        Date due = Date.from(t0.toInstant().plus(Duration.ofDays(10)));
        assertThat(task.getDueDate()).isCloseTo(due, 1000);
        assertThat(task.getFollowUpDate()).isCloseTo(due, 1000);
        assertThat(timers(id)).as("no timers of its own: the hourly sweep follows it up").isEmpty();

        sweep();
        assertThat(actions(id)).as("not due yet").containsExactly("submit");

        ClockUtil.setCurrentTime(Date.from(due.toInstant().plusSeconds(1)));
        sweep();
        assertThat(tasks.getVariableLocal(task.getId(), ReviewReminders.REMINDED)).isEqualTo(true);
        assertThat(current(id).getFollowUpDate()).as("followed up again one period later")
                .isCloseTo(Date.from(t0.toInstant().plus(Duration.ofDays(20))), 1000);
        assertThat(actions(id)).containsExactly("submit", "remind");
        sweep();
        assertThat(actions(id)).as("reminded once").containsExactly("submit", "remind");

        ClockUtil.setCurrentTime(Date.from(t0.toInstant().plus(Duration.ofDays(20)).plusSeconds(1)));
        sweep();
        assertThat(tasks.getVariableLocal(task.getId(), ReviewReminders.OVERDUE)).isEqualTo(true);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(l -> "dept-402-lead".equals(l.getGroupId()));
        assertThat(current(id).getPriority()).isEqualTo(80);
        assertThat(current(id).getFollowUpDate()).isNull();
        sweep();
        assertThat(actions(id)).containsExactly("submit", "remind", "escalate");
        assertThat(approval(id)).isWaitingAt(Steps.DEPARTMENT_REVIEW);

        // The lead group can act on it; a task completed in time is never reminded.
        work.complete(task.getId(), new Decision("approve", "同意", null), DEPT);
        assertThat(approval(id)).isWaitingAt(Steps.FINANCE_REVIEW);
        sweep();
        assertThat(actions(id)).containsExactly("submit", "remind", "escalate", "approve");
    }

    @Test
    void decisionsMadeThroughTheApiAreKeptInTheProjectsHistoryNotAsProcessVariables() {
        Long id = draft("路由变量项目");
        String pi = approval(id).getId();
        work.submit(id, "请审核", UNIT);
        work.complete(current(id).getId(), new Decision("return", "请补充时效指标", null), DEPT);
        assertThat(approval(id)).isWaitingAt(Steps.DRAFTING);
        work.submit(id, "已补充", UNIT);
        work.complete(current(id).getId(), new Decision("approve", "同意", null), DEPT);
        assertThat(approval(id)).isWaitingAt(Steps.FINANCE_REVIEW);

        assertThat(actions(id)).containsExactly("submit", "return", "submit", "approve");
        assertThat(review.history(id)).extracting(ReviewOpinion::getComment)
                .containsExactly("请审核", "请补充时效指标", "已补充", "同意");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi)
                .variableNameIn(RoutingVariables.ALL.toArray(String[]::new)).list())
                .as("routing variables stored, even once").isEmpty();
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi).finished()
                .orderByHistoricActivityInstanceStartTime().asc().list())
                .as("history names who completed each step (it was never claimed)")
                .extracting(t -> t.getTaskDefinitionKey() + ":" + t.getAssignee())
                .containsExactly(Steps.DRAFTING + ":u402001", Steps.DEPARTMENT_REVIEW + ":d402",
                        Steps.DRAFTING + ":u402001", Steps.DEPARTMENT_REVIEW + ":d402");

        work.complete(current(id).getId(), new Decision("approve", "批准", null), FINANCE);
        assertThat(projects.view(id).status()).isEqualTo("APPROVED");
        assertThat(review.versions(id)).extracting(TargetVersion::getApprovedBy).containsExactly("f1");
    }

    @Test
    void anInstanceHoldingStoredDecisionsFromAnEarlierVersionStillRoutesAndIsClearedOnItsNextStep() {
        Long id = draft("旧版本变量项目");
        work.submit(id, null, UNIT);
        String pi = approval(id).getId();
        // What an earlier version left on the instance: the previous step's decision, stored.
        runtime.setVariable(pi, "decision", null);
        runtime.setVariable(pi, "submitter", "u402001");
        runtime.setVariable(pi, "validationErrors", 0L);

        work.complete(current(id).getId(), new Decision("return", "请修改", null), DEPT);
        assertThat(approval(id)).isWaitingAt(Steps.DRAFTING);
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(pi)
                .variableNameIn(RoutingVariables.ALL.toArray(String[]::new)).list())
                .as("removed when 编制 began").isEmpty();

        work.submit(id, "已修改", UNIT);
        assertThat(approval(id)).isWaitingAt(Steps.DEPARTMENT_REVIEW);
        assertThat(actions(id)).containsExactly("submit", "return", "submit");
    }

    @Test
    void aStepClaimedByAColleagueAfterItWasReadIsAConflictNotCompletedUnderTheirName() {
        Long id = draft("签收竞争项目");
        work.submit(id, null, UNIT);
        Task review = current(id);
        tasks.claim(review.getId(), "d402b");

        // What ReviewTasks.complete sends for a step it read while it was still unassigned.
        Throwable thrown = catchThrowable(() -> ApiCompletion.run(
                new ApiCompletion.Completion(review.getId(), "d402", Map.of("decision", "approve", "comment", "同意"),
                        false),
                () -> tasks.complete(review.getId())));
        assertThat(thrown).isNotNull();
        assertThat(causes(thrown)).anySatisfy(t -> assertThat(t).isInstanceOf(ConflictException.class)
                .hasMessageContaining("d402b"));
        assertThat(approval(id)).isWaitingAt(Steps.DEPARTMENT_REVIEW);
        assertThat(current(id).getAssignee()).isEqualTo("d402b");
    }

    @Test
    void markersSentThroughCamundasRestApiDoNotSkipTheStepsRules() {
        Caller both = new Caller("u402001", List.of("unit-402001", "dept-402"));
        Long id = draft("冒名办理项目");
        work.submit(id, null, both);
        Task review = current(id);
        // What the submitter, also in the department, could send to /engine-rest/task/{id}/complete: the
        // transient markers earlier versions of the task API used, naming a colleague, and an approval.
        engine.getIdentityService().setAuthentication("u402001", both.groups());
        Throwable thrown;
        try {
            thrown = catchThrowable(() -> tasks.complete(review.getId(), Map.of(
                    "decidedThroughApi", Variables.booleanValue(true, true),
                    "completedBy", Variables.stringValue("d402", true),
                    "apiDecision", Variables.stringValue("approve", true),
                    "decision", Variables.stringValue("approve", true))));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(causes(thrown)).anySatisfy(t -> assertThat(t).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("提交人不能审批"));
        assertThat(approval(id)).isWaitingAt(Steps.DEPARTMENT_REVIEW);
        assertThat(current(id).getAssignee()).isNull();
        assertThat(actions(id)).containsExactly("submit");
    }

    @Test
    void theSweepWorksThroughTheDueTasksInBatches() {
        Date t0 = new Date();
        ClockUtil.setCurrentTime(t0);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Long id = draft("分批催办项目" + i);
            work.submit(id, null, UNIT);
            ids.add(id);
        }
        Date later = Date.from(t0.toInstant().plus(Duration.ofDays(10)).plusSeconds(1));
        // Everything due before these three (other tests' tasks) goes first; then the three, one per batch.
        while (reminders.followUp(later, 1)) {
            if (ids.stream().allMatch(id -> actions(id).contains("remind"))) {
                break;
            }
        }
        assertThat(ids).allSatisfy(id -> assertThat(actions(id)).containsExactly("submit", "remind"));
        assertThat(reminders.followUp(later, 1)).as("nothing left due").isFalse();
    }

    @Test
    void aReviewTaskWithoutItsProjectIsSkippedAndDoesNotHoldUpTheOthers() {
        Date t0 = new Date();
        ClockUtil.setCurrentTime(t0);
        Long broken = draft("无项目编号催办项目");
        work.submit(broken, null, UNIT);
        Long fine = draft("正常催办项目");
        work.submit(fine, null, UNIT);
        String brokenInstance = approval(broken).getId();
        String brokenTask = current(broken).getId();
        // An instance that is not a project's (started by hand in Cockpit, say): its business key is no project id.
        businessKey(brokenInstance, "not-a-project");
        try {
            Date later = Date.from(t0.toInstant().plus(Duration.ofDays(10)).plusSeconds(1));
            while (reminders.followUp(later, 1)) {
                if (actions(fine).contains("remind")) {
                    break;
                }
            }
            assertThat(actions(fine)).containsExactly("submit", "remind");
            assertThat(actions(broken)).containsExactly("submit");
            assertThat(tasks.createTaskQuery().taskId(brokenTask).singleResult().getFollowUpDate())
                    .as("not picked up again").isNull();
        } finally {
            businessKey(brokenInstance, String.valueOf(broken)); // the other tests share this database
        }
    }

    void businessKey(String processInstanceId, String key) {
        jdbc.update("update act_ru_execution set business_key_ = ? where proc_inst_id_ = ?", key, processInstanceId);
    }

    /** What the hourly timer does: start review-reminders and run its batches until none is left. */
    void sweep() {
        Job start = management.createJobQuery().processDefinitionKey("review-reminders").timers().singleResult();
        assertThat(start).as("the sweep's timer").isNotNull();
        management.executeJob(start.getId());
        for (int i = 0; i < 100; i++) {
            List<Job> batch = management.createJobQuery().processDefinitionKey("review-reminders").messages()
                    .listPage(0, 1);
            if (batch.isEmpty()) {
                return;
            }
            management.executeJob(batch.get(0).getId());
        }
        throw new AssertionError("the sweep did not finish in 100 batches");
    }

    /** A user of the engine's identity in a group, as the demo users and a real installation have them. */
    void member(String userId, String groupId) {
        org.camunda.bpm.engine.IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(userId).count() == 0) {
            identity.saveUser(identity.newUser(userId));
        }
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            identity.saveGroup(identity.newGroup(groupId));
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    @Test
    void aTaskIsHandedOnlyToSomeoneWhoMayWorkThatStep() {
        member("d402b", "dept-402");
        member("u402001x", "unit-402001");
        member("d401x", "dept-401");
        Long id = draft("转办范围项目");
        work.submit(id, null, UNIT);
        String taskId = current(id).getId();
        for (String outsider : List.of("u402001x", "d401x", "nobody-at-all")) {
            assertThatThrownBy(() -> work.transfer(taskId, outsider, null, DEPT))
                    .as("转办给 " + outsider).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("部门审核");
            assertThatThrownBy(() -> work.delegate(taskId, outsider, null, DEPT))
                    .as("委派给 " + outsider).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(current(id).getAssignee()).as("nothing handed on").isNull();
        assertThat(actions(id)).containsExactly("submit");
        // The unit's own 编制 goes only to the unit's preparers.
        Long other = draft("编制转办项目");
        String drafting = current(other).getId();
        assertThatThrownBy(() -> work.transfer(drafting, "d402b", null, UNIT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit-402001");
        work.transfer(drafting, "u402001x", "请接手", UNIT);
        assertThat(current(other).getAssignee()).isEqualTo("u402001x");
    }

    @Test
    void transferAndDelegateHandTheTaskOnAndRecordIt() {
        member("d402b", "dept-402");
        Long id = draft("转办委派项目");
        work.submit(id, null, UNIT);
        String taskId = current(id).getId();
        work.delegate(taskId, "d402b", "请协助初审", DEPT);
        assertThat(current(id).getAssignee()).isEqualTo("d402b");
        work.complete(taskId, new Decision("approve", "初审同意", null), DEPT2);
        assertThat(current(id).getAssignee()).isEqualTo("d402");
        assertThat(approval(id)).isWaitingAt(Steps.DEPARTMENT_REVIEW);
        work.transfer(taskId, "d402b", "改由d402b办理", DEPT);
        assertThat(current(id).getAssignee()).isEqualTo("d402b");
        work.complete(taskId, new Decision("approve", "同意", null), DEPT2);
        assertThat(approval(id)).isWaitingAt(Steps.FINANCE_REVIEW);
        assertThat(actions(id)).containsExactly("submit", "delegate", "approve", "transfer", "approve");
    }

    List<Job> timers(Long id) {
        return management.createJobQuery().timers().processInstanceId(approval(id).getId()).list();
    }

    /** The engine wraps what a listener throws: the exception and its causes. */
    private static List<Throwable> causes(Throwable thrown) {
        assertThat(thrown).as("refused").isNotNull();
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
