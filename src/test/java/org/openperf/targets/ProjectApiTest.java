package org.openperf.targets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Drafting through the projects API: create, read, replace, validate; frozen tables and unknown ids refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProjectApiTest {

    @Autowired
    TestRestTemplate http;

    @org.junit.jupiter.api.BeforeEach
    void login() {
        http = http.withBasicAuth("admin", "demo");
    }
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    @BeforeEach
    void unit() {
        org.openperf.TestUnits.ensureQingdao(departments, units);
    }

    static final String TABLE = """
            {"year": 2024, "name": "财源建设工作经费", "unit": {"code": "402001"},
             "budget": 12, "fiscalFunds": 12, "otherFunds": 0,
             "purpose": "用于组织财务人员培训", "goal": "提高人社系统财务工作规范化水平",
             "spendingPlan": [{"month": 6, "cumulativePercent": 50}, {"month": 12, "cumulativePercent": 100}],
             "indicators": [
               {"level1": "成本指标", "level2": "经济成本指标", "name": "培训标准", "value": "≤550 元/人天"},
               {"level1": "产出指标", "level2": "数量指标", "name": "每期培训人数", "value": "≥40 人"},
               {"level1": "效益指标", "level2": "社会效益", "name": "财务政策规范知晓度", "value": {"text": "≥95%"}},
               {"level1": "满意度指标", "level2": "服务对象满意度", "name": "培训人员满意度", "value": "≥90%"}
             ]}
            """;

    ResponseEntity<String> send(HttpMethod method, String url, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(url, method, new HttpEntity<>(body, h), String.class);
    }

    JsonNode read(ResponseEntity<String> r) throws IOException {
        return json.readTree(r.getBody());
    }

    @Test
    void aDraftIsCreatedReadAndReplacedWhole() throws IOException {
        ResponseEntity<String> created = send(HttpMethod.POST, "/api/projects", TABLE);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = read(created).get("id").asLong();

        JsonNode p = read(http.getForEntity("/api/projects/" + id, String.class));
        assertThat(p.get("status").asText()).isEqualTo("DRAFT");
        assertThat(p.get("unit").get("name").asText()).isEqualTo("青岛市人力资源和社会保障局本级");
        assertThat(p.get("department").get("code").asText()).isEqualTo("402");
        assertThat(p.get("budget").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(p.get("spendingPlan")).hasSize(2);
        assertThat(p.get("indicators")).hasSize(4);
        assertThat(p.get("indicators").get(2).get("level2").asText()).isEqualTo("社会效益指标");
        assertThat(p.get("indicators").get(2).get("value").get("text").asText()).isEqualTo("≥95%");

        String edited = TABLE.replace("\"name\": \"每期培训人数\", \"value\": \"≥40 人\"",
                "\"name\": \"每期培训人数\", \"value\": \"≥45 人\"").replace("\"budget\": 12", "\"budget\": 13");
        ResponseEntity<String> replaced = send(HttpMethod.PUT, "/api/projects/" + id, edited);
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode after = read(http.getForEntity("/api/projects/" + id, String.class));
        assertThat(after.get("indicators").get(1).get("value").get("text").asText()).isEqualTo("≥45 人");
        assertThat(jdbc.queryForObject("select count(*) from indicator where project_id = ?", Long.class, id))
                .isEqualTo(4);
        // 13 budget with 12 + 0 funds no longer adds up: the replaced table is validated again
        JsonNode findings = read(http.getForEntity("/api/projects/" + id + "/validation", String.class));
        assertThat(findings.get("errors").asLong()).isPositive();
    }

    @Test
    void listingFiltersByYearAndUnit() throws IOException {
        send(HttpMethod.POST, "/api/projects", TABLE.replace("2024", "2027"));
        JsonNode page = read(http.getForEntity("/api/projects?year=2027&unit=402001", String.class));
        assertThat(page.get("totalElements").asLong()).isEqualTo(1);
        assertThat(page.get("content").get(0).get("indicatorCount").asInt()).isEqualTo(4);
        assertThat(read(http.getForEntity("/api/projects?year=2027&unit=999999", String.class))
                .get("totalElements").asLong()).isZero();
    }

    @Test
    void anApprovedTableCannotBeEdited() throws IOException {
        long id = read(send(HttpMethod.POST, "/api/projects", TABLE)).get("id").asLong();
        jdbc.update("update project set status = 'APPROVED', version = 1 where id = ?", id);
        ResponseEntity<String> r = send(HttpMethod.PUT, "/api/projects/" + id, TABLE);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(read(r).get("message").asText()).contains("已批复");
    }

    @Test
    void eachUserSeesOnlyTheProjectsOfTheirUnitOrDepartment() throws IOException {
        long id = read(send(HttpMethod.POST, "/api/projects", TABLE.replace("2024", "2029"))).get("id").asLong();
        TestRestTemplate otherUnit = http.withBasicAuth("unit402004", "demo");
        assertThat(otherUnit.getForEntity("/api/projects/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherUnit.getForEntity("/api/projects/" + id + "/history", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherUnit.getForEntity("/api/projects/" + id + "/export", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(read(otherUnit.getForEntity("/api/projects?year=2029", String.class)).get("totalElements")
                .asLong()).isZero();
        assertThat(http.withBasicAuth("unit402001", "demo").getForEntity("/api/projects/" + id, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read(http.withBasicAuth("dept402", "demo").getForEntity("/api/projects?year=2029", String.class))
                .get("totalElements").asLong()).isEqualTo(1);
        assertThat(http.withBasicAuth("dept353", "demo").getForEntity("/api/projects/" + id, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(read(http.withBasicAuth("dept353", "demo").getForEntity("/api/projects?year=2029", String.class))
                .get("totalElements").asLong()).isZero();
        assertThat(read(http.withBasicAuth("finance", "demo").getForEntity("/api/projects?year=2029", String.class))
                .get("totalElements").asLong()).isEqualTo(1);
        assertThat(http.withBasicAuth("finance", "demo").getForEntity("/api/projects/" + id, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new TestRestTemplate().getForEntity(http.getRootUri() + "/api/projects/" + id, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badRequestsAreRefusedWithTheirReason() throws IOException {
        long before = jdbc.queryForObject("select count(*) from project", Long.class);
        ResponseEntity<String> noName = send(HttpMethod.POST, "/api/projects", "{\"year\": 2024}");
        assertThat(noName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(read(noName).get("message").asText()).contains("项目名称");
        ResponseEntity<String> unknownUnit = send(HttpMethod.POST, "/api/projects",
                TABLE.replace("\"code\": \"402001\"", "\"code\": \"999001\""));
        assertThat(unknownUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(read(unknownUnit).get("message").asText()).contains("999001");
        ResponseEntity<String> notJson = send(HttpMethod.POST, "/api/projects", "{\"year\": \"明年\"}");
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("select count(*) from project", Long.class)).isEqualTo(before);
        assertThat(http.getForEntity("/api/projects/987654", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
