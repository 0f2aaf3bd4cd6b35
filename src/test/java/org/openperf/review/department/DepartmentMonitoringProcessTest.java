package org.openperf.review.department;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.openperf.DepartmentTableFixture;

/**
 * An approved department table in a monitoring round, over HTTP: finance opens the round and the table gets its
 * 监控表 (one line per activity indicator) and a 填报监控表 task; the department fills values, the app reads their
 * bands and lights; a red light without reasons is refused at submission; finance returns it once with an opinion,
 * then approves it. Another department 404; the unit reads but cannot fill. Department 978, fiscal year 2056.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DepartmentMonitoringProcessTest {

    static final String DEPT = "dept978";
    static final String OTHER_DEPT = "dept976";
    static final String UNIT = "unit978001";
    static final String FINANCE = "finance975";
    static final int YEAR = 2056;

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;

    DepartmentTableFixture fixture;

    @Test
    void filledRefusedWhileARedLightHasNoReasonsReturnedOnceAndApproved() throws IOException {
        fixture = new DepartmentTableFixture(http, json, identity);
        fixture.user(DEPT, "dept-978");
        fixture.user(OTHER_DEPT, "dept-976");
        fixture.user(UNIT, "unit-978001");
        fixture.user(FINANCE, "finance");
        long id = approvedTable();
        String key = DepartmentTargetKeys.key(id);

        JsonNode round = ok(post(FINANCE, "/api/monitoring-rounds", "{\"year\":" + YEAR + ",\"cutoff\":6}"));
        long roundId = round.get("id").asLong();
        String url = "/api/department-targets/" + id + "/monitoring/" + roundId;
        Task report = open(key);
        assertThat(report.getTaskDefinitionKey()).isEqualTo(DepartmentTargetProcess.MONITORING_REPORT);
        assertThat(report.getName()).isEqualTo("填报监控表 · 部门整体绩效目标 · 主管部门 978 " + YEAR + " · 1–6月");

        JsonNode empty = ok(get(DEPT, url));
        assertThat(empty.get("lines")).hasSize(51);
        assertThat(empty.get("status").asText()).isEqualTo("DRAFT");
        assertThat(status(get(OTHER_DEPT, url))).isEqualTo(404);
        assertThat(ok(get(UNIT, url)).get("lines")).hasSize(51);
        assertThat(status(put(UNIT, url, lines(empty, false, false)))).isEqualTo(403);

        // Every indicator at its 优 band, the first at its 差 band: red, and without reasons it cannot be submitted.
        JsonNode filled = ok(put(DEPT, url, lines(empty, false, true)));
        JsonNode first = filled.get("lines").get(0);
        assertThat(first.get("bandSoFar").asText()).isEqualTo("差");
        assertThat(first.get("light").asText()).isEqualTo("red");
        assertThat(filled.get("lines").get(1).get("light").asText()).isEqualTo("green");
        ResponseEntity<String> incomplete = post(DEPT, "/api/tasks/" + report.getId() + "/complete", "{}");
        assertThat(status(incomplete)).as(incomplete.getBody()).isEqualTo(400);
        assertThat(incomplete.getBody()).contains("红灯须填写偏差原因和改进措施");
        assertThat(open(key).getId()).isEqualTo(report.getId());

        // The page: the department fills it (inputs, 提交), the unit reads it, another department gets 404.
        String page = "/departments/978/targets/" + YEAR + "/monitoring/" + roundId;
        String filling = get(DEPT, page).getBody();
        assertThat(filling).contains("1–6月", "提交财政审核", "data-key=\"valueSoFar\"", "红灯");
        assertThat(get(UNIT, page).getBody()).contains("只读").doesNotContain("data-key=\"valueSoFar\"");
        assertThat(status(get(OTHER_DEPT, page))).isEqualTo(404);
        assertThat(get(DEPT, "/departments/978/targets/" + YEAR).getBody()).contains(page, "1–6月监控表（填报中）");

        JsonNode explained = ok(put(DEPT, url, lines(filled, true, true)));
        assertThat(explained.get("lines").get(0).get("deviationReason").asText()).isEqualTo("补贴资金下达滞后");
        ok(post(DEPT, "/api/tasks/" + report.getId() + "/complete", "{\"comment\":\"请审核\"}"));
        assertThat(ok(get(DEPT, url)).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(status(put(DEPT, url, lines(explained, true, true)))).isEqualTo(409);

        // Finance: only approve or return, an opinion on a return; the department cannot decide for finance.
        Task review = open(key);
        assertThat(review.getTaskDefinitionKey()).isEqualTo(DepartmentTargetProcess.MONITORING_FINANCE_REVIEW);
        assertThat(status(post(DEPT, "/api/tasks/" + review.getId() + "/complete", "{\"decision\":\"approve\"}")))
                .isEqualTo(404);
        assertThat(status(post(FINANCE, "/api/tasks/" + review.getId() + "/complete", "{\"decision\":\"return\"}")))
                .isEqualTo(400);
        ok(post(FINANCE, "/api/tasks/" + review.getId() + "/complete",
                "{\"decision\":\"return\",\"comment\":\"红灯指标的措施不具体\"}"));
        Task again = open(key);
        assertThat(again.getTaskDefinitionKey()).isEqualTo(DepartmentTargetProcess.MONITORING_REPORT);
        assertThat(tasks.getVariableLocal(again.getId(), "lastOpinion").toString()).contains("措施不具体");
        JsonNode back = ok(get(DEPT, url));
        assertThat(back.get("status").asText()).isEqualTo("DRAFT");
        ObjectNode better = (ObjectNode) lines(back, true, true);
        ((ObjectNode) better.get("lines").get(0)).put("measures", "七月底前补发到位，每周调度");
        ok(put(DEPT, url, better));
        ok(post(DEPT, "/api/tasks/" + again.getId() + "/complete", "{}"));
        ok(post(FINANCE, "/api/tasks/" + open(key).getId() + "/complete", "{\"decision\":\"approve\"}"));

        assertThat(open(key)).isNull();
        JsonNode done = ok(get(DEPT, url));
        assertThat(done.get("status").asText()).isEqualTo("APPROVED");
        assertThat(done.get("lines").get(0).get("measures").asText()).isEqualTo("七月底前补发到位，每周调度");
        JsonNode history = ok(get(DEPT, "/api/department-targets/" + id + "/review")).get("opinions");
        assertThat(history.findValuesAsText("step")).endsWith("填报监控表", "财政审核监控表", "填报监控表", "财政审核监控表");
        assertThat(history.findValuesAsText("action")).endsWith("提交审核", "退回", "提交审核", "同意");
    }

    /**
     * The lines to send: each indicator's 优 band as its value (a band left blank: 优 chosen), the first at its 差
     * band when {@code firstRed}; reasons and measures for it when {@code explained}.
     */
    ObjectNode lines(JsonNode report, boolean explained, boolean firstRed) {
        ObjectNode body = json.createObjectNode();
        body.put("version", report.get("version").asLong());
        ArrayNode out = body.putArray("lines");
        for (JsonNode l : report.get("lines")) {
            ObjectNode line = out.addObject();
            JsonNode bands = l.get("bands");
            boolean red = firstRed && l.get("position").asInt() == 0;
            String value = red ? bands.path("差").asText(null) : bands.path("优").asText(null);
            line.put("valueSoFar", value == null ? "已完成" : value);
            line.put("bandSoFar", red ? "差" : "优");
            if (red && explained) {
                line.put("deviationReason", "补贴资金下达滞后");
                line.put("measures", "加快拨付");
            }
        }
        return body;
    }

    /** Seed 001's department part for 978/2056, through its own approval (submitted, approved by finance). */
    long approvedTable() throws IOException {
        long id = fixture.imported(DEPT, YEAR);
        ok(post(DEPT, "/api/department-targets/" + id + "/submit", "{}"));
        ok(post(FINANCE, "/api/tasks/" + open(DepartmentTargetKeys.key(id)).getId() + "/complete",
                "{\"decision\":\"approve\"}"));
        assertThat(ok(get(DEPT, "/api/department-targets/" + id + "/review")).get("approvedVersion").asInt()).isEqualTo(1);
        return id;
    }

    Task open(String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
    }

    ResponseEntity<String> get(String user, String url) {
        return fixture.get(user, url);
    }

    ResponseEntity<String> post(String user, String url, String body) {
        return fixture.post(user, url, body);
    }

    ResponseEntity<String> put(String user, String url, JsonNode body) {
        return fixture.put(user, url, body);
    }

    JsonNode ok(ResponseEntity<String> r) throws IOException {
        return fixture.ok(r);
    }

    static int status(ResponseEntity<String> r) {
        return DepartmentTableFixture.status(r);
    }
}
