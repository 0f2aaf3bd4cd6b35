package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * 补录已批复目标: finance imports the Qingdao 2024 tables as approved for a year of their own (2042, which no other
 * test uses), as a region going live mid-year would. The shared web context: a context of its own would, when
 * closed, unregister the process engine the Camunda webapps of the shared one look up by name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApprovedImportApiTest {

    static final int YEAR = 2042;

    static final String QINGDAO = "fixtures/qingdao-2024-targets.xlsx";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    ResponseEntity<String> upload(String path, String user, String resource, int year, boolean approved) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ClassPathResource(resource));
        body.add("year", String.valueOf(year));
        body.add("approved", String.valueOf(approved));
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, h), String.class);
    }

    long projectsOf(int year) {
        return jdbc.queryForObject("select count(*) from project where fiscal_year = ?", Long.class, year);
    }

    JsonNode get(String user, String url) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(user, "demo").getForEntity(url, String.class);
        assertThat(r.getStatusCode().value()).as(url).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    @Test
    void financeImportsTheQingdaoTablesAsApprovedAndEveryOneIsLiveAtOnce() throws Exception {
        // A unit may import its drafts, not approve its own targets: refused before anything is read or stored.
        ResponseEntity<String> unit = upload("/api/imports", "unit402004", QINGDAO, YEAR, true);
        assertThat(unit.getStatusCode().value()).isEqualTo(403);
        assertThat(json.readTree(unit.getBody()).get("message").asText()).contains("仅限财政");
        assertThat(upload("/api/imports?dryRun=true", "dept402", QINGDAO, YEAR, true).getStatusCode().value())
                .isEqualTo(403);
        assertThat(projectsOf(YEAR)).isZero();

        ResponseEntity<String> imported = upload("/api/imports", "finance", QINGDAO, YEAR, true);
        assertThat(imported.getStatusCode().value()).isEqualTo(200);
        JsonNode result = json.readTree(imported.getBody());
        List<Long> ids = new ArrayList<>();
        result.get("projects").forEach(p -> ids.add(p.get("id").asLong()));
        assertThat(ids).hasSize(98);
        // Findings are kept with the batch and shown, not blocking: ten Qingdao tables have ERRORs and are approved.
        long withErrors = 0;
        for (JsonNode p : result.get("projects")) {
            withErrors += p.get("errors").asLong() > 0 ? 1 : 0;
        }
        assertThat(withErrors).isEqualTo(10);
        long batch = result.get("importId").asLong();
        JsonNode batchView = get("finance", "/api/imports/" + batch);
        assertThat(batchView.get("approved").asBoolean()).isTrue();
        assertThat(batchView.get("problems").size()).isGreaterThan(0);

        // Every table is approved version 1, approved by who imported it.
        assertThat(jdbc.queryForObject("select count(*) from project where fiscal_year = ? and status = 'APPROVED'"
                + " and version = 1", Long.class, YEAR)).isEqualTo(98);
        assertThat(jdbc.queryForObject("select count(*) from target_version v join project p on p.id = v.project_id"
                + " where p.fiscal_year = ? and v.version = 1 and v.approved_by = 'finance'", Long.class, YEAR))
                .isEqualTo(98);
        JsonNode versions = get("finance", "/api/projects/" + ids.get(0) + "/versions");
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);

        // Each lifecycle starts past approval: no 编制 task, no target-approval, monitoring waits on its timer.
        for (Long id : ids) {
            String key = String.valueOf(id);
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("target-approval")
                    .processInstanceBusinessKey(key).count()).isZero();
            var instance = runtime.createProcessInstanceQuery().processDefinitionKey("target-lifecycle")
                    .processInstanceBusinessKey(key).singleResult();
            assertThat(instance).as("lifecycle of %s", id).isNotNull();
            assertThat(runtime.getActiveActivityIds(instance.getId()))
                    .contains("CatchEvent_SelfEvaluationRoundOpened");
            assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        }
        // The called target-monitoring has planned each table's next milestone: its timer waits.
        assertThat(ids).allSatisfy(id -> assertThat(management.createJobQuery().timers().processInstanceId(
                runtime.createProcessInstanceQuery().processDefinitionKey("target-monitoring")
                        .processInstanceBusinessKey(String.valueOf(id)).singleResult().getId()).count())
                .as("milestone timer of %s", id).isEqualTo(1));

        // The history names who imported it as approved, when, from which file; the page shows it too.
        JsonNode history = get("unit402004", "/api/projects/" + firstOf(ids, "402004") + "/history");
        assertThat(history).extracting(h -> h.get("action").asText()).containsExactly("imported-approved", "approved");
        assertThat(history.get(0).get("user").asText()).isEqualTo("finance");
        assertThat(history.get(0).get("comment").asText()).contains("finance", "qingdao-2024-targets.xlsx",
                "导入批次 " + batch);
        // Shown in the app's zone (perf.zone, Beijing): its date, not the JVM's, which differs from 16:00 UTC on.
        assertThat(history.get(0).get("time").asText())
                .startsWith(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        String page = http.withBasicAuth("unit402004", "demo").getForObject("/projects/" + firstOf(ids, "402004"),
                String.class);
        assertThat(page).contains("按已批复导入", "qingdao-2024-targets.xlsx",
                "/api/projects/" + firstOf(ids, "402004") + "/approval-evidence");

        // The evidence: the uploaded file itself, for whoever may see the project, and no one else.
        byte[] original = new ClassPathResource(QINGDAO).getContentAsByteArray();
        String own = "/api/projects/" + firstOf(ids, "402004") + "/approval-evidence";
        ResponseEntity<byte[]> evidence = http.withBasicAuth("unit402004", "demo").getForEntity(own, byte[].class);
        assertThat(evidence.getStatusCode().value()).isEqualTo(200);
        assertThat(evidence.getBody()).isEqualTo(original);
        assertThat(evidence.getHeaders().getContentDisposition().getFilename()).isEqualTo("qingdao-2024-targets.xlsx");
        assertThat(http.withBasicAuth("finance", "demo").getForEntity(own, byte[].class).getBody()).isEqualTo(original);
        assertThat(http.withBasicAuth("unit402001", "demo").getForEntity(own, String.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(http.withBasicAuth("unit402001", "demo").getForEntity("/api/projects/" + firstOf(ids, "402001")
                + "/approval-evidence", byte[].class).getBody()).isEqualTo(original);

        // A monitoring round opened right after reaches every table once, for its unit.
        ResponseEntity<String> round = http.withBasicAuth("finance", "demo").postForEntity("/api/monitoring-rounds",
                Map.of("year", YEAR, "cutoff", 6), String.class);
        assertThat(round.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(round.getBody()).get("projects").asInt()).isEqualTo(98);
        Map<String, Long> perProject = new HashMap<>();
        for (Task t : tasks.createTaskQuery().taskDefinitionKey("UserTask_MonitoringReport")
                .processVariableValueEquals("year", YEAR).list()) {
            perProject.merge(runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                    .singleResult().getBusinessKey(), 1L, Long::sum);
        }
        assertThat(perProject.keySet()).isEqualTo(ids.stream().map(String::valueOf).collect(Collectors.toSet()));
        assertThat(perProject.values()).allMatch(n -> n == 1);

        // And the year's self-evaluation reaches every one of them too.
        JsonNode selfEvaluation = json.readTree(http.withBasicAuth("finance", "demo").postForEntity(
                "/api/self-evaluation-rounds", Map.of("year", YEAR), String.class).getBody());
        assertThat(selfEvaluation.get("projects").asInt()).isEqualTo(98);
        assertThat(tasks.createTaskQuery().taskDefinitionKey("UserTask_SelfEvaluation")
                .processVariableValueEquals("year", YEAR).count()).isEqualTo(98);

        // The same file again as approved is not stored twice.
        JsonNode again = json.readTree(upload("/api/imports", "finance", QINGDAO, YEAR, true).getBody());
        assertThat(again.get("duplicateOf").asLong()).isEqualTo(batch);
        assertThat(projectsOf(YEAR)).isEqualTo(98);
    }

    Long firstOf(List<Long> ids, String unit) {
        return jdbc.queryForObject("select min(p.id) from project p join unit u on u.id = p.unit_id"
                + " where p.fiscal_year = ? and u.code = ?", Long.class, YEAR, unit);
    }

    @Test
    void theImportPageOffersImportingAsApprovedToFinanceOnly() {
        assertThat(http.withBasicAuth("finance", "demo").getForObject("/imports", String.class))
                .contains("id=\"approved\"", "按已批复导入");
        assertThat(http.withBasicAuth("admin", "demo").getForObject("/imports", String.class))
                .contains("id=\"approved\"");
        assertThat(http.withBasicAuth("unit402004", "demo").getForObject("/imports", String.class))
                .contains("导入绩效目标表").doesNotContain("id=\"approved\"", "按已批复导入");
    }

    @Test
    void aFileImportedAsDraftsIsNotSilentlyTakenAsApproved() throws Exception {
        ResponseEntity<String> drafts = upload("/api/imports", "finance", "fixtures/tianjin-2025-targets.docx", 2038,
                false);
        assertThat(drafts.getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> asApproved = upload("/api/imports", "finance", "fixtures/tianjin-2025-targets.docx",
                2038, true);
        assertThat(asApproved.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(asApproved.getBody()).get("message").asText()).contains("已于", "导入为草稿",
                "不能再按已批复导入");
        assertThat(jdbc.queryForObject("select count(*) from project where fiscal_year = 2038 and version = 0",
                Long.class)).isEqualTo(23);
        assertThat(http.withBasicAuth("finance", "demo").getForEntity("/api/projects/" + jdbc.queryForObject(
                "select min(id) from project where fiscal_year = 2038", Long.class) + "/approval-evidence",
                String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theBackgroundImportJobImportsAsApprovedTooAndRefusesAUnit() throws Exception {
        assertThat(upload("/api/import-jobs", "unit353101", "fixtures/tianjin-2025-targets.docx", 2039, true)
                .getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> started = upload("/api/import-jobs", "admin", "fixtures/tianjin-2025-targets.docx",
                2039, true);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        long id = json.readTree(started.getBody()).get("id").asLong();
        JsonNode job = null;
        for (int i = 0; i < 600; i++) {
            job = get("admin", "/api/import-jobs/" + id);
            if (!"RUNNING".equals(job.get("status").asText())) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(job.get("status").asText()).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select count(*) from project where fiscal_year = 2039 and status = 'APPROVED'"
                + " and version = 1", Long.class)).isEqualTo(23);
        assertThat(jdbc.queryForObject("select count(*) from review_opinion o join project p on p.id = o.project_id"
                + " where p.fiscal_year = 2039 and o.action = 'imported-approved' and o.user_id = 'admin'", Long.class))
                .isEqualTo(23);

        // Its lifecycle is an approved table's: the unit may ask for a target adjustment, which reopens it for 编制.
        Long project = jdbc.queryForObject("select min(p.id) from project p join unit u on u.id = p.unit_id"
                + " where p.fiscal_year = 2039 and u.code = '353101'", Long.class);
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("unit353101", "demo").postForEntity("/api/projects/" + project + "/adjustments",
                new HttpEntity<>(Map.of("comment", "预算调整"), h), String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(get("unit353101", "/api/projects/" + project).get("status").asText()).isEqualTo("ADJUSTING");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(project))
                .taskCandidateGroup("unit-353101").list()).extracting(Task::getTaskDefinitionKey).containsExactly("UserTask_Drafting");
    }
}
