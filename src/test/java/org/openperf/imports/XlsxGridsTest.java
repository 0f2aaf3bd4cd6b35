package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The streamed sheets read as the cells show in Excel, whatever way the producing program stored them. */
class XlsxGridsTest {

    @Test
    void cellsReadAsTheyShowWhateverTheirType() throws Exception {
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("项目绩效目标表");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0.00%"));
            Row r0 = sheet.createRow(0);
            r0.createCell(0).setCellValue("  项目名称 ");
            r0.createCell(1).setCellValue("道路维修（第1批）");
            Row r1 = sheet.createRow(1);
            r1.createCell(0).setCellValue(174.16);
            r1.createCell(1).setCellValue(0.95);
            r1.getCell(1).setCellStyle(percent);
            r1.createCell(2).setCellValue(LocalDate.of(2025, 3, 31));
            r1.getCell(2).setCellStyle(date);
            r1.createCell(3).setCellValue(true);
            r1.createCell(4).setCellFormula("1+1");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(r1.getCell(4));
            r1.createCell(5).setCellFormula("100%"); // typed as =100%: no cached result
            r1.createCell(6).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.DIV0.getCode());
            r1.createCell(7).setCellFormula("DATE(2025,6,30)");
            r1.getCell(7).setCellStyle(date);
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(r1.getCell(7));
            r1.createCell(XlsxGrids.MAX_COLUMNS).setCellValue("too far right");
            Row r3 = sheet.createRow(3);
            r3.createCell(0).setCellValue("产出指标");
            sheet.createRow(5).createCell(1).setCellValue("last");
            sheet.addMergedRegion(new CellRangeAddress(3, 4, 0, 1));
            sheet.addMergedRegion(new CellRangeAddress(8, 9, 0, 3)); // formatting below the last value
            Sheet lists = wb.createSheet("下拉选项");
            lists.createRow(0).createCell(0).setCellValue("hidden list");
            wb.setSheetHidden(1, true);
            wb.write(out);
            file = out.toByteArray();
        }

        List<Grid> grids = read(file);

        assertThat(grids).extracting(Grid::name).containsExactly("项目绩效目标表");
        Grid g = grids.get(0);
        assertThat(g.text(0, 0)).isEqualTo("项目名称");
        assertThat(g.text(0, 1)).isEqualTo("道路维修（第1批）");
        assertThat(g.text(1, 0)).isEqualTo("174.16");
        assertThat(g.text(1, 1)).as("a percent style does not change the number read").isEqualTo("0.95");
        assertThat(g.text(1, 2)).isEqualTo("2025-03-31");
        assertThat(g.text(1, 3)).isEqualTo("是");
        assertThat(g.text(1, 4)).isEqualTo("2");
        assertThat(g.text(1, 5)).isEqualTo("=100%");
        assertThat(g.text(1, 6)).isEmpty();
        assertThat(g.text(1, 7)).as("a date computed by a formula reads as the date shown").isEqualTo("2025-06-30");
        assertThat(g.columnCount()).isLessThanOrEqualTo(XlsxGrids.MAX_COLUMNS);
        assertThat(g.notes()).singleElement().satisfies(n -> {
            assertThat(n.message()).contains("=100%").contains("没有计算结果的公式");
            assertThat(n.where().toString()).contains("F2");
        });
        assertThat(g.text(4, 1)).as("a merged cell reads as its value everywhere").isEqualTo("产出指标");
        assertThat(g.isOwn(4, 1)).isFalse();
        assertThat(g.isOwn(3, 0)).isTrue();
        assertThat(g.text(5, 1)).isEqualTo("last");
        assertThat(g.rowCount()).as("a merge without a value below the last row repeats nothing").isEqualTo(6);
    }

    @Test
    void inlineStringsAsStreamingWritersStoreThem() throws Exception {
        byte[] file;
        try (Workbook wb = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Sheet1");
            Row row = sheet.createRow(2);
            row.createCell(1).setCellValue("满意度\r\n≥90%");
            row.createCell(3).setCellValue(12);
            wb.write(out);
            file = out.toByteArray();
        }

        Grid g = read(file).get(0);

        assertThat(g.text(2, 1)).startsWith("满意度").endsWith("≥90%");
        assertThat(g.text(2, 3)).isEqualTo("12");
        assertThat(g.text(0, 0)).isEmpty();
    }

    private static List<Grid> read(byte[] file) throws Exception {
        OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(file));
        try {
            return XlsxGrids.read(pkg, "test.xlsx", TargetTableReader.MAX_ROWS);
        } finally {
            pkg.revert();
        }
    }
}
