package org.openperf.pages;

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

/**
 * A project of unit 402001 taken through approval by the demo users over the API, with finance's 1–7月 monitoring
 * round open and 20 of its 100 万元 spent by 15 July: the unit's 监控表 is waiting. Each test class uses its own year.
 */
public final class MonitoredProject {

    private final TestRestTemplate http;
    private final ObjectMapper json;
    private final int year;

    public MonitoredProject(TestRestTemplate http, ObjectMapper json, int year) {
        this.http = http;
        this.json = json;
        this.year = year;
    }

    public long create(String name) throws IOException {
        String table = """
                {"year":%d,"name":"%s","unit":{"code":"402001"},"budget":100,"fiscalFunds":100,
                 "otherFunds":0,"purpose":"用途","goal":"目标","indicators":[
                 {"level1":"成本指标","level2":"经济成本指标","name":"培训标准","value":"≤550 元/人天"},
                 {"level1":"产出指标","level2":"数量指标","name":"每期培训人数","value":"≥40 人"},
                 {"level1":"效益指标","level2":"社会效益指标","name":"政策知晓","value":"有效"},
                 {"level1":"满意度指标","level2":"服务对象满意度指标","name":"满意度","value":"≥90%%"}]}"""
                .formatted(year, name);
        ResponseEntity<String> created = send("unit402001", HttpMethod.POST, "/api/projects", table);
        assertThat(created.getStatusCode().is2xxSuccessful()).as(created.getBody()).isTrue();
        long id = json.readTree(created.getBody()).get("id").asLong();
        assertThat(send("unit402001", HttpMethod.POST, "/api/projects/" + id + "/submit", "{}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        complete("dept402", "部门审核", "{\"decision\":\"approve\",\"comment\":\"同意\"}");
        complete("finance", "财政审核", "{\"decision\":\"approve\",\"comment\":\"同意\"}");
        ResponseEntity<String> opened = send("finance", HttpMethod.POST, "/api/monitoring-rounds",
                "{\"year\":" + year + ",\"cutoff\":7}");
        assertThat(opened.getStatusCode()).as(opened.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(send("unit402001", HttpMethod.POST, "/api/projects/" + id + "/execution",
                "{\"asOf\":\"" + year + "-07-15\",\"spent\":20}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return id;
    }

    ResponseEntity<String> send(String user, HttpMethod method, String url, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(url, method, new HttpEntity<>(body, h), String.class);
    }

    void complete(String user, String step, String body) throws IOException {
        String taskId = null;
        for (JsonNode row : json.readTree(http.withBasicAuth(user, "demo")
                .getForEntity("/api/tasks?view=todo&year=" + year, String.class).getBody())) {
            if (row.get("step").asText().equals(step)) {
                taskId = row.get("taskId").asText();
            }
        }
        assertThat(taskId).as(user + " has a task " + step).isNotNull();
        ResponseEntity<String> r = send(user, HttpMethod.POST, "/api/tasks/" + taskId + "/complete", body);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    }
}
