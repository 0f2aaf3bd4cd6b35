package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/** Background imports from the /imports page: progress and outcome are read back from the database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportJobApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    ResponseEntity<String> start(String user, String resource, String year) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ClassPathResource(resource));
        body.add("year", year);
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, "demo").postForEntity("/api/import-jobs", new HttpEntity<>(body, h),
                String.class);
    }

    JsonNode finished(String user, long id) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode job = json.readTree(http.withBasicAuth(user, "demo").getForObject("/api/import-jobs/" + id,
                    String.class));
            if (!"RUNNING".equals(job.get("status").asText())) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import job " + id + " did not finish");
    }

    @Test
    void aBrokenFileFailsWithItsReasonAndStoresNothing() throws Exception {
        long before = jdbc.queryForObject("select count(*) from project", Long.class);
        ResponseEntity<String> started = start("admin", "hostile/text-renamed.xlsx", "2034");
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        long id = json.readTree(started.getBody()).get("id").asLong();
        JsonNode job = finished("admin", id);
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("message").asText()).matches(".*[\\u4e00-\\u9fa5].*");
        assertThat(jdbc.queryForObject("select count(*) from project", Long.class)).isEqualTo(before);
        // Another user's job is not theirs to see.
        assertThat(http.withBasicAuth("unit402004", "demo").getForEntity("/api/import-jobs/" + id, String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theTianjinFileRunsToTheEndAndTheSameFileAgainIsADuplicate() throws Exception {
        ResponseEntity<String> started = start("admin", "fixtures/tianjin-2025-targets.docx", "2035");
        JsonNode job = finished("admin", json.readTree(started.getBody()).get("id").asLong());
        assertThat(job.get("status").asText()).isEqualTo("DONE");
        assertThat(job.get("tablesDone").asInt()).isEqualTo(23);
        assertThat(job.get("tablesTotal").asInt()).isEqualTo(23);
        long batch = job.get("importId").asLong();
        assertThat(jdbc.queryForObject("select count(*) from project where import_id = ?", Long.class, batch))
                .isEqualTo(23);

        JsonNode again = finished("admin", json.readTree(start("admin", "fixtures/tianjin-2025-targets.docx", "2035")
                .getBody()).get("id").asLong());
        assertThat(again.get("status").asText()).isEqualTo("DONE");
        assertThat(again.get("duplicateOf").asLong()).isEqualTo(batch);
        assertThat(again.get("message").asText()).contains("未重复导入");
        assertThat(jdbc.queryForObject("select count(*) from project where fiscal_year = 2035", Long.class))
                .isEqualTo(23);
        // The stored upload and its error report are the uploader's (and finance's), not another unit's.
        assertThat(http.withBasicAuth("finance", "demo").getForEntity("/api/imports/" + batch + "/error-report",
                byte[].class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.withBasicAuth("unit402004", "demo").getForEntity("/api/imports/" + batch + "/error-report",
                String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.withBasicAuth("unit402004", "demo").getForEntity("/api/imports/" + batch, String.class)
                .getStatusCode().value()).isEqualTo(404);
    }
}
