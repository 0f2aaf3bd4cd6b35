package org.openperf.exports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openperf.departments.DepartmentMonitoring;
import org.openperf.evaluation.department.DepartmentSelfEvaluations;
import org.openperf.exports.TargetTableGrid.Kind;

/**
 * 部门整体绩效目标 in the summary workbooks, on a sheet of their own after the projects': the monitoring summary's
 * 监控表 lines (one row per activity indicator), and the self-evaluation summary's one row per department.
 */
public final class DepartmentTablesSheet {

    static final String MONITORING_SHEET = "部门整体绩效监控";
    static final String SELF_EVALUATION_SHEET = "部门整体支出绩效自评";
    static final String[] MONITORING_HEADER = {"主管部门", "监控期间", "监控表状态", "活动", "绩效指标", "优", "良", "中",
            "差", "截至目前完成值", "目前所处档次", "亮灯", "偏差原因", "改进措施"};
    static final int[] MONITORING_WIDTHS = {22, 10, 10, 24, 24, 10, 10, 10, 10, 14, 10, 8, 28, 28};
    static final String[] SELF_EVALUATION_HEADER = {"序号", "主管部门", "年初预算数（万元）", "全年预算数（万元）",
            "全年执行数（万元）", "执行率（%）", "预算执行得分", "总分", "等级", "状态"};
    static final int[] SELF_EVALUATION_WIDTHS = {6, 24, 14, 14, 14, 12, 12, 10, 8, 12};
    static final Map<String, String> STATUS = Map.of("DRAFT", "填报中", "SUBMITTED", "待财政审核", "APPROVED", "已审核");

    /** One department's 监控表 as counted. */
    public record Monitoring(String department, DepartmentMonitoring.ReportView report) {
    }

    /** One department's 自评表. */
    public record SelfEvaluation(String department, DepartmentSelfEvaluations.View sheet) {
    }

    private DepartmentTablesSheet() {
    }

    /** Nothing when no department has submitted a 监控表 (a project-only workbook stays as it was). */
    static void monitoring(XSSFWorkbook wb, WorkbookStyles styles, Set<String> names, String title,
                           List<Monitoring> reports) {
        if (reports.isEmpty()) {
            return;
        }
        XSSFSheet sheet = start(wb, styles, names, MONITORING_SHEET, title, MONITORING_HEADER, MONITORING_WIDTHS);
        int r = 2;
        for (Monitoring m : reports) {
            for (DepartmentMonitoring.LineView l : m.report().lines()) {
                Row row = WorkbookStyles.row(sheet, r++);
                styles.text(row, 0, m.department(), Kind.TEXT);
                styles.text(row, 1, "1–" + m.report().cutoffMonth() + "月", Kind.LABEL);
                styles.text(row, 2, STATUS.getOrDefault(m.report().status(), m.report().status()), Kind.LABEL);
                styles.text(row, 3, l.activity(), Kind.TEXT);
                styles.text(row, 4, l.indicator(), Kind.TEXT);
                int c = 5;
                for (String band : List.of("优", "良", "中", "差")) {
                    styles.text(row, c++, l.bands().get(band), Kind.TEXT);
                }
                styles.text(row, 9, l.valueSoFar(), Kind.TEXT);
                styles.text(row, 10, l.bandSoFar(), Kind.LABEL);
                styles.text(row, 11, l.lightName(), Kind.LABEL);
                styles.text(row, 12, l.deviationReason(), Kind.TEXT);
                styles.text(row, 13, l.measures(), Kind.TEXT);
            }
        }
        sheet.createFreezePane(0, 2);
    }

    /** Nothing when no department table has a 自评表 that year. */
    static void selfEvaluation(XSSFWorkbook wb, WorkbookStyles styles, Set<String> names, String title,
                               List<SelfEvaluation> sheets) {
        if (sheets.isEmpty()) {
            return;
        }
        XSSFSheet sheet = start(wb, styles, names, SELF_EVALUATION_SHEET, title, SELF_EVALUATION_HEADER,
                SELF_EVALUATION_WIDTHS);
        int r = 2;
        for (SelfEvaluation e : sheets) {
            DepartmentSelfEvaluations.View v = e.sheet();
            boolean scored = !"DRAFT".equals(v.status());
            Row row = WorkbookStyles.row(sheet, r);
            SelfEvaluationWriter.number(row, 0, BigDecimal.valueOf(r - 1), styles, "0");
            styles.text(row, 1, e.department(), Kind.TEXT);
            SelfEvaluationWriter.number(row, 2, v.annualBudget(), styles, "0.00");
            SelfEvaluationWriter.number(row, 3, v.fullYearBudget(), styles, "0.00");
            SelfEvaluationWriter.number(row, 4, v.spent(), styles, "0.00");
            SelfEvaluationWriter.number(row, 5, v.executionRate(), styles, "0.00");
            SelfEvaluationWriter.number(row, 6, scored ? v.budgetScore() : null, styles, "0.00");
            SelfEvaluationWriter.number(row, 7, scored ? v.total() : null, styles, "0.00");
            styles.text(row, 8, scored ? v.grade() : null, Kind.LABEL);
            styles.text(row, 9, STATUS.getOrDefault(v.status(), v.status()), Kind.LABEL);
            r++;
        }
        sheet.createFreezePane(0, 2);
    }

    private static XSSFSheet start(XSSFWorkbook wb, WorkbookStyles styles, Set<String> names, String name, String title,
                                   String[] header, int[] widths) {
        XSSFSheet sheet = wb.createSheet(TargetTableWorkbookWriter.sheetName(name, names));
        WorkbookStyles.setUpSheet(sheet, widths);
        Row t = WorkbookStyles.row(sheet, 0);
        styles.title(t, 0, title);
        t.setHeightInPoints(28f);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.length - 1));
        Row h = WorkbookStyles.row(sheet, 1);
        for (int c = 0; c < header.length; c++) {
            styles.text(h, c, header[c], Kind.HEADER);
        }
        return sheet;
    }
}
