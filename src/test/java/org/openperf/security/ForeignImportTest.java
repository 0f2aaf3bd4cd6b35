package org.openperf.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Finding 4: uploading a file that another unit imported earlier tells the caller nothing about that import (its
 * projects' ids, names, budgets, units): the upload is checked as the caller's own new import, and refused for the
 * tables outside the caller's scope. Whoever may see every project of the earlier import (the department) still
 * gets the usual "already imported" answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ForeignImportTest {

    static final int YEAR = 2036;

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;
    Attacker a;

    @BeforeEach
    void setUp() {
        TestUnits.ensureQingdao(departments, units);
        a = new Attacker(http, json);
    }

    ResponseEntity<String> upload(String user, byte[] content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "本级目标表.xlsx";
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return a.as(user).postForEntity("/api/imports?year=" + YEAR, new HttpEntity<>(form, h), String.class);
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void anotherUnitsEarlierImportIsNeverShown() throws Exception {
        long template = a.project(YEAR, "机密培训项目", "内部用途", "内部目标");
        byte[] file = a.as("admin").getForObject("/api/projects/" + template + "/export", byte[].class);
        ResponseEntity<String> own = upload(Attacker.OWNER, file);
        assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(200);
        JsonNode imported = a.read(own.getBody());
        long batch = imported.get("importId").asLong();
        long project = imported.get("projects").get(0).get("id").asLong();
        long projects = count("project");
        long batches = count("import_batch");

        for (String attacker : new String[] {Attacker.FOREIGN_UNIT, "unit353101", "dept353"}) {
            ResponseEntity<String> r = upload(attacker, file);
            assertThat(r.getStatusCode().value()).as(attacker + ": " + r.getBody()).isEqualTo(422);
            JsonNode body = a.read(r.getBody());
            assertThat(body.has("duplicateOf")).isFalse();
            assertThat(body.has("projects")).isFalse();
            assertThat(r.getBody()).as("nothing of the earlier import")
                    .doesNotContain("导入批次").doesNotContain("已于").doesNotContain("\"id\":" + project)
                    .doesNotContain("importId");
            assertThat(body.get("message").asText()).contains("不在您的权限范围内");
        }
        assertThat(count("project")).isEqualTo(projects);
        assertThat(count("import_batch")).isEqualTo(batches);

        // The department sees every project of that import: it is told, as before, that the file is in already.
        ResponseEntity<String> department = upload("dept402", file);
        assertThat(department.getStatusCode().value()).isEqualTo(200);
        assertThat(a.read(department.getBody()).get("duplicateOf").asLong()).isEqualTo(batch);
        assertThat(a.read(department.getBody()).get("projects").get(0).get("id").asLong()).isEqualTo(project);
    }
}
