package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/** Spending readings by API and from a treasury-style workbook: every reading kept, bad rows refused whole. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExecutionApiTest {

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

    @BeforeEach
    void units() {
        TestUnits.ensureQingdao(departments, units);
    }

    ResponseEntity<String> post(String user, String url, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity(url, new HttpEntity<>(body, h), String.class);
    }

    /** A project of unit 402001 taken through approval by the three roles. */
    long approvedProject(String name, String code) throws IOException {
        String table = """
                {"year": 2028, "code": "%s", "name": "%s", "unit": {"code": "402001"}, "budget": 100,
                 "fiscalFunds": 100, "otherFunds": 0, "goal": "测试",
                 "indicators": [
                   {"level1": "成本指标", "level2": "经济成本指标", "name": "培训标准", "value": "≤550 元/人天"},
                   {"level1": "产出指标", "level2": "数量指标", "name": "每期培训人数", "value": "≥40 人"},
                   {"level1": "效益指标", "level2": "社会效益指标", "name": "知晓度", "value": "≥95%%"},
                   {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "满意度", "value": "≥90%%"}]}
                """.formatted(code, name);
        long id = json.readTree(post("admin", "/api/projects", table).getBody()).get("id").asLong();
        post("unit402001", "/api/projects/" + id + "/submit", "{}");
        for (String reviewer : new String[] {"dept402", "finance"}) {
            for (JsonNode t : json.readTree(http.withBasicAuth(reviewer, "demo")
                    .getForObject("/api/tasks?view=todo&year=2028&size=200", String.class))) {
                if (t.get("projectId").asLong() == id) {
                    post(reviewer, "/api/tasks/" + t.get("taskId").asText() + "/complete", "{\"decision\":\"approve\"}");
                }
            }
        }
        assertThat(json.readTree(http.withBasicAuth("finance", "demo").getForObject("/api/projects/" + id,
                String.class)).get("status").asText()).isEqualTo("APPROVED");
        return id;
    }

    long readings() {
        return jdbc.queryForObject("select count(*) from execution_reading", Long.class);
    }

    @Test
    void everyReadingIsKeptAndBadOnesAreRefusedWithTheirReason() throws IOException {
        long id = approvedProject("执行数录入项目", "EXEC-API-1");
        assertThat(post("unit402001", "/api/projects/" + id + "/execution", "{\"asOf\":\"2028-03-31\",\"spent\":20}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("finance", "/api/projects/" + id + "/execution", "{\"asOf\":\"2028-06-30\",\"spent\":45.5}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // A second click sends the same reading again: it is not kept twice.
        post("finance", "/api/projects/" + id + "/execution", "{\"asOf\":\"2028-06-30\",\"spent\":45.50}");
        JsonNode list = json.readTree(http.withBasicAuth("unit402001", "demo")
                .getForObject("/api/projects/" + id + "/execution", String.class));
        assertThat(list).hasSize(2);
        assertThat(list.get(1).get("spent").decimalValue()).isEqualByComparingTo("45.5");
        assertThat(list.get(1).get("recordedBy").asText()).isEqualTo("finance");

        long before = readings();
        ResponseEntity<String> negative = post("unit402001", "/api/projects/" + id + "/execution",
                "{\"asOf\":\"2028-07-31\",\"spent\":-5}");
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(negative.getBody()).get("message").asText()).contains("不能为负数");
        ResponseEntity<String> wrongYear = post("unit402001", "/api/projects/" + id + "/execution",
                "{\"asOf\":\"2031-01-31\",\"spent\":5}");
        assertThat(json.readTree(wrongYear.getBody()).get("message").asText()).contains("2028");
        assertThat(post("unit402004", "/api/projects/" + id + "/execution", "{\"asOf\":\"2028-07-31\",\"spent\":5}")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(readings()).isEqualTo(before);
    }

    byte[] workbook(Object[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("支付数据");
            s.createRow(0).createCell(0).setCellValue("国库集中支付项目执行情况");
            String[] header = {"序号", "项目编码", "项目名称", "单位", "截至日期", "累计支出（万元）"};
            Row h = s.createRow(2);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(3 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    ResponseEntity<String> upload(byte[] file) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "支付数据.xlsx";
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("finance", "demo").postForEntity("/api/execution-imports?year=2028",
                new HttpEntity<>(form, h), String.class);
    }

    @Test
    void aTreasuryWorkbookLoadsAllRowsOrNoneWithEachProblemByRow() throws IOException {
        long a = approvedProject("国库导入项目甲", "EXEC-WB-A");
        long b = approvedProject("国库导入项目乙", "EXEC-WB-B");
        long before = readings();
        ResponseEntity<String> bad = upload(workbook(
                new Object[] {1, "EXEC-WB-A", "国库导入项目甲", "402001", "2028-07-31", 35.5},
                new Object[] {2, "NO-SUCH-CODE", "不存在的项目", "402001", "2028-07-31", 10},
                new Object[] {3, null, "国库导入项目乙", "青岛市人力资源和社会保障局本级", "2028年2月30日", 10}));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problems = json.readTree(bad.getBody()).get("problems");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).get("row").asInt()).isEqualTo(5);
        assertThat(problems.get(0).get("message").asText()).contains("第 5 行").contains("NO-SUCH-CODE");
        assertThat(problems.get(1).get("message").asText()).contains("第 6 行").contains("2月30日");
        assertThat(readings()).isEqualTo(before);

        ResponseEntity<String> good = upload(workbook(
                new Object[] {1, "EXEC-WB-A", "国库导入项目甲", "402001", "2028-07-31", "1,035.50"},
                new Object[] {2, null, "国库导入项目乙", "青岛市人力资源和社会保障局本级", "2028年7月31日", 10},
                new Object[] {"合计", null, null, null, null, 1045.5}));
        assertThat(good.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(good.getBody()).get("stored").asInt()).isEqualTo(2);
        assertThat(readings()).isEqualTo(before + 2);
        // The same export loaded again: nothing is stored twice, and the answer says so.
        JsonNode again = json.readTree(upload(workbook(
                new Object[] {1, "EXEC-WB-A", "国库导入项目甲", "402001", "2028-07-31", "1,035.50"},
                new Object[] {2, null, "国库导入项目乙", "青岛市人力资源和社会保障局本级", "2028年7月31日", 10})).getBody());
        assertThat(again.get("stored").asInt()).isZero();
        assertThat(again.get("alreadyRecorded").asInt()).isEqualTo(2);
        assertThat(readings()).isEqualTo(before + 2);
        JsonNode first = json.readTree(http.withBasicAuth("finance", "demo")
                .getForObject("/api/projects/" + a + "/execution", String.class));
        assertThat(first.get(0).get("spent").decimalValue()).isEqualByComparingTo("1035.50");
        assertThat(first.get(0).get("source").asText()).isEqualTo("WORKBOOK");
        assertThat(json.readTree(http.withBasicAuth("finance", "demo")
                .getForObject("/api/projects/" + b + "/execution", String.class)).get(0).get("asOf").asText())
                .isEqualTo("2028-07-31");
    }
}
