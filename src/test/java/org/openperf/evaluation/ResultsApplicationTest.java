package org.openperf.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openperf.ProcessFixture.row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openperf.ProcessFixture;
import org.openperf.kernel.Caller;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.Scope;
import org.openperf.monitoring.Light;
import org.openperf.monitoring.MilestoneService;
import org.openperf.review.Approvals;
import org.openperf.review.Decision;
import org.openperf.review.ReviewTasks;
import org.openperf.review.Steps;
import org.openperf.review.forms.TaskFormVariables;
import org.openperf.targets.Department;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.Unit;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * 结果应用 through the real services (issue 19): projects of 2065 in departments 983 and 984 approved, monitored,
 * self-evaluated and published through the lifecycle; the tables of 2066 that continue them (by code, by name) or
 * are new. Years 2065–2066 and departments 983–984 are this test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsApplicationTest {

    static final Caller UNIT = new Caller("u983001", List.of("unit-983001"));
    static final Caller UNIT_984 = new Caller("u984001", List.of("unit-984001"));
    static final Caller DEPT = new Caller("d983", List.of("dept-983"));
    static final Caller DEPT_984 = new Caller("d984", List.of("dept-984"));
    static final Caller FINANCE = Approvals.FINANCE;

    @Autowired
    ApplicationContext context;
    @Autowired
    ProjectService projects;
    @Autowired
    SelfEvaluationRounds rounds;
    @Autowired
    SelfEvaluationSubmissions submissions;
    @Autowired
    SelfEvaluationResults results;
    @Autowired
    MilestoneService milestones;
    @Autowired
    ReviewTasks work;
    @Autowired
    TaskService tasks;
    @Autowired
    ResultsApplication application;
    @Autowired
    org.openperf.targets.PreviousProjects previous;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    ProcessFixture fixture;
    /** 2065, 优, spent 100 of 100. */
    Long good;
    /** 2065, 差, spent 50 of 100, two milestone checks without spending. */
    Long poor;
    /** 2066 tables: continues poor by code with 150; by code with 130, at 财政审核; by name with 80. */
    Long rising;
    Long risingAtFinance;
    Long falling;
    /** 2066: continues good by code with 120; a new project; a new project of department 984. */
    Long steady;
    Long fresh;
    Long other;

    @BeforeAll
    void twoYears() {
        fixture = ProcessFixture.of(context);
        unit("983", "结果应用测试局", "983001", "结果应用测试局本级");
        unit("984", "结果应用另一局", "984001", "结果应用另一局本级");
        good = approved(form(2065, "RES-2065-GOOD", "2065年 就业见习补贴项目", "983001", "100"), UNIT, DEPT);
        poor = approved(form(2065, "RES-2065-POOR", "2065年度 创业 培训补贴", "983001", "100"), UNIT, DEPT);
        milestones.check(poor, 3);
        milestones.check(poor, 6);
        rounds.openRound(2065, FINANCE);
        publish(good, "100", UNIT, DEPT, "500", "60", "98", "92");
        publish(poor, "50", UNIT, DEPT, "700", "10", "50", "50");
        assertThat(results.result(good, Scope.ALL).getGrade()).isEqualTo("优");
        assertThat(results.result(poor, Scope.ALL).getGrade()).isEqualTo("差");

        rising = projects.create(form(2066, "RES-2065-POOR", "创业培训补贴（扩大）", "983001", "150")).id();
        risingAtFinance = projects.create(form(2066, "RES-2065-POOR", "创业培训补贴（二期）", "983001", "130")).id();
        falling = projects.create(form(2066, null, "创业培训补贴", "983001", "80")).id();
        steady = projects.create(form(2066, "RES-2065-GOOD", "就业见习补贴", "983001", "120")).id();
        fresh = projects.create(form(2066, null, "新建零工市场", "983001", "60")).id();
        other = projects.create(form(2066, null, "另一局新项目", "984001", "40")).id();
        work.submit(risingAtFinance, null, UNIT);
        work.complete(Approvals.current(tasks, risingAtFinance).getId(), new Decision("approve", "同意", null), DEPT);
    }

    void unit(String deptCode, String deptName, String unitCode, String unitName) {
        DepartmentRepository departments = context.getBean(DepartmentRepository.class);
        Department d = departments.findByCode(deptCode).orElseGet(() -> departments.save(new Department(deptCode,
                deptName)));
        UnitRepository units = context.getBean(UnitRepository.class);
        if (units.findByCode(unitCode).isEmpty()) {
            units.save(new Unit(unitCode, unitName, d));
        }
    }

    static ProjectForm form(int year, String code, String name, String unit, String budget) {
        return new ProjectForm(year, code, name, new ProjectForm.UnitInput(unit, null), null, new BigDecimal(budget),
                new BigDecimal(budget), BigDecimal.ZERO, null, "用途", "目标", List.of(),
                List.of(row("成本指标", "经济成本指标", "培训标准", "≤550 元/人天"),
                        row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                        row("效益指标", "社会效益指标", "知晓度", "≥95%"),
                        row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")));
    }

    Long approved(ProjectForm form, Caller unit, Caller dept) {
        Long id = projects.create(form).id();
        work.submit(id, null, unit);
        work.complete(Approvals.current(tasks, id).getId(), new Decision("approve", "同意", null), dept);
        work.complete(Approvals.current(tasks, id).getId(), new Decision("approve", "同意", null), FINANCE);
        return id;
    }

    /** 绩效自评 by the unit, accepted by the department, re-checked by finance if drawn: 结果公开. */
    void publish(Long id, String spent, Caller unit, Caller dept, String... actuals) {
        List<SelfEvaluationSubmissions.IndicatorInput> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < actuals.length; i++) {
            inputs.add(new SelfEvaluationSubmissions.IndicatorInput(i, new BigDecimal(actuals[i]), null, null, null,
                    null, "偏差原因及改进措施"));
        }
        submissions.submit(id, new SelfEvaluationSubmissions.Submission(null, new BigDecimal(spent), "完成", inputs),
                unit);
        work.complete(fixture.taskIn(id, "self-evaluation").getId(), new Decision("approve", "同意", null), dept);
        if (results.result(id, Scope.ALL).getStatus() == SelfEvaluation.Status.RECHECKING) {
            work.complete(fixture.taskIn(id, "self-evaluation").getId(), new Decision("approve", "复核无异议", null),
                    FINANCE);
        }
        assertThat(results.result(id, Scope.ALL).getStatus()).isEqualTo(SelfEvaluation.Status.PUBLISHED);
    }

    long redLights(Long id) {
        return milestones.results(id).stream().filter(r -> r.getLight() == Light.RED).count();
    }

    ResultsApplication.Row rowOf(List<ResultsApplication.Row> rows, Long id) {
        return rows.stream().filter(r -> r.projectId() == id).findFirst().orElseThrow();
    }

    @Test
    void eachTableOfNextYearStandsBesideLastYearsResults() {
        List<ResultsApplication.Row> rows = application.rows(2066, null, false, FINANCE);
        // 差 first, the biggest rise first; then 优; the tables without a last year are kept, last.
        assertThat(rows).extracting(ResultsApplication.Row::projectId)
                .containsExactly(rising, risingAtFinance, falling, steady, fresh, other);

        ResultsApplication.Row r = rowOf(rows, rising);
        SelfEvaluation last = results.result(poor, Scope.ALL);
        assertThat(r.previousId()).isEqualTo(poor);
        assertThat(r.link()).isEqualTo("按项目编码关联");
        assertThat(r.lastYear()).isEqualTo("2065年");
        assertThat(r.score()).isEqualByComparingTo(last.getTotal().setScale(2, RoundingMode.HALF_UP));
        assertThat(r.grade()).isEqualTo("差");
        assertThat(r.executionRate()).isEqualByComparingTo("50.00");
        assertThat(redLights(poor)).isPositive();
        assertThat(r.redLights()).isEqualTo((int) redLights(poor));
        assertThat(r.budget()).isEqualByComparingTo("150");
        assertThat(r.lastBudget()).isEqualByComparingTo("100");
        assertThat(r.change()).isEqualByComparingTo("50");
        assertThat(r.changePercent()).isEqualByComparingTo("50.00");
        assertThat(r.weak()).isTrue();

        ResultsApplication.Row byName = rowOf(rows, falling);
        assertThat(byName.previousId()).isEqualTo(poor);
        assertThat(byName.link()).isEqualTo("按单位和名称关联");
        assertThat(byName.change()).isEqualByComparingTo("-20");
        assertThat(byName.changePercent()).isEqualByComparingTo("-20.00");
        assertThat(byName.weak()).isFalse();

        ResultsApplication.Row s = rowOf(rows, steady);
        assertThat(s.grade()).isEqualTo("优");
        assertThat(s.executionRate()).isEqualByComparingTo("100.00");
        assertThat(s.redLights()).isZero();
        assertThat(s.changePercent()).isEqualByComparingTo("20.00");
        assertThat(s.weak()).isFalse();

        ResultsApplication.Row none = rowOf(rows, fresh);
        assertThat(none.lastYear()).isEqualTo("无上年");
        assertThat(none.previousId()).isNull();
        assertThat(none.grade()).isNull();
        assertThat(none.budget()).isEqualByComparingTo("60");
    }

    @Test
    void theWholeYearsLinksAreThoseOfEachTableAlone() {
        java.util.Map<Long, org.openperf.targets.PreviousProject> year = previous.ofYear(2066);
        for (Long id : List.of(rising, risingAtFinance, falling, steady, fresh, other)) {
            assertThat(java.util.Optional.ofNullable(year.get(id))).as("project %s", id)
                    .isEqualTo(previous.of(projects.table(id)));
        }
        assertThat(year.get(falling).how()).isEqualTo(org.openperf.targets.PreviousProject.How.NAME);
        // An import's batch lookup: the same links for stored tables and for unsaved copies of them.
        List<org.openperf.targets.Project> tables = List.of(rising, falling, steady, fresh, other).stream()
                .map(projects::table).toList();
        assertThat(previous.ofAll(tables)).isEqualTo(tables.stream().map(previous::of).toList());
        List<org.openperf.targets.Project> unsaved = tables.stream().map(t -> {
            org.openperf.targets.Project copy = new org.openperf.targets.Project(t.getYear(), t.getName());
            copy.setCode(t.getCode());
            copy.setUnit(t.getUnit());
            return copy;
        }).toList();
        assertThat(previous.ofAll(unsaved)).isEqualTo(unsaved.stream().map(previous::of).toList())
                .extracting(o -> o.map(org.openperf.targets.PreviousProject::id).orElse(null))
                .containsExactly(poor, poor, good, null, null);
        assertThat(year).doesNotContainKeys(fresh, other);
    }

    @Test
    void theWeakFilterKeepsMiddleAndPoorGradesWithARisingBudgetAndTheDepartmentFilterItsDepartment() {
        assertThat(application.rows(2066, null, true, FINANCE)).extracting(ResultsApplication.Row::projectId)
                .containsExactly(rising, risingAtFinance);
        assertThat(application.rows(2066, "984", false, FINANCE)).extracting(ResultsApplication.Row::projectId)
                .containsExactly(other);
        ResultsApplication.Page page = application.page(2066, "983", true, 0, FINANCE);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.pages()).isEqualTo(1);
        assertThat(page.lastYear()).isEqualTo(2065);
    }

    @Test
    void aDepartmentSeesItsOwnRowsAndAUnitIsRefused() {
        assertThat(application.rows(2066, null, false, DEPT)).extracting(ResultsApplication.Row::projectId)
                .containsExactlyInAnyOrder(rising, risingAtFinance, falling, steady, fresh);
        assertThat(application.rows(2066, "984", false, DEPT)).isEmpty();
        assertThat(application.rows(2066, null, false, DEPT_984)).extracting(ResultsApplication.Row::projectId)
                .containsExactly(other);
        assertThatThrownBy(() -> application.rows(2066, null, false, UNIT)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("结果应用");
        assertThatThrownBy(() -> application.rows(2066, null, false, UNIT_984))
                .isInstanceOf(ForbiddenException.class);

        assertThat(http.withBasicAuth("unit402001", "demo").getForEntity("/api/results?year=2066", String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("unit402001", "demo").getForEntity("/results/2066", String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("unit402001", "demo").getForEntity("/api/results/export?year=2066",
                byte[].class).getStatusCode().value()).isEqualTo(403);
        // A department reviewer of Qingdao sees none of these departments' rows.
        assertThat(http.withBasicAuth("dept402", "demo").getForEntity("/results/2066", String.class).getBody())
                .doesNotContain("创业培训补贴").contains("没有符合条件的目标表");
    }

    @Test
    void theApiAndThePageShowTheSameRows() throws Exception {
        ResponseEntity<String> r = http.withBasicAuth("finance", "demo")
                .getForEntity("/api/results?year=2066&department=983&weakOnly=true", String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        JsonNode body = json.readTree(r.getBody());
        assertThat(body.get("total").asInt()).isEqualTo(2);
        JsonNode first = body.get("rows").get(0);
        assertThat(first.get("projectId").asLong()).isEqualTo(rising);
        assertThat(first.get("grade").asText()).isEqualTo("差");
        assertThat(first.get("changePercent").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(http.withBasicAuth("finance", "demo").getForEntity("/api/results?year=99999", String.class)
                .getStatusCode().value()).isEqualTo(400);

        String page = http.withBasicAuth("finance", "demo").getForEntity("/results/2066?department=983",
                String.class).getBody();
        assertThat(page).contains("创业培训补贴（扩大）").contains("无上年").contains("按项目编码关联")
                .contains("2066 年度预算 · 结果应用（上年 2065 年评价结果）");
        assertThat(page).doesNotContain("另一局新项目");
    }

    @Test
    void theWorkbookHoldsEveryRowAsNumbers() throws Exception {
        ResponseEntity<byte[]> r = http.withBasicAuth("finance", "demo")
                .getForEntity("/api/results/export?year=2066", byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getHeaders().getContentDisposition().getFilename()).isEqualTo("结果应用-2066.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getBody()))) {
            Sheet sheet = wb.getSheet("结果应用");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2066年度").contains("2065");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("导出时间（北京时间）");
            assertThat(sheet.getRow(2).getCell(7).getStringCellValue()).isEqualTo("上年自评等级");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 6);
            Row first = sheet.getRow(3);
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("创业培训补贴（扩大）");
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("2065年度 创业 培训补贴");
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo("差");
            assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(50.0);
            assertThat(first.getCell(9).getNumericCellValue()).isEqualTo((double) redLights(poor));
            assertThat(first.getCell(10).getNumericCellValue()).isEqualTo(150.0);
            assertThat(first.getCell(11).getNumericCellValue()).isEqualTo(100.0);
            assertThat(first.getCell(12).getNumericCellValue()).isEqualTo(50.0);
            assertThat(first.getCell(13).getNumericCellValue()).isEqualTo(50.0);
            assertThat(first.getCell(14).getStringCellValue()).isEqualTo("是");
            Row last = sheet.getRow(8);
            assertThat(last.getCell(3).getStringCellValue()).isEqualTo("另一局新项目");
            assertThat(last.getCell(4).getStringCellValue()).isEqualTo("无上年");
        }
    }

    @Test
    void theFinanceReviewFormShowsLastYearsResultsAndTheBudgetsRise() {
        String task = fixture.task(risingAtFinance, Steps.FINANCE_REVIEW).getId();
        JsonNode vars = context.getBean(TaskFormVariables.class).forTask(task, null);
        assertThat(vars.get("lastYear").get("value").asText()).isEqualTo("2065年：2065年度 创业 培训补贴（按项目编码关联）");
        assertThat(vars.get("lastGrade").get("value").asText()).isEqualTo("差");
        assertThat(vars.get("lastExecutionRate").get("value").asText()).isEqualTo("50.00%");
        assertThat(vars.get("lastRedLights").get("value").asText()).isEqualTo(redLights(poor) + " 次");
        assertThat(vars.get("lastBudget").get("value").asText()).isEqualTo("100.00");
        assertThat(vars.get("budgetChange").get("value").asText()).isEqualTo("增加 30.00 万元（+30.00%）");
        assertThat(vars.get("resultsAdvice").get("value").asText()).contains("原则上不增加预算");
        // Only the form that asks for them computes them; the department's form has none.
        assertThat(context.getBean(TaskFormVariables.class).forTask(task, java.util.Set.of("projectName")).has(
                "lastGrade")).isFalse();
        // (another year, so the other tests' rows of 2066 stay as they are)
        Long atDept = projects.create(form(2051, null, "就业见习补贴（部门审核中）", "983001", "100")).id();
        work.submit(atDept, null, UNIT);
        String deptTask = fixture.task(atDept, Steps.DEPARTMENT_REVIEW).getId();
        assertThat(context.getBean(TaskFormVariables.class).forTask(deptTask, null).has("lastGrade")).isFalse();
    }
}
