package org.openperf.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openperf.departments.ActivityIndicator;
import org.openperf.departments.DepartmentActivity;
import org.openperf.departments.DepartmentGoal;
import org.openperf.departments.DepartmentTargetTable;
import org.openperf.exports.TargetTableGrid.Kind;
import org.openperf.targets.GradeBands;
import org.springframework.stereotype.Component;

/**
 * Writes a department table (部门整体绩效目标) as a workbook in the published columns, on one sheet:
 * <pre>
 * 部门名 2023年部门整体绩效目标                                      (merged, bold)
 * 主管部门 | name | 预算年度 | 2023 | 预算总额（万元） | 1234.00
 * 总体绩效目标 | text
 * 分项绩效目标 | 绩效目标 | 绩效指标
 * 就业工作目标 | goal | indicators                                   (one row per itemised goal)
 *
 * 活动编码 | 活动名称 | 活动描述 | 预算年度 | 绩效目标 | 绩效指标 | 指标描述 | 优 | 良 | 中 | 差 [| 权重]
 * one row per indicator, the activity's five cells merged down its indicators, as published
 * </pre>
 * The 权重 column is written only when an indicator has a weight. The importer reads this layout back by its labels
 * (export → import gives the same table). Cells are text, never formulas.
 */
@Component
public class DepartmentTargetWorkbookWriter {

    static final String[] ACTIVITY_HEADER = {"活动编码", "活动名称", "活动描述", "预算年度", "绩效目标", "绩效指标", "指标描述",
            "优", "良", "中", "差"};
    static final int[] WIDTHS = {10, 18, 30, 10, 30, 22, 30, 10, 10, 10, 10, 8};
    /** The goal and indicator texts of the itemised goals: 绩效目标 over B:F, 绩效指标 over G:K. */
    private static final int GOAL_FIRST = 1, GOAL_LAST = 5, INDICATORS_FIRST = 6, INDICATORS_LAST = 10;

    public byte[] write(DepartmentTargetTable t) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WorkbookStyles styles = new WorkbookStyles(wb);
            Sheet sheet = wb.createSheet("部门整体绩效目标");
            boolean weights = t.allIndicators().stream().anyMatch(i -> i.getWeight() != null);
            int columns = ACTIVITY_HEADER.length + (weights ? 1 : 0);
            WorkbookStyles.setUpSheet(sheet, java.util.Arrays.copyOf(WIDTHS, columns));
            int last = columns - 1;

