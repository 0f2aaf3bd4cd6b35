package org.openperf.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.review.ReviewService;
import org.openperf.review.Steps;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectStatus;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * A unit's preparer ({@code unit402004}) attacks another unit's project (402001's) through every channel it has:
 * the app's API, Camunda's REST API (complete with variables, submit-form, task and local variables, process
 * variables, message correlation, assignee and delegation) and Tasklist's own API. After each attempt the victim's
 * project is checked as the system sees it: still a draft of its unit, at 编制, with no history but its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnitIsolationAttackTest {

    static final String ATTACKER = "unit402004";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    ProjectService projects;
    @Autowired
    ReviewService review;
    @LocalServerPort
    int port;

    long victim;
    long own;

    @BeforeEach
    void projects() throws IOException {
        org.openperf.TestUnits.ensureQingdao(departments, units);
        victim = create("402001", "被攻击单位项目");
        own = create("402004", "攻击者自己的项目");
    }

    static String table(String unit, String name) {
        return """
                {"year": 2031, "name": "NAME", "unit": {"code": "UNIT"}, "budget": 12, "fiscalFunds": 12,
                 "otherFunds": 0, "goal": "测试",
                 "indicators": [
                   {"level1": "成本指标", "level2": "经济成本指标", "name": "培训标准", "value": "≤550 元/人天"},
                   {"level1": "产出指标", "level2": "数量指标", "name": "每期培训人数", "value": "≥40 人"},
                   {"level1": "效益指标", "level2": "社会效益指标", "name": "知晓度", "value": "≥95%"},
                   {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "满意度", "value": "≥90%"}]}
                """.replace("NAME", name).replace("UNIT", unit);
    }

    long create(String unit, String name) throws IOException {
        ResponseEntity<String> created = send(http.withBasicAuth("admin", "demo"), HttpMethod.POST, "/api/projects",
                table(unit, name));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return json.readTree(created.getBody()).get("id").asLong();
    }

    ResponseEntity<String> send(TestRestTemplate client, HttpMethod method, String url, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(url, method, new HttpEntity<>(body, h), String.class);
    }

    TestRestTemplate attacker() {
        return http.withBasicAuth(ATTACKER, "demo");
    }

    Task drafting(long projectId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(projectId)).singleResult();
    }

    /** The victim as the system sees it: a draft of 402001, waiting at 编制, with no history at all. */
    void victimUntouched() {
        var p = projects.table(victim);
        assertThat(p.getStatus()).isEqualTo(ProjectStatus.DRAFT);
        assertThat(p.getUnit().getCode()).isEqualTo("402001");
        assertThat(p.getSubmittedBy()).isNull();
        Task t = drafting(victim);
        assertThat(t.getTaskDefinitionKey()).isEqualTo(Steps.DRAFTING);
        assertThat(t.getAssignee()).isNull();
        assertThat(review.history(victim)).isEmpty();
    }

    static String variables(Map<String, Object> values) {
        StringBuilder b = new StringBuilder("{\"variables\": {");
        values.forEach((name, value) -> b.append(b.length() > 15 ? "," : "").append('"').append(name)
                .append("\": {\"value\": ").append(value instanceof String ? "\"" + value + "\"" : value)
                .append(value instanceof Long ? ", \"type\": \"Long\"" : "").append('}'));
        return b.append("}}").toString();
    }

    @Test
    void completingItsOwnDraftWithAnotherProjectsIdIsRefusedOnEveryRestChannel() throws Exception {
        String ownTask = drafting(own).getId();
        for (String path : List.of("/engine-rest/task/%s/complete", "/engine-rest/task/%s/submit-form",
                "/engine-rest/engine/default/task/%s/submit-form")) {
            for (Map<String, Object> forged : List.of(Map.<String, Object>of("projectId", victim),
                    Map.<String, Object>of("departmentCode", "353"), Map.<String, Object>of("unitCode", "402001"),
                    Map.<String, Object>of("comment", "提交", "submitter", "unit402001"))) {
                ResponseEntity<String> r = send(attacker(), HttpMethod.POST, path.formatted(ownTask),
                        variables(forged));
                assertThat(r.getStatusCode().value()).as(path + " " + forged).isEqualTo(400);
                assertThat(r.getBody()).contains("不接受");
                assertThat(drafting(own).getId()).as("still at 编制").isEqualTo(ownTask);
            }
        }
        // Path variations Jersey still routes: a trailing slash, a percent-encoded task id.
        String encoded = "%" + Integer.toHexString(ownTask.charAt(0)) + ownTask.substring(1);
        for (String path : List.of("/engine-rest/task/" + ownTask + "/complete/",
                "/engine-rest/task/" + encoded + "/complete")) {
            ResponseEntity<String> r = send(attacker(), HttpMethod.POST, path, variables(Map.of("projectId", victim)));
            assertThat(r.getStatusCode().value()).as(path).isEqualTo(400);
        }
        // A BPMN error would end the step without its rule.
        assertThat(send(attacker(), HttpMethod.POST, "/engine-rest/task/" + ownTask + "/bpmnError",
                "{\"errorCode\": \"x\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(drafting(own).getId()).isEqualTo(ownTask);
        // Tasklist's own API, with the session and the webapp's CSRF token a browser has.
        WebappSession tasklist = new WebappSession(port, ATTACKER);
        HttpResponse<String> submit = tasklist.post("/camunda/api/engine/engine/default/task/" + ownTask
                + "/submit-form", variables(Map.of("projectId", victim)));
        assertThat(submit.statusCode()).isEqualTo(400);
        assertThat(submit.body()).contains("projectId");
        victimUntouched();

        // What the step's form does declare goes through; the project is the instance's own.
        ResponseEntity<String> fair = send(attacker(), HttpMethod.POST, "/engine-rest/task/" + ownTask + "/complete",
                variables(Map.of("comment", "请审核")));
        assertThat(fair.getStatusCode().value()).isEqualTo(204);
        assertThat(drafting(own).getTaskDefinitionKey()).isEqualTo(Steps.DEPARTMENT_REVIEW);
        assertThat(projects.table(own).getSubmittedBy()).isEqualTo(ATTACKER);
        victimUntouched();
    }

    @Test
    void candidatesCannotSetVariablesOrHandTheirTaskOnThroughTheEngine() {
        String ownTask = drafting(own).getId();
        String instance = drafting(own).getProcessInstanceId();
        String value = "{\"value\": " + victim + ", \"type\": \"Long\"}";
        List<ResponseEntity<String>> attempts = List.of(
                send(attacker(), HttpMethod.PUT, "/engine-rest/task/" + ownTask + "/variables/projectId", value),
                send(attacker(), HttpMethod.PUT, "/engine-rest/task/" + ownTask + "/localVariables/projectId", value),
                send(attacker(), HttpMethod.POST, "/engine-rest/task/" + ownTask + "/variables",
                        "{\"modifications\": {\"departmentCode\": {\"value\": \"353\"}}}"),
                send(attacker(), HttpMethod.POST, "/engine-rest/process-instance/" + instance + "/variables",
                        "{\"modifications\": {\"projectId\": " + value + "}}"),
                send(attacker(), HttpMethod.POST, "/engine-rest/task/" + ownTask + "/assignee",
                        "{\"userId\": \"dept402\"}"),
                send(attacker(), HttpMethod.POST, "/engine-rest/task/" + ownTask + "/delegate",
                        "{\"userId\": \"dept402\"}"));
        assertThat(attempts).allSatisfy(r -> assertThat(r.getStatusCode().value()).isEqualTo(403));
        assertThat(runtime.getVariables(instance)).doesNotContainKey("projectId")
                .containsEntry("departmentCode", "402");
        assertThat(drafting(own).getAssignee()).isNull();

        // Message correlation by the victim's business key: an adjustment of another unit's table.
        ResponseEntity<String> message = send(attacker(), HttpMethod.POST, "/engine-rest/message",
                "{\"messageName\": \"TargetAdjustmentRequested\", \"businessKey\": \"" + victim + "\"}");
        assertThat(message.getStatusCode().is4xxClientError()).isTrue();
        victimUntouched();
    }

    @Test
    void theAppsOwnApiNeitherReachesNorMovesAnotherUnitsProject() throws IOException {
        String victimTask = drafting(victim).getId();
        assertThat(send(attacker(), HttpMethod.POST, "/api/tasks/" + victimTask + "/complete", "{}")
                .getStatusCode().value()).isEqualTo(404);
        assertThat(send(attacker(), HttpMethod.POST, "/api/tasks/" + victimTask + "/claim", "{}")
                .getStatusCode().value()).isEqualTo(404);
        assertThat(send(attacker(), HttpMethod.POST, "/api/projects/" + victim + "/submit", "{}")
                .getStatusCode().value()).isEqualTo(404);
        assertThat(send(attacker(), HttpMethod.PUT, "/api/projects/" + victim, table("402004", "改名"))
                .getStatusCode().value()).isEqualTo(404);

        // Its own draft cannot be moved into another unit either (the scope is checked on what is written).
        ResponseEntity<String> moved = send(attacker(), HttpMethod.PUT, "/api/projects/" + own,
                table("402001", "搬到别的单位"));
        assertThat(moved.getStatusCode().value()).isEqualTo(400);
        assertThat(moved.getBody()).contains("402001");
        assertThat(projects.table(own).getUnit().getCode()).isEqualTo("402004");
        assertThat(projects.table(own).getName()).isEqualTo("攻击者自己的项目");

        // Its own task goes only to those who may work 编制: not to a reviewer, not to another unit's preparer.
        String ownTask = drafting(own).getId();
        for (String to : List.of("dept402", "unit402001", "finance", "nobody")) {
            ResponseEntity<String> t = send(attacker(), HttpMethod.POST, "/api/tasks/" + ownTask + "/transfer",
                    "{\"userId\": \"" + to + "\"}");
            assertThat(t.getStatusCode().value()).as("转办给 " + to).isEqualTo(400);
            assertThat(send(attacker(), HttpMethod.POST, "/api/tasks/" + ownTask + "/delegate",
                    "{\"userId\": \"" + to + "\"}").getStatusCode().value()).as("委派给 " + to).isEqualTo(400);
        }
        assertThat(drafting(own).getAssignee()).isNull();
        victimUntouched();
    }

    @Test
    void aCompletionThatSlipsPastEveryGuardStillActsOnlyOnItsOwnInstancesProject() {
        // Whatever a future channel lets through: the engine's steps read the business key, never projectId.
        Task ownTask = drafting(own);
        identity.setAuthentication(ATTACKER, List.of("unit-402004"));
        try {
            tasks.complete(ownTask.getId(), Map.of("projectId", victim, "departmentCode", "999",
                    "unitCode", "402001", "submitter", "unit402001"));
        } finally {
            identity.clearAuthentication();
        }
        Task next = drafting(own);
        assertThat(next.getTaskDefinitionKey()).isEqualTo(Steps.DEPARTMENT_REVIEW);
        assertThat(tasks.getIdentityLinksForTask(next.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("dept-402"))
                .noneSatisfy(l -> assertThat(l.getGroupId()).isEqualTo("dept-999"));
        assertThat(projects.table(own).getSubmittedBy()).isEqualTo(ATTACKER);
        assertThat(projects.table(own).getStatus()).isEqualTo(ProjectStatus.IN_REVIEW);
        victimUntouched();
    }

    /** A browser's session: the app's login form, then the Camunda webapp's CSRF cookie and header. */
    static final class WebappSession {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

        private final HttpClient client;
        private final String base;
        private String xsrf;

        WebappSession(int port, String user) throws Exception {
            base = "http://localhost:" + port;
            client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(page);
            assertThat(m.find()).as("the login page's CSRF token").isTrue();
            String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(m.group(1),
                    StandardCharsets.UTF_8);
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(
                            URI.create(base + "/camunda/api/engine/engine/default/task/count"))
                    .header("X-XSRF-TOKEN", "Fetch").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
            xsrf = get.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
