package org.openperf.evaluation.department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.DepartmentTableFixture;
import org.openperf.review.department.DepartmentTargetKeys;
import org.openperf.review.department.DepartmentTargetProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Seed 001's department table through its whole year (issue 18): 编制 → 财政审核 with one return and its opinion →
 * 批复 (version 1) → a monitoring round's 监控表 → the self-evaluation round's 自评表 with hand-worked scores by
 * bands → finance's review. Finance works in Tasklist (the engine's task service as the signed-in user), the
 * department on the app's API. Department 988, fiscal year 2067.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DepartmentTargetLifecycleTest {

    static final String DEPT = "dept988";
    static final String OTHER_DEPT = "dept989";
    static final String UNIT = "unit988001";
    static final String FINANCE = "finance988";
    static final int YEAR = 2067;

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ProcessEngine engine;

    DepartmentTableFixture fixture;

    @BeforeEach
    void users() {
        AbstractAssertions.init(engine);
        fixture = new DepartmentTableFixture(http, json, identity);
        fixture.user(DEPT, "dept-988");
        fixture.user(OTHER_DEPT, "dept-989");
        fixture.user(UNIT, "unit-988001");
        fixture.user(FINANCE, "finance");
    }

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    @Test
    void draftedReturnedApprovedMonitoredSelfEvaluatedAndReviewed() throws IOException {
        long id = fixture.imported(DEPT, YEAR);
        String key = DepartmentTargetKeys.key(id);
        String table = "/api/department-targets/" + id;

        // 编制 → 财政审核: finance returns it once with its opinion, the department submits again, finance approves.
        fixture.ok(fixture.post(DEPT, table + "/submit", "{\"comment\":\"请审核\"}"));
        ProcessInstance approval = instance(key, DepartmentTargetProcess.KEY);
        assertThat(approval).isWaitingAt(DepartmentTargetProcess.FINANCE_REVIEW);
        asFinance(() -> complete(task(approval), withVariables("decision", "return", "comment", "预算总额未填写")));
        assertThat(approval).isWaitingAt(DepartmentTargetProcess.DRAFTING);
        assertThat(tasks.getVariableLocal(task(approval).getId(), "lastOpinion").toString()).contains("预算总额未填写");
        fixture.ok(fixture.post(DEPT, table + "/submit", "{\"comment\":\"已补充\"}"));
        asFinance(() -> complete(task(approval), withVariables("decision", "approve")));
        assertThat(approval).isEnded().hasPassed(DepartmentTargetProcess.APPROVE);
        JsonNode approved = fixture.ok(fixture.get(DEPT, table + "/review"));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedVersion").asInt()).isEqualTo(1);

        // A monitoring round: every indicator at its 优 band so far, submitted, approved by finance.
        long roundId = fixture.ok(fixture.post(FINANCE, "/api/monitoring-rounds", "{\"year\":" + YEAR + ",\"cutoff\":6}"))
                .get("id").asLong();
        ProcessInstance monitoring = instance(key, DepartmentTargetProcess.MONITORING_KEY);
        assertThat(monitoring).isWaitingAt(DepartmentTargetProcess.MONITORING_REPORT);
        String report = table + "/monitoring/" + roundId;
        JsonNode empty = fixture.ok(fixture.get(DEPT, report));
        ObjectNode allExcellent = json.createObjectNode().put("version", empty.get("version").asLong());
        ArrayNode reportLines = allExcellent.putArray("lines");
        empty.get("lines").forEach(l -> reportLines.addObject()
                .put("valueSoFar", l.get("bands").path("优").asText("已完成")).put("bandSoFar", "优"));
        fixture.ok(fixture.put(DEPT, report, allExcellent));
        fixture.ok(fixture.post(DEPT, "/api/tasks/" + task(monitoring).getId() + "/complete", "{}"));
        assertThat(monitoring).isWaitingAt(DepartmentTargetProcess.MONITORING_FINANCE_REVIEW);
        asFinance(() -> complete(task(monitoring), withVariables("decision", "approve")));
        assertThat(monitoring).isEnded();

        // The self-evaluation round reaches the approved department table with its 自评表.
        JsonNode round = fixture.ok(fixture.post(FINANCE, "/api/self-evaluation-rounds", "{\"year\":" + YEAR + "}"));
        assertThat(round.get("departmentTables").asInt()).isEqualTo(1);
        ProcessInstance evaluation = instance(key, DepartmentTargetProcess.SELF_EVALUATION_KEY);
        assertThat(evaluation).isWaitingAt(DepartmentTargetProcess.SELF_EVALUATION_REPORT);
        assertThat(task(evaluation).getName()).isEqualTo("填报自评表 · 部门整体绩效目标 · 主管部门 988 " + YEAR);
        String sheetUrl = table + "/self-evaluation";
        JsonNode sheet = fixture.ok(fixture.get(DEPT, sheetUrl));
        assertThat(sheet.get("lines")).hasSize(51);
        assertThat(sheet.get("status").asText()).isEqualTo("DRAFT");
        assertThat(fixture.status(fixture.get(OTHER_DEPT, sheetUrl))).isEqualTo(404);
        assertThat(fixture.ok(fixture.get(UNIT, sheetUrl)).get("lines")).hasSize(51);

        // Hand-worked: 21 activities share the 90 evenly (90/21 each), each activity's share split over its
        // indicators. Activity 0101 has 2 indicators (90/42 = 15/7 ≈ 2.14 each): its first at 良 gets 80%, 12/7 ≈ 1.71,
        // and loses 3/7. Activity 0102 has 13 (90/273 = 30/91 ≈ 0.33 each): its first (the table's third) at 差
        // gets 0 and loses 30/91. Every other indicator 优. Spent 950 of 1,000 万元: 预算执行率 95% × 10 = 9.5.
        // Total 90 − 3/7 − 30/91 + 9.5 = 99.5 − 69/91 = 98.7417… → 98.74, 优.
        JsonNode activities = fixture.ok(fixture.get(DEPT, table)).get("activities");
        assertThat(activities).hasSize(21);
        assertThat(activities.get(0).get("indicators")).hasSize(2);
        assertThat(activities.get(1).get("indicators")).hasSize(13);
        int poor = 2;
        // A value numeric bands cannot place is refused, naming the line; bands in words take the band the
        // department chose when its value does not repeat one, and say so.
        ObjectNode unreadable = filled(sheet, poor, false);
        ((ObjectNode) unreadable.get("lines").get(0)).put("actual", "已完成");
        ResponseEntity<String> refused = fixture.put(DEPT, sheetUrl, unreadable);
        assertThat(fixture.status(refused)).isEqualTo(400);
        assertThat(refused.getBody()).contains("第1个指标", "对不上评分档（优 100%");
        int words = position(sheet, "及时");
        ResponseEntity<String> unitWrites = fixture.put(UNIT, sheetUrl, filled(sheet, poor, false));
        assertThat(fixture.status(unitWrites)).isEqualTo(403);

        // Saved without the analysis of the two lines below 优: the page shows the score, but it cannot be submitted.
        ObjectNode chosen = filled(sheet, poor, false);
        ((ObjectNode) chosen.get("lines").get(words)).put("actual", "按期完成调查").put("band", "优");
        JsonNode saved = fixture.ok(fixture.put(DEPT, sheetUrl, chosen));
        assertThat(saved.get("lines").get(words).get("bandChosen").asBoolean()).isTrue();
        assertThat(saved.get("lines").get(poor).get("bandChosen").asBoolean()).isFalse();
        assertThat(saved.get("lines").get(0).get("band").asText()).isEqualTo("良");
        assertThat(saved.get("lines").get(poor).get("band").asText()).isEqualTo("差");
        assertThat(saved.get("lines").get(0).get("weight").decimalValue()).isEqualByComparingTo("2.14");
        assertThat(saved.get("lines").get(0).get("score").decimalValue()).isEqualByComparingTo("1.71");
        assertThat(saved.get("lines").get(poor).get("weight").decimalValue()).isEqualByComparingTo("0.33");
        assertThat(saved.get("lines").get(poor).get("score").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(saved.get("executionRate").decimalValue()).isEqualByComparingTo("95.00");
        assertThat(saved.get("budgetScore").decimalValue()).isEqualByComparingTo("9.50");
        assertThat(saved.get("total").decimalValue()).isEqualByComparingTo("98.74");
        ResponseEntity<String> incomplete = fixture.post(DEPT, "/api/tasks/" + task(evaluation).getId() + "/complete", "{}");
        assertThat(fixture.status(incomplete)).as(incomplete.getBody()).isEqualTo(400);
        assertThat(incomplete.getBody()).contains("未达到“优”，须填写偏差原因分析及改进措施", "共 2 处");
        assertThat(evaluation).isWaitingAt(DepartmentTargetProcess.SELF_EVALUATION_REPORT);

        ObjectNode explained = filled(saved, poor, true);
        ((ObjectNode) explained.get("lines").get(words)).put("actual", "按期完成调查").put("band", "优");
        fixture.ok(fixture.put(DEPT, sheetUrl, explained));
        fixture.ok(fixture.post(DEPT, "/api/tasks/" + task(evaluation).getId() + "/complete", "{\"comment\":\"自评完成\"}"));
        assertThat(evaluation).isWaitingAt(DepartmentTargetProcess.SELF_EVALUATION_FINANCE_REVIEW);
        JsonNode submitted = fixture.ok(fixture.get(FINANCE, sheetUrl));
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("total").decimalValue()).isEqualByComparingTo("98.74");
        assertThat(submitted.get("grade").asText()).isEqualTo("优");
        assertThat(fixture.status(fixture.put(DEPT, sheetUrl, filled(submitted, poor, true)))).isEqualTo(409);
        assertThat(tasks.getVariableLocal(task(evaluation).getId(), "scoreSummary"))
                .isEqualTo("总分 98.74 · 优 · 预算执行率 95.00%（9.50 分） · 其中 1 个指标的档次由主管部门选定（完成值与评分档文字不同），请核对");
        // The grade was decided through the engine's grade table: Cockpit's decision history shows the total.
        List<HistoricDecisionInstance> decided = history.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey("Decision_Grade").includeInputs().orderByEvaluationTime().desc().listPage(0, 1);
        assertThat(decided.get(0).getInputs()).anySatisfy(i ->
                assertThat(new BigDecimal(i.getValue().toString())).isEqualByComparingTo("98.74"));

        // Finance returns it once (an opinion is required), then approves.
        asFinance(() -> complete(task(evaluation), withVariables("decision", "return", "comment", "差档指标的措施不具体")));
        assertThat(evaluation).isWaitingAt(DepartmentTargetProcess.SELF_EVALUATION_REPORT);
        assertThat(fixture.ok(fixture.get(DEPT, sheetUrl)).get("status").asText()).isEqualTo("DRAFT");
        fixture.ok(fixture.post(DEPT, "/api/tasks/" + task(evaluation).getId() + "/complete", "{}"));
        asFinance(() -> complete(task(evaluation), withVariables("decision", "approve")));
        assertThat(evaluation).isEnded();
        JsonNode done = fixture.ok(fixture.get(UNIT, sheetUrl));
        assertThat(done.get("status").asText()).isEqualTo("APPROVED");
        assertThat(done.get("total").decimalValue()).isEqualByComparingTo("98.74");
        assertThat(done.get("lines").get(poor).get("deviation").asText()).isEqualTo("调查延期三周：人员不足，明年增配调查员");

        JsonNode opinions = fixture.ok(fixture.get(DEPT, table + "/review")).get("opinions");
        assertThat(opinions.findValuesAsText("step")).containsSubsequence("编制", "财政审核", "编制", "财政审核",
                "填报监控表", "财政审核监控表", "填报自评表", "财政审核自评", "填报自评表", "财政审核自评");
        assertThat(opinions.findValuesAsText("action")).endsWith("提交审核", "退回", "提交审核", "同意");
        // The dashboard counts it beside the projects, and the summary workbooks have it on a sheet of its own.
        JsonNode board = fixture.ok(fixture.get(FINANCE, "/api/monitoring/department-tables?year=" + YEAR));
        assertThat(board.get("lights").get("green").asInt()).isEqualTo(1);
        assertThat(board.get("lights").get("total").asInt()).isEqualTo(1);
        assertThat(board.get("grades").get("优").asInt()).isEqualTo(1);
        assertThat(board.get("tables").get(0).get("cutoffMonth").asInt()).isEqualTo(6);
        assertThat(board.get("tables").get(0).get("green").asInt()).isEqualTo(51);
        assertThat(board.get("tables").get(0).get("total").decimalValue()).isEqualByComparingTo("98.74");
        assertThat(fixture.ok(fixture.get(UNIT, "/api/monitoring/department-tables?year=" + YEAR)).get("tables")).hasSize(1);
        assertThat(fixture.ok(fixture.get(OTHER_DEPT, "/api/monitoring/department-tables?year=" + YEAR)).get("tables"))
                .isEmpty();
        try (XSSFWorkbook wb = workbook(FINANCE, "/api/self-evaluations/summary.xlsx?year=" + YEAR)) {
            Sheet summary = wb.getSheet("部门整体支出绩效自评");
            assertThat(summary.getRow(2).getCell(1).getStringCellValue()).isEqualTo("988 主管部门 988");
            assertThat(summary.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(95.0);
            assertThat(summary.getRow(2).getCell(7).getNumericCellValue()).isEqualTo(98.74);
            assertThat(summary.getRow(2).getCell(8).getStringCellValue()).isEqualTo("优");
        }
        try (XSSFWorkbook wb = workbook(FINANCE, "/api/monitoring/export.xlsx?year=" + YEAR + "&month=6")) {
            Sheet summary = wb.getSheet("部门整体绩效监控");
            assertThat(summary.getLastRowNum()).isEqualTo(1 + 51);
            assertThat(summary.getRow(2).getCell(4).getStringCellValue()).isEqualTo("社会保险补贴到位率");
            assertThat(summary.getRow(2).getCell(11).getStringCellValue()).isEqualTo("绿灯");
        }
        assertThat(fixture.status(fixture.get(OTHER_DEPT, "/api/self-evaluations/summary.xlsx?year=" + YEAR))).isEqualTo(400);

        String page = fixture.get(DEPT, "/departments/988/targets/" + YEAR).getBody();
        assertThat(page).contains("自评表（已审核）：总分 98.74，优");
        String sheetPage = fixture.get(FINANCE, "/departments/988/targets/" + YEAR + "/self-evaluation").getBody();
        assertThat(sheetPage).contains("部门整体支出绩效自评表", "98.74", "只读");
    }

    /** A table approved after its year's self-evaluation round opened gets its 自评表 at 批复. Department 990, 2068. */
    @Test
    void aTableApprovedAfterTheRoundOpenedIsReachedAtItsApproval() throws IOException {
        fixture.user("dept990", "dept-990");
        fixture.ok(fixture.post(FINANCE, "/api/self-evaluation-rounds", "{\"year\":2068}"));
        long id = fixture.imported("dept990", 2068);
        String table = "/api/department-targets/" + id;
        assertThat(fixture.status(fixture.get("dept990", table + "/self-evaluation"))).isEqualTo(404);
        fixture.ok(fixture.post("dept990", table + "/submit", "{}"));
        ProcessInstance approval = instance(DepartmentTargetKeys.key(id), DepartmentTargetProcess.KEY);
        asFinance(() -> complete(task(approval), withVariables("decision", "approve")));
        assertThat(approval).isEnded();
        ProcessInstance evaluation = instance(DepartmentTargetKeys.key(id), DepartmentTargetProcess.SELF_EVALUATION_KEY);
        assertThat(evaluation).isWaitingAt(DepartmentTargetProcess.SELF_EVALUATION_REPORT);
        assertThat(fixture.ok(fixture.get("dept990", table + "/self-evaluation")).get("lines")).hasSize(51);
    }

    /**
     * The 自评表 to send: 全年预算 1,000, spent 950, every line at its 优 band but the first (良) and {@code poor}
     * (差); the two with their analysis when {@code explained}.
     */
    ObjectNode filled(JsonNode sheet, int poor, boolean explained) {
        ObjectNode body = json.createObjectNode();
        body.put("version", sheet.get("version").asLong());
        body.put("fullYearBudget", 1000).put("spent", 950).put("goalAchievement", "全年城镇新增就业 8,200 人");
        ArrayNode lines = body.putArray("lines");
        for (JsonNode l : sheet.get("lines")) {
            int k = l.get("position").asInt();
            String band = k == 0 ? "良" : k == poor ? "差" : "优";
            ObjectNode line = lines.addObject();
            line.put("actual", l.get("bands").path(band).asText("已完成")).put("band", band);
            if (explained && k == 0) {
                line.put("deviation", "补贴审核周期长，下年度提前受理");
            } else if (explained && k == poor) {
                line.put("deviation", "调查延期三周：人员不足，明年增配调查员");
            }
        }
        return body;
    }

    /** The position of the first line whose 优 band reads {@code excellent}. */
    static int position(JsonNode sheet, String excellent) {
        for (JsonNode l : sheet.get("lines")) {
            if (excellent.equals(l.get("bands").path("优").asText())) {
                return l.get("position").asInt();
            }
        }
        throw new AssertionError("no line graded " + excellent);
    }

    XSSFWorkbook workbook(String user, String url) throws IOException {
        ResponseEntity<byte[]> r = http.withBasicAuth(user, "demo").getForEntity(url, byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return new XSSFWorkbook(new java.io.ByteArrayInputStream(r.getBody()));
    }

    ProcessInstance instance(String key, String processKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).processDefinitionKey(processKey)
                .singleResult();
    }

    /** As finance signed in to Tasklist: the engine knows who completes the task. */
    void asFinance(Runnable work) {
        identity.setAuthentication(FINANCE, List.of("finance"));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
