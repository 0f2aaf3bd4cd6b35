package org.openperf.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Projects created and taken through approval by the demo users through the project's API, as people do it. */
final class ApiProjects {

    private final TestRestTemplate http;
    private final ObjectMapper json;

    ApiProjects(TestRestTemplate http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** A table of the unit with the four indicators of a training project; {@code plan}: "" or a JSON plan list. */
    static String table(int year, String unit, String name, String budget, String plan) {
        return """
                {"year": %d, "name": "%s", "unit": {"code": "%s"}, "budget": %s, "fiscalFunds": %s,
                 "otherFunds": 0, "goal": "提高人社系统财务工作规范化水平", "purpose": "用于组织培训",
                 "spendingPlan": [%s],
                 "indicators": [
                   {"level1": "成本指标", "level2": "经济成本指标", "name": "培训标准", "value": "≤550 元/人天"},
                   {"level1": "产出指标", "level2": "数量指标", "name": "每期培训人数", "value": "≥40 人"},
                   {"level1": "效益指标", "level2": "社会效益指标", "name": "财务政策知晓度", "value": "≥95%%"},
                   {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "培训人员满意度", "value": "≥90%%"}]}
                """.formatted(year, name, unit, budget, budget, plan);
    }

    ResponseEntity<String> send(String user, HttpMethod method, String url, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(url, method, new HttpEntity<>(body, h), String.class);
    }

    ResponseEntity<String> get(String user, String url) {
        return http.withBasicAuth(user, "demo").getForEntity(url, String.class);
    }

    JsonNode getJson(String user, String url) throws IOException {
        ResponseEntity<String> r = get(user, url);
        assertThat(r.getStatusCode()).as(url + ": " + r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    long draft(String table) throws IOException {
        ResponseEntity<String> r = send("admin", HttpMethod.POST, "/api/projects", table);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(r.getBody()).get("id").asLong();
    }

    /** The unit submits, dept402 and finance approve through the task API. */
    void approve(long id, String unitUser, int year) throws IOException {
        assertThat(send(unitUser, HttpMethod.POST, "/api/projects/" + id + "/submit", "{}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        for (String reviewer : new String[] {"dept402", "finance"}) {
            boolean done = false;
            for (JsonNode t : getJson(reviewer, "/api/tasks?view=todo&year=" + year + "&size=500")) {
                if (t.get("projectId").asLong() == id) {
                    assertThat(send(reviewer, HttpMethod.POST, "/api/tasks/" + t.get("taskId").asText() + "/complete",
                            "{\"decision\":\"approve\",\"comment\":\"同意\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
                    done = true;
                }
            }
            assertThat(done).as(reviewer + " had the task of project " + id).isTrue();
        }
        assertThat(getJson("finance", "/api/projects/" + id).get("status").asText()).isEqualTo("APPROVED");
    }

    long approved(String table, String unitUser, int year) throws IOException {
        long id = draft(table);
        approve(id, unitUser, year);
        return id;
    }

    void spent(String user, long id, String asOf, String amount) {
        ResponseEntity<String> r = send(user, HttpMethod.POST, "/api/projects/" + id + "/execution",
                "{\"asOf\":\"" + asOf + "\",\"spent\":" + amount + "}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
    }
}
