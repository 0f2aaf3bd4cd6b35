package org.openperf.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.review.TianjinFixes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A self-evaluation round over the 23 Tianjin tables, from import to published results, through the REST API as the
 * roles do it, with the lifecycle checked in the engine: 23 自评 tasks; scored reports; the department's approval;
 * finance's sample (the same from the same seed, with every 差 and every project above 1000 万元); a score changed
 * in 财政复核 keeping the original; and the exported 自评表 read back with POI showing the API's numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SelfEvaluationTianjinProcessTest {

    /** A year no other test uses: rounds are one per year in the shared test database. */
    static final int YEAR = 2047;
    static final long SEED = 20471231L;

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    JsonNode body(ResponseEntity<String> r) throws IOException {
        return json.readTree(r.getBody());
    }

    ResponseEntity<String> send(TestRestTemplate client, HttpMethod method, String url, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(url, method, new HttpEntity<>(body, h), String.class);
    }

    JsonNode get(TestRestTemplate client, String url) throws IOException {
        ResponseEntity<String> r = client.getForEntity(url, String.class);
        assertThat(r.getStatusCode()).as(url + ": " + r.getBody()).isEqualTo(HttpStatus.OK);
        return body(r);
    }

    final Map<Long, ProcessInstance> evaluations = new HashMap<>();

    /**
     * The project's self-evaluation (called by its lifecycle when the round opens), looked up while it runs and kept,
     * so that it can still be asserted on once published.
     */
    ProcessInstance evaluation(Long id) {
        return evaluations.computeIfAbsent(id, key -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("self-evaluation").processInstanceBusinessKey(String.valueOf(key))
                .singleResult());
    }

    /** Projects with i % 5 == 0 report poorly (差): spent 30%, quantities at 30% or twice a ≤ limit, nothing else. */
    static boolean poor(int i) {
        return i % 5 == 0;
    }

    @Test
    void aRoundOverTheTianjinTablesIsScoredReviewedSampledRecheckedAndPublished() throws IOException {
        List<Long> ids = importAndApprove();
        TestRestTemplate unit = as("unit353101");
        TestRestTemplate dept = as("dept353");
        TestRestTemplate finance = as("finance");

        // One project has execution data before the round: its form starts from it.
        Long first = ids.get(0);
        BigDecimal firstBudget = get(unit, "/api/projects/" + first).get("budget").decimalValue();
        BigDecimal recorded = firstBudget.multiply(new BigDecimal("0.3")).setScale(2, RoundingMode.HALF_UP);
        assertThat(send(unit, HttpMethod.POST, "/api/projects/" + first + "/execution",
                "{\"asOf\":\"" + YEAR + "-12-31\",\"spent\":" + recorded + "}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        // Finance opens the round with an announced seed: all 23 get their 绩效自评 task.
        JsonNode round = body(send(finance, HttpMethod.POST, "/api/self-evaluation-rounds",
                "{\"year\":" + YEAR + ",\"seed\":" + SEED + "}"));
        assertThat(round.get("projects").asInt()).isEqualTo(23);
        JsonNode progress = get(finance, "/api/self-evaluation-rounds/" + YEAR);
        assertThat(progress.get("reached").asInt()).isEqualTo(23);
        assertThat(progress.get("delivered").asBoolean()).isTrue();
        assertThat(send(unit, HttpMethod.GET, "/api/self-evaluation-rounds/" + YEAR, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode unitTodo = get(unit, "/api/tasks?view=todo&year=" + YEAR + "&size=100");
        assertThat(unitTodo).hasSize(23).allMatch(r -> r.get("step").asText().equals("绩效自评"));
        for (Long id : ids) {
            assertThat(evaluation(id)).isWaitingAt("UserTask_SelfEvaluation");
        }
        Task firstTask = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(first))
                .taskDefinitionKey("UserTask_SelfEvaluation").singleResult();
        assertThat(tasks.getVariableLocal(firstTask.getId(), "spent")).isEqualTo(recorded.stripTrailingZeros()
                .toPlainString());
        JsonNode prefill = get(unit, "/api/projects/" + first + "/self-evaluation/prefill");
        assertThat(prefill.get("spent").decimalValue()).isEqualByComparingTo(recorded);
        assertThat(prefill.get("spentAsOf").asText()).isEqualTo(YEAR + "-12-31");

        // The unit reports all 23. A changed 全年执行数 without a reason, and a shortfall without 偏差原因, are refused.
        Map<Long, JsonNode> reports = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            reports.put(ids.get(i), report(unit, ids.get(i), poor(i)));
        }
        ObjectNode changedSpent = reports.get(first).deepCopy();
        changedSpent.put("spent", firstBudget);
        ResponseEntity<String> noReason = send(unit, HttpMethod.POST, "/api/projects/" + first + "/self-evaluation",
                changedSpent.toString());
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(noReason).get("message").asText()).contains("全年执行数", "spentReason");
        ObjectNode noExplanation = reports.get(first).deepCopy();
        ((ObjectNode) noExplanation.get("indicators").get(0)).remove("explanation");
        ResponseEntity<String> refused = send(unit, HttpMethod.POST, "/api/projects/" + first + "/self-evaluation",
                noExplanation.toString());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(refused).get("message").asText()).contains("第 1 个指标", "偏差原因分析及改进措施");
        assertThat(evaluation(first)).isWaitingAt("UserTask_SelfEvaluation");

        for (Long id : ids) {
            ResponseEntity<String> r = send(unit, HttpMethod.POST, "/api/projects/" + id + "/self-evaluation",
                    reports.get(id).toString());
            assertThat(r.getStatusCode()).as("project %d: %s", id, r.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(evaluation(id)).isWaitingAt("UserTask_SelfEvaluationReview");
        }
        Map<Long, JsonNode> results = new HashMap<>();
        Set<Long> poorOnes = new HashSet<>();
        Set<Long> large = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            JsonNode r = get(unit, "/api/projects/" + id + "/self-evaluation");
            results.put(id, r);
            assertThat(r.get("status").asText()).isEqualTo("SCORED");
            assertThat(r.get("submittedBy").asText()).isEqualTo("unit353101");
            if (poor(i)) {
                // At most 3 of 10 for spending and 30% of the quantities' share: 差 whatever the table.
                assertThat(r.get("grade").asText()).as("project %d", id).isEqualTo("差");
                assertThat(r.get("total").decimalValue()).isLessThan(new BigDecimal("60"));
                poorOnes.add(id);
            } else {
                assertThat(r.get("total").decimalValue()).as("project %d", id).isEqualByComparingTo("100.00");
                assertThat(r.get("grade").asText()).isEqualTo("优");
            }
            if (r.get("sheet").get("budget").decimalValue().compareTo(new BigDecimal("1000")) > 0) {
                large.add(id);
            }
        }
        // The first project's spending was taken from the execution data.
        assertThat(results.get(first).get("spent").decimalValue()).isEqualByComparingTo(recorded);
        assertThat(results.get(first).get("spentRecorded").decimalValue()).isEqualByComparingTo(recorded);
        assertThat(poorOnes).hasSize(5);
        assertThat(large).hasSize(11);

        // The department approves all 23; each then goes to finance's 复核 or straight to publication.
        JsonNode deptTodo = get(dept, "/api/tasks?view=todo&year=" + YEAR + "&size=100");
        assertThat(deptTodo).hasSize(23).allMatch(r -> r.get("step").asText().equals("部门审核自评"));
        for (JsonNode row : deptTodo) {
            assertThat(send(dept, HttpMethod.POST, "/api/tasks/" + row.get("taskId").asText() + "/complete",
                    "{\"decision\":\"approve\",\"comment\":\"同意\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        }

        JsonNode sample = get(finance, "/api/self-evaluation-rounds/" + YEAR + "/sample");
        assertThat(sample.get("seed").asLong()).isEqualTo(SEED);
        assertThat(sample.get("roundProjects").asInt()).isEqualTo(23);
        assertThat(sample.get("decided").asInt()).isEqualTo(23);
        List<Long> drawn = new ArrayList<>();
        sample.get("drawnByShare").forEach(n -> drawn.add(n.asLong()));
        assertThat(drawn).hasSize(5); // ⌈20% × 23⌉
        Map<Long, List<String>> reasons = new HashMap<>();
        for (JsonNode row : sample.get("projects")) {
            List<String> why = new ArrayList<>();
            row.get("reasons").forEach(n -> why.add(n.asText()));
            reasons.put(row.get("projectId").asLong(), why);
        }
        Set<Long> expected = new LinkedHashSet<>(drawn);
        expected.addAll(poorOnes);
        expected.addAll(large);
        assertThat(reasons.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        poorOnes.forEach(id -> assertThat(reasons.get(id)).contains("POOR"));
        large.forEach(id -> assertThat(reasons.get(id)).contains("LARGE_BUDGET"));
        drawn.forEach(id -> assertThat(reasons.get(id)).contains("SHARE"));

        // The same seed over the same round draws the same projects, on any node, any time; another seed others.
        assertThat(new RecheckSample(SEED, ids, new BigDecimal("20")).drawn()).containsExactlyElementsOf(drawn);
        List<Long> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        assertThat(new RecheckSample(SEED, reversed, new BigDecimal("20")).drawn())
                .containsExactlyElementsOf(drawn);
        assertThat(new RecheckSample(SEED + 1, ids, new BigDecimal("20")).drawn()).isNotEqualTo(drawn);
        assertThat(get(finance, "/api/self-evaluation-rounds/" + YEAR + "/sample").get("projects"))
                .isEqualTo(sample.get("projects"));

        // Finance's todo list holds exactly the sampled projects at 财政复核; the others are published.
        JsonNode financeTodo = get(finance, "/api/tasks?view=todo&year=" + YEAR + "&size=100");
        Map<Long, String> recheckTasks = new HashMap<>();
        financeTodo.forEach(r -> {
            assertThat(r.get("step").asText()).isEqualTo("财政复核");
            recheckTasks.put(r.get("projectId").asLong(), r.get("taskId").asText());
        });
        assertThat(recheckTasks.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        for (Long id : ids) {
            if (expected.contains(id)) {
                assertThat(evaluation(id)).isWaitingAt("UserTask_FinanceRecheck");
            } else {
                assertThat(evaluation(id)).hasPassed("ServiceTask_Publish").hasNotPassed("UserTask_FinanceRecheck");
                assertThat(get(unit, "/api/projects/" + id + "/self-evaluation").get("status").asText())
                        .isEqualTo("PUBLISHED");
            }
        }

        // 复核调整 on a sampled 优 project: the first indicator's score goes to 0; the original stays.
        Long changed = expected.stream().filter(id -> !poorOnes.contains(id)).findFirst().orElseThrow();
        JsonNode before = get(finance, "/api/projects/" + changed + "/self-evaluation");
        JsonNode line0 = before.get("indicators").get(0);
        BigDecimal weight0 = line0.get("weight").decimalValue();
        String url = "/api/projects/" + changed + "/self-evaluation/score-changes";
        assertThat(send(finance, HttpMethod.POST, url, "{\"index\":0,\"score\":0}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(finance, HttpMethod.POST, url, "{\"index\":0,\"score\":" + weight0.add(BigDecimal.ONE)
                + ",\"comment\":\"超过分值\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(unit, HttpMethod.POST, url, "{\"index\":0,\"score\":0,\"comment\":\"单位不能调整\"}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Long published = ids.stream().filter(id -> !expected.contains(id)).findFirst().orElseThrow();
        assertThat(send(finance, HttpMethod.POST, "/api/projects/" + published + "/self-evaluation/score-changes",
                "{\"index\":0,\"score\":0,\"comment\":\"已公开\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> change = send(finance, HttpMethod.POST, url,
                "{\"index\":0,\"score\":0,\"comment\":\"佐证材料不足，该指标不得分\"}");
        assertThat(change.getStatusCode()).as(change.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode after = body(change);
        BigDecimal newTotal = new BigDecimal("100.00").subtract(weight0);
        assertThat(after.get("total").decimalValue()).isEqualByComparingTo(newTotal);
        assertThat(after.get("scoredTotal").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(after.get("scoredGrade").asText()).isEqualTo("优");
        assertThat(after.get("indicators").get(0).get("score").decimalValue()).isEqualByComparingTo("0");
        assertThat(after.get("indicators").get(0).get("originalScore").decimalValue()).isEqualByComparingTo(weight0);
        assertThat(after.get("sheet").get("indicators").get(0).get("score").decimalValue())
                .isEqualByComparingTo(weight0);
        JsonNode c = after.get("changes").get(0);
        assertThat(c.get("originalScore").decimalValue()).isEqualByComparingTo(weight0);
        assertThat(c.get("score").decimalValue()).isEqualByComparingTo("0");
        assertThat(c.get("user").asText()).isEqualTo("finance");
        assertThat(c.get("comment").asText()).isEqualTo("佐证材料不足，该指标不得分");

        // Finance completes every 复核 through the task API: all 23 are published.
        for (String taskId : recheckTasks.values()) {
            assertThat(send(finance, HttpMethod.POST, "/api/tasks/" + taskId + "/complete",
                    "{\"decision\":\"approve\",\"comment\":\"复核通过\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        for (Long id : ids) {
            assertThat(evaluation(id)).hasPassed("ServiceTask_Publish");
            assertThat(get(unit, "/api/projects/" + id + "/self-evaluation").get("status").asText())
                    .isEqualTo("PUBLISHED");
        }
        JsonNode result = get(unit, "/api/projects/" + changed + "/self-evaluation");
        assertThat(result.get("total").decimalValue()).isEqualByComparingTo(newTotal);
        assertThat(result.get("reviewedBy").asText()).isEqualTo("dept353");
        assertThat(result.get("recheckedBy").asText()).isEqualTo("finance");
        List<String> history = new ArrayList<>();
        result.get("history").forEach(h -> history.add(h.get("step").asText() + ":" + h.get("action").asText() + ":"
                + h.get("user").asText()));
        assertThat(history).containsExactly("绩效自评:submit:unit353101", "部门审核自评:approve:dept353",
                "抽样复核:sampled:系统", "财政复核:score-change:finance", "财政复核:approve:finance",
                "结果公开:published:系统");

        exportedTablesShowTheApiNumbers(finance, changed, result);
        summaryAndGradesShowTheApiNumbers(dept, ids, poorOnes.size());
    }

    /** The 自评表 as xlsx and docx, read back with POI: the same figures as the API. */
    void exportedTablesShowTheApiNumbers(TestRestTemplate client, Long id, JsonNode api) throws IOException {
        JsonNode sheet = api.get("sheet");
        List<String> expectedRows = new ArrayList<>();
        for (JsonNode line : api.get("indicators")) {
            expectedRows.add(line.get("name").asText() + "|" + two(line.get("weight")) + "|" + two(line.get("score")));
        }
        String budgetLine = two(sheet.get("budget")) + "|" + two(sheet.get("spent")) + "|"
                + two(sheet.get("executionRate")) + "%|" + two(sheet.get("executionScore"));

        ResponseEntity<byte[]> xlsx = client.getForEntity("/api/projects/" + id + "/self-evaluation/export?format=xlsx",
                byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet s = wb.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            for (Row r : s) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 10; c++) {
                    Cell cell = r.getCell(c);
                    cells.add(cell == null ? "" : f.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        checkTable(rows, expectedRows, budgetLine, api);

        ResponseEntity<byte[]> docx = client.getForEntity("/api/projects/" + id + "/self-evaluation/export?format=docx",
                byte[].class);
        assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<List<String>> wordRows = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getBody()))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("项目支出绩效自评表");
            XWPFTable t = doc.getTables().get(0);
            for (XWPFTableRow r : t.getRows()) {
                // Expand gridSpan so the columns line up with the workbook's.
                List<String> cells = new ArrayList<>();
                for (XWPFTableCell cell : r.getTableCells()) {
                    int span = cell.getCTTc().getTcPr() != null && cell.getCTTc().getTcPr().getGridSpan() != null
                            ? cell.getCTTc().getTcPr().getGridSpan().getVal().intValue() : 1;
                    cells.add(cell.getText());
                    for (int k = 1; k < span; k++) {
                        cells.add("");
                    }
                }
                wordRows.add(cells);
            }
        }
        wordRows.add(0, List.of("项目支出绩效自评表")); // the title is a paragraph in Word, a row in Excel
        checkTable(wordRows, expectedRows, budgetLine, api);
    }

    private void checkTable(List<List<String>> rows, List<String> expectedRows, String budgetLine, JsonNode api) {
        assertThat(rows.get(0).get(0)).isEqualTo("项目支出绩效自评表");
        int header = -1;
        int money = -1;
        int goal = -1;
        int total = -1;
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.contains("年初预算数")) {
                money = r;
            }
            if (row.contains("实际完成情况")) {
                goal = r;
            }
            if (row.contains("偏差原因分析及改进措施")) {
                header = r;
            }
            if (row.get(0).equals("总分")) {
                total = r;
            }
        }
        assertThat(List.of(money, goal, header, total)).doesNotContain(-1);
        assertThat(rows.get(money).subList(2, 8)).containsExactly("年初预算数", "全年预算数", "全年执行数", "分值", "执行率",
                "得分");
        List<String> m = rows.get(money + 1);
        String[] b = budgetLine.split("\\|");
        assertThat(m.get(3)).isEqualTo(b[0]);
        assertThat(m.get(4)).isEqualTo(b[1]);
        assertThat(m.get(5)).isEqualTo("10");
        assertThat(m.get(6)).isEqualTo(b[2]);
        assertThat(m.get(7)).isEqualTo(b[3]);
        assertThat(rows.get(goal + 1).get(5)).isEqualTo(api.get("goalAchievement").asText());
        assertThat(rows.get(header).subList(1, 9)).containsExactly("一级指标", "二级指标", "三级指标", "年度指标值",
                "实际完成值", "分值", "得分", "偏差原因分析及改进措施");
        List<String> lines = new ArrayList<>();
        for (int r = header + 1; r < total; r++) {
            lines.add(rows.get(r).get(3) + "|" + rows.get(r).get(6) + "|" + rows.get(r).get(7));
        }
        assertThat(lines).containsExactlyElementsOf(expectedRows);
        assertThat(rows.get(header + 1).get(8)).contains("财政复核调整", "佐证材料不足");
        assertThat(rows.get(total).get(7)).isEqualTo(two(api.get("total")));
        assertThat(rows.get(total).get(8)).isEqualTo("等级");
        assertThat(rows.get(total).get(9)).isEqualTo(api.get("grade").asText());
    }

    /** The department's summary workbook and the grade counts agree with each project's API result. */
    void summaryAndGradesShowTheApiNumbers(TestRestTemplate dept, List<Long> ids, int poorCount) throws IOException {
        ResponseEntity<byte[]> summary = dept.getForEntity("/api/self-evaluations/summary.xlsx?year=" + YEAR
                + "&department=353", byte[].class);
        assertThat(summary.getStatusCode()).isEqualTo(HttpStatus.OK);
        theSameSummaryIsPreparedInTheBackground(dept, summary.getBody());
        Map<String, BigDecimal> totals = new HashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(summary.getBody()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(1).getCell(7).getStringCellValue()).isEqualTo("总分");
            assertThat(s.getLastRowNum()).isEqualTo(1 + 23);
            for (int r = 2; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                totals.put(row.getCell(3).getStringCellValue(), BigDecimal.valueOf(row.getCell(7).getNumericCellValue())
                        .setScale(2, RoundingMode.HALF_UP));
                assertThat(row.getCell(9).getStringCellValue()).isEqualTo("已公开");
            }
        }
        Map<String, Integer> apiGrades = new HashMap<>();
        for (Long id : ids) {
            JsonNode r = get(dept, "/api/projects/" + id + "/self-evaluation");
            String name = get(dept, "/api/projects/" + id).get("name").asText();
            assertThat(totals.get(name)).as(name).isEqualByComparingTo(r.get("total").decimalValue());
            apiGrades.merge(r.get("grade").asText(), 1, Integer::sum);
        }
        JsonNode grades = get(dept, "/api/self-evaluations/grades?year=" + YEAR);
        assertThat(grades).hasSize(1);
        assertThat(grades.get(0).get("departmentCode").asText()).isEqualTo("353");
        assertThat(grades.get(0).get("total").asInt()).isEqualTo(23);
        assertThat(grades.get(0).get("grades").get("差").asInt()).isEqualTo(poorCount);
        for (String g : List.of("优", "良", "中", "差")) {
            assertThat(grades.get(0).get("grades").get(g).asInt()).as(g).isEqualTo(apiGrades.getOrDefault(g, 0));
        }
    }

    /**
     * Asked for in the background (the dashboard's button), the department gets the same workbook; nobody else sees
     * the file. A department that does not exist is refused at once; a year without a scored 自评 fails the file with
     * the reason the direct download gives.
     */
    void theSameSummaryIsPreparedInTheBackground(TestRestTemplate dept, byte[] direct) throws IOException {
        ResponseEntity<String> asked = send(dept, HttpMethod.POST, "/api/self-evaluations/summary-files?year=" + YEAR
                + "&department=353", null);
        assertThat(asked.getStatusCode()).as(asked.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        long id = body(asked).get("id").asLong();
        JsonNode file = ready(dept, id);
        assertThat(file.get("status").asText()).as(file.toString()).isEqualTo("DONE");
        assertThat(file.get("fileName").asText()).isEqualTo("绩效自评汇总-" + YEAR + "-353.xlsx");
        ResponseEntity<byte[]> content = dept.getForEntity(file.get("content").asText(), byte[].class);
        assertThat(content.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cells(content.getBody())).isEqualTo(cells(direct)).hasSizeGreaterThan(23 * 10);
        assertThat(as("finance").getForEntity("/api/files/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // Another department's reviewer asking for 353's summary: the file is made in their scope, which has none.
        TestRestTemplate other = as("dept402");
        ResponseEntity<String> outside = send(other, HttpMethod.POST, "/api/self-evaluations/summary-files?year="
                + YEAR + "&department=353", null);
        assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode none = ready(other, body(outside).get("id").asLong());
        assertThat(none.get("status").asText()).isEqualTo("FAILED");
        assertThat(none.get("message").asText()).isEqualTo(YEAR + " 年度主管部门 353 没有已评分的自评可汇总");

        ResponseEntity<String> unknown = send(dept, HttpMethod.POST, "/api/self-evaluations/summary-files?year=" + YEAR
                + "&department=999", null);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("主管部门编码 999 不存在");
        ResponseEntity<String> empty = send(dept, HttpMethod.POST, "/api/self-evaluations/summary-files?year=2003"
                + "&department=353", null);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode failed = ready(dept, body(empty).get("id").asLong());
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("message").asText()).isEqualTo("2003 年度主管部门 353 没有已评分的自评可汇总");
    }

    JsonNode ready(TestRestTemplate client, long id) throws IOException {
        for (int i = 0; i < 300; i++) {
            JsonNode file = get(client, "/api/files/" + id);
            if (!"RUNNING".equals(file.get("status").asText())) {
                return file;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("file " + id + " still being prepared after 30 s");
    }

    /** Every sheet's cells as they read, row by row. */
    static List<String> cells(byte[] workbook) throws IOException {
        List<String> out = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        out.add(sheet.getSheetName() + "!" + c.getAddress() + "=" + f.formatCellValue(c));
                    }
                }
            }
        }
        return out;
    }

    static String two(JsonNode n) {
        return n.decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The unit's report for one project, built from its prefill (目标值 and 分值 of each indicator). */
    ObjectNode report(TestRestTemplate unit, Long id, boolean poor) throws IOException {
        JsonNode table = get(unit, "/api/projects/" + id);
        JsonNode prefill = get(unit, "/api/projects/" + id + "/self-evaluation/prefill");
        ArrayNode actuals = json.createArrayNode();
        for (int i = 0; i < table.get("indicators").size(); i++) {
            JsonNode value = table.get("indicators").get(i).get("value");
            BigDecimal weight = prefill.get("indicators").get(i).get("weightExact").decimalValue();
            ObjectNode a = actuals.addObject().put("index", i)
                    .put("explanation", poor ? "资金未及时到位，下年度加快执行并完善制度" : "按计划完成");
            String kind = value.get("kind").asText();
            if ("DEADLINE".equals(kind)) {
                if (poor) {
                    a.put("text", "未完成");
                } else {
                    a.put("completedOn", value.get("deadline").asText());
                }
            } else if ("QUANTITATIVE".equals(kind)) {
                BigDecimal target = value.get("number").decimalValue();
                String op = value.path("operator").asText("=");
                BigDecimal actual = !poor ? target : op.equals("≤") || op.equals("<")
                        ? (target.signum() == 0 ? BigDecimal.ONE : target.multiply(BigDecimal.valueOf(2)))
                        : target.multiply(new BigDecimal("0.3"));
                a.put("number", actual);
            } else if (poor) {
                a.put("tier", "未达成").put("score", 0);
            } else {
                // Up to the exact 分值 (50/7 has no two-decimal form): inside 达成, short by less than 0.0001.
                a.put("tier", "达成").put("score", weight.setScale(4, RoundingMode.DOWN));
            }
        }
        ObjectNode report = json.createObjectNode().put("goalAchievement", poor ? "部分完成" : "全面完成年度目标");
        BigDecimal budget = table.get("budget").decimalValue();
        if (prefill.get("spent") == null) {
            // Without execution data the unit fills 全年执行数; with it, the recorded amount is taken.
            report.put("spent", poor ? budget.multiply(new BigDecimal("0.3")).setScale(2, RoundingMode.HALF_UP)
                    : budget);
        }
        report.set("indicators", actuals);
        return report;
    }

    /** Imports the Tianjin fixture for {@link #YEAR} and takes all 23 tables through approval. */
    List<Long> importAndApprove() throws IOException {
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/tianjin-2025-targets.docx")) {
            file = in.readAllBytes();
        }
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "tianjin-2025-targets.docx";
            }
        });
        HttpHeaders mh = new HttpHeaders();
        mh.setContentType(MediaType.MULTIPART_FORM_DATA);
        JsonNode imported = body(as("admin").postForEntity("/api/imports?year=" + YEAR, new HttpEntity<>(form, mh),
                String.class));
        List<Long> ids = new ArrayList<>();
        imported.get("projects").forEach(p -> ids.add(p.get("id").asLong()));
        assertThat(ids).hasSize(23);
        TestRestTemplate unit = as("unit353101");
        for (Long id : ids) {
            if (get(unit, "/api/projects/" + id + "/validation").get("errors").asLong() > 0) {
                fix(unit, id);
            }
            assertThat(send(unit, HttpMethod.POST, "/api/projects/" + id + "/submit", "{}").getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        TestRestTemplate dept = as("dept353");
        for (JsonNode row : get(dept, "/api/tasks?view=todo&year=" + YEAR + "&size=100")) {
            send(dept, HttpMethod.POST, "/api/tasks/" + row.get("taskId").asText() + "/complete",
                    "{\"decision\":\"approve\",\"comment\":\"同意\"}");
        }
        TestRestTemplate finance = as("finance");
        ObjectNode batch = json.createObjectNode().put("comment", "同意批复");
        ArrayNode taskIds = batch.putArray("taskIds");
        get(finance, "/api/tasks?view=todo&year=" + YEAR + "&size=100").forEach(r -> taskIds.add(r.get("taskId")
                .asText()));
        assertThat(taskIds).hasSize(23);
        send(finance, HttpMethod.POST, "/api/tasks/batch-complete", batch.toString());
        for (Long id : ids) {
            assertThat(get(finance, "/api/projects/" + id).get("status").asText()).isEqualTo("APPROVED");
        }
        return ids;
    }

    /** What the preparer does for the tables validation stops (TianjinFixes), saved through the API. */
    private void fix(TestRestTemplate unit, Long id) throws IOException {
        ObjectNode p = TianjinFixes.fix((ObjectNode) get(unit, "/api/projects/" + id));
        assertThat(send(unit, HttpMethod.PUT, "/api/projects/" + id, p.toString()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
