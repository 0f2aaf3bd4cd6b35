package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * A monitoring round through the REST API as the demo users: finance opens it, the unit reads the pre-filled 监控表
 * and reports, the department approves, finance issues a 整改要求 the unit answers in its task list, and the unit
 * then asks for a target adjustment citing the report. Year 2034 keeps it apart from the other API tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MonitoringRoundApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    @BeforeEach
    void setUp() {
        TestUnits.ensureQingdao(departments, units);
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    ResponseEntity<String> send(String user, HttpMethod method, String url, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(url, method, new HttpEntity<>(body, h), String.class);
    }

    JsonNode get(String user, String url) throws IOException {
        ResponseEntity<String> r = as(user).getForEntity(url, String.class);
        assertThat(r.getStatusCode()).as(url + ": " + r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    JsonNode todo(String user) throws IOException {
        return get(user, "/api/tasks?view=todo&year=2034");
    }

    void complete(String user, String step, String body) throws IOException {
        String taskId = null;
        for (JsonNode row : todo(user)) {
            if (row.get("step").asText().equals(step)) {
                taskId = row.get("taskId").asText();
            }
        }
        assertThat(taskId).as(user + " has a task " + step).isNotNull();
        ResponseEntity<String> r = send(user, HttpMethod.POST, "/api/tasks/" + taskId + "/complete", body);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    }

    Long approvedProject() throws IOException {
        String table = """
                {"year":2034,"name":"接口监控项目","unit":{"code":"402001"},"budget":100,"fiscalFunds":100,
                 "otherFunds":0,"purpose":"用途","goal":"目标","indicators":[
                 {"level1":"成本指标","level2":"经济成本指标","name":"培训标准","value":"≤550 元/人天"},
                 {"level1":"产出指标","level2":"数量指标","name":"每期培训人数","value":"≥40 人"},
                 {"level1":"效益指标","level2":"社会效益指标","name":"政策知晓","value":"有效"},
                 {"level1":"满意度指标","level2":"服务对象满意度指标","name":"满意度","value":"≥90%"}]}""";
        ResponseEntity<String> created = send("unit402001", HttpMethod.POST, "/api/projects", table);
        assertThat(created.getStatusCode().is2xxSuccessful()).as(created.getBody()).isTrue();
        long id = json.readTree(created.getBody()).get("id").asLong();
        assertThat(send("unit402001", HttpMethod.POST, "/api/projects/" + id + "/submit", "{}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        complete("dept402", "部门审核", "{\"decision\":\"approve\",\"comment\":\"同意\"}");
        complete("finance", "财政审核", "{\"decision\":\"approve\",\"comment\":\"同意\"}");
        return id;
    }

    @Test
    void aRoundFromOpeningToRectificationAndAnAdjustmentCitingTheReport() throws IOException {
        Long id = approvedProject();

        assertThat(send("unit402001", HttpMethod.POST, "/api/monitoring-rounds", "{\"year\":2034,\"cutoff\":7}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> bad = send("finance", HttpMethod.POST, "/api/monitoring-rounds",
                "{\"year\":2034,\"cutoff\":13}");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("1–12");
        ResponseEntity<String> opened = send("finance", HttpMethod.POST, "/api/monitoring-rounds",
                "{\"year\":2034,\"cutoff\":7}");
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(opened.getBody()).get("projects").asInt()).isEqualTo(1);
        ResponseEntity<String> again = send("finance", HttpMethod.POST, "/api/monitoring-rounds",
                "{\"year\":2034,\"cutoff\":7}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("已经开启");
        JsonNode list = get("dept402", "/api/monitoring-rounds?year=2034");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("label").asText()).isEqualTo("1–7月");
        // Delivered by the job executor once the opening committed: the list says how far.
        assertThat(list.get(0).get("projects").asInt()).isEqualTo(1);
        assertThat(list.get(0).get("reached").asInt()).isEqualTo(1);
        assertThat(list.get(0).get("delivered").asBoolean()).isTrue();
        assertThat(list.get(0).has("problem")).isFalse();

        assertThat(todo("unit402001")).extracting(r -> r.get("step").asText()).containsExactly("填报监控表");
        assertThat(send("unit402001", HttpMethod.POST, "/api/projects/" + id + "/execution",
                "{\"asOf\":\"2034-07-15\",\"spent\":20}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode draft = get("unit402001", "/api/projects/" + id + "/monitoring-report");
        assertThat(draft.get("spent").decimalValue()).isEqualByComparingTo("20");
        assertThat(draft.get("cutoffLabel").asText()).isEqualTo("1–7月");
        assertThat(draft.get("indicators")).hasSize(4);

        ObjectNode report = json.createObjectNode().put("forecastSpent", 90);
        ArrayNode rows = report.putArray("indicators");
        rows.addObject().put("index", 0).put("valueSoFar", 500).put("likelihood", "确定能");
        rows.addObject().put("index", 1).put("valueSoFar", 12).put("likelihood", "有可能");
        rows.addObject().put("index", 2).put("achievement", "达成").put("likelihood", "确定能");
        rows.addObject().put("index", 3).put("valueSoFar", 55).put("likelihood", "确定能");
        ResponseEntity<String> refused = send("unit402001", HttpMethod.POST, "/api/projects/" + id
                + "/monitoring-report", report.toString());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(refused.getBody()).get("message").asText())
                .contains("第 2 个指标“每期培训人数”：红灯，须填写偏差原因");
        assertThat(get("unit402001", "/api/projects/" + id + "/monitoring-reports")).isEmpty();

        ((ObjectNode) rows.get(1)).put("deviationText", "场地改造").put("measures", "8月起加开一期")
                .putArray("deviationReasons").add("硬件条件保障");
        ResponseEntity<String> stored = send("unit402001", HttpMethod.POST, "/api/projects/" + id
                + "/monitoring-report", report.toString());
        assertThat(stored.getStatusCode()).as(stored.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode r = json.readTree(stored.getBody());
        // 20 spent of 100 against 58.33% due by July: 34.29% of schedule, red.
        assertThat(r.get("executionLight").asText()).isEqualTo("RED");
        assertThat(r.get("executionRatio").decimalValue()).isEqualByComparingTo("34.29");
        assertThat(r.get("projectLight").asText()).isEqualTo("RED");
        assertThat(r.get("indicators").get(1).get("deviationReasons").asText()).isEqualTo("硬件条件保障");
        long reportId = r.get("id").asLong();
        // The dashboard's red list now carries the report's reasons: the 监控表 is one of its light sources.
        JsonNode red = get("finance", "/api/monitoring?year=2034").get("redProjects");
        assertThat(red).hasSize(1);
        assertThat(red.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(red.get(0).get("reasons").get("categories").asText()).isEqualTo("硬件条件保障");
        assertThat(red.get(0).get("reasons").get("measures").asText()).isEqualTo("每期培训人数：8月起加开一期");
        // The exported 监控表 of the cutoff is the unit's report, indicator rows included.
        ResponseEntity<byte[]> xlsx = as("dept402").getForEntity("/api/projects/" + id
                + "/monitoring/export.xlsx?month=7", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            List<String> row = new ArrayList<>();
            for (Row line : wb.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                line.forEach(c -> cells.add(new DataFormatter().formatCellValue(c)));
                if (cells.contains("每期培训人数")) {
                    row = cells;
                }
            }
            assertThat(row).contains("≥40 人", "硬件条件保障；场地改造", "8月起加开一期");
        }

        complete("dept402", "部门审核监控表", "{\"decision\":\"approve\",\"comment\":\"同意\"}");
        complete("finance", "财政审核监控表", "{\"decision\":\"rectify\",\"comment\":\"9月底前支出进度达到 60%\"}");
        ResponseEntity<String> empty = send("unit402001", HttpMethod.POST, "/api/tasks/"
                + todo("unit402001").get(0).get("taskId").asText() + "/complete", "{\"comment\":\" \"}");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        complete("unit402001", "整改反馈", "{\"comment\":\"已与供应商签约，9月支付 45 万元\"}");
        complete("finance", "财政审核监控表", "{\"decision\":\"approve\",\"comment\":\"整改到位\"}");

        JsonNode kept = get("dept402", "/api/projects/" + id + "/monitoring-reports");
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("status").asText()).isEqualTo("APPROVED");
        assertThat(kept.get(0).get("rectificationRequirement").asText()).isEqualTo("9月底前支出进度达到 60%");
        assertThat(kept.get(0).get("rectificationAnswer").asText()).isEqualTo("已与供应商签约，9月支付 45 万元");
        assertThat(as("unit402004").getForEntity("/api/projects/" + id + "/monitoring-reports", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        List<String> steps = new ArrayList<>();
        get("unit402001", "/api/projects/" + id + "/history").forEach(h -> steps.add(h.get("step").asText() + ":"
                + h.get("action").asText() + ":" + h.get("user").asText()));
        assertThat(steps).containsSubsequence("填报监控表:submit:unit402001", "部门审核监控表:approve:dept402",
                "财政审核监控表:rectify:finance", "整改反馈:answer:unit402001", "财政审核监控表:approve:finance");
        assertThat(get("dept402", "/api/tasks?view=done&year=2034")).extracting(t -> t.get("step").asText())
                .contains("部门审核", "部门审核监控表");

        ResponseEntity<String> adjust = send("unit402001", HttpMethod.POST, "/api/projects/" + id + "/adjustments",
                "{\"comment\":\"场地改造，培训人数目标调整\",\"reportId\":" + reportId + "}");
        assertThat(adjust.getStatusCode()).as(adjust.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(get("unit402001", "/api/projects/" + id).get("status").asText()).isEqualTo("ADJUSTING");
        assertThat(get("unit402001", "/api/projects/" + id + "/monitoring-reports").get(0)
                .get("adjustmentRequestedBy").asText()).isEqualTo("unit402001");
        assertThat(todo("unit402001")).extracting(t -> t.get("step").asText()).containsExactly("编制");
    }
}
