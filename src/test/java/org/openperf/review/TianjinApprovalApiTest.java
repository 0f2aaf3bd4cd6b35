package org.openperf.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;
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
 * The Tianjin fixture from import to 23 approved, frozen tables, entirely through the REST API as the three roles:
 * the preparer fixes what validation stops and submits, the department approves each, finance approves in one batch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TianjinApprovalApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    HistoryService history;

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

    @Test
    void aPageBeyondAnyTaskListIsRefusedNotRead() {
        ResponseEntity<String> far = as("finance").getForEntity("/api/tasks?view=todo&page=2147483647&size=200",
                String.class);
        assertThat(far.getStatusCode().value()).isEqualTo(400);
        assertThat(far.getBody()).contains("页码 2147483647 超出范围");
        assertThat(as("finance").getForEntity("/api/tasks?view=todo&page=499&size=200", String.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void all23TianjinTablesAreApprovedThroughTheApiWithCompleteHistories() throws IOException {
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
        JsonNode imported = body(as("admin").postForEntity("/api/imports?year=2026", new HttpEntity<>(form, mh),
                String.class));
        List<Long> ids = new ArrayList<>();
        imported.get("projects").forEach(p -> ids.add(p.get("id").asLong()));
        assertThat(ids).hasSize(23);

        TestRestTemplate unit = as("unit353101");
        int fixed = 0;
        for (Long id : ids) {
            JsonNode validation = body(unit.getForEntity("/api/projects/" + id + "/validation", String.class));
            if (validation.get("errors").asLong() > 0) {
                fix(unit, id);
                fixed++;
                assertThat(body(unit.getForEntity("/api/projects/" + id + "/validation", String.class))
                        .get("errors").asLong()).as("project %d after fixing", id).isZero();
            }
            assertThat(send(unit, HttpMethod.POST, "/api/projects/" + id + "/submit", "{\"comment\":\"请审核\"}")
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        // Only the table naming two indicators “其他” is stopped; the two with counts lacking a unit carry a warning
        // (issue 14: approved tables commonly write ≥3016 without a unit).
        assertThat(fixed).isEqualTo(1);

        TestRestTemplate dept = as("dept353");
        JsonNode deptTodo = body(dept.getForEntity("/api/tasks?view=todo&year=2026&size=100", String.class));
        assertThat(deptTodo).hasSize(23);
        for (JsonNode row : deptTodo) {
            assertThat(row.get("step").asText()).isEqualTo("部门审核");
            assertThat(send(dept, HttpMethod.POST, "/api/tasks/" + row.get("taskId").asText() + "/complete",
                    "{\"decision\":\"approve\",\"comment\":\"同意\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        }

        TestRestTemplate finance = as("finance");
        JsonNode financeTodo = body(finance.getForEntity("/api/tasks?view=todo&year=2026&size=100", String.class));
        assertThat(financeTodo).hasSize(23);
        ObjectNode batch = json.createObjectNode().put("comment", "同意批复");
        ArrayNode taskIds = batch.putArray("taskIds");
        financeTodo.forEach(r -> taskIds.add(r.get("taskId").asText()));
        JsonNode results = body(send(finance, HttpMethod.POST, "/api/tasks/batch-complete", batch.toString()));
        assertThat(results).hasSize(23).allMatch(r -> r.get("succeeded").asBoolean());

        for (Long id : ids) {
            JsonNode p = body(finance.getForEntity("/api/projects/" + id, String.class));
            assertThat(p.get("status").asText()).isEqualTo("APPROVED");
            assertThat(p.get("version").asInt()).isEqualTo(1);
            JsonNode versions = body(finance.getForEntity("/api/projects/" + id + "/versions", String.class));
            assertThat(versions).hasSize(1);
            JsonNode history = body(unit.getForEntity("/api/projects/" + id + "/history", String.class));
            List<String> steps = new ArrayList<>();
            history.forEach(h -> steps.add(h.get("step").asText() + ":" + h.get("action").asText() + ":"
                    + h.get("user").asText()));
            assertThat(steps).containsExactly("编制:submit:unit353101", "部门审核:approve:dept353",
                    "财政审核:approve:finance", "批复:approved:finance");
        }
        assertThat(body(unit.getForEntity("/api/tasks?view=started&year=2026&size=100", String.class))).hasSize(23);
        assertThat(body(dept.getForEntity("/api/tasks?view=done&year=2026&size=100", String.class))).hasSize(23);
        assertThat(body(dept.getForEntity("/api/tasks?view=todo&year=2026", String.class))).isEmpty();
        // Camunda's user operation log names who decided each task, as Cockpit shows it.
        assertThat(completedBy("dept353", deptTodo)).containsExactlyInAnyOrderElementsOf(taskIdsOf(deptTodo));
        assertThat(completedBy("finance", financeTodo)).containsExactlyInAnyOrderElementsOf(taskIdsOf(financeTodo));

        // Year end: finance opens the self-evaluation round, which reaches all 23; a unit reports one of them.
        assertThat(send(unit, HttpMethod.POST, "/api/self-evaluation-rounds", "{\"year\":2026}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode round = body(send(finance, HttpMethod.POST, "/api/self-evaluation-rounds", "{\"year\":2026}"));
        assertThat(round.get("projects").asInt()).isEqualTo(23);
        assertThat(body(unit.getForEntity("/api/tasks?view=todo&year=2026&size=100", String.class))).hasSize(23)
                .allMatch(r -> r.get("step").asText().equals("绩效自评"));
        Long first = ids.get(0);
        JsonNode table = body(unit.getForEntity("/api/projects/" + first, String.class));
        ArrayNode actuals = json.createArrayNode();
        for (int i = 0; i < table.get("indicators").size(); i++) {
            JsonNode value = table.get("indicators").get(i).get("value");
            ObjectNode a = actuals.addObject().put("index", i);
            if ("DEADLINE".equals(value.get("kind").asText())) {
                a.put("completedOn", value.get("deadline").asText());
            } else if ("QUANTITATIVE".equals(value.get("kind").asText())) {
                a.put("number", value.get("number").decimalValue());
            } else {
                a.put("tier", "达成").put("score", 1);
            }
        }
        ObjectNode report = json.createObjectNode().put("spent", table.get("budget").decimalValue())
                .put("goalAchievement", "全面完成年度目标");
        report.set("indicators", actuals);
        ResponseEntity<String> submitted = send(unit, HttpMethod.POST, "/api/projects/" + first + "/self-evaluation",
                report.toString());
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode result = body(unit.getForEntity("/api/projects/" + first + "/self-evaluation", String.class));
        assertThat(result.get("status").asText()).isEqualTo("SCORED");
        assertThat(result.get("total").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(result.get("grade").asText()).isEqualTo("优");
        assertThat(result.get("sheet").get("indicators")).hasSize(table.get("indicators").size());
    }

    /** The tasks of the rows that the user's completion is logged for, once each. */
    List<String> completedBy(String user, JsonNode rows) {
        Set<String> ids = new HashSet<>(taskIdsOf(rows));
        return history.createUserOperationLogQuery().userId(user)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getTaskId).filter(ids::contains).distinct().toList();
    }

    static List<String> taskIdsOf(JsonNode rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.get("taskId").asText()));
        return ids;
    }

    /** What the preparer does for the tables validation stops (TianjinFixes), saved through the API. */
    private void fix(TestRestTemplate unit, Long id) throws IOException {
        ObjectNode p = TianjinFixes.fix((ObjectNode) body(unit.getForEntity("/api/projects/" + id, String.class)));
        ResponseEntity<String> saved = send(unit, HttpMethod.PUT, "/api/projects/" + id, p.toString());
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