            Row title = WorkbookStyles.row(sheet, 0);
            styles.title(title, 0, (t.getDepartment() == null ? "" : t.getDepartment().getName()) + " " + t.getYear()
                    + "年部门整体绩效目标");
            title.setHeightInPoints(28f);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));

            Row head = WorkbookStyles.row(sheet, 1);
            styles.text(head, 0, "主管部门", Kind.LABEL);
            styles.text(head, 1, t.getDepartment() == null ? "" : t.getDepartment().getName(), Kind.TEXT);
            merge(sheet, styles, 1, 1, 2, Kind.TEXT);
            styles.text(head, 3, "预算年度", Kind.LABEL);
            styles.text(head, 4, String.valueOf(t.getYear()), Kind.TEXT);
            styles.text(head, 5, "预算总额（万元）", Kind.LABEL);
            styles.text(head, 6, amount(t.getTotalBudget()), Kind.NUMBER);

            Row overall = WorkbookStyles.row(sheet, 2);
            styles.text(overall, 0, "总体绩效目标", Kind.LABEL);
            styles.text(overall, 1, t.getOverallGoal(), Kind.TEXT);
            merge(sheet, styles, 2, 1, INDICATORS_LAST, Kind.TEXT);
            overall.setHeightInPoints(Math.max(20f, WorkbookStyles.lines(t.getOverallGoal(), 150) * 15f + 4f));

            int r = 3;
            Row goalsHead = WorkbookStyles.row(sheet, r);
            styles.text(goalsHead, 0, "分项绩效目标", Kind.HEADER);
            styles.text(goalsHead, GOAL_FIRST, "绩效目标", Kind.HEADER);
            merge(sheet, styles, r, GOAL_FIRST, GOAL_LAST, Kind.HEADER);
            styles.text(goalsHead, INDICATORS_FIRST, "绩效指标", Kind.HEADER);
            merge(sheet, styles, r, INDICATORS_FIRST, INDICATORS_LAST, Kind.HEADER);
            for (DepartmentGoal g : t.getGoals()) {
                Row row = WorkbookStyles.row(sheet, ++r);
                styles.text(row, 0, g.getTitle(), Kind.LABEL);
                styles.text(row, GOAL_FIRST, g.getGoal(), Kind.TEXT);
                merge(sheet, styles, r, GOAL_FIRST, GOAL_LAST, Kind.TEXT);
                styles.text(row, INDICATORS_FIRST, g.getIndicators(), Kind.TEXT);
                merge(sheet, styles, r, INDICATORS_FIRST, INDICATORS_LAST, Kind.TEXT);
                row.setHeightInPoints(Math.max(20f, Math.max(WorkbookStyles.lines(g.getGoal(), 80),
                        WorkbookStyles.lines(g.getIndicators(), 60)) * 15f + 4f));
            }

            r += 2; // one blank row, then the activity table
            Row header = WorkbookStyles.row(sheet, r);
            for (int c = 0; c < ACTIVITY_HEADER.length; c++) {
                styles.text(header, c, ACTIVITY_HEADER[c], Kind.HEADER);
            }
            if (weights) {
                styles.text(header, ACTIVITY_HEADER.length, "权重", Kind.HEADER);
            }
            for (DepartmentActivity a : t.getActivities()) {
                int first = r + 1;
                List<ActivityIndicator> indicators = a.getIndicators();
                int rows = Math.max(1, indicators.size());
                for (int k = 0; k < rows; k++) {
                    Row row = WorkbookStyles.row(sheet, ++r);
                    String[] activity = {a.getCode(), a.getName(), a.getDescription(),
                            a.getBudgetYear() == null ? "" : a.getBudgetYear().toString(), a.getGoal()};
                    for (int c = 0; c < activity.length; c++) {
                        styles.text(row, c, k == 0 ? activity[c] : "", Kind.TEXT);
                    }
                    ActivityIndicator i = k < indicators.size() ? indicators.get(k) : null;
                    GradeBands b = i == null ? null : i.getBands();
                    String[] texts = b == null ? new String[4] : b.texts();
                    styles.text(row, 5, i == null ? "" : i.getName(), Kind.TEXT);
                    styles.text(row, 6, i == null ? "" : i.getDescription(), Kind.TEXT);
                    for (int c = 0; c < 4; c++) {
                        styles.text(row, 7 + c, texts[c], Kind.TEXT);
                    }
                    if (weights) {
                        styles.text(row, ACTIVITY_HEADER.length, i == null ? "" : number(i.getWeight()), Kind.NUMBER);
                    }
                    row.setHeightInPoints(Math.max(20f, WorkbookStyles.lines(i == null ? "" : i.getDescription(),
                            WIDTHS[6]) * 15f + 4f));
                }
                if (rows > 1) {
                    for (int c = 0; c < 5; c++) {
                        sheet.addMergedRegion(new CellRangeAddress(first, r, c, c));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges a row's cells {@code from..to}, the covered ones bordered like the first. */
    private static void merge(Sheet sheet, WorkbookStyles styles, int r, int from, int to, Kind kind) {
        Row row = WorkbookStyles.row(sheet, r);
        for (int c = from + 1; c <= to; c++) {
            styles.text(row, c, "", kind);
        }
        sheet.addMergedRegion(new CellRangeAddress(r, r, from, to));
    }

    private static String amount(BigDecimal v) {
        return v == null ? "" : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String number(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
