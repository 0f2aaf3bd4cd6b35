package org.openperf.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
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
import org.springframework.test.context.ActiveProfiles;

/**
 * The 监控表 of a project and of a department as xlsx, read back with POI by their labels: 年初 and 调整后预算数 from
 * the approved versions (a target adjustment raised the budget from 100 to 120), 1–N月执行数 and 执行率 at the
 * cutoff, the indicators' 年度指标值, blank columns to fill by hand, text cells only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringExportTest {

    static final int YEAR = 2043;
    static final String PLAN = """
            {"month": 3, "cumulativePercent": 30}, {"month": 6, "cumulativePercent": 60},
            {"month": 10, "cumulativePercent": 90}, {"month": 12, "cumulativePercent": 100}""";
    static final String FORMULA_NAME = "=HYPERLINK(\\\"http://example.invalid\\\",\\\"导出\\\")就业服务项目";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    ApiProjects api;
    long adjusted;
    long unread;

    @BeforeAll
    void projects() throws IOException {
        TestUnits.ensureQingdao(departments, units);
        api = new ApiProjects(http, json);
        adjusted = api.approved(ApiProjects.table(YEAR, "402001", "监控表导出项目", "100", PLAN), "unit402001", YEAR);
        api.spent("unit402001", adjusted, "2043-03-31", "20");
        api.spent("unit402001", adjusted, "2043-07-31", "50");
        // 目标调整: 20 万元 of other funds added; version 2 goes through all three steps.
        assertThat(api.send("unit402001", HttpMethod.POST, "/api/projects/" + adjusted + "/adjustments",
                "{\"comment\":\"追加其他资金\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        String raised = ApiProjects.table(YEAR, "402001", "监控表导出项目", "120", PLAN)
                .replace("\"fiscalFunds\": 120", "\"fiscalFunds\": 100").replace("\"otherFunds\": 0", "\"otherFunds\": 20");
        ResponseEntity<String> put = api.send("unit402001", HttpMethod.PUT, "/api/projects/" + adjusted, raised);
        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(HttpStatus.OK);
        api.approve(adjusted, "unit402001", YEAR);
        assertThat(api.getJson("finance", "/api/projects/" + adjusted).get("version").asInt()).isEqualTo(2);
        unread = api.approved(ApiProjects.table(YEAR, "402004", FORMULA_NAME, "50", ""), "unit402004", YEAR);
    }

    XSSFWorkbook download(String user, String url) throws IOException {
        ResponseEntity<byte[]> r = http.withBasicAuth(user, "demo").getForEntity(url, byte[].class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new XSSFWorkbook(new ByteArrayInputStream(r.getBody()));
    }

    static String text(Sheet s, int r, int c) {
        Row row = s.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        return cell == null ? "" : cell.getStringCellValue();
    }

    /** The first cell whose text is {@code label}, as {row, column}. */
    static int[] find(Sheet s, String label) {
        for (Row row : s) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && label.equals(cell.getStringCellValue())) {
                    return new int[] {row.getRowNum(), cell.getColumnIndex()};
                }
            }
        }
        throw new AssertionError("no cell " + label + " on sheet " + s.getSheetName());
    }

    /** The text {@code down} rows below and {@code right} columns right of a label. */
    static String at(Sheet s, String label, int down, int right) {
        int[] p = find(s, label);
        return text(s, p[0] + down, p[1] + right);
    }

    static List<String> all(XSSFWorkbook wb) {
        List<String> texts = new ArrayList<>();
        for (Sheet s : wb) {
            for (Row row : s) {
                for (Cell cell : row) {
                    // Never a formula: every cell is text (or blank).
                    assertThat(cell.getCellType()).as(s.getSheetName() + " " + cell.getAddress())
                            .isIn(CellType.STRING, CellType.BLANK);
                    texts.add(cell.getStringCellValue());
                }
            }
        }
        return texts;
    }

    @Test
    void aProjectsMonitoringTableCarriesBothBudgetsTheExecutionAtTheCutoffAndItsIndicators() throws IOException {
        try (XSSFWorkbook wb = download("unit402001", "/api/projects/" + adjusted + "/monitoring/export.xlsx")) {
            all(wb);
            Sheet s = wb.getSheetAt(0);
            assertThat(text(s, 0, 0)).isEqualTo("项目支出绩效目标执行监控表");
            // The cutoff is the month of the latest reading: 31 July.
            assertThat(text(s, 1, 0)).isEqualTo("（2043年度 1–7月）");
            assertThat(at(s, "项目名称", 0, 1)).isEqualTo("监控表导出项目");
            assertThat(at(s, "主管部门及代码", 0, 1)).isEqualTo("402 青岛市人力资源和社会保障局");
            assertThat(at(s, "实施单位", 0, 1)).isEqualTo("402001 青岛市人力资源和社会保障局本级");
            assertThat(at(s, "年初预算数", 1, 0)).isEqualTo("100.00");
            assertThat(at(s, "调整后预算数", 1, 0)).isEqualTo("120.00");
            assertThat(at(s, "其中：财政资金", 0, 1)).isEqualTo("100.00");
            assertThat(at(s, "其中：财政资金", 0, 2)).isEqualTo("100.00");
            assertThat(at(s, "其他资金", 0, 1)).isEqualTo("0.00");
            assertThat(at(s, "其他资金", 0, 2)).isEqualTo("20.00");
            assertThat(at(s, "1–7月执行数", 1, 0)).isEqualTo("50.00");
            // 50 of the adjusted 120: 41.67%, against 67.50% planned by 7月底 (between 60% and 90%): 61.73%, yellow.
            assertThat(at(s, "执行率（%）", 1, 0)).isEqualTo("41.67");
            assertThat(at(s, "全年预计执行数", 1, 0)).isEmpty();
            assertThat(at(s, "执行进度", 0, 1)).startsWith("黄灯；计划（序时）进度 67.50%").contains("61.73%");
            assertThat(at(s, "年度总体目标", 0, 1)).isEqualTo("提高人社系统财务工作规范化水平");

            int[] header = find(s, "一级指标");
            assertThat(List.of(text(s, header[0], 3), text(s, header[0], 4), text(s, header[0], 5),
                    text(s, header[0], 6), text(s, header[0], 7), text(s, header[0], 8), text(s, header[0], 9)))
                    .containsExactly("年度指标值", "1–7月完成值", "全年预计完成值",
                            "偏差原因（经费保障/制度保障/人员保障/硬件条件保障/其他）",
                            "完成目标可能性（确定能/有可能/完全不可能）", "纠偏措施", "备注");
            int first = header[0] + 1;
            assertThat(List.of(text(s, first, 0), text(s, first, 1), text(s, first, 2), text(s, first, 3)))
                    .containsExactly("成本指标", "经济成本指标", "培训标准", "≤550 元/人天");
            assertThat(text(s, first + 3, 2)).isEqualTo("培训人员满意度");
            assertThat(text(s, first + 3, 3)).isEqualTo("≥90%");
            // Progress, forecast and the rest are left to fill by hand.
            for (int c = 4; c <= 9; c++) {
                assertThat(text(s, first, c)).isEmpty();
            }
            assertThat(s.getLastRowNum()).isEqualTo(first + 3);
            List<? extends DataValidation> choices = ((XSSFSheet) s).getDataValidations();
            assertThat(choices).singleElement().satisfies(v -> {
                assertThat(v.getValidationConstraint().getExplicitListValues())
                        .containsExactly("确定能", "有可能", "完全不可能");
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstRow()).isEqualTo(first);
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(7);
            });
        }
    }

    @Test
    void anEarlierCutoffShowsTheExecutionThen() throws IOException {
        try (XSSFWorkbook wb = download("finance", "/api/projects/" + adjusted + "/monitoring/export.xlsx?month=3")) {
            Sheet s = wb.getSheetAt(0);
            assertThat(text(s, 1, 0)).isEqualTo("（2043年度 1–3月）");
            assertThat(at(s, "1–3月执行数", 1, 0)).isEqualTo("20.00");
            assertThat(at(s, "执行率（%）", 1, 0)).isEqualTo("16.67");
            assertThat(at(s, "执行进度", 0, 1)).startsWith("红灯；计划（序时）进度 30.00%");
        }
        ResponseEntity<String> bad = http.withBasicAuth("finance", "demo")
                .getForEntity("/api/projects/" + adjusted + "/monitoring/export.xlsx?month=13", String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(bad.getBody()).get("message").asText()).isEqualTo("截至月份 month=13 不在 1–12 之间");
    }

    @Test
    void aDepartmentsWorkbookSumsUpEveryProjectAndHasEachTable() throws IOException {
        try (XSSFWorkbook wb = download("dept402", "/api/monitoring/export.xlsx?year=" + YEAR + "&department=402")) {
            List<String> texts = all(wb);
            assertThat(wb.getSheetName(0)).isEqualTo("监控汇总");
            Sheet summary = wb.getSheetAt(0);
            assertThat(text(summary, 0, 0)).isEqualTo("青岛市人力资源和社会保障局 2043年度 1–7月绩效运行监控汇总");
            assertThat(text(summary, 1, 3)).isEqualTo("项目名称");
            assertThat(summary.getLastRowNum()).isEqualTo(3);
            assertThat(List.of(text(summary, 2, 3), text(summary, 2, 4), text(summary, 2, 5), text(summary, 2, 6),
                    text(summary, 2, 7), text(summary, 2, 8)))
                    .containsExactly("监控表导出项目", "120.00", "50.00", "41.67", "67.50", "黄灯");
            String formulaName = FORMULA_NAME.replace("\\\"", "\"");
            assertThat(text(summary, 3, 3)).isEqualTo(formulaName);
            assertThat(summary.getRow(3).getCell(3).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(text(summary, 3, 5)).isEmpty();
            assertThat(text(summary, 3, 8)).isEqualTo("未报执行数");
            // One sheet per unit, each with its projects' 监控表.
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(wb.getSheetName(1)).startsWith("402001");
            assertThat(wb.getSheetName(2)).startsWith("402004");
            assertThat(at(wb.getSheetAt(2), "项目名称", 0, 1)).isEqualTo(formulaName);
            assertThat(texts).contains("（2043年度 1–7月）");
        }
        // A unit's export holds only its own projects.
        try (XSSFWorkbook wb = download("unit402004", "/api/monitoring/export.xlsx?year=" + YEAR)) {
            assertThat(all(wb)).doesNotContain("监控表导出项目");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
        }
    }
}
