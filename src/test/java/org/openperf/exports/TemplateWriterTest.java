package org.openperf.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openperf.targets.IndicatorFramework;

class TemplateWriterTest {

    static XSSFWorkbook wb;
    static XSSFSheet sheet;
    static Map<String, DataValidation> validations = new HashMap<>();

    @BeforeAll
    static void write() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TemplateWriter().write(bytes);
        wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
        sheet = wb.getSheet(TemplateWriter.SHEET);
        for (DataValidation v : sheet.getDataValidations()) {
            for (CellRangeAddress a : v.getRegions().getCellRangeAddresses()) {
                validations.put(a.formatAsString(), v);
            }
        }
    }

    @Test
    void sheetsAreTheTableTheNotesAndAHiddenListSheet() {
        assertThat(wb.getNumberOfSheets()).isEqualTo(3);
        assertThat(wb.getSheetName(0)).isEqualTo("绩效目标表");
        assertThat(wb.getSheetName(1)).isEqualTo("填写说明");
        assertThat(wb.getSheetVisibility(0)).isEqualTo(SheetVisibility.VISIBLE);
        assertThat(wb.getSheetVisibility(1)).isEqualTo(SheetVisibility.VISIBLE);
        assertThat(wb.getSheetVisibility(2)).isEqualTo(SheetVisibility.VERY_HIDDEN);
        assertThat(wb.getActiveSheetIndex()).isZero();
    }

    @Test
    void tableIsLaidOutLikeLayoutAWithEmptyValues() {
        List<String> columnA = new ArrayList<>();
        for (int r = 0; r <= 9; r++) {
            columnA.add(WorkbookAssertions.text(sheet, r, 0));
        }
        assertThat(columnA).containsExactly("1.绩效目标表", "", "项目编码", "项目名称", "预算规模及资金用途", "",
                "资金支出计划（%）", "", "绩效目标", "一级指标");
        assertThat(WorkbookAssertions.text(sheet, 1, 6)).isEqualTo("单位：万元");
        assertThat(TargetTableWorkbookWriterTest.row(sheet, 4)).containsExactly("预算规模及资金用途", "预算数", "",
                "其中：财政资金", "", "其他资金", "");
        assertThat(TargetTableWorkbookWriterTest.row(sheet, 6)).containsExactly("资金支出计划（%）", "3月底", "6月底",
                "10月底", "12月底", "", "");
        assertThat(TargetTableWorkbookWriterTest.row(sheet, 9)).containsExactly("一级指标", "二级指标", "三级指标",
                "绩效指标描述", "指标值", "指标值确定依据", "分值权重");
        assertThat(sheet.getLastRowNum()).isEqualTo(9 + TemplateWriter.INDICATOR_ROWS);
        for (int r = 10; r < 10 + TemplateWriter.INDICATOR_ROWS; r++) {
            for (int c = 0; c < 7; c++) {
                Cell cell = sheet.getRow(r).getCell(c);
                assertThat(cell.getCellType()).isEqualTo(CellType.BLANK);
                assertThat(cell.getCellStyle().getBorderBottom())
                        .isNotEqualTo(org.apache.poi.ss.usermodel.BorderStyle.NONE);
            }
        }
        assertThat(TargetTableWorkbookWriterTest.regions(sheet)).contains("A1:G1", "B3:G3", "B4:G4", "A5:A6",
                "B6:G6", "A7:A8", "B9:G9");

        // The layout-A reading of a blank template: one table, the labels in place, no indicators yet.
        List<WorkbookAssertions.Table> tables = WorkbookAssertions.readByLabels(sheet);
        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).months()).containsExactly("3月底", "6月底", "10月底", "12月底");
        assertThat(tables.get(0).header()).hasSize(7);
        assertThat(tables.get(0).indicators()).isEmpty();
    }

    @Test
    void levelOneDropdownListsTheFramework() {
        DataValidation v = validations.get("A11:A30");
        assertThat(v).isNotNull();
        assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
        assertThat(v.getValidationConstraint().getFormula1()).isEqualTo(TemplateWriter.LEVEL1_LIST);
        assertThat(v.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
        assertThat(namedList(TemplateWriter.LEVEL1_LIST)).isEqualTo(IndicatorFramework.level1Names());
    }

    @Test
    void levelTwoDropdownDependsOnTheRowsLevelOne() {
        DataValidation v = validations.get("B11:B30");
        assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
        assertThat(v.getValidationConstraint().getFormula1())
                .isEqualTo("IF($A11=\"\",全部二级指标,INDIRECT($A11))");
        assertThat(v.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.WARNING);
        for (String l1 : IndicatorFramework.level1Names()) {
            assertThat(namedList(l1)).as(l1).isEqualTo(IndicatorFramework.level2Names(l1));
        }
        assertThat(namedList(l1Output())).contains("成本指标");
        assertThat(namedList(TemplateWriter.ALL_LEVEL2_LIST)).hasSize(12).doesNotHaveDuplicates()
                .contains("经济成本指标", "成本指标", "服务对象满意度指标");
    }

    @Test
    void valueCellsOfferOperatorsWithoutRestrictingTheText() {
        DataValidation v = validations.get("E11:E30");
        assertThat(v.getValidationConstraint().getExplicitListValues()).containsExactly("≥", "≤", ">", "<");
        assertThat(v.getShowErrorBox()).isFalse();
        assertThat(v.getSuppressDropDownArrow()).as("POI's inverted flag: true shows the arrow").isTrue();
        assertThat(v.getPromptBoxText()).contains("≥93%", "100%");

        assertThat(validations.get("G11:G30").getValidationConstraint().getValidationType())
                .isEqualTo(ValidationType.DECIMAL);
        assertThat(validations.get("C5").getValidationConstraint().getValidationType())
                .isEqualTo(ValidationType.DECIMAL);
        assertThat(validations.get("B8:G8").getValidationConstraint().getFormula2()).isEqualTo("100");
        for (DataValidation d : sheet.getDataValidations()) {
            if (d.getPromptBoxText() != null) {
                assertThat(d.getPromptBoxText().length()).as("Excel's prompt limit").isLessThanOrEqualTo(255);
                assertThat(d.getPromptBoxTitle().length()).isLessThanOrEqualTo(32);
            }
            if (d.getErrorBoxText() != null) {
                assertThat(d.getErrorBoxText().length()).as("Excel's error limit").isLessThanOrEqualTo(225);
            }
        }
    }

    @Test
    void notesExplainTheFieldsWithoutLookingLikeATable() {
        Sheet notes = wb.getSheet(TemplateWriter.NOTES);
        StringBuilder all = new StringBuilder();
        List<String> labels = List.of("项目编码", "项目名称", "预算规模及资金用途", "预算数", "其中：财政资金", "其他资金",
                "资金支出计划（%）", "绩效目标", "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据",
                "分值权重", "单位：万元");
        for (Row row : notes) {
            for (Cell c : row) {
                String t = c.getStringCellValue();
                all.append(t).append('\n');
                assertThat(labels).as("a label alone in a cell would look like a table to a reader").doesNotContain(t);
                assertThat(t).doesNotMatch("^\\d+\\..*绩效目标表$");
            }
        }
        assertThat(all).contains("万元", "835.00", "≥93%", "≤8000 元/人", "≤10月31日", "100%", "90", "10 分",
                "【项目名称】", "【指标值】", "【分值权重】", "经济成本指标", "服务对象满意度指标", "可持续影响指标", "旧指标体系");
    }

    @Test
    void noCellIsAFormula() {
        for (Sheet s : wb) {
            for (Row row : s) {
                for (Cell c : row) {
                    assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }

    static String l1Output() {
        return IndicatorFramework.OUTPUT;
    }

    /** The texts of the cells a workbook name refers to. */
    static List<String> namedList(String name) {
        Name n = wb.getName(name);
        assertThat(n).as(name).isNotNull();
        AreaReference area = new AreaReference(n.getRefersToFormula(), wb.getSpreadsheetVersion());
        List<String> out = new ArrayList<>();
        for (CellReference ref : area.getAllReferencedCells()) {
            Sheet s = wb.getSheet(ref.getSheetName());
            out.add(s.getRow(ref.getRow()).getCell(ref.getCol()).getStringCellValue());
        }
        return out;
    }
}
