package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
 * Finding 7: the execution-data upload (/api/execution-imports) opens workbooks through the target import's
 * guards, so every hostile file of {@link HostileUploadTest}'s corpus that the target import refuses gets the same
 * status there, with a Chinese message naming the file and what is wrong, and nothing stored. Word files and
 * workbooks that are well-formed but hold no spending table are refused for what they are on this upload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExecutionHostileUploadTest {

    /** Refused by the target import for their content as a target table; here they simply lack the header. */
    static final Set<String> NOT_A_SPENDING_TABLE = Set.of("a cell of 1 MB text",
            "budget 10 trillion 万元 (beyond numeric(18,6))", "merged cells over the whole sheet",
            // The spending sheet reads cells by row and never repeats a merge's value.
            "one value at row 1,048,576 under a merge of the whole sheet", "1,000 merges of the same 40,000 rows");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    static Stream<HostileUploadTest.Case> corpus() {
        return HostileUploadTest.corpus().filter(c -> c.status() != 200 && c.params().isEmpty());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("corpus")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void refusesEveryHostileFileAsTheTargetImportDoes(HostileUploadTest.Case c) throws Exception {
        byte[] content = c.file() == null ? null : c.file().bytes();
        long before = jdbc.queryForObject("select count(*) from execution_reading", Long.class);

        ResponseEntity<String> r = upload(content, c.fileName());
        content = null;

        assertThat(r.getStatusCode().value()).as("never a 5xx: " + r.getBody()).isLessThan(500);
        boolean word = c.fileName() != null && c.fileName().endsWith(".docx");
        int status = NOT_A_SPENDING_TABLE.contains(c.name()) || word ? 422 : c.status();
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        JsonNode body = json.readTree(r.getBody());
        String message = body.get("message").asText();
        assertThat(message).as("a Chinese message").matches("(?s).*\\p{IsHan}.*");
        List<String> expected = word ? List.of("不是 Excel", c.fileName())
                : NOT_A_SPENDING_TABLE.contains(c.name()) ? List.of("表头") : c.expected();
        assertThat(message).contains(expected);
        assertThat(jdbc.queryForObject("select count(*) from execution_reading", Long.class))
                .as("nothing stored").isEqualTo(before);
    }

    ResponseEntity<String> upload(byte[] content, String fileName) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        if (content != null) {
            form.add("file", new ByteArrayResource(content) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            });
        } else {
            form.add("other", "没有文件");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("admin", "demo").postForEntity("/api/execution-imports?year=2024",
                new HttpEntity<>(form, headers), String.class);
    }
}
