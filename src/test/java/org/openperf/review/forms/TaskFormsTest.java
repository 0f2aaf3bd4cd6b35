package org.openperf.review.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.review.Decision;
import org.openperf.review.ReviewOpinion;
import org.openperf.review.ReviewService;
import org.openperf.review.ReviewTasks;
import org.openperf.review.Steps;
import org.openperf.kernel.Caller;
import org.openperf.targets.Department;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.Unit;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The three task forms are deployed and each task's form variables give a reviewer the whole table: the project
 * block, the indicators as an array, the findings and the opinion history, fresh on every task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskFormsTest {

    static final Caller UNIT = new Caller("u402001", List.of("unit-402001"));
    static final Caller DEPT = new Caller("d402", List.of("dept-402"));

    @Autowired
    RepositoryService repository;
    @Autowired
    FormService forms;
    @Autowired
    TaskService tasks;
    @Autowired
    ReviewTasks work;
    @Autowired
    ReviewService reviews;
    @Autowired
    ProjectService projects;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.openperf.monitoring.MonitoringRoundService rounds;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @BeforeEach
    void setUp() {
        org.openperf.TestUnits.ensureQingdao(departments, units);
    }

    static ProjectForm table(String name, ProjectForm.IndicatorInput... extra) {
        List<ProjectForm.IndicatorInput> rows = new ArrayList<>(List.of(
                indicator("成本指标", "经济成本指标", "培训标准", "≤550 元/人天", "每人每天培训费上限"),
                indicator("产出指标", "数量指标", "每期培训人数", "≥40 人", null),
                indicator("效益指标", "社会效益指标", "财务政策规范知晓度", "≥95%", null),
                indicator("满意度指标", "服务对象满意度指标", "培训人员满意度", "≥90%", null)));
        rows.addAll(List.of(extra));
        return new ProjectForm(2024, null, name, new ProjectForm.UnitInput("402001", null), null,
                new BigDecimal("835"), new BigDecimal("800"), new BigDecimal("35"), null,
                "用于组织财务人员培训", "提高财务工作规范化水平", List.of(), rows);
    }

    static ProjectForm.IndicatorInput indicator(String l1, String l2, String name, String value, String description) {
        return new ProjectForm.IndicatorInput(l1, l2, name, description, new ProjectForm.ValueInput(value), null, null,
                null);
    }

    Task current(Long projectId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(projectId))
                .processDefinitionKey("target-approval").singleResult();
    }

    /** What Tasklist gets before it renders a task's Camunda Form. */
    JsonNode formVariables(String taskId) throws IOException {
        ResponseEntity<String> r = http.withBasicAuth("admin", "demo").getForEntity(
                "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false", String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    /** A variable's value as Tasklist reads it: text, number, or the parsed JSON of a Json variable. */
    Object value(JsonNode vars, String name) throws IOException {
        JsonNode v = vars.get(name);
        if (v == null || v.get("value").isNull()) {
            return null;
        }
        return switch (v.get("type").asText()) {
            case "Integer" -> v.get("value").asInt();
            case "Long" -> v.get("value").asLong();
            case "Json" -> json.readTree(v.get("value").asText());
            default -> v.get("value").asText();
        };
    }

    JsonNode array(JsonNode vars, String name) throws IOException {
        assertThat(vars.get(name).get("type").asText()).as(name).isEqualTo("Json");
        JsonNode node = (JsonNode) value(vars, name);
        assertThat(node.isArray()).as(name + " is an array").isTrue();
        return node;
    }

    static List<String> column(JsonNode array, String key) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(key).asText()));
        return out;
    }

    String deployedForm(String taskId) throws IOException {
        try (InputStream in = forms.getDeployedTaskForm(taskId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theThreeFormsAreDeployedWithTheProcess() {
        List<String> resources = repository.createDeploymentQuery().list().stream().map(Deployment::getId)
                .flatMap(id -> repository.getDeploymentResourceNames(id).stream()).toList();
        assertThat(resources).anySatisfy(r -> assertThat(r).endsWith("forms/target-drafting.form"))
                .anySatisfy(r -> assertThat(r).endsWith("forms/target-department-review.form"))
                .anySatisfy(r -> assertThat(r).endsWith("forms/target-finance-review.form"));
    }

    @Test
    void theDepartmentSeesTheWholeTableAndItsHistoryAndAReturnShowsOnTheNextRound() throws IOException {
        Long id = projects.create(table("表单展示项目")).id();
        Task drafting = current(id);
        assertThat(deployedForm(drafting.getId())).contains("\"id\": \"target-drafting\"", "提交说明",
                "/projects/{{projectId}}");
        work.submit(id, "请审核", UNIT);

        Task review = current(id);
        assertThat(review.getTaskDefinitionKey()).isEqualTo(Steps.DEPARTMENT_REVIEW);
        assertThat(deployedForm(review.getId())).contains("\"id\": \"target-department-review\"", "审核结论",
                "\"同意\"", "\"退回\"", "审批意见（退回时必填）", "三级指标", "审批意见记录");

        JsonNode vars = formVariables(review.getId());
        assertThat(value(vars, "projectName")).isEqualTo("表单展示项目");
        assertThat(value(vars, "unitName")).isEqualTo("青岛市人力资源和社会保障局本级");
        assertThat(value(vars, "departmentName")).isEqualTo("青岛市人力资源和社会保障局");
        assertThat(value(vars, "year")).isEqualTo(2024);
        assertThat(value(vars, "budget")).isEqualTo("835.00");
        assertThat(value(vars, "fiscalFunds")).isEqualTo("800.00");
        assertThat(value(vars, "otherFunds")).isEqualTo("35.00");
        assertThat(value(vars, "goal")).isEqualTo("提高财务工作规范化水平");
        assertThat(value(vars, "errorCount")).isEqualTo(0L);
        assertThat(value(vars, "projectId")).isEqualTo(id);

        JsonNode indicators = array(vars, "indicators");
        assertThat(column(indicators, "name")).containsExactly("培训标准", "每期培训人数", "财务政策规范知晓度", "培训人员满意度");
        assertThat(column(indicators, "level1")).containsExactly("成本指标", "产出指标", "效益指标", "满意度指标");
        assertThat(column(indicators, "value")).containsExactly("≤550 元/人天", "≥40 人", "≥95%", "≥90%");
        assertThat(column(indicators, "description").get(0)).isEqualTo("每人每天培训费上限");

        JsonNode findings = array(vars, "findings");
        assertThat(findings).hasSize(((Number) value(vars, "warningCount")).intValue());
        assertThat(column(findings, "severity")).allMatch("警告"::equals);

        JsonNode opinions = array(vars, "opinions");
        assertThat(column(opinions, "step")).containsExactly("编制");
        assertThat(column(opinions, "action")).containsExactly("提交");
        assertThat(column(opinions, "comment")).containsExactly("请审核");
        assertThat(column(opinions, "time").get(0)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

        // 退回: the preparer's form shows the opinion, and not the reviewer's decision as a pre-filled choice.
        work.complete(review.getId(), new Decision("return", "请补充时效指标", null), DEPT);
        Task redraft = current(id);
        assertThat(redraft.getTaskDefinitionKey()).isEqualTo(Steps.DRAFTING);
        JsonNode redraftVars = formVariables(redraft.getId());
        assertThat(column(array(redraftVars, "opinions"), "comment")).containsExactly("请审核", "请补充时效指标");
        assertThat(value(redraftVars, "decision")).isNull();
        assertThat(value(redraftVars, "comment")).isNull();

        projects.update(id, table("表单展示项目",
                indicator("产出指标", "时效指标", "培训完成时间", "≤10月31日", "年内完成全部培训")),
                org.openperf.kernel.Scope.ALL);
        work.submit(id, "已补充时效指标", UNIT);

        Task second = current(id);
        assertThat(second.getTaskDefinitionKey()).isEqualTo(Steps.DEPARTMENT_REVIEW);
        assertThat(second.getId()).isNotEqualTo(review.getId());
        JsonNode secondVars = formVariables(second.getId());
        assertThat(column(array(secondVars, "indicators"), "name")).hasSize(5).endsWith("培训完成时间");
        JsonNode history = array(secondVars, "opinions");
        assertThat(column(history, "action")).containsExactly("提交", "退回单位", "提交");
        assertThat(column(history, "comment")).containsExactly("请审核", "请补充时效指标", "已补充时效指标");
        assertThat(column(history, "step")).containsExactly("编制", "部门审核", "编制");
        assertThat(value(secondVars, "decision")).isNull();

        // 同意: finance gets a fresh form, without the department's decision pre-selected.
        work.complete(second.getId(), new Decision("approve", "同意", null), DEPT);
        Task finance = current(id);
        assertThat(finance.getTaskDefinitionKey()).isEqualTo(Steps.FINANCE_REVIEW);
        assertThat(deployedForm(finance.getId())).contains("\"id\": \"target-finance-review\"", "退回至", "退回单位",
                "退回部门");
        JsonNode financeVars = formVariables(finance.getId());
        assertThat(value(financeVars, "decision")).as("the department's approve is not the finance choice").isNull();
        assertThat(column(array(financeVars, "opinions"), "action")).containsExactly("提交", "退回单位", "提交", "同意");
    }

    @Test
    void tasklistGetsTheTablesAsJsonItParsesIntoArrays() throws IOException {
        Long id = projects.create(table("接口展示项目")).id();
        work.submit(id, "请审核", UNIT);
        Task review = current(id);

        // What Tasklist asks for before it renders a Camunda Form.
        ResponseEntity<String> r = http.withBasicAuth("admin", "demo").getForEntity(
                "/engine-rest/task/" + review.getId() + "/form-variables?deserializeValues=false", String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(r.getBody());
        for (String name : List.of("indicators", "findings", "opinions")) {
            assertThat(body.get(name).get("type").asText()).as(name).isEqualTo("Json");
            assertThat(json.readTree(body.get(name).get("value").asText()).isArray()).as(name).isTrue();
        }
        JsonNode indicators = json.readTree(body.get("indicators").get("value").asText());
        assertThat(indicators).hasSize(4);
        assertThat(indicators.get(0).get("value").asText()).isEqualTo("≤550 元/人天");
        assertThat(body.get("projectName").get("value").asText()).isEqualTo("接口展示项目");
        assertThat(body.get("budget").get("value").asText()).isEqualTo("835.00");
        assertThat(body.get("year").get("type").asText()).isEqualTo("Integer");
    }

    @Test
    void theFormShowsTheTableAsItIsWhenItOpensNotAsItWasWhenTheTaskBegan() throws IOException {
        Long id = projects.create(table("现时表单项目")).id();
        Task drafting = current(id);
        assertThat(array(formVariables(drafting.getId()), "indicators")).hasSize(4);

        // The preparer saves a fifth indicator on the 编制 task they are working on: no new task, a fresh form.
        projects.update(id, table("现时表单项目（改）",
                indicator("产出指标", "时效指标", "培训完成时间", "≤10月31日", null)), org.openperf.kernel.Scope.ALL);
        JsonNode now = formVariables(drafting.getId());
        assertThat(current(id).getId()).isEqualTo(drafting.getId());
        assertThat(value(now, "projectName")).isEqualTo("现时表单项目（改）");
        assertThat(column(array(now, "indicators"), "name")).hasSize(5).endsWith("培训完成时间");
    }

    @Test
    void anotherUnitsUserGetsNeitherTheTaskNorItsTable() {
        Long id = projects.create(table("他人表单项目")).id();
        Task drafting = current(id);
        ResponseEntity<String> r = http.withBasicAuth("unit402004", "demo").getForEntity(
                "/engine-rest/task/" + drafting.getId() + "/form-variables?deserializeValues=false", String.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isFalse();
        assertThat(r.getBody()).doesNotContain("他人表单项目");

        ResponseEntity<String> own = http.withBasicAuth("unit402001", "demo").getForEntity(
                "/engine-rest/task/" + drafting.getId() + "/form-variables?variableNames=projectName,budget",
                String.class);
        assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).contains("他人表单项目", "835.00").doesNotContain("indicators");
    }

    @Test
    void theLifecyclesFormsGetTheProjectsNameWhenTheyOpenNotFromAVariable() throws IOException {
        ProjectForm t = table("监控表单名称项目");
        Long id = projects.create(new ProjectForm(2037, t.code(), t.name(), t.unit(), t.category(), t.budget(),
                t.fiscalFunds(), t.otherFunds(), t.budgetNote(), t.purpose(), t.goal(), t.spendingPlan(),
                t.indicators())).id();
        org.openperf.review.Approvals.approve(work, tasks, id);
        rounds.open(2037, 7, org.openperf.review.Approvals.FINANCE);
        Task report = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .taskDefinitionKey("UserTask_MonitoringReport").singleResult();

        assertThat(runtime.getVariable(report.getProcessInstanceId(), "projectName")).isNull();
        JsonNode vars = formVariables(report.getId());
        assertThat(value(vars, "projectName")).isEqualTo("监控表单名称项目");
        assertThat(vars.has("indicators")).as("the 监控表 form has its own table").isFalse();
    }

    @Test
    void aDecisionMadeInTheFormInTasklistFollowsTheSameRulesAndIsRecorded() {
        Long id = projects.create(table("表单办理项目")).id();
        Task drafting = current(id);
        tasks.claim(drafting.getId(), "u402001");
        forms.submitTaskForm(drafting.getId(), Map.of("comment", "从表单提交"));
        Task review = current(id);
        assertThat(review.getTaskDefinitionKey()).isEqualTo(Steps.DEPARTMENT_REVIEW);
        assertThat(projects.table(id).getSubmittedBy()).isEqualTo("u402001");

        tasks.claim(review.getId(), "d402");
        assertThatThrownBy(() -> forms.submitTaskForm(review.getId(), Map.of("decision", "return", "comment", " ")))
                .hasMessageContaining("退回时必须填写审批意见");
        assertThat(current(id).getId()).as("the refused return left the task open").isEqualTo(review.getId());

        forms.submitTaskForm(review.getId(), Map.of("decision", "return", "comment", "请补充时效指标"));
        assertThat(current(id).getTaskDefinitionKey()).isEqualTo(Steps.DRAFTING);
        assertThat(projects.view(id).status()).isEqualTo("DRAFT");

        work.submit(id, "已补充", UNIT);
        Task again = current(id);
        tasks.claim(again.getId(), "d402");
        forms.submitTaskForm(again.getId(), Map.of("decision", "approve"));
        Task finance = current(id);
        assertThat(finance.getTaskDefinitionKey()).isEqualTo(Steps.FINANCE_REVIEW);
        tasks.claim(finance.getId(), "f1");
        forms.submitTaskForm(finance.getId(), Map.of("decision", "return", "returnTo", "department",
                "comment", "请部门复核预算"));
        assertThat(current(id).getTaskDefinitionKey()).isEqualTo(Steps.DEPARTMENT_REVIEW);
        assertThat(projects.view(id).status()).as("a return to the department keeps it in review")
                .isEqualTo("IN_REVIEW");

        assertThat(review(id)).extracting(ReviewOpinion::getAction)
                .containsExactly("submit", "return", "submit", "approve", "return-department");
        assertThat(review(id)).extracting(ReviewOpinion::getUserId)
                .containsExactly("u402001", "d402", "u402001", "d402", "f1");
        assertThat(review(id)).extracting(ReviewOpinion::getComment)
                .containsExactly("从表单提交", "请补充时效指标", "已补充", null, "请部门复核预算");
    }

    List<ReviewOpinion> review(Long id) {
        return reviews.history(id);
    }
}
