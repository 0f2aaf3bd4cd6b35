package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Seed 003 (Huangyuan 2024, layout E) end to end through the API, as its users would work: the unit imports its
 * approval list and submits every table, the department approves, finance approves; each becomes version 1.
 * Every one of these tables was approved and published, without a 成本 indicator: DOMAIN.md makes that a warning
 * that travels with the table, not an error that sends it back. The shared web context; the county's users and
 * department 723 are this test's alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HuangyuanApprovalTest {

    static final String UNIT = "unit723001";
    static final String DEPARTMENT = "dept723";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;

    /** The county's preparer and its department's reviewer, set up as the demo users are (same password). */
    @BeforeEach
    void users() {
        user(UNIT, "unit-723001");
        user(DEPARTMENT, "dept-723");
    }

    void user(String id, String group) {
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

    JsonNode call(String user, String method, String url, Object body, int status) throws Exception {
        HttpHeaders h = new HttpHeaders();
        HttpEntity<?> entity;
        if (body instanceof LinkedMultiValueMap<?, ?>) {
            h.setContentType(MediaType.MULTIPART_FORM_DATA);
            entity = new HttpEntity<>(body, h);
        } else {
            h.setContentType(MediaType.APPLICATION_JSON);
            entity = new HttpEntity<>(body, h);
        }
        ResponseEntity<String> r = http.withBasicAuth(user, "demo").exchange(url,
                org.springframework.http.HttpMethod.valueOf(method), entity, String.class);
        assertThat(r.getStatusCode().value()).as("%s %s: %s", method, url, r.getBody()).isEqualTo(status);
        return r.getBody() == null ? null : json.readTree(r.getBody());
    }

    String taskOf(String user, long project) throws Exception {
        for (JsonNode t : call(user, "GET", "/api/tasks?view=todo&year=2024&department=723&size=200", null, 200)) {
            if (t.get("projectId").asLong() == project) {
                return t.get("taskId").asText();
            }
        }
        throw new AssertionError(user + " has no task for project " + project);
    }

    @Test
    void theUnitImportsItsApprovalListAndEveryTableIsApprovedThroughDepartmentAndFinance() throws Exception {
        LinkedMultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
        upload.add("file", new ClassPathResource("fixtures/huangyuan-2024-targets.xlsx"));
        upload.add("year", "2024");
        JsonNode imported = call(UNIT, "POST", "/api/imports", upload, 200);
        List<Long> ids = new ArrayList<>();
        imported.get("projects").forEach(p -> ids.add(p.get("id").asLong()));
        assertThat(ids).hasSize(8);

        for (Long id : ids) {
            JsonNode table = call(UNIT, "GET", "/api/projects/" + id, null, 200);
            List<String> errors = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            table.get("findings").forEach(f -> ("ERROR".equals(f.get("severity").asText()) ? errors : warnings)
                    .add(f.get("rule").asText()));
            // Approved as published: nothing a reviewer would send back; the missing 成本 indicator is a warning.
            assertThat(errors).as("errors of %s", table.get("name").asText()).isEmpty();
            assertThat(warnings).as("warnings of %s", table.get("name").asText()).contains("structure.cost.missing");

            call(UNIT, "POST", "/api/projects/" + id + "/submit", Map.of("comment", "请审核"), 200);
            assertThat(call(UNIT, "GET", "/api/projects/" + id, null, 200).get("status").asText())
                    .isEqualTo("IN_REVIEW");
            call(DEPARTMENT, "POST", "/api/tasks/" + taskOf(DEPARTMENT, id) + "/complete",
                    Map.of("decision", "approve", "comment", "同意"), 200);
            call("finance", "POST", "/api/tasks/" + taskOf("finance", id) + "/complete",
                    Map.of("decision", "approve", "comment", "同意批复"), 200);

            JsonNode approved = call(UNIT, "GET", "/api/projects/" + id, null, 200);
            assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
            assertThat(approved.get("version").asInt()).isEqualTo(1);
            List<String> steps = new ArrayList<>();
            call(UNIT, "GET", "/api/projects/" + id + "/history", null, 200)
                    .forEach(h -> steps.add(h.get("action").asText() + ":" + h.get("user").asText()));
            assertThat(steps).containsSubsequence("submit:" + UNIT, "approve:" + DEPARTMENT, "approve:finance",
                    "approved:finance");
        }
    }
}
