package org.openperf.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The attacker suite's calls: users of the demo data (password demo), JSON in and out. */
final class Attacker {

    static final String FOREIGN_UNIT = "unit402004";
    static final String OWNER = "unit402001";

    private final TestRestTemplate http;
    private final ObjectMapper json;

    Attacker(TestRestTemplate http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    ResponseEntity<String> call(String user, HttpMethod method, String url, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(url, method, new HttpEntity<>(body, h), String.class);
    }

    ResponseEntity<String> post(String user, String url, String body) {
        return call(user, HttpMethod.POST, url, body);
    }

    JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    /** A draft of unit 402001 (department 402) with the given name, created by admin; its id. */
    long project(int year, String name, String purpose, String goal) {
        String body = """
                {"year": %d, "name": %s, "unit": {"code": "402001"}, "budget": 12, "fiscalFunds": 12,
                 "otherFunds": 0, "purpose": %s, "goal": %s,
                 "indicators": [
                   {"level1": "成本指标", "level2": "经济成本指标", "name": "培训标准", "value": "≤550 元/人天"},
                   {"level1": "产出指标", "level2": "数量指标", "name": "每期培训人数", "value": "≥40 人"},
                   {"level1": "效益指标", "level2": "社会效益指标", "name": "知晓度", "value": "≥95%%"},
                   {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "满意度", "value": "≥90%%"}]}
                """.formatted(year, quote(name), quote(purpose), quote(goal));
        ResponseEntity<String> r = post("admin", "/api/projects", body);
        if (!r.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError(r.getBody());
        }
        return read(r.getBody()).get("id").asLong();
    }

    String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
