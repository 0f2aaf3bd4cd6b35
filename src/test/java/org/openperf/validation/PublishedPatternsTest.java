package org.openperf.validation;

import org.openperf.kernel.Severity;
import org.openperf.kernel.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openperf.imports.ImportedTable;
import org.openperf.imports.ReadResult;
import org.openperf.imports.TargetTableReader;
import org.openperf.targets.Department;
import org.openperf.targets.Project;
import org.openperf.targets.Unit;

/**
 * One test per pattern of issue 14's table: what approved, published city tables (layout D) commonly do. Each
 * table is written as a workbook, read by the importer and validated: by default the pattern is at most a warning;
 * a province that raises the rule gets an error, from the year it names and not before.
 */
class PublishedPatternsTest {

    private static final int YEAR = 2024;

    // ---- 预算数 0 on 对下转移支付 / funds allocated later ----------------------------------------------------------

    @Test
    void aZeroBudgetIsAWarningByDefaultAndAnErrorWhereRaised() throws IOException {
        Project p = read(cityTable("0.00", List.of(
                row("产出指标", "数量指标", "补助区市数量", "≥10 个"),
                row("效益指标", "社会效益指标", "城乡居民养老保险参保率", "≥95%"),
                row("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%"),
                row("成本指标", "经济成本指标", "人均补助标准", "≤1500 元/人"))));

        assertOnly(p, defaults(), "project.budget.zero", Severity.WARNING);
        assertRaised(p, Rule.PROJECT_BUDGET_ZERO);
    }

    // ---- 二级 可持续发展影响指标 (the long form of 可持续影响指标) ---------------------------------------------------

    @Test
    void theLongFormOfTheSustainabilityLevel2IsAcceptedAndReadAsTheFrameworkName() throws IOException {
        Project p = read(cityTable("500.00", List.of(
                row("产出指标", "数量指标", "参保缴费人数", "≥120 万人"),
                row("效益指标", "可持续发展影响指标", "制度可持续运行", "长期"),
                row("满意度指标", "服务对象满意度", "参保群众满意度", "≥90%"),
                row("成本指标", "经济成本", "人均补助标准", "≤1500 元/人"))));

        assertThat(p.getIndicators()).extracting(i -> i.getLevel2())
                .containsExactly("数量指标", "可持续影响指标", "服务对象满意度指标", "经济成本指标");
        assertThat(validate(p, defaults())).isEmpty();
        // Raising the rule does not touch an accepted spelling; a name outside the framework stays an error.
        assertThat(validate(p, raised(Rule.STRUCTURE_LEVEL2_UNKNOWN, null))).isEmpty();
        p.getIndicators().get(1).setLevel2("可持续发展");
        assertOnly(p, defaults(), "structure.level2.unknown", Severity.ERROR);
    }

    // ---- a cost indicator above a budget of 0 -------------------------------------------------------------------

    @Test
    void aCostAboveABudgetOfZeroIsAWarningByDefaultAndAnErrorWhereRaised() throws IOException {
        Project p = read(cityTable("0.00", List.of(
                row("产出指标", "数量指标", "补助区市数量", "≥10 个"),
                row("成本指标", "经济成本指标", "补助资金总额", "≤3000 万元"),
                row("效益指标", "社会效益指标", "城乡居民养老保险参保率", "≥95%"),
                row("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%"))));

        List<Finding> byDefault = validate(p, defaults());
        assertThat(byDefault).extracting(Finding::rule, Finding::severity).containsExactly(
                tuple("project.budget.zero", Severity.WARNING), tuple("value.cost.over-zero-budget", Severity.WARNING));
        assertThat(byDefault.get(1).field()).isEqualTo("补助资金总额");
        assertThat(byDefault.get(1).message()).contains("≤3000 万元", "0.00 万元");

        ValidationSettings raised = raised(Rule.VALUE_COST_OVER_ZERO_BUDGET, null);
        assertThat(validate(p, raised)).filteredOn(f -> f.rule().equals("value.cost.over-zero-budget"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertRaised(p, Rule.VALUE_COST_OVER_ZERO_BUDGET);
    }

    @Test
    void aCostAboveAPositiveBudgetStaysAnError() throws IOException {
        Project p = read(cityTable("2000.00", List.of(
                row("产出指标", "数量指标", "补助区市数量", "≥10 个"),
                row("成本指标", "经济成本指标", "补助资金总额", "≤3000 万元"),
                row("效益指标", "社会效益指标", "城乡居民养老保险参保率", "≥95%"),
                row("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%"))));
        assertOnly(p, defaults(), "value.cost.over-budget", Severity.ERROR);
    }

    // ---- counts without a unit (≥1, ≥3 under 数量指标) ----------------------------------------------------------

    @Test
    void aCountWithoutAUnitIsAWarningByDefaultAndAnErrorWhereRaised() throws IOException {
        Project p = read(cityTable("80.00", List.of(
                row("产出指标", "数量指标", "举办招聘活动场次", "≥3"),
                row("成本指标", "经济成本指标", "场均费用", "≤2 万元"),
                row("效益指标", "社会效益指标", "求职者就业率", "≥60%"),
                row("满意度指标", "服务对象满意度指标", "求职者满意度", "≥90%"))));

        Finding f = assertOnly(p, defaults(), "value.unit.missing", Severity.WARNING);
        assertThat(f.field()).isEqualTo("举办招聘活动场次");
        assertThat(f.message()).contains("≥3", "缺少计量单位");
        assertRaised(p, Rule.VALUE_UNIT_MISSING);
    }

    // ---- no 满意度 indicator (transfer payments) -----------------------------------------------------------------

    @Test
    void noSatisfactionIndicatorIsAWarningByDefaultAndAnErrorWhereRaised() throws IOException {
        Project p = read(cityTable("300.00", List.of(
                row("产出指标", "数量指标", "补助区市数量", "≥10 个"),
                row("成本指标", "经济成本指标", "人均补助标准", "≤1500 元/人"),
                row("效益指标", "社会效益指标", "城乡居民养老保险参保率", "≥95%"))));

        Finding f = assertOnly(p, defaults(), "structure.satisfaction.missing", Severity.WARNING);
        assertThat(f.field()).isEqualTo("满意度指标");
        assertRaised(p, Rule.STRUCTURE_SATISFACTION_MISSING);
    }

    // ---- no 成本 indicator (seed 003, Huangyuan 2024) -------------------------------------------------------------

    @Test
    void noCostIndicatorIsAWarningByDefaultAndAnErrorWhereRaised() throws IOException {
        Project p = read(cityTable("4.00", List.of(
                row("产出指标", "数量指标", "享受社会保险补贴人数", "≥190 人"),
                row("效益指标", "社会效益", "公益性岗位人员就业率", "≥95%"),
                row("满意度指标", "服务对象满意度", "享受公益性岗位社保补贴人员满意度", "=100%"))));

        assertOnly(p, defaults(), "structure.cost.missing", Severity.WARNING);
        assertRaised(p, Rule.STRUCTURE_COST_MISSING);
    }

    // ---- turning a rule off ---------------------------------------------------------------------------------------

    @Test
    void aProvinceMayTurnAWarningOff() throws IOException {
        Project p = read(cityTable("300.00", List.of(
                row("产出指标", "数量指标", "补助区市数量", "≥10 个"),
                row("成本指标", "经济成本指标", "人均补助标准", "≤1500 元/人"),
                row("效益指标", "社会效益指标", "城乡居民养老保险参保率", "≥95%"))));
        ValidationSettings off = ValidationSettings.withRules(Map.of(Rule.STRUCTURE_SATISFACTION_MISSING,
                new RuleSetting(RuleSetting.Level.OFF, null)));
        assertThat(validate(p, off)).isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Raised to ERROR for every year, and from 2025 on: a 2024 table keeps the default, a 2025 one is stopped. */
    private static void assertRaised(Project p, Rule rule) {
        assertThat(validate(p, raised(rule, null))).filteredOn(f -> f.rule().equals(rule.code())).isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));

        ValidationSettings from2025 = raised(rule, 2025);
        assertThat(validate(p, from2025)).filteredOn(f -> f.rule().equals(rule.code())).isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(rule.defaultSeverity()));
        int year = p.getYear();
        p.setYear(2025);
        try {
            assertThat(validate(p, from2025)).filteredOn(f -> f.rule().equals(rule.code())).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        } finally {
            p.setYear(year);
        }
    }

