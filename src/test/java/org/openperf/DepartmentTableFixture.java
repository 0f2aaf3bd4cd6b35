package org.openperf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the department table's process tests share over HTTP: users in their groups (password {@code demo},
 * idempotent), seed 001's department part imported by a department for a year, and JSON requests as a user.
 */
public final class DepartmentTableFixture {

    public static final String SEED = "fixtures/caofeidian-2023-department.docx";

    private final TestRestTemplate http;
    private final ObjectMapper json;
    private final IdentityService identity;

    public DepartmentTableFixture(TestRestTemplate http, ObjectMapper json, IdentityService identity) {
        this.http = http;
        this.json = json;
        this.identity = identity;
    }

    public void user(String id, String group) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User u = identity.newUser(id);
            u.setPassword("demo");
            identity.saveUser(u);
            identity.createMembership(id, group);
        }
    }

    /** Seed 001's department part imported by {@code user} (a department's reviewer) for the year; its table id. */
    public long imported(String user, int year) throws IOException {
        org.springframework.util.LinkedMultiValueMap<String, Object> body = new org.springframework.util.LinkedMultiValueMap<>();
        body.add("file", new ClassPathResource(SEED));
        body.add("year", String.valueOf(year));
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return ok(http.withBasicAuth(user, "demo").postForEntity("/api/imports", new HttpEntity<>(body, h),
                String.class)).get("departmentTables").get(0).get("id").asLong();
    }

    public ResponseEntity<String> get(String user, String url) {
        return http.withBasicAuth(user, "demo").getForEntity(url, String.class);
    }

    public ResponseEntity<String> post(String user, String url, String body) {
        return send(user, HttpMethod.POST, url, body);
    }

    public ResponseEntity<String> put(String user, String url, JsonNode body) {
        return send(user, HttpMethod.PUT, url, body.toString());
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String url, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(url, method, new HttpEntity<>(body, h), String.class);
    }

    /** The answer of a request that must succeed (the body named when it did not). */
    public JsonNode ok(ResponseEntity<String> r) throws IOException {
        org.assertj.core.api.Assertions.assertThat(r.getStatusCode().value()).as(r.getBody()).isBetween(200, 201);
        String b = r.getBody();
        return b == null || b.isBlank() ? json.createObjectNode() : json.readTree(b);
    }

    public static int status(ResponseEntity<String> r) {
        return r.getStatusCode().value();
    }
}
