package org.openperf.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Another unit can neither see nor complete a unit's task, through the project's API or through /engine-rest
 * (Camunda authorizations on); the unit itself and finance can.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineAuthorizationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.openperf.targets.DepartmentRepository departments;
    @Autowired
    org.openperf.targets.UnitRepository units;

    @org.junit.jupiter.api.BeforeEach
    void units() {
        org.openperf.TestUnits.ensureQingdao(departments, units);
    }

    static final String TABLE = """
            {"year": 2030, "name": "授权测试项目", "unit": {"code": "402001"}, "budget": 12, "fiscalFunds": 12,
             "otherFunds": 0, "goal": "测试",
             "indicators": [
               {"level1": "成本指标", "level2": "经济成本指标", "name": "培训标准", "value": "≤550 元/人天"},
               {"level1": "产出指标", "level2": "数量指标", "name": "每期培训人数", "value": "≥40 人"},
               {"level1": "效益指标", "level2": "社会效益指标", "name": "知晓度", "value": "≥95%"},
               {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "满意度", "value": "≥90%"}]}
            """;

    ResponseEntity<String> post(TestRestTemplate client, String url, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity(url, new HttpEntity<>(body, h), String.class);
    }

    List<String> engineTaskIds(String user, String businessKey) throws IOException {
        JsonNode list = json.readTree(http.withBasicAuth(user, "demo")
                .getForObject("/engine-rest/task?processInstanceBusinessKey=" + businessKey, String.class));
        List<String> ids = new ArrayList<>();
        list.forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    @Test
    void anotherUnitCannotSeeOrCompleteTheTaskAnywhere() throws IOException {
        ResponseEntity<String> created = post(http.withBasicAuth("admin", "demo"), "/api/projects", TABLE);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String projectId = json.readTree(created.getBody()).get("id").asText();

        List<String> own = engineTaskIds("unit402001", projectId);
        assertThat(own).hasSize(1);
        String taskId = own.get(0);

        TestRestTemplate other = http.withBasicAuth("unit402004", "demo");
        assertThat(engineTaskIds("unit402004", projectId)).isEmpty();
        assertThat(other.getForEntity("/engine-rest/task/" + taskId, String.class).getStatusCode().is4xxClientError())
                .isTrue();
        ResponseEntity<String> engineComplete = post(other, "/engine-rest/task/" + taskId + "/complete", "{}");
        assertThat(engineComplete.getStatusCode().value()).isIn(403, 404);
        ResponseEntity<String> apiComplete = post(other, "/api/tasks/" + taskId + "/complete", "{}");
        assertThat(apiComplete.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode todo = json.readTree(other.getForObject("/api/tasks?view=todo&year=2030", String.class));
        assertThat(todo).isEmpty();
        assertThat(engineTaskIds("dept353", projectId)).isEmpty();
        assertThat(engineTaskIds("finance", projectId)).containsExactly(taskId);

        // The unit itself works on it, through the API, with its own rights.
        assertThat(post(http.withBasicAuth("unit402001", "demo"), "/api/projects/" + projectId + "/submit", "{}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(engineTaskIds("unit402001", projectId)).isEmpty();
        assertThat(engineTaskIds("dept402", projectId)).hasSize(1);
    }

    /** Cockpit shows finance the decision tables, the deployments and the decision history; nobody else. */
    @Test
    void financeReadsDecisionsAndDeploymentsButChangesNothing() throws IOException {
        TestRestTemplate finance = http.withBasicAuth("finance", "demo");
        assertThat(count(finance, "/engine-rest/decision-definition/count")).isGreaterThanOrEqualTo(3);
        assertThat(count(finance, "/engine-rest/deployment/count")).isPositive();
        assertThat(count(finance, "/engine-rest/decision-requirements-definition/count")).isNotNegative();
        assertThat(finance.getForEntity("/engine-rest/history/decision-instance/count", String.class)
                .getStatusCode().value()).isEqualTo(200);

        String deployment = json.readTree(finance.getForObject("/engine-rest/deployment?maxResults=1", String.class))
                .get(0).get("id").asText();
        assertThat(finance.exchange("/engine-rest/deployment/" + deployment, org.springframework.http.HttpMethod.DELETE,
                null, String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(count(finance, "/engine-rest/deployment/count")).isPositive();

        TestRestTemplate unit = http.withBasicAuth("unit402001", "demo");
        assertThat(count(unit, "/engine-rest/deployment/count")).isZero();
        assertThat(count(unit, "/engine-rest/decision-definition/count")).isZero();
    }

    private long count(TestRestTemplate client, String url) throws IOException {
        ResponseEntity<String> r = client.getForEntity(url, String.class);
        assertThat(r.getStatusCode().value()).as(url + " " + r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody()).get("count").asLong();
    }
}
