package org.openperf.review.department;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.openperf.DepartmentTableFixture;

/**
 * A department table through department-target-approval over HTTP, as its users reach it: the department submits
 * on the page's API (refused while the table has errors), finance returns it once with an opinion through Camunda's
 * REST API (as Tasklist's form does), the department submits again, finance approves through the app's task API,
 * and 批复 freezes it as approved version 1. On the way: who may complete which step, the fields a completion may
 * carry, another department's 404, a unit reading the approved table but not changing it. Departments 975/976,
 * fiscal year 2054 (the seed 001 fixture, imported once).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DepartmentTargetApprovalProcessTest {

    static final String DEPT = "dept975";
    static final String OTHER_DEPT = "dept976";
    static final String UNIT = "unit975001";
    static final String FINANCE = "finance975";
    static final int YEAR = 2054;

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
    JdbcTemplate jdbc;

    DepartmentTableFixture fixture;

    @BeforeEach
    void users() {
        fixture = new DepartmentTableFixture(http, json, identity);
        fixture.user(DEPT, "dept-975");
        fixture.user(OTHER_DEPT, "dept-976");
        fixture.user(UNIT, "unit-975001");
        fixture.user(FINANCE, "finance");
    }

    @Test
    void draftedReturnedOnceResubmittedApprovedAsVersionOne() throws IOException {
        long id = imported();
        String key = DepartmentTargetKeys.key(id);

        // Nobody else sees it: another department and a unit (the table is not approved yet) get 404.
        assertThat(status(get(OTHER_DEPT, "/api/department-targets/" + id + "/review"))).isEqualTo(404);
        assertThat(status(post(OTHER_DEPT, "/api/department-targets/" + id + "/submit", "{}"))).isEqualTo(404);
        assertThat(status(get(UNIT, "/api/department-targets/" + id))).isEqualTo(404);
        // Finance reads it but does not submit a department's table.
        assertThat(status(post(FINANCE, "/api/department-targets/" + id + "/submit", "{}"))).isEqualTo(403);

        // A table with an error is refused, and nothing is left behind: no instance, still editable.
        JsonNode view = ok(get(DEPT, "/api/department-targets/" + id));
        ObjectNode broken = view.deepCopy();
        ((ObjectNode) broken.get("activities").get(1)).put("code", view.get("activities").get(0).get("code").asText());
        JsonNode saved = ok(put(DEPT, id, broken));
        ResponseEntity<String> refused = post(DEPT, "/api/department-targets/" + id + "/submit", "{\"comment\":\"请审核\"}");
        assertThat(status(refused)).as(refused.getBody()).isEqualTo(400);
        assertThat(message(refused)).contains("错误", "改正后才能提交审核");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
        assertThat(ok(get(DEPT, "/api/department-targets/" + id)).get("status").asText()).isEqualTo("DRAFT");
        ObjectNode fixed = view.deepCopy();
        fixed.put("version", saved.get("version").asLong());
        ok(put(DEPT, id, fixed));

        // 提交审核: the table's own instance, not a project's, waits for finance and is out of the department's hands.
        JsonNode submitted = ok(post(DEPT, "/api/department-targets/" + id + "/submit", "{\"comment\":\"请审核\"}"));
        assertThat(submitted.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(submitted.get("step").asText()).isEqualTo("财政审核");
        assertThat(submitted.get("maySubmit").asBoolean()).isFalse();
        // (A project may have the same id: its own instances carry it as their key, a department table's never do.)
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
                .processDefinitionKey(DepartmentTargetProcess.KEY).count()).isZero();
        Task review = open(key);
        assertThat(review.getTaskDefinitionKey()).isEqualTo(DepartmentTargetProcess.FINANCE_REVIEW);
        assertThat(review.getName()).isEqualTo("财政审核 · 部门整体绩效目标 · 主管部门 975 " + YEAR);
        ObjectNode again = ok(get(DEPT, "/api/department-targets/" + id)).deepCopy();
        assertThat(status(put(DEPT, id, again))).isEqualTo(409);
        assertThat(status(post(DEPT, "/api/department-targets/" + id + "/submit", "{}"))).isEqualTo(409);

        // Only finance completes 财政审核, only with its form's fields and a valid decision.
        assertThat(status(complete(DEPT, review, "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}")))
                .isIn(403, 404);
        assertThat(status(complete(FINANCE, review, "{\"variables\":{\"decision\":{\"value\":\"approve\"},"
                + "\"returnTo\":{\"value\":\"unit\"}}}"))).isEqualTo(400);
        ResponseEntity<String> noOpinion = complete(FINANCE, review, "{\"variables\":{\"decision\":{\"value\":\"return\"}}}");
        assertThat(noOpinion.getStatusCode().is2xxSuccessful()).as(noOpinion.getBody()).isFalse();
        assertThat(noOpinion.getBody()).contains("退回时必须填写审批意见");
        ResponseEntity<String> unknown = complete(FINANCE, review, "{\"variables\":{\"decision\":{\"value\":\"maybe\"}}}");
        assertThat(unknown.getStatusCode().is2xxSuccessful()).as(unknown.getBody()).isFalse();
        assertThat(unknown.getBody()).contains("approve（同意）或 return（退回）");
        assertThat(open(key).getId()).isEqualTo(review.getId());

        // Finance returns it with an opinion, as Tasklist's form sends it: back to 编制, editable again.
        ResponseEntity<String> returned = complete(FINANCE, review, "{\"variables\":{\"decision\":{\"value\":\"return\"},"
                + "\"comment\":{\"value\":\"活动“就业补助”的评分档请细化\"}}}");
        assertThat(returned.getStatusCode().is2xxSuccessful()).as(returned.getBody()).isTrue();
        Task drafting = open(key);
        assertThat(drafting.getTaskDefinitionKey()).isEqualTo(DepartmentTargetProcess.DRAFTING);
        assertThat(drafting.getName()).isEqualTo("编制 · 部门整体绩效目标 · 主管部门 975 " + YEAR);
        assertThat(tasks.getVariableLocal(drafting.getId(), "lastOpinion").toString())
                .contains("退回", FINANCE, "评分档请细化");
        assertThat(runtime.getVariables(drafting.getProcessInstanceId())).doesNotContainKeys("decision", "comment");
        JsonNode afterReturn = ok(get(DEPT, "/api/department-targets/" + id + "/review"));
        assertThat(afterReturn.get("status").asText()).isEqualTo("DRAFT");
        assertThat(afterReturn.get("maySubmit").asBoolean()).isTrue();
        ObjectNode edit = ok(get(DEPT, "/api/department-targets/" + id)).deepCopy();
        edit.put("overallGoal", "稳就业、保民生、评分档已细化");
        ok(put(DEPT, id, edit));

        // Another department cannot complete this department's 编制, even through Camunda's REST API.
        assertThat(status(complete(OTHER_DEPT, drafting, "{}"))).isIn(403, 404);
        ok(post(DEPT, "/api/department-targets/" + id + "/submit", "{}"));

        // Finance approves through the app's task API; 批复 runs after the commit and freezes version 1.
        Task second = open(key);
        assertThat(second.getTaskDefinitionKey()).isEqualTo(DepartmentTargetProcess.FINANCE_REVIEW);
        ResponseEntity<String> approved = post(FINANCE, "/api/tasks/" + second.getId() + "/complete",
                "{\"decision\":\"approve\",\"comment\":\"同意\"}");
        assertThat(approved.getStatusCode().is2xxSuccessful()).as(approved.getBody()).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).finished()
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_DepartmentTargetApproved");
        JsonNode done = ok(get(DEPT, "/api/department-targets/" + id + "/review"));
        assertThat(done.get("status").asText()).isEqualTo("APPROVED");
        assertThat(done.get("approvedVersion").asInt()).isEqualTo(1);
        assertThat(done.get("maySubmit").asBoolean()).isFalse();
        List<String> steps = done.get("opinions").findValues("step").stream().map(JsonNode::asText).toList();
        List<String> actions = done.get("opinions").findValues("action").stream().map(JsonNode::asText).toList();
        assertThat(steps).containsExactly("编制", "财政审核", "编制", "财政审核", "批复");
        assertThat(actions).containsExactly("提交审核", "退回", "提交审核", "同意", "同意");
        assertThat(done.get("opinions").get(1).get("comment").asText()).contains("评分档请细化");
        assertThat(done.get("opinions").get(4).get("user").asText()).isEqualTo(FINANCE);
        assertThat(jdbc.queryForObject("select approved_version from department_target_table where id = ?",
                Integer.class, id)).isEqualTo(1);

        // The unit reads its department's approved table but cannot change it; another department still 404.
        JsonNode read = ok(get(UNIT, "/api/department-targets/" + id));
        assertThat(read.get("overallGoal").asText()).isEqualTo("稳就业、保民生、评分档已细化");
        assertThat(status(put(UNIT, id, read.deepCopy()))).isEqualTo(403);
        assertThat(status(post(UNIT, "/api/department-targets/" + id + "/submit", "{}"))).isEqualTo(403);
        assertThat(status(get(OTHER_DEPT, "/api/department-targets/" + id))).isEqualTo(404);
        assertThat(status(put(DEPT, id, ok(get(DEPT, "/api/department-targets/" + id)).deepCopy()))).isEqualTo(409);
    }

    /** A table finance imports as already approved (批复 on paper) is approved version 1, with nothing to submit. */
    @Test
    void anApprovedImportIsVersionOne() throws IOException {
        org.springframework.util.LinkedMultiValueMap<String, Object> body = new org.springframework.util.LinkedMultiValueMap<>();
        body.add("file", new org.springframework.core.io.ClassPathResource(DepartmentTableFixture.SEED));
        // 2061: the browser test imports the same file for 2055, and a file is imported once per year.
        body.add("year", "2061");
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        long id = ok(http.withBasicAuth(FINANCE, "demo").postForEntity("/api/imports?department=975&approved=true",
                new org.springframework.http.HttpEntity<>(body, h), String.class))
                .get("departmentTables").get(0).get("id").asLong();
        JsonNode review = ok(get(DEPT, "/api/department-targets/" + id + "/review"));
        assertThat(review.get("status").asText()).isEqualTo("APPROVED");
        assertThat(review.get("approvedVersion").asInt()).isEqualTo(1);
        assertThat(review.get("maySubmit").asBoolean()).isFalse();
        assertThat(status(post(DEPT, "/api/department-targets/" + id + "/submit", "{}"))).isEqualTo(409);
    }

    /** Seed 001's department part, imported by the department for the year: 21 activities, no error. */
    long imported() throws IOException {
        Long existing = jdbc.query("select t.id from department_target_table t join department d on d.id = t.department_id"
                + " where d.code = '975' and t.fiscal_year = ?", rs -> rs.next() ? rs.getLong(1) : null, YEAR);
        assertThat(existing).as("year " + YEAR + " of department 975 is this test's alone").isNull();
        return fixture.imported(DEPT, YEAR);
    }

    Task open(String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
    }

    ResponseEntity<String> complete(String user, Task task, String body) {
        return post(user, "/engine-rest/task/" + task.getId() + "/complete", body);
    }

    ResponseEntity<String> get(String user, String url) {
        return fixture.get(user, url);
    }

    ResponseEntity<String> post(String user, String url, String body) {
        return fixture.post(user, url, body);
    }

    ResponseEntity<String> put(String user, long id, JsonNode body) {
        return fixture.put(user, "/api/department-targets/" + id, body);
    }

    JsonNode ok(ResponseEntity<String> r) throws IOException {
        return fixture.ok(r);
    }

    static int status(ResponseEntity<String> r) {
        return DepartmentTableFixture.status(r);
    }

    String message(ResponseEntity<String> r) throws IOException {
        return json.readTree(r.getBody()).get("message").asText();
    }
}
