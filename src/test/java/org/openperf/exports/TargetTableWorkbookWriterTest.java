package org.openperf.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openperf.targets.Department;
import org.openperf.targets.Project;
import org.openperf.targets.Unit;

class TargetTableWorkbookWriterTest {

    static XSSFWorkbook wb;

    @BeforeAll
    static void write() throws IOException {
        wb = WorkbookAssertions.write(SampleProjects.all());
    }

    @Test
    void oneSheetPerUnitNamedAfterTheUnit() {
        assertThat(wb.getNumberOfSheets()).isEqualTo(2);
        assertThat(wb.getSheetName(0)).isEqualTo("青岛市人力资源和社会保障局本级");
        assertThat(wb.getSheetName(1)).isEqualTo("天津市人力资源和社会保障局财务处");
    }

    @Test
    void firstTableHasTheQingdaoBlocksInOrder() {
        Sheet s = wb.getSheetAt(0);
        assertThat(text(s, 0, 0)).isEqualTo("1.人力资源和社会保障经费绩效目标表");
        assertThat(merged(s, 0, 0)).isEqualTo(CellRangeAddress.valueOf("A1:G1"));
        assertThat(s.getRow(0).getCell(0).getCellStyle().getFontIndex()).isNotZero();
        assertThat(wb.getFontAt(s.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
        assertThat(text(s, 1, 0)).isEqualTo("402001 青岛市人力资源和社会保障局本级");
        assertThat(text(s, 1, 6)).isEqualTo("单位：万元");

        assertThat(text(s, 2, 0)).isEqualTo("项目编码");
        assertThat(text(s, 2, 1)).isEqualTo("37020024P000000000001");
        assertThat(merged(s, 2, 1)).isEqualTo(CellRangeAddress.valueOf("B3:G3"));
        assertThat(text(s, 3, 0)).isEqualTo("项目名称");
        assertThat(text(s, 3, 1)).isEqualTo("人力资源和社会保障经费");
        assertThat(merged(s, 3, 1)).isEqualTo(CellRangeAddress.valueOf("B4:G4"));

        assertThat(row(s, 4)).containsExactly("预算规模及资金用途", "预算数", "835.00", "其中：财政资金", "835.00",
                "其他资金", "");
        assertThat(s.getRow(4).getCell(2).getCellType()).isEqualTo(CellType.STRING);
        assertThat(s.getRow(4).getCell(4).getCellType()).isEqualTo(CellType.STRING);
        assertThat(merged(s, 4, 0)).isEqualTo(CellRangeAddress.valueOf("A5:A6"));
        assertThat(text(s, 5, 1)).startsWith("用于开展人社政策宣传");
        assertThat(merged(s, 5, 1)).isEqualTo(CellRangeAddress.valueOf("B6:G6"));

        assertThat(row(s, 6)).containsExactly("资金支出计划（%）", "3月底", "6月底", "10月底", "12月底", "", "");
        assertThat(row(s, 7)).containsExactly("", "30.00", "60.00", "90.00", "100.00", "", "");
        assertThat(merged(s, 6, 0)).isEqualTo(CellRangeAddress.valueOf("A7:A8"));

        assertThat(text(s, 8, 0)).isEqualTo("绩效目标");
        assertThat(text(s, 8, 1)).isEqualTo("通过开展人社政策宣传、仲裁工作，提高政策知晓度。");
        assertThat(row(s, 9)).containsExactly("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
                "指标值确定依据", "分值权重");
        assertThat(row(s, 10)).containsExactly("成本指标", "经济成本指标", "先模休假疗养人均费用", "反映先模休假疗养人均费用",
                "≤8000 元/人", "计划标准", "10");
        assertThat(row(s, 14)).containsExactly("", "质量指标", "调解成功率", "反映仲裁案件调解成功率", "≥62%", "", "10");
        assertThat(row(s, 16)).containsExactly("效益指标", "社会效益指标", "月月讲浏览量", "反映人社政策知晓度",
                "≥200 万人次", "历史标准", "20");
    }

    @Test
    void levelOneAndTwoRunsAreMerged() {
        Sheet s = wb.getSheetAt(0);
        Set<String> regions = regions(s);
        assertThat(regions).contains("A11:A12", "A13:A16", "B11:B12", "B13:B14");
        // single-row runs are not merged
        assertThat(merged(s, 16, 0)).isNull();
        assertThat(merged(s, 17, 1)).isNull();
        assertThat(merged(s, 14, 1)).isNull();
        // the second table, older framework: 成本指标 as a 二级 under 产出指标
        assertThat(regions).contains("A28:A31", "B29:B30", "A32:A33", "B32:B33");
        assertThat(text(s, 28, 1)).isEqualTo("成本指标");
    }

    @Test
    void tablesFollowEachOtherWithTwoBlankRows() {
        Sheet s = wb.getSheetAt(0);
        assertThat(text(s, 17, 2)).isEqualTo("培训人员满意度");
        assertThat(isBlankRow(s, 18)).isTrue();
        assertThat(isBlankRow(s, 19)).isTrue();
        assertThat(text(s, 20, 0)).isEqualTo("2.人社局专户项目（单位资金）绩效目标表");
        assertThat(text(s, 21, 0)).isEqualTo("402001 青岛市人力资源和社会保障局本级");
        assertThat(text(s, 22, 0)).as("no 项目编码 row without a code").isEqualTo("项目名称");
        assertThat(row(s, 23)).containsExactly("预算规模及资金用途", "预算数", "71.00", "其中：财政资金", "0.00",
                "其他资金", "71.00");
        assertThat(text(s, 25, 0)).as("no plan block without a plan").isEqualTo("绩效目标");
        assertThat(row(s, 26)).as("five columns when no indicator has basis or weight")
                .containsExactly("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "", "");

        Sheet t = wb.getSheetAt(1);
        assertThat(text(t, 0, 0)).as("numbering runs across sheets").isEqualTo("3.公益性岗位补贴绩效目标表");
        assertThat(text(t, 1, 0)).isEqualTo("353101 天津市人力资源和社会保障局财务处");
        assertThat(text(t, 3, 2)).isEqualTo("97.51");
        assertThat(text(t, 4, 1)).isEqualTo("用于公益性岗位补贴。\n按季度拨付。");
    }

    @Test
    void readsBackByLabelsToTheSameTables() {
        List<WorkbookAssertions.Table> tables = new ArrayList<>();
        for (Sheet s : wb) {
            tables.addAll(WorkbookAssertions.readByLabels(s));
        }
        List<Project> projects = SampleProjects.all();
        assertThat(tables).hasSize(3);
        for (int i = 0; i < 3; i++) {
            WorkbookAssertions.assertSame(tables.get(i), projects.get(i), i + 1);
        }
    }

    @Test
    void tableCellsHaveBordersAndWrap() {
        Sheet s = wb.getSheetAt(0);
        Cell empty = s.getRow(4).getCell(6);
        assertThat(empty.getCellStyle().getBorderRight()).isNotEqualTo(org.apache.poi.ss.usermodel.BorderStyle.NONE);
        assertThat(s.getRow(5).getCell(1).getCellStyle().getWrapText()).isTrue();
        assertThat(s.getColumnWidth(3)).isGreaterThan(s.getColumnWidth(0));
        assertThat(s.getPrintSetup().getLandscape()).isTrue();
    }

    @Test
    void amountsKeepEveryDecimalTheyHave() {
        assertThat(TargetTableGrid.amount(new BigDecimal("835"))).isEqualTo("835.00");
        assertThat(TargetTableGrid.amount(new BigDecimal("0.120000"))).isEqualTo("0.12");
        assertThat(TargetTableGrid.amount(new BigDecimal("97.5123"))).isEqualTo("97.5123");
        assertThat(TargetTableGrid.amount(new BigDecimal("1E+3"))).isEqualTo("1000.00");
        assertThat(TargetTableGrid.weight(new BigDecimal("7.1429"))).isEqualTo("7.1429");
        assertThat(TargetTableGrid.weight(new BigDecimal("10.0000"))).isEqualTo("10");
    }

    @Test
    void sheetNamesAreSafeAndUnique() throws IOException {
        Department d = new Department("999", "测试部门");
        String longName = "某某市[人力资源]:社会保障*局?直属/单位\\第一分中心很长很长的名称";
        Project a = new Project(2024, "甲");
        a.setUnit(new Unit("999001", longName, d));
        Project b = new Project(2024, "乙");
        b.setUnit(new Unit("999002", longName + "二", d));
        Project c = new Project(2024, "丙");
        c.setUnit(new Unit("999003", "History", d));
        Project e = new Project(2024, "丁");
        XSSFWorkbook out = WorkbookAssertions.write(List.of(a, b, c, e));
        assertThat(out.getNumberOfSheets()).isEqualTo(4);
        Set<String> names = new HashSet<>();
        for (Sheet s : out) {
            assertThat(s.getSheetName()).hasSizeLessThanOrEqualTo(31).doesNotContainAnyWhitespaces()
                    .doesNotContain("[", "]", ":", "*", "?", "/", "\\");
            names.add(s.getSheetName());
        }
        assertThat(names).hasSize(4).contains("History_", TargetTableWorkbookWriter.NO_UNIT);
        assertThat(out.getSheetName(1)).endsWith("(2)");
        assertThat(text(out.getSheetAt(0), 1, 0)).as("the unit row keeps the full name")
                .isEqualTo("999001 " + longName);
    }

    // ---------------------------------------------------------------- helpers

    static String text(Sheet s, int r, int c) {
        return WorkbookAssertions.text(s, r, c);
    }

    static List<String> row(Sheet s, int r) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < 7; c++) {
            out.add(text(s, r, c));
        }
        return out;
    }

    static CellRangeAddress merged(Sheet s, int r, int c) {
        for (CellRangeAddress a : s.getMergedRegions()) {
            if (a.isInRange(r, c)) {
                return a;
            }
        }
        return null;
    }

    static Set<String> regions(Sheet s) {
        Set<String> out = new HashSet<>();
        s.getMergedRegions().forEach(a -> out.add(a.formatAsString()));
        return out;
    }

    static boolean isBlankRow(Sheet s, int r) {
        Row row = s.getRow(r);
        if (row == null) {
            return true;
        }
        for (Cell c : row) {
            if (c.getCellType() != CellType.BLANK && !c.toString().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    static XSSFWorkbook reopen(ByteArrayOutputStream bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
