package org.openperf.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.pages.PageSession;
import org.openperf.review.Approvals;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Finding 6: a unit learns nothing about another unit's project or task from the app's answers (a foreign id
 * answers exactly as a missing one), the recheck sample shows a unit only its own projects and no seed, and
 * neither the webapps' logout nor a fake Authorization header gets past CSRF protection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ForeignIdTest {

    static final String SECRET = "他单位机密项目";
    static final long MISSING = 987_654_321L;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;
    @Autowired
    ReviewTasks work;
    @Autowired
    TaskService tasks;
    Attacker a;

    @BeforeEach
    void setUp() {
        TestUnits.ensureQingdao(departments, units);
        a = new Attacker(http, json);
    }

    /** The answer with the id itself blanked out, to compare a foreign id's answer with a missing one's. */
    String shape(ResponseEntity<String> r, Object id) {
        // Only where it stands alone: a project id of 4 must not blank the 4s of "404" in the body.
        return r.getStatusCode().value() + " " + String.valueOf(r.getBody())
                .replaceAll("(?<![0-9A-Za-z-])" + java.util.regex.Pattern.quote(String.valueOf(id))
                        + "(?![0-9A-Za-z-])", "<id>");
    }

    @Test
    void aForeignProjectOrTaskAnswersAsAMissingOne() {
        long project = a.project(2038, SECRET, "用途", "目标");
        assertThat(a.post(Attacker.OWNER, "/api/projects/" + project + "/submit", "{}").getStatusCode().value())
                .isEqualTo(200);
        JsonNode tasks = a.read(a.as("dept402").getForObject("/engine-rest/task?processInstanceBusinessKey="
                + project, String.class));
        String task = tasks.get(0).get("id").asText();

        String[][] projectCalls = {
                {"POST", "/api/projects/%s/withdraw", "{}"},
                {"POST", "/api/projects/%s/submit", "{}"},
                {"POST", "/api/projects/%s/adjustments", "{\"reason\": \"调整\"}"},
                {"GET", "/api/projects/%s/history", null},
                {"GET", "/api/projects/%s/versions", null},
                {"GET", "/api/projects/%s", null},
                {"GET", "/api/projects/%s/validation", null},
                {"GET", "/api/projects/%s/export", null},
                {"GET", "/api/projects/%s/execution", null},
                {"GET", "/api/projects/%s/monitoring-reports", null},
                {"GET", "/api/projects/%s/self-evaluation", null}};
        for (String[] c : projectCalls) {
            ResponseEntity<String> foreign = a.call(Attacker.FOREIGN_UNIT, HttpMethod.valueOf(c[0]),
                    c[1].formatted(project), c[2]);
            ResponseEntity<String> missing = a.call(Attacker.FOREIGN_UNIT, HttpMethod.valueOf(c[0]),
                    c[1].formatted(MISSING), c[2]);
            assertThat(foreign.getStatusCode().value()).as(c[1] + ": " + foreign.getBody()).isEqualTo(404);
            assertThat(shape(foreign, project)).as(c[1]).isEqualTo(shape(missing, MISSING));
            assertThat(String.valueOf(foreign.getBody())).doesNotContain(SECRET);
        }
        String[][] taskCalls = {
                {"/api/tasks/%s/complete", "{\"decision\": \"approve\", \"comment\": \"同意\"}"},
                {"/api/tasks/%s/claim", "{}"},
                {"/api/tasks/%s/transfer", "{\"userId\": \"unit402004\"}"},
                {"/api/tasks/%s/delegate", "{\"userId\": \"unit402004\"}"}};
        for (String[] c : taskCalls) {
            ResponseEntity<String> foreign = a.post(Attacker.FOREIGN_UNIT, c[0].formatted(task), c[1]);
            ResponseEntity<String> missing = a.post(Attacker.FOREIGN_UNIT, c[0].formatted("no-such-task"), c[1]);
            assertThat(foreign.getStatusCode().value()).as(c[0] + ": " + foreign.getBody()).isEqualTo(404);
            assertThat(shape(foreign, task)).as(c[0]).isEqualTo(shape(missing, "no-such-task"));
            assertThat(String.valueOf(foreign.getBody())).doesNotContain(SECRET);
        }
        // Nothing changed: the project still waits for its department.
        assertThat(a.read(a.as("dept402").getForObject("/engine-rest/task?processInstanceBusinessKey=" + project,
                String.class)).get(0).get("id").asText()).isEqualTo(task);
    }

    @Test
    void theRecheckSampleShowsAUnitNeitherTheSeedNorOtherProjects() {
        long project = a.project(2049, SECRET, "用途", "目标");
        Approvals.approve(work, tasks, project);
        ResponseEntity<String> opened = a.post("finance", "/api/self-evaluation-rounds",
                "{\"year\": 2049, \"seed\": 424242}");
        assertThat(opened.getStatusCode().is2xxSuccessful()).as(opened.getBody()).isTrue();
        JsonNode finance = a.read(a.as("finance").getForObject("/api/self-evaluation-rounds/2049/sample",
                String.class));
        assertThat(finance.get("seed").asLong()).isEqualTo(424242L);
        assertThat(finance.get("roundProjects").asInt()).isEqualTo(1);
        assertThat(finance.get("drawnByShare").toString()).isEqualTo("[" + project + "]");

        ResponseEntity<String> foreign = a.as(Attacker.FOREIGN_UNIT).getForEntity(
                "/api/self-evaluation-rounds/2049/sample", String.class);
        assertThat(foreign.getStatusCode().value()).isEqualTo(200);
        JsonNode view = a.read(foreign.getBody());
        assertThat(view.has("seed")).as(foreign.getBody()).isFalse();
        assertThat(foreign.getBody()).doesNotContain("424242").doesNotContain(SECRET);
        assertThat(view.get("projects")).isEmpty();
        assertThat(view.get("roundProjects").asInt()).isZero();
        assertThat(view.get("drawnByShare")).isEmpty();

        // The unit itself sees that its own project was drawn, still without the seed.
        JsonNode own = a.read(a.as(Attacker.OWNER).getForObject("/api/self-evaluation-rounds/2049/sample",
                String.class));
        assertThat(own.has("seed")).isFalse();
        assertThat(own.get("drawnByShare").toString()).isEqualTo("[" + project + "]");
    }

    @Test
    void onlyValidBasicCredentialsSkipTheCsrfToken() throws Exception {
        PageSession s = new PageSession(port);
        assertThat(s.login(Attacker.OWNER, "demo").statusCode()).isEqualTo(302);
        String table = """
                {"year": 2038, "name": "伪造请求", "unit": {"code": "402001"}, "budget": 1, "fiscalFunds": 1,
                 "otherFunds": 0, "goal": "x", "indicators": []}
                """;
        for (String header : new String[] {"Bearer x", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("unit402001:wrong".getBytes()), "Basic !!!"}) {
            HttpResponse<String> r = s.httpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/projects")).header("Content-Type", "application/json").header("Authorization", header)
                    .POST(HttpRequest.BodyPublishers.ofString(table)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(header + ": " + r.body()).isIn(401, 403);
        }
        assertThat(a.read(a.as("admin").getForObject("/api/projects?year=2038&size=100", String.class)).toString())
                .doesNotContain("伪造请求");
    }

    @Test
    void theWebappsLogoutNeedsItsCsrfToken() throws Exception {
        PageSession s = new PageSession(port);
        assertThat(s.login(Attacker.OWNER, "demo").statusCode()).isEqualTo(302);
        assertThat(s.get("/projects").statusCode()).isEqualTo(200);
        HttpResponse<String> forged = s.post("/camunda/api/admin/auth/user/default/logout",
                "application/x-www-form-urlencoded", "", null);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        HttpResponse<String> after = s.get("/projects");
        assertThat(after.statusCode()).as("still logged in: " + after.headers().map()).isEqualTo(200);
    }

    @Test
    void theWebappsOwnPasswordLoginIsClosed() throws Exception {
        PageSession s = new PageSession(port);
        assertThat(s.login(Attacker.FOREIGN_UNIT, "demo").statusCode()).isEqualTo(302);
        // It would check another user's password past the login throttle.
        HttpResponse<String> r = s.post("/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=dept402&password=demo", null);
        assertThat(r.statusCode()).isEqualTo(403);
    }
}
