package org.openperf.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.pages.PageSession;
import org.openperf.review.Approvals;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Indicators graded by 优/良/中/差 bands and without a single 指标值 (seed 001's department targets) go through the
 * year: the unit saves them through the API, validation lets them pass, the table is approved, and the
 * self-evaluation scores each by the band its actual falls in (优 100%, 良 80%, 中 60%, 差 0% of its weight).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BandedSelfEvaluationApiTest {

    /** A year no other test uses: rounds are one per year in the shared test database. */
    static final int YEAR = 2063;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ReviewTasks work;
    @Autowired
    TaskService tasks;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    @BeforeEach
    void setUp() {
        TestUnits.ensureQingdao(departments, units);
    }

    ResponseEntity<String> send(String user, HttpMethod method, String url, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(url, method, new HttpEntity<>(body, h), String.class);
    }

    JsonNode ok(ResponseEntity<String> r) throws IOException {
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getStatusCode() + ": " + r.getBody()).isTrue();
        return r.getBody() == null || r.getBody().isBlank() ? null : json.readTree(r.getBody());
    }

    /** Weights 30 + 20 + 15 + 15 + 10 = 90: two banded indicators with no 指标值, three ordinary ones. */
    static String table() {
        return """
                {"year": %d, "name": "就业服务体系建设（等级指标）", "unit": {"code": "402001"},
                 "budget": 100, "fiscalFunds": 100, "otherFunds": 0, "purpose": "用途", "goal": "目标",
                 "indicators": [
                  {"level1": "产出指标", "level2": "质量指标", "name": "社会保险补贴到位率", "weight": 30,
                   "bands": {"excellent": "100%%", "good": "≥90%%", "fair": "≥80%%", "poor": "<80%%"}},
                  {"level1": "产出指标", "level2": "时效指标", "name": "劳动力资源调查及时性", "weight": 20,
                   "bands": {"excellent": "及时", "good": "延期一周", "fair": "延期两周", "poor": "延期三周"}},
                  {"level1": "成本指标", "level2": "经济成本指标", "name": "人均调查成本", "value": "≤50 元/人",
                   "weight": 15},
                  {"level1": "效益指标", "level2": "社会效益指标", "name": "就业率", "value": "≥90%%", "weight": 15},
                  {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "满意度", "value": "≥90%%",
                   "weight": 10}
                 ]}""".formatted(YEAR);
    }

    @Test
    void bandedIndicatorsAreSavedValidatedApprovedAndScoredByTheirBand() throws Exception {
        JsonNode created = ok(send("unit402001", HttpMethod.POST, "/api/projects", table()));
        long id = created.get("id").asLong();
        JsonNode view = ok(http.withBasicAuth("unit402001", "demo").getForEntity("/api/projects/" + id,
                String.class));
        JsonNode first = view.get("indicators").get(0);
        assertThat(first.get("bands").get("good").asText()).isEqualTo("≥90%");
        assertThat(first.hasNonNull("value")).isFalse();
        // No 指标值 on the banded rows, and nothing else wrong: validation has nothing to say.
        assertThat(view.get("findings")).isEmpty();

        // The project page shows the bands under the (empty) 指标值, and its editor has the four band cells.
        PageSession page = new PageSession(port);
        page.login("unit402001", "demo");
        String html = page.get("/projects/" + id).body();
        assertThat(html).contains("优 100% / 良 ≥90% / 中 ≥80% / 差 &lt;80%", "优 及时 / 良 延期一周 / 中 延期两周 / 差 延期三周");
        assertThat(html).contains("<th scope=\"col\">优</th><th scope=\"col\">良</th><th scope=\"col\">中</th>");

        Approvals.approve(work, tasks, id);
        assertThat(ok(send("finance", HttpMethod.POST, "/api/self-evaluation-rounds", "{\"year\":" + YEAR + "}"))
                .get("projects").asInt()).isEqualTo(1);

        // 92 falls in 良 (≥90%) → 30 × 80% = 24.00; 延期两周 is the 中 band's words → 20 × 60% = 12.00.
        String report = """
                {"spent": 100, "goalAchievement": "基本完成",
                 "indicators": [
                  {"index": 0, "number": 92, "explanation": "部分人员材料补交，年底前到位"},
                  {"index": 1, "text": "延期两周", "explanation": "入户调查因天气延后"},
                  {"index": 2, "number": 45},
                  {"index": 3, "number": 95},
                  {"index": 4, "number": 93}
                 ]}""";
        ResponseEntity<String> submitted = send("unit402001", HttpMethod.POST,
                "/api/projects/" + id + "/self-evaluation", report);
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.OK);

        JsonNode result = ok(http.withBasicAuth("unit402001", "demo").getForEntity(
                "/api/projects/" + id + "/self-evaluation", String.class));
        JsonNode rows = result.get("indicators");
        assertThat(rows.get(0).get("score").decimalValue()).isEqualByComparingTo("24.00");
        assertThat(rows.get(0).get("target").asText()).contains("优 100%", "良 ≥90%", "中 ≥80%", "差 <80%");
        assertThat(rows.get(1).get("score").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(rows.get(1).get("target").asText()).contains("中 延期两周");
        // How each was scored, as the sheet states it.
        assertThat(result.get("sheet").toString()).contains("属于“良”档（≥90%）", "属于“中”档（延期两周）");
        // 10 (预算执行率) + 24 + 12 + 15 + 15 + 10
        assertThat(result.get("total").decimalValue()).isEqualByComparingTo("86.00");

        // The exported 自评表 shows each banded indicator's bands as its 年度指标值, next to its actual and score.
        ResponseEntity<byte[]> export = http.withBasicAuth("unit402001", "demo")
                .getForEntity("/api/projects/" + id + "/self-evaluation/export", byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> lines = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.getBody()))) {
            DataFormatter f = new DataFormatter();
            for (Row row : wb.getSheetAt(0)) {
                String name = f.formatCellValue(row.getCell(3));
                if (name.equals("社会保险补贴到位率") || name.equals("劳动力资源调查及时性")) {
                    lines.add(name + "|" + f.formatCellValue(row.getCell(4)) + "|" + f.formatCellValue(row.getCell(5))
                            + "|" + f.formatCellValue(row.getCell(7)));
                }
            }
        }
        assertThat(lines).containsExactly(
                "社会保险补贴到位率|优 100% / 良 ≥90% / 中 ≥80% / 差 <80%|92|24.00",
                "劳动力资源调查及时性|优 及时 / 良 延期一周 / 中 延期两周 / 差 延期三周|延期两周|12.00");
    }
}
