package org.openperf.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openperf.TestUnits;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A department's 监控表 summary prepared in the background: asked for, it answers at once with a file number; the
 * page polls it and fetches the same workbook the direct download gives. Only the requester sees the file; a
 * selection too big for one file (here more than 2 tables) is refused at once, naming how many it has. Year 2082.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "perf.exports.monitoring-max-tables=2")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreparedSummaryTest {

    static final int YEAR = 2082;

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;
    @Autowired
    JdbcTemplate jdbc;

    ApiProjects api;

    @BeforeAll
    void projects() throws IOException {
        TestUnits.ensureQingdao(departments, units);
        api = new ApiProjects(http, json);
        long one = api.approved(ApiProjects.table(YEAR, "402001", "后台监控表项目一", "100", ""), "unit402001", YEAR);
        api.approved(ApiProjects.table(YEAR, "402001", "后台监控表项目二", "80", ""), "unit402001", YEAR);
        api.approved(ApiProjects.table(YEAR, "402004", "后台监控表项目三", "60", ""), "unit402004", YEAR);
        api.spent("unit402001", one, YEAR + "-06-30", "40");
    }

    ResponseEntity<String> ask(String user, String query) {
        return api.send(user, HttpMethod.POST, "/api/monitoring/export-files?year=" + YEAR + query, null);
    }

    JsonNode ready(String user, long id) throws Exception {
        for (int i = 0; i < 300; i++) {
            JsonNode file = api.getJson(user, "/api/files/" + id);
            if (!"RUNNING".equals(file.get("status").asText())) {
                return file;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("file " + id + " still being prepared after 30 s");
    }

    static List<String> texts(byte[] xlsx) throws IOException {
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet s : wb) {
                texts.add("[" + s.getSheetName() + "]");
                for (Row row : s) {
                    for (Cell cell : row) {
                        texts.add(cell.getStringCellValue());
                    }
                }
            }
        }
        return texts;
    }

    @Test
    void theRequesterGetsTheSameWorkbookAsTheDirectDownloadAndNobodyElseSeesIt() throws Exception {
        ResponseEntity<String> asked = ask("unit402001", "&month=6");
        assertThat(asked.getStatusCode()).as(asked.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode file = json.readTree(asked.getBody());
        assertThat(file.get("fileName").asText()).isEqualTo("监控表-" + YEAR + ".xlsx");
        long id = file.get("id").asLong();

        JsonNode done = ready("unit402001", id);
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        ResponseEntity<byte[]> prepared = http.withBasicAuth("unit402001", "demo")
                .getForEntity(done.get("content").asText(), byte[].class);
        assertThat(prepared.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(prepared.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(done.get("sizeBytes").asLong()).isEqualTo(prepared.getBody().length);
        byte[] direct = http.withBasicAuth("unit402001", "demo")
                .getForObject("/api/monitoring/export.xlsx?month=6&year=" + YEAR, byte[].class);
        List<String> texts = texts(prepared.getBody());
        assertThat(texts).isEqualTo(texts(direct)).contains("后台监控表项目一", "后台监控表项目二")
                .doesNotContain("后台监控表项目三");

        // Another unit, the department reviewer, finance: for anyone but its requester the file does not exist.
        for (String other : List.of("unit402004", "dept402", "finance")) {
            assertThat(api.get(other, "/api/files/" + id).getStatusCode()).as(other).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.get(other, "/api/files/" + id + "/content").getStatusCode()).as(other)
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(http.getForEntity("/api/files/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void whatIsWrongWithTheRequestIsAnsweredAtOnceAndNothingIsPrepared() throws Exception {
        record Bad(String user, String query, String message) {
        }
        for (Bad bad : List.of(new Bad("finance", "&department=999", "主管部门编码 999 不存在"),
                new Bad("finance", "&month=13", "截至月份 month 须在 1 到 12 之间，收到 13"),
                new Bad("dept402", "&department=402",
                        "所选范围有 3 个已批复项目，一个监控表文件至多 2 个项目（每个项目一张工作表），请按主管部门分别导出"))) {
            ResponseEntity<String> r = ask(bad.user(), bad.query());
            assertThat(r.getStatusCode()).as(bad.query()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(r.getBody()).get("message").asText()).isEqualTo(bad.message());
        }
        // The direct download keeps to the same bound.
        ResponseEntity<String> direct = api.get("finance", "/api/monitoring/export.xlsx?year=" + YEAR);
        assertThat(direct.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.get("finance", "/api/files/999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aUserWithTwoFilesInPreparationWaitsForThemUnlessTheirNodeStopped() throws Exception {
        // Two files of unit402001 being prepared, as if a node were busy with them.
        // Times are stored as Beijing wall time (docs/decisions/instants-in-timestamp-columns.md).
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        for (int i = 0; i < 2; i++) {
            jdbc.update("insert into prepared_file (kind, file_name, requested_by, requested_at, updated_at, status)"
                    + " values ('monitoring-summary', 'x.xlsx', 'unit402001', ?, ?, 'RUNNING')",
                    java.sql.Timestamp.valueOf(now), java.sql.Timestamp.valueOf(now));
        }
        try {
            ResponseEntity<String> third = ask("unit402001", "");
            assertThat(third.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(json.readTree(third.getBody()).get("message").asText())
                    .isEqualTo("已有 2 个文件正在生成，请等它们完成后再导出");
            // Others are not held up by them.
            assertThat(ask("unit402004", "").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            // Files not heard of for longer than a node takes are interrupted and no longer count.
            jdbc.update("update prepared_file set updated_at = ?"
                    + " where requested_by = 'unit402001' and file_name = 'x.xlsx'",
                    java.sql.Timestamp.valueOf(now.minusHours(1)));
            ResponseEntity<String> after = ask("unit402001", "");
            assertThat(after.getStatusCode()).as(after.getBody()).isEqualTo(HttpStatus.ACCEPTED);
            long stuck = jdbc.queryForObject("select min(id) from prepared_file where requested_by = 'unit402001'"
                    + " and file_name = 'x.xlsx'", Long.class);
            JsonNode interrupted = api.getJson("unit402001", "/api/files/" + stuck);
            assertThat(interrupted.get("status").asText()).isEqualTo("INTERRUPTED");
            assertThat(api.get("unit402001", "/api/files/" + stuck + "/content").getStatusCode())
                    .isEqualTo(HttpStatus.CONFLICT);
        } finally {
            jdbc.update("delete from prepared_file where file_name = 'x.xlsx'");
        }
    }
}
