package org.openperf.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Finding 5: a unit cannot plant links, images or HTML in its reviewers' Camunda Forms. What the table says
 * reaches the form's markdown text with every markup character escaped, so CommonMark renders it as the literal
 * text the unit typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormMarkdownInjectionTest {

    static final String NAME = "培训[点此查看](https://evil.example/phish) ![x](https://evil.example/t.png)";
    static final String PURPOSE = "用途 [x](javascript:alert(1)) <img src=x onerror=alert(1)> **重要** <https://evil.example>";
    static final String GOAL = "目标\n# 标题\n<script>alert(1)</script> &lt; _斜体_ `代码` | 表 |";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
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

    /** What CommonMark makes of backslash escapes: the escaped punctuation character itself. */
    static String rendered(String markdown) {
        return markdown.replaceAll("\\\\(\\p{Punct})", "$1");
    }

    /** No markup can start: every ASCII punctuation character is preceded by a backslash. */
    static void assertInert(String markdown) {
        String withoutEscapes = markdown.replaceAll("\\\\\\p{Punct}", "");
        assertThat(withoutEscapes).as(markdown).doesNotContainPattern("\\p{Punct}");
    }

    @Test
    void theReviewersFormShowsTheTableAsLiteralText() throws Exception {
        long id = a.project(2037, NAME, PURPOSE, GOAL);
        assertThat(a.post(Attacker.OWNER, "/api/projects/" + id + "/submit", "{}").getStatusCode().value())
                .isEqualTo(200);
        JsonNode tasks = a.read(a.as("dept402").getForObject("/engine-rest/task?processInstanceBusinessKey=" + id,
                String.class));
        assertThat(tasks).hasSize(1);
        String taskId = tasks.get(0).get("id").asText();
        // Tasklist asks the same filter through the webapps' engine API (session login) as through /engine-rest.
        JsonNode vars = a.read(a.as("dept402").getForObject("/engine-rest/task/" + taskId + "/form-variables",
                String.class));
        for (Map.Entry<String, String> e : Map.of("projectName", NAME, "purpose", PURPOSE, "goal", GOAL).entrySet()) {
            String value = vars.get(e.getKey()).get("value").asText();
            assertInert(value);
            assertThat(rendered(value)).as(e.getKey()).isEqualTo(e.getValue());
        }
        // The project's own pages and API keep the name as typed: only the form's markdown is escaped.
        assertThat(a.read(a.as(Attacker.OWNER).getForObject("/api/projects/" + id, String.class)).get("name")
                .asText()).isEqualTo(NAME);
    }
}
