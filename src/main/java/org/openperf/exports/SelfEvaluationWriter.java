package org.openperf.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openperf.evaluation.SelfEvaluationReport;
import org.openperf.exports.TargetTableGrid.Kind;
import org.springframework.stereotype.Component;

/**
 * The 自评表 of a project as a workbook (title row, then the grid) or a Word document (title paragraph, then the
 * table), and a department's summary workbook with one row per project. No cell is ever a formula.
 */
@Component
public class SelfEvaluationWriter {

    static final String SUMMARY_SHEET = "自评结果汇总";
    static final String[] SUMMARY_HEADER = {"序号", "主管部门", "预算单位", "项目名称", "全年预算数（万元）",
        "全年执行数（万元）", "执行率（%）", "总分", "等级", "状态"};
    static final int[] SUMMARY_WIDTHS = {6, 24, 28, 36, 14, 14, 12, 10, 8, 12};
    static final Map<String, String> STATUS = Map.of("SUBMITTED", "已填报", "SCORED", "已评分",
            "REVIEWED", "部门已审核", "RECHECKING", "财政复核中", "PUBLISHED", "已公开");

    public void workbook(SelfEvaluationReport r, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(wb);
            XSSFSheet sheet = wb.createSheet(TargetTableWorkbookWriter.sheetName(r.projectName(),
                    new java.util.HashSet<>()));
            WorkbookStyles.setUpSheet(sheet, SelfEvaluationGrid.WIDTHS);
            styles.writeTable(sheet, 0, SelfEvaluationGrid.TITLE, SelfEvaluationGrid.of(r));
            wb.write(out);
        }
    }

    public void document(SelfEvaluationReport r, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            TargetTableDocumentWriter.defaultFonts(doc);
            TargetTableDocumentWriter.title(doc, SelfEvaluationGrid.TITLE);
            TargetTableDocumentWriter.table(doc, SelfEvaluationGrid.of(r));
            doc.createParagraph();
            TargetTableDocumentWriter.landscapeA4(doc);
            doc.write(out);
        }
    }

    /** One row per project: budget, spent, rate, score, grade; amounts and scores as numbers users can sum. */
    public void summary(String title, List<SelfEvaluationReport> reports,
                        List<DepartmentTablesSheet.SelfEvaluation> departmentTables, OutputStream out)
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(wb);
            XSSFSheet sheet = wb.createSheet(SUMMARY_SHEET);
            WorkbookStyles.setUpSheet(sheet, SUMMARY_WIDTHS);
            Row t = WorkbookStyles.row(sheet, 0);
            styles.title(t, 0, title);
            t.setHeightInPoints(28f);
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, SUMMARY_HEADER.length - 1));
            Row h = WorkbookStyles.row(sheet, 1);
            for (int c = 0; c < SUMMARY_HEADER.length; c++) {
                styles.text(h, c, SUMMARY_HEADER[c], Kind.HEADER);
            }
            int r = 2;
            for (SelfEvaluationReport e : reports) {
                Row row = WorkbookStyles.row(sheet, r);
                number(row, 0, BigDecimal.valueOf(r - 1), styles, "0");
                styles.text(row, 1, e.departmentName(), Kind.TEXT);
                styles.text(row, 2, e.unitName(), Kind.TEXT);
                styles.text(row, 3, e.projectName(), Kind.TEXT);
                number(row, 4, e.budget(), styles, "0.00");
                number(row, 5, e.spent(), styles, "0.00");
                number(row, 6, e.executionRate(), styles, "0.00");
                number(row, 7, e.total(), styles, "0.00");
                styles.text(row, 8, e.grade(), Kind.LABEL);
                styles.text(row, 9, STATUS.getOrDefault(e.status(), e.status()), Kind.LABEL);
                r++;
            }
            sheet.createFreezePane(0, 2);
            DepartmentTablesSheet.selfEvaluation(wb, styles, new java.util.HashSet<>(Set.of(SUMMARY_SHEET)),
                    title.replace("项目支出", "部门整体支出"), departmentTables);
            wb.write(out);
        }
    }

    /** A number cell in the house style (also 结果应用's), left empty where there is no figure. */
    static void number(Row row, int col, BigDecimal v, WorkbookStyles styles, String format) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(styles.numberInput(format));
        if (v != null) {
            cell.setCellValue(v.doubleValue());
        }
    }
}
