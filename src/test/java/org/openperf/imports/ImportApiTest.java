package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openperf.kernel.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The import API as a user meets it: the real fixtures in, exact counts out, tables as the documents show them,
 * and bad files refused with a clear message and nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportApiTest {

    @Autowired
    TestRestTemplate http;

    @org.junit.jupiter.api.BeforeEach
    void login() {
        http = http.withBasicAuth("admin", "demo");
    }
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    ImportService imports;
    @Autowired
    ObjectMapper json;

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = ImportApiTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    ResponseEntity<String> upload(byte[] content, String fileName, int year, boolean dryRun) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/imports?year=" + year + "&dryRun=" + dryRun, new HttpEntity<>(form, headers),
                String.class);
    }

    JsonNode body(ResponseEntity<String> r) throws IOException {
        return json.readTree(r.getBody());
    }

    long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    JsonNode project(JsonNode importResult, String name) {
        for (JsonNode p : importResult.get("projects")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no project " + name);
    }

    @Test
    void qingdaoFixtureImportsAll98TablesAnd914Indicators() throws IOException {
        ResponseEntity<String> r = upload(fixture("qingdao-2024-targets.xlsx"), "qingdao-2024-targets.xlsx", 2024, false);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = body(r);
        assertThat(result.get("projects")).hasSize(98);
        int indicators = 0;
        for (JsonNode p : result.get("projects")) {
            indicators += p.get("indicatorCount").asInt();
        }
        assertThat(indicators).isEqualTo(914);

        JsonNode first = project(result, "人力资源和社会保障经费");
        assertThat(first.get("unit").get("code").asText()).isEqualTo("402001");
        JsonNode table = body(http.getForEntity("/api/projects/" + first.get("id").asLong(), String.class));
        assertThat(table.get("year").asInt()).isEqualTo(2024);
        assertThat(table.get("budget").decimalValue()).isEqualByComparingTo("835");
        assertThat(table.get("fiscalFunds").decimalValue()).isEqualByComparingTo("835");
        assertThat(table.get("otherFunds").decimalValue()).isEqualByComparingTo("0");
        assertThat(table.get("department").get("code").asText()).isEqualTo("402");
        JsonNode firstIndicator = table.get("indicators").get(0);
        assertThat(firstIndicator.get("level1").asText()).isEqualTo("成本指标");
        assertThat(firstIndicator.get("level2").asText()).isEqualTo("经济成本指标");
        assertThat(firstIndicator.get("name").asText()).isEqualTo("先模休假疗养人均费用");
        assertThat(firstIndicator.get("value").get("text").asText()).isEqualTo("≤8000 元/人");

        JsonNode special = body(http.getForEntity("/api/projects/"
                + project(result, "人社局专户项目（单位资金）").get("id").asLong(), String.class));
        assertThat(special.get("budget").decimalValue()).isEqualByComparingTo("71");
        assertThat(special.get("fiscalFunds").decimalValue()).isEqualByComparingTo("0");
        assertThat(special.get("otherFunds").decimalValue()).isEqualByComparingTo("71");
        assertThat(project(result, "人社局政务信息化运维项目").get("budget").decimalValue())
                .isEqualByComparingTo("174.16");

        assertThat(rows("project where import_id = " + result.get("importId").asLong())).isEqualTo(98);
    }

    @Test
    void tianjinFixtureImportsAll23TablesAnd368Indicators() throws IOException {
        ResponseEntity<String> r = upload(fixture("tianjin-2025-targets.docx"), "tianjin-2025-targets.docx", 2025, false);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = body(r);
        assertThat(result.get("projects")).hasSize(23);
        assertThat(result.get("indicatorCount").asInt()).isEqualTo(368);
        JsonNode first = project(result, "局机关信息系统运维费");
        assertThat(first.get("unit").get("code").asText()).isEqualTo("353101");
        assertThat(first.get("budget").decimalValue()).isEqualByComparingTo("3540.00");
        JsonNode table = body(http.getForEntity("/api/projects/" + first.get("id").asLong(), String.class));
        assertThat(table.get("indicators")).hasSize(12);
        JsonNode cost = table.get("indicators").get(6);
        assertThat(cost.get("level1").asText()).isEqualTo("产出指标");
        assertThat(cost.get("level2").asText()).isEqualTo("成本指标");
        assertThat(cost.get("value").get("text").asText()).isEqualTo("≤2216.61万元");
    }

    @Test
    void dryRunShowsTheTablesAndStoresNothing() throws IOException {
        long before = rows("project");
        long unitsBefore = rows("unit");
        ResponseEntity<String> r = upload(fixture("tianjin-2025-targets.docx"), "t.docx", 2031, true);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = body(r);
        assertThat(result.get("dryRun").asBoolean()).isTrue();
        assertThat(result.get("projects")).hasSize(23);
        assertThat(result.get("projects").get(0).get("id")).isNull();
        assertThat(rows("project")).isEqualTo(before);
        assertThat(rows("unit")).isEqualTo(unitsBefore);
        assertThat(rows("import_batch where fiscal_year = 2031")).isZero();
    }

    @Test
    void theSameFileTwiceForTheSameYearWarnsInsteadOfDuplicating() throws IOException {
        byte[] file = fixture("tianjin-2025-targets.docx");
        JsonNode first = body(upload(file, "t.docx", 2032, false));
        long after = rows("project");
        ResponseEntity<String> again = upload(file, "t.docx", 2032, false);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode second = body(again);
        assertThat(second.get("duplicateOf").asLong()).isEqualTo(first.get("importId").asLong());
        assertThat(second.get("projects")).hasSize(23);
        assertThat(second.get("projects").get(0).get("id").asLong())
                .isEqualTo(first.get("projects").get(0).get("id").asLong());
        assertThat(second.get("problems").get(0).get("severity").asText()).isEqualTo("WARNING");
        assertThat(second.get("problems").get(0).get("message").asText()).contains("已于").contains("未重复导入");
        assertThat(rows("project")).isEqualTo(after);
    }

    @Test
    void malformedFilesGetAClear4xxAndStoreNothing() throws IOException {
        long before = rows("project");
        long batches = rows("import_batch");
        byte[] qingdao = fixture("qingdao-2024-targets.xlsx");
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("旧版").createRow(0).createCell(0).setCellValue("项目名称");
            wb.write(xls);
        }
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Sheet1");
            wb.write(empty);
        }
        byte[][] files = {
                "这不是一个工作簿".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new byte[0],
                Arrays.copyOf(qingdao, qingdao.length / 2),
                xls.toByteArray(),
                empty.toByteArray(),
                noIndicatorHeader()};
        String[] names = {"renamed.xlsx", "empty.xlsx", "truncated.xlsx", "old.xls", "blank.xlsx", "noheader.xlsx"};
        for (int i = 0; i < files.length; i++) {
            ResponseEntity<String> r = upload(files[i], names[i], 2024, false);
            assertThat(r.getStatusCode().is4xxClientError()).as(names[i] + " → " + r.getStatusCode()).isTrue();
            String message = body(r).get("message").asText();
            assertThat(message).as(names[i]).matches(".*\\p{IsHan}.*");
        }
        assertThat(rows("project")).isEqualTo(before);
        assertThat(rows("import_batch")).isEqualTo(batches);
    }

    @Test
    void aTableWithoutIndicatorHeaderIsReportedWithItsSheetAndCell() throws IOException {
        ResponseEntity<String> r = upload(noIndicatorHeader(), "noheader.xlsx", 2024, false);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problems = body(r).get("problems");
        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).get("location").asText()).startsWith("表一!");
        assertThat(problems.get(0).get("severity").asText()).isEqualTo("ERROR");
    }

    @Test
    void errorReportMarksTheBadCellsOfTheUploadedWorkbook() throws IOException {
        ResponseEntity<String> r = upload(fixture("qingdao-2024-targets.xlsx"), "q.xlsx", 2033, false);
        long importId = body(r).get("importId").asLong();
        ResponseEntity<byte[]> report = http.getForEntity("/api/imports/" + importId + "/error-report", byte[].class);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.getBody()))) {
            Sheet sheet = wb.getSheet("青岛市公共就业和人才服务中心");
            int marked = 0;
            boolean header = false;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellStyle().getFillPattern() == FillPatternType.SOLID_FOREGROUND
                            && cell.getCellComment() != null) {
                        marked++;
                    }
                    if ("错误信息".equals(cell.toString())) {
                        header = true;
                    }
                }
            }
            assertThat(marked).isPositive();
            assertThat(header).isTrue();
        }
    }

    @Test
    void aRefusedFileStillGetsItsErrorReportWithoutStoringAnything() throws IOException {
        long batches = rows("import_batch");
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(noIndicatorHeader()) {
            @Override
            public String getFilename() {
                return "noheader.xlsx";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<byte[]> report = http.postForEntity("/api/imports/error-report?year=2024",
                new HttpEntity<>(form, headers), byte[].class);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.getBody()))) {
            Sheet sheet = wb.getSheet("表一");
            boolean marked = false;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    marked |= cell.getCellComment() != null
                            && cell.getCellComment().getString().getString().startsWith("错误");
                }
            }
            assertThat(marked).isTrue();
        }
        assertThat(rows("import_batch")).isEqualTo(batches);
    }

    @Test
    void aUnitImportsOnlyItsOwnTablesAndNothingOfARefusedFileIsStored() throws IOException {
        long before = rows("project");
        long units = rows("unit");
        TestRestTemplate admin = http;
        http = http.withBasicAuth("unit402004", "demo");
        ResponseEntity<String> foreign = upload(fixture("tianjin-2025-targets.docx"), "t.docx", 2034, false);
        http = admin;
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(body(foreign).get("message").asText()).contains("353101").contains("权限范围");
        assertThat(body(foreign).get("problems")).hasSize(23);
        assertThat(rows("project")).isEqualTo(before);
        assertThat(rows("unit")).isEqualTo(units);
    }

    /**
     * The file's lifecycles start together, 50 to an engine command (LifecycleStarts): 98 tables are a batch of 50
     * and the last 48 just before the import commits. Each table still gets exactly one lifecycle, waiting at 编制
     * for its unit, and the batches keep nothing of what they were handed.
     */
    @Test
    void everyImportedTableGetsOneLifecycleWaitingAtDrafting() throws IOException {
        long batchesBefore = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("target-lifecycle-starts").count();
        ResponseEntity<String> r = upload(fixture("qingdao-2024-targets.xlsx"), "q-lifecycles.xlsx", 2069, false);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = body(r);
        assertThat(result.get("projects")).hasSize(98);
        for (JsonNode p : result.get("projects")) {
            String key = p.get("id").asText();
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("target-lifecycle")
                    .processInstanceBusinessKey(key).count()).as("lifecycles of project %s", key).isEqualTo(1);
            List<Task> drafting = tasks.createTaskQuery().processInstanceBusinessKey(key).list();
            assertThat(drafting).as("tasks of project %s", key).singleElement()
                    .satisfies(t -> assertThat(t.getTaskDefinitionKey()).isEqualTo("UserTask_Drafting"));
            assertThat(tasks.getIdentityLinksForTask(drafting.get(0).getId()))
                    .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("unit-" + p.get("unit").get("code")
                            .asText()));
        }
        List<HistoricProcessInstance> batches = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("target-lifecycle-starts").orderByProcessInstanceStartTime().asc().list();
        assertThat(batches).hasSize((int) batchesBefore + 2).allSatisfy(b -> assertThat(b.getEndTime()).isNotNull());
        for (HistoricProcessInstance b : batches) {
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(b.getId()).count()).isZero();
        }
    }

    /**
     * The batch process starts only what an import hands it in the same thread: started by hand (an administrator
     * through /engine-rest, naming business keys in a variable of its own) it has nothing to start and is refused,
     * leaving no instance, not even in the history.
     */
    @Test
    void theBatchProcessStartedByHandStartsNothing() {
        long lifecycles = runtime.createProcessInstanceQuery().processDefinitionKey("target-lifecycle").count();
        long batches = history.createHistoricProcessInstanceQuery().processDefinitionKey("target-lifecycle-starts")
                .count();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> r = http.postForEntity("/engine-rest/process-definition/key/target-lifecycle-starts"
                + "/start", new HttpEntity<>("{\"variables\":{\"lifecycleStarts\":{\"value\":\"[1,2]\"}}}",
                headers), String.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isFalse();
        assertThat(r.getBody()).contains("只能由导入发起");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("target-lifecycle").count())
                .isEqualTo(lifecycles);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("target-lifecycle-starts")
                .count()).isEqualTo(batches);
    }

    /**
     * A lifecycle that cannot start (here: its model suspended) refuses the whole file: in the batch started at the
     * 50th of Qingdao's 98 tables, and among the last that start as the import commits (all 23 of Tianjin's). No
     * table, no batch, no lifecycle is left behind, and the same file imports once the lifecycle can start.
     */
    @Test
    void aLifecycleThatCannotStartLeavesNothingOfTheFile() throws IOException {
        long projects = rows("project");
        long batches = rows("import_batch");
        long lifecycles = runtime.createProcessInstanceQuery().processDefinitionKey("target-lifecycle").count();
        repository.suspendProcessDefinitionByKey("target-lifecycle");
        try {
            for (String file : List.of("qingdao-2024-targets.xlsx", "tianjin-2025-targets.docx")) {
                ResponseEntity<String> r = upload(fixture(file), "suspended-" + file, 2050, false);
                assertThat(r.getStatusCode().is5xxServerError()).as(file + ": " + r.getBody()).isTrue();
            }
        } finally {
            repository.activateProcessDefinitionByKey("target-lifecycle");
        }
        assertThat(rows("project")).isEqualTo(projects);
        assertThat(rows("import_batch")).isEqualTo(batches);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("target-lifecycle").count())
                .isEqualTo(lifecycles);
        assertThat(upload(fixture("tianjin-2025-targets.docx"), "suspended-t.docx", 2050, false).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /**
     * An administrator deploys a version of the batch process that does not start the tables in its own command
     * (here: its task made asynchronous). The import is refused, naming the process, rather than storing tables
     * that would never reach their 编制 task.
     */
    @Test
    void aBatchModelThatDoesNotStartTheTablesAtOnceRefusesTheFile() throws IOException {
        long projects = rows("project");
        BpmnModelInstance asynchronous = Bpmn.createExecutableProcess("target-lifecycle-starts")
                .camundaHistoryTimeToLive(30).startEvent().serviceTask("ServiceTask_StartLifecycles")
                .camundaAsyncBefore().camundaDelegateExpression("${startLifecycles}").endEvent().done();
        String deployment = repository.createDeployment().name("target-lifecycle-starts, made asynchronous")
                .addModelInstance("target-lifecycle-starts.bpmn", asynchronous).deploy().getId();
        byte[] tianjin = fixture("tianjin-2025-targets.docx");
        try {
            assertThatThrownBy(() -> imports.importFile(tianjin, "async-batch.docx", 2040, false, null, "admin",
                    Scope.ALL)).hasMessageContaining("target-lifecycle-starts").hasMessageContaining("导入已撤销");
            assertThat(upload(tianjin, "async-batch.docx", 2040, false).getStatusCode().is5xxServerError()).isTrue();
        } finally {
            repository.deleteDeployment(deployment, true);
        }
        assertThat(rows("project")).isEqualTo(projects);
    }

    @Test
    void theApiIsDescribedByOpenApi() throws IOException {
        JsonNode doc = json.readTree(http.getForObject("/v3/api-docs", String.class));
        assertThat(doc.get("paths").has("/api/imports")).isTrue();
        assertThat(doc.get("paths").has("/api/projects/{id}")).isTrue();
        assertThat(doc.get("paths").has("/api/tasks")).isTrue();
    }

    /** A table with a title and 项目名称 but no 一级指标 header: cannot be read as a target table. */
    static byte[] noIndicatorHeader() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("表一");
            s.createRow(0).createCell(0).setCellValue("1.测试项目绩效目标表");
            s.createRow(1).createCell(0).setCellValue("402001 青岛市人力资源和社会保障局本级");
            Row name = s.createRow(2);
            name.createCell(0).setCellValue("项目名称");
            name.createCell(1).setCellValue("测试项目");
            Row budget = s.createRow(3);
            budget.createCell(0).setCellValue("预算规模及资金用途");
            budget.createCell(1).setCellValue("预算数");
            budget.createCell(2).setCellValue("10");
            s.createRow(5).createCell(0).setCellValue("绩效目标");
            wb.write(out);
            return out.toByteArray();
        }
    }
}
