package org.openperf.departments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Department tables through the API: importing seed 001's department part, reading it as JSON, who may see it, the
 * xlsx export imported back. Fiscal years 2070–2079 and departments 970/971, which no other test uses; the shared
 * web context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DepartmentTargetsApiTest {

    static final String FIXTURE = "fixtures/caofeidian-2023-department.docx";
    static final String DEPT = "dept970";
    static final String OTHER_DEPT = "dept971";
    static final String UNIT = "unit970001";
    static final String OTHER_UNIT = "unit971001";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void users() {
        user(DEPT, "dept-970");
        user(OTHER_DEPT, "dept-971");
        user(UNIT, "unit-970001");
        user(OTHER_UNIT, "unit-971001");
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

    ResponseEntity<String> upload(String user, org.springframework.core.io.Resource file, int year, String query) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", file);
        body.add("year", String.valueOf(year));
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, "demo").postForEntity("/api/imports" + (query == null ? "" : "?" + query),
                new HttpEntity<>(body, h), String.class);
    }

    JsonNode ok(ResponseEntity<String> r) throws IOException {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    ResponseEntity<String> get(String user, String url) {
        return http.withBasicAuth(user, "demo").getForEntity(url, String.class);
    }

    static ByteArrayResource named(byte[] bytes, String name) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    List<Long> listed(String user, String query) throws IOException {
        List<Long> ids = new ArrayList<>();
        ok(get(user, "/api/department-targets?" + query)).forEach(t -> ids.add(t.get("id").asLong()));
        return ids;
    }

    static JsonNode indicator(JsonNode table, String name) {
        for (JsonNode a : table.get("activities")) {
            for (JsonNode i : a.get("indicators")) {
                if (i.get("name").asText().equals(name)) {
                    return i;
                }
            }
        }
        throw new AssertionError("no indicator " + name);
    }

    static void assertBands(JsonNode table, String name, String... bands) {
        JsonNode b = indicator(table, name).get("bands");
        List<String> keys = new ArrayList<>();
        b.fieldNames().forEachRemaining(keys::add);
        String[] names = {"优", "良", "中", "差"};
        assertThat(keys).as(name).containsExactly(java.util.Arrays.copyOf(names, bands.length));
        for (int k = 0; k < bands.length; k++) {
            assertThat(b.get(names[k]).asText()).as(name + " " + names[k]).isEqualTo(bands[k]);
        }
    }

    @Test
    void theDepartmentImportsItsTableAndReadsItWithEveryBandAsPublished() throws IOException {
        JsonNode result = ok(upload(DEPT, new ClassPathResource(FIXTURE), 2070, null));
        // the answer's fields of old are unchanged: no project tables in this file
        assertThat(result.get("tableCount").asInt()).isZero();
        assertThat(result.get("projects")).isEmpty();
        assertThat(result.get("importId").isNull()).isFalse();
        JsonNode imported = result.get("departmentTables");
        assertThat(imported).hasSize(1);
        assertThat(imported.get(0).get("departmentCode").asText()).isEqualTo("970");
        assertThat(imported.get(0).get("activityCount").asInt()).isEqualTo(21);
        assertThat(imported.get(0).get("indicatorCount").asInt()).isEqualTo(51);
        assertThat(imported.get(0).get("errors").asInt()).isZero();
        assertThat(result.get("problems").findValuesAsText("severity")).doesNotContain("ERROR");
        long id = imported.get(0).get("id").asLong();

        JsonNode table = ok(get(DEPT, "/api/department-targets/" + id));
        assertThat(table.get("status").asText()).isEqualTo("DRAFT");
        assertThat(table.get("year").asInt()).isEqualTo(2070);
        assertThat(table.get("activities")).hasSize(21);
        assertThat(table.get("indicatorCount").asInt()).isEqualTo(51);
        assertThat(table.get("overallGoal").asText()).startsWith("在各级政府、主管部门指导下");
        assertThat(table.get("goals")).hasSize(4);
        assertThat(table.get("goals").get(2).get("indicators").asText()).isEqualTo("全年引进高层次人才130人以上。");
        JsonNode first = table.get("activities").get(0);
        assertThat(first.get("code").asText()).isEqualTo("0101");
        assertThat(first.get("name").asText()).isEqualTo("就业创业扶持政策的制定及管理");
        assertThat(first.get("budgetYear").asInt()).isEqualTo(2023);
        // spot checks against the seed's text
        assertBands(table, "社会保险补贴到位率", "100%", "≥90%", "≥80%", "<80%");
        assertBands(table, "劳动力资源调查及时性", "及时", "延期一周", "延期两周", "延期三周");
        assertBands(table, "新增就业人员数量", "≥500", "≥480", "≥460", "<460");
        assertBands(table, "开展就业服务指导培训次数", ">2", "<2");
        assertBands(table, "人才工作培训人数", "400人以上", "360-400人", "320-360人", "320以下");
        assertBands(table, "劳动仲裁到期结案率", "≥90%", "≥85%", "≥80%", "<80%");
        assertThat(indicator(table, "养老金发放到位率").get("description").asText())
                .isEqualTo("按时足额发放到位的基本养老金占应发放到位的比例");
        assertThat(table.get("findings").findValuesAsText("severity")).doesNotContain("ERROR");

        // The same department's table of the same year again: refused whole, nothing stored.
        byte[] export = http.withBasicAuth(DEPT, "demo").getForObject("/api/department-targets/" + id + "/export",
                byte[].class);
        int batches = jdbc.queryForObject("select count(*) from import_batch where fiscal_year = 2070", Integer.class);
        ResponseEntity<String> twice = upload(DEPT, named(export, "again.xlsx"), 2070, null);
        assertThat(twice.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(twice.getBody()).get("message").asText()).contains("已存在").contains("970");
        assertThat(jdbc.queryForObject("select count(*) from import_batch where fiscal_year = 2070", Integer.class))
                .isEqualTo(batches);
        assertThat(listed("finance", "year=2070&department=970")).containsExactly(id);
    }

    @Test
    void theExportImportsBackAsTheSameTable() throws IOException {
        long id = ok(upload("finance", new ClassPathResource(FIXTURE), 2077, "department=970"))
                .get("departmentTables").get(0).get("id").asLong();
        ResponseEntity<byte[]> export = http.withBasicAuth("finance", "demo")
                .getForEntity("/api/department-targets/" + id + "/export", byte[].class);
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getHeaders().getContentType().toString()).contains("spreadsheetml");

        JsonNode again = ok(upload("finance", named(export.getBody(), "部门整体绩效目标.xlsx"), 2072, "department=970"));
        JsonNode imported = again.get("departmentTables").get(0);
        assertThat(imported.get("activityCount").asInt()).isEqualTo(21);
        assertThat(imported.get("indicatorCount").asInt()).isEqualTo(51);
        JsonNode original = ok(get("finance", "/api/department-targets/" + id));
        JsonNode copy = ok(get("finance", "/api/department-targets/" + imported.get("id").asLong()));
        assertThat(copy.get("activities")).isEqualTo(original.get("activities"));
        assertThat(copy.get("goals")).isEqualTo(original.get("goals"));
        assertThat(copy.get("overallGoal")).isEqualTo(original.get("overallGoal"));
    }

    @Test
    void theWordExportIsLaidOutAsPublishedAndImportsBackAsTheSameTable() throws IOException {
        long id = ok(upload("finance", new ClassPathResource(FIXTURE), 2078, "department=970"))
                .get("departmentTables").get(0).get("id").asLong();
        ResponseEntity<byte[]> export = http.withBasicAuth("finance", "demo")
                .getForEntity("/api/department-targets/" + id + "/export?format=docx", byte[].class);
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getHeaders().getContentType().toString()).contains("wordprocessingml");
        assertThat(export.getHeaders().getContentDisposition().getFilename()).endsWith(".docx");
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(export.getBody()))) {
            assertThat(doc.getParagraphs().stream().map(p -> p.getText()).toList())
                    .contains("一、总体绩效目标", "二、分项绩效目标", "1.就业工作目标。");
            assertThat(doc.getTables()).hasSize(1);
            assertThat(doc.getTables().get(0).getRow(0).getCell(0).getText()).isEqualTo("活动编码");
        }

        JsonNode again = ok(upload("finance", named(export.getBody(), "部门整体绩效目标.docx"), 2079, "department=970"));
        JsonNode imported = again.get("departmentTables").get(0);
        assertThat(imported.get("activityCount").asInt()).isEqualTo(21);
        assertThat(imported.get("indicatorCount").asInt()).isEqualTo(51);
        assertThat(imported.get("errors").asInt()).isZero();
        JsonNode original = ok(get("finance", "/api/department-targets/" + id));
        JsonNode copy = ok(get("finance", "/api/department-targets/" + imported.get("id").asLong()));
        assertThat(copy.get("activities")).isEqualTo(original.get("activities"));
        assertThat(copy.get("goals")).isEqualTo(original.get("goals"));
        assertThat(copy.get("overallGoal")).isEqualTo(original.get("overallGoal"));
        assertThat(copy.get("totalBudget")).isEqualTo(original.get("totalBudget"));

        assertThat(get("finance", "/api/department-targets/" + id + "/export?format=pdf").getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void theBlankTemplateFilledInImportsAsTheDepartmentsTable() throws IOException {
        ResponseEntity<byte[]> template = http.withBasicAuth(DEPT, "demo")
                .getForEntity("/api/templates/department-targets.xlsx", byte[].class);
        assertThat(template.getStatusCode().value()).isEqualTo(200);
        byte[] filled;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(template.getBody()));
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            int header = -1;
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                if (row.getCell(0) != null && "活动编码".equals(row.getCell(0).getStringCellValue())) {
                    header = row.getRowNum();
                }
            }
            assertThat(header).as("the activity table's header row").isNotNegative();
            String[][] rows = {
                    {"0101", "就业扶持", "稳就业", "2079", "稳就业", "城镇新增就业人数", "全年新增", "≥8000人", "≥7000人", "≥6000人",
                            "<6000人"},
                    {"", "", "", "", "", "培训补贴到位率", "按时发放", "100%", "≥90%", "≥80%", "<80%"}};
            for (int k = 0; k < rows.length; k++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(header + 1 + k);
                for (int c = 0; c < rows[k].length; c++) {
                    row.createCell(c).setCellValue(rows[k][c]);
                }
            }
            wb.write(out);
            filled = out.toByteArray();
        }
        JsonNode preview = ok(upload(DEPT, named(filled, "模板.xlsx"), 2079, "dryRun=true"));
        JsonNode table = preview.get("departmentTables").get(0);
        assertThat(table.get("departmentCode").asText()).isEqualTo("970");
        assertThat(table.get("activityCount").asInt()).isEqualTo(1);
        assertThat(table.get("indicatorCount").asInt()).isEqualTo(2);
        assertThat(table.get("errors").asInt()).isZero();
    }

    @Test
    void anotherDepartmentsTableAnswersAsAMissingOneAndUnitsReadOnlyTheApprovedTableOfTheirDepartment()
            throws IOException {
        long draft = ok(upload(DEPT, new ClassPathResource(FIXTURE), 2073, null))
                .get("departmentTables").get(0).get("id").asLong();
        long approved = ok(upload("finance", new ClassPathResource(FIXTURE), 2074, "department=970&approved=true"))
                .get("departmentTables").get(0).get("id").asLong();
        assertThat(ok(get("finance", "/api/department-targets/" + approved)).get("status").asText())
                .isEqualTo("APPROVED");

        // another department: 404 with the answer a missing table gets
        ResponseEntity<String> foreign = get(OTHER_DEPT, "/api/department-targets/" + draft);
        ResponseEntity<String> missing = get(OTHER_DEPT, "/api/department-targets/" + (draft + 1_000_000));
        assertThat(foreign.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(foreign.getBody()).get("message").asText())
                .isEqualTo("部门整体绩效目标 " + draft + " 不存在");
        assertThat(json.readTree(missing.getBody()).get("message").asText())
                .isEqualTo("部门整体绩效目标 " + (draft + 1_000_000) + " 不存在");
        assertThat(get(OTHER_DEPT, "/api/department-targets/" + approved).getStatusCode().value()).isEqualTo(404);
        assertThat(get(OTHER_DEPT, "/api/department-targets/" + draft + "/export").getStatusCode().value())
                .isEqualTo(404);
        assertThat(listed(OTHER_DEPT, "department=970")).isEmpty();
        assertThat(listed(DEPT, "department=970")).contains(draft, approved);

        // a unit of the department: the approved table only
        assertThat(get(UNIT, "/api/department-targets/" + draft).getStatusCode().value()).isEqualTo(404);
        assertThat(ok(get(UNIT, "/api/department-targets/" + approved)).get("activities")).hasSize(21);
        assertThat(listed(UNIT, "department=970")).contains(approved).doesNotContain(draft);
        // a unit of another department: neither
        assertThat(get(OTHER_UNIT, "/api/department-targets/" + approved).getStatusCode().value()).isEqualTo(404);
        assertThat(listed(OTHER_UNIT, "department=970")).isEmpty();

        // importing: a unit may not, a department only its own
        assertThat(upload(UNIT, new ClassPathResource(FIXTURE), 2075, null).getStatusCode().value()).isEqualTo(403);
        assertThat(upload(OTHER_DEPT, new ClassPathResource(FIXTURE), 2075, "department=970").getStatusCode().value())
                .isEqualTo(403);
        assertThat(listed("finance", "year=2075")).isEmpty();
    }

    @Test
    void aBadTableIsReportedWithItsFindingsInADryRunAndNothingIsStored() throws IOException {
        byte[] bad = new org.openperf.exports.DepartmentTargetWorkbookWriter().write(DepartmentTargetChecksTest.bad());
        JsonNode result = ok(upload(DEPT, named(bad, "bad.xlsx"), 2076, "dryRun=true"));
        assertThat(result.get("dryRun").asBoolean()).isTrue();
        JsonNode table = result.get("departmentTables").get(0);
        assertThat(table.hasNonNull("id")).as("nothing stored, no id").isFalse();
        assertThat(table.get("activityCount").asInt()).isEqualTo(4);
        assertThat(table.get("errors").asInt()).isEqualTo(5);
        assertThat(result.get("problems").findValuesAsText("rule")).contains("activity.code.duplicate",
                "activity.indicators.missing", "value.band.order", "value.band.unparsed", "value.missing");
        for (JsonNode p : result.get("problems")) {
            assertThat(p.get("location").asText()).as(p.toString()).startsWith("部门整体绩效目标!");
        }
        assertThat(listed("finance", "year=2076")).isEmpty();
    }
}