    private static Finding assertOnly(Project p, ValidationSettings settings, String rule, Severity severity) {
        List<Finding> findings = validate(p, settings);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(rule);
            assertThat(f.severity()).isEqualTo(severity);
        });
        return findings.get(0);
    }

    private static ValidationSettings defaults() {
        return ValidationSettings.defaults();
    }

    private static ValidationSettings raised(Rule rule, Integer fromYear) {
        return ValidationSettings.withRules(Map.of(rule, new RuleSetting(RuleSetting.Level.ERROR, fromYear)));
    }

    private static List<Finding> validate(Project p, ValidationSettings settings) {
        return new ValidationService(settings).validate(p);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static String[] row(String level1, String level2, String level3, String value) {
        return new String[] {level1, level2, level3, value};
    }

    /** Reads the one table of the workbook and gives it its unit, as the import does. */
    private static Project read(byte[] workbook) {
        ReadResult r = TargetTableReader.read(new ByteArrayInputStream(workbook), "市级项目.xlsx", YEAR);
        assertThat(r.problems()).isEmpty();
        ImportedTable t = r.tables().get(0);
        assertThat(r.tables()).hasSize(1);
        t.project().setUnit(new Unit(null, t.unitName(), new Department(null, t.departmentName())));
        return t.project();
    }

    /**
     * A layout D table (city budget documents): title, (2024年度), 项目名称, 主管部门/实施单位, the 项目资金 block with
     * this budget all from 财政拨款, the goal, the header with a blank first cell, and 绩效指标 merged down the rows.
     */
    private static byte[] cityTable(String budget, List<String[]> indicators) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("项目支出绩效目标表");
            cells(s, 0, "项目支出绩效目标表");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            cells(s, 1, "(2024年度)");
            cells(s, 2, "项目名称", "城乡居民基本养老保险对下转移支付");
            cells(s, 3, "主管部门", "某市人力资源和社会保障局", null, "实施单位", "某市社会保险事业中心");
            cells(s, 4, "项目资金 (万元)", "年度预算资金总额：", budget);
            cells(s, 5, null, "其中：财政拨款", budget);
            cells(s, 6, null, "其他资金", null);
            s.addMergedRegion(new CellRangeAddress(4, 6, 0, 0));
            cells(s, 7, "年度总体绩效目标", "按时足额拨付补助资金，保障参保居民基本生活。");
            cells(s, 8, null, "一级指标", "二级指标", "三级指标", "指标值");
            List<String[]> rows = new ArrayList<>(indicators);
            for (int i = 0; i < rows.size(); i++) {
                String[] r = rows.get(i);
                cells(s, 9 + i, i == 0 ? "绩效指标" : null, r[0], r[1], r[2], r[3]);
            }
            s.addMergedRegion(new CellRangeAddress(9, 8 + rows.size(), 0, 0));
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void cells(Sheet sheet, int r, String... texts) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < texts.length; c++) {
            if (texts[c] != null) {
                row.createCell(c).setCellValue(texts[c]);
            }
        }
    }
}
