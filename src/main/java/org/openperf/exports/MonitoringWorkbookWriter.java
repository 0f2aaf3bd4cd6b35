package org.openperf.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openperf.exports.TargetTableGrid.Kind;
import org.springframework.stereotype.Component;

/**
 * Writes 监控表 (项目支出绩效目标执行监控表, DOMAIN.md's Monitoring section) in ten columns A–J:
 * <pre>
 * 项目支出绩效目标执行监控表                                          (merged A:J)
 * （2024年度 1–6月）                                        单位：万元
 * 项目名称 | name                      | 项目编码 | code
 * 主管部门及代码 | 402 …                | 实施单位 | 402001 …
 * 项目资金（万元） |      | 年初预算数 | 调整后预算数 | 1–N月执行数 | 执行率（%） | 全年预计执行数 | 偏差原因 | 纠偏措施
 *                | 年度资金总额 / 其中：财政资金 / 其他资金 rows
 * 执行进度 | the light and the calculator's words
 * 年度总体目标 | goal
 * 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 1–N月完成值 | 全年预计完成值 | 偏差原因 | 完成目标可能性 | 纠偏措施 | 备注
 * </pre>
 * What the data does not have stays a blank bordered cell to fill by hand; 完成目标可能性 offers its three choices.
 * A department's workbook starts with a 监控汇总 sheet (one row per project), then one sheet per unit with its
 * projects' tables one under another. Every cell is text (amounts with two decimals), never a formula.
 */
@Component
public class MonitoringWorkbookWriter {

    static final int COLUMNS = 10;
    static final String TITLE = "项目支出绩效目标执行监控表";
    static final String SUMMARY_SHEET = "监控汇总";
    static final String[] LIKELIHOOD = {"确定能", "有可能", "完全不可能"};
    static final String REASON_CHOICES = "经费保障/制度保障/人员保障/硬件条件保障/其他";
    private static final int[] WIDTHS = {14, 14, 22, 14, 14, 14, 16, 16, 18, 14};
    private static final int[] SUMMARY_WIDTHS = {6, 22, 26, 30, 12, 12, 10, 10, 8, 30, 30};
    private static final String[] SUMMARY_HEADER = {"序号", "主管部门", "预算单位", "项目名称", "预算数（万元）",
            "执行数（万元）", "执行率（%）", "计划进度（%）", "监控灯", "偏差原因", "纠偏措施"};
    private static final int GAP_ROWS = 2;

    /** One project's 监控表 on one sheet. */
    public void writeProject(MonitoringTable table, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(wb);
            XSSFSheet sheet = wb.createSheet(TargetTableWorkbookWriter.sheetName(table.name(), new HashSet<>()));
            WorkbookStyles.setUpSheet(sheet, WIDTHS);
            writeTable(styles, sheet, 0, table);
            wb.write(out);
        }
    }

    /**
     * A department's 监控表: the 监控汇总 sheet, one sheet per unit, then the department tables' 监控表 (部门整体绩效监控)
     * on a sheet of their own.
     */
    public void writeDepartment(String title, List<MonitoringTable> tables,
                                List<DepartmentTablesSheet.Monitoring> departmentTables, OutputStream out)
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(wb);
            Set<String> names = new HashSet<>();
            XSSFSheet summary = wb.createSheet(TargetTableWorkbookWriter.sheetName(SUMMARY_SHEET, names));
            WorkbookStyles.setUpSheet(summary, SUMMARY_WIDTHS);
            writeSummary(styles, summary, title, tables);
            Map<String, List<MonitoringTable>> byUnit = new LinkedHashMap<>();
            tables.forEach(t -> byUnit.computeIfAbsent(Objects.toString(t.unit(), "未指定单位"),
                    k -> new ArrayList<>()).add(t));
            for (Map.Entry<String, List<MonitoringTable>> e : byUnit.entrySet()) {
                XSSFSheet sheet = wb.createSheet(TargetTableWorkbookWriter.sheetName(e.getKey(), names));
                WorkbookStyles.setUpSheet(sheet, WIDTHS);
                int row = 0;
                for (MonitoringTable t : e.getValue()) {
                    row = writeTable(styles, sheet, row, t) + GAP_ROWS;
                }
            }
            DepartmentTablesSheet.monitoring(wb, styles, names, title + "（部门整体绩效目标）", departmentTables);
            wb.write(out);
        }
    }

    /** Writes one 监控表 from {@code first}; returns the row after it. */
    int writeTable(WorkbookStyles s, XSSFSheet sheet, int first, MonitoringTable t) {
        String period = "1–" + t.month() + "月";
        int r = first;
        Row title = WorkbookStyles.row(sheet, r);
        s.title(title, 0, TITLE);
        title.setHeightInPoints(28f);
        merge(sheet, r, r, 0, COLUMNS - 1);
        r++;
        Row note = WorkbookStyles.row(sheet, r);
        s.text(note, 0, "（" + t.year() + "年度 " + period + "）", Kind.UNIT);
        merge(sheet, r, r, 0, 7);
        s.text(note, 8, TargetTableGrid.UNIT_NOTE, Kind.UNIT_NOTE);
        merge(sheet, r, r, 8, 9);
        r++;

        Box box = new Box(s, sheet, r);
        box.label(0, 0, "项目名称").text(0, 1, 4, t.name()).label(0, 5, "项目编码").text(0, 6, 9, t.code());
        box.label(1, 0, "主管部门及代码").text(1, 1, 4, t.department()).label(1, 5, "实施单位").text(1, 6, 9, t.unit());

        box.label(2, 0, "项目资金（万元）", 4, 1).header(2, 1, "")
                .header(2, 2, "年初预算数").header(2, 3, "调整后预算数").header(2, 4, period + "执行数")
                .header(2, 5, "执行率（%）").header(2, 6, "全年预计执行数").header(2, 7, "偏差原因")
                .header(2, 8, "纠偏措施").header(2, 9, "备注");
        box.label(3, 1, "年度资金总额").number(3, 2, t.initialBudget()).number(3, 3, t.adjustedBudget())
                .number(3, 4, t.spent()).number(3, 5, t.executionRate()).number(3, 6, t.forecast())
                .text(3, 7, 7, t.executionReasons(), 3).text(3, 8, 8, t.executionMeasures(), 3).text(3, 9, 9, null, 3);
        box.label(4, 1, "其中：财政资金").number(4, 2, t.initialFiscal()).number(4, 3, t.adjustedFiscal())
                .text(4, 4, 4, null).text(4, 5, 5, null).text(4, 6, 6, null);
        box.label(5, 1, "其他资金").number(5, 2, t.initialOther()).number(5, 3, t.adjustedOther())
                .text(5, 4, 4, null).text(5, 5, 5, null).text(5, 6, 6, null);

        String progress = t.light() + (t.plannedPercent() == null ? "" : "；计划（序时）进度 "
                + t.plannedPercent().setScale(2, RoundingMode.HALF_UP).toPlainString() + "%")
                + (t.conclusion() == null ? "" : "；" + t.conclusion());
        box.label(6, 0, "执行进度").text(6, 1, 9, progress);
        box.label(7, 0, "年度总体目标").text(7, 1, 9, t.goal());

        int header = 8;
        box.header(header, 0, "一级指标").header(header, 1, "二级指标").header(header, 2, "三级指标")
                .header(header, 3, "年度指标值").header(header, 4, period + "完成值").header(header, 5, "全年预计完成值")
                .header(header, 6, "偏差原因（" + REASON_CHOICES + "）")
                .header(header, 7, "完成目标可能性（" + String.join("/", LIKELIHOOD) + "）")
                .header(header, 8, "纠偏措施").header(header, 9, "备注");
        List<MonitoringTable.Line> lines = t.indicators();
        int firstLine = header + 1;
        for (int i = 0; i < lines.size(); i++) {
            MonitoringTable.Line l = lines.get(i);
            int row = firstLine + i;
            box.label(row, 0, l.level1()).label(row, 1, l.level2()).text(row, 2, 2, l.name())
                    .text(row, 3, 3, l.target()).text(row, 4, 4, l.valueSoFar()).text(row, 5, 5, l.forecast())
                    .text(row, 6, 6, l.reasons()).text(row, 7, 7, l.likelihood()).text(row, 8, 8, l.measures())
                    .text(row, 9, 9, l.note());
        }
        mergeRuns(sheet, box.base, firstLine, lines);
        int last = box.base + firstLine + lines.size() - 1;
        if (!lines.isEmpty()) {
            likelihoodChoices(sheet, box.base + firstLine, last);
        }
        box.fitHeights(firstLine + lines.size());
        return box.base + firstLine + lines.size();
    }

    /** 一级 and 二级 merged down their runs, as the published tables print them. */
    private static void mergeRuns(XSSFSheet sheet, int base, int firstLine, List<MonitoringTable.Line> lines) {
        int start = 0;
        for (int i = 1; i <= lines.size(); i++) {
            if (i == lines.size() || !Objects.equals(lines.get(i).level1(), lines.get(start).level1())) {
                if (i - start > 1) {
                    merge(sheet, base + firstLine + start, base + firstLine + i - 1, 0, 0);
                }
                int run = start;
                for (int j = start + 1; j <= i; j++) {
                    if (j == i || !Objects.equals(lines.get(j).level2(), lines.get(run).level2())) {
                        if (j - run > 1) {
                            merge(sheet, base + firstLine + run, base + firstLine + j - 1, 1, 1);
                        }
                        run = j;
                    }
                }
                start = i;
            }
        }
    }

    private static void likelihoodChoices(XSSFSheet sheet, int from, int to) {
        DataValidationHelper h = sheet.getDataValidationHelper();
        DataValidation v = h.createValidation(h.createExplicitListConstraint(LIKELIHOOD),
                new CellRangeAddressList(from, to, 7, 7));
        v.setSuppressDropDownArrow(true);
        v.setShowErrorBox(true);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox("完成目标可能性", "请选择：确定能、有可能或完全不可能。");
        sheet.addValidationData(v);
    }

    private void writeSummary(WorkbookStyles s, XSSFSheet sheet, String title, List<MonitoringTable> tables) {
        Row t = WorkbookStyles.row(sheet, 0);
        s.title(t, 0, title);
        t.setHeightInPoints(28f);
        merge(sheet, 0, 0, 0, SUMMARY_HEADER.length - 1);
        Row h = WorkbookStyles.row(sheet, 1);
        for (int c = 0; c < SUMMARY_HEADER.length; c++) {
            s.text(h, c, SUMMARY_HEADER[c], Kind.HEADER);
        }
        for (int i = 0; i < tables.size(); i++) {
            MonitoringTable m = tables.get(i);
            Row row = WorkbookStyles.row(sheet, 2 + i);
            String[] cells = {String.valueOf(i + 1), m.department(), m.unit(), m.name(), money(m.adjustedBudget()),
                    money(m.spent()), money(m.executionRate()), money(m.plannedPercent()), m.light(),
                    m.executionReasons(), m.executionMeasures()};
            float lines = 1;
            for (int c = 0; c < cells.length; c++) {
                boolean number = c == 0 || (c >= 4 && c <= 7);
                s.text(row, c, cells[c], number ? Kind.NUMBER : Kind.TEXT);
                lines = Math.max(lines, WorkbookStyles.lines(cells[c], SUMMARY_WIDTHS[c]));
            }
            row.setHeightInPoints(Math.max(20f, lines * 15f + 4f));
        }
        sheet.createFreezePane(0, 2);
    }

    static String money(BigDecimal v) {
        return v == null ? "" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static void merge(XSSFSheet sheet, int r1, int r2, int c1, int c2) {
        if (r1 != r2 || c1 != c2) {
            sheet.addMergedRegion(new CellRangeAddress(r1, r2, c1, c2));
        }
    }

    /** The bordered body of one table: cells by (row, column) relative to {@code base}, with merges. */
    private static final class Box {
        final WorkbookStyles s;
        final XSSFSheet sheet;
        final int base;
        final Map<Integer, Float> lines = new LinkedHashMap<>();

        Box(WorkbookStyles s, XSSFSheet sheet, int base) {
            this.s = s;
            this.sheet = sheet;
            this.base = base;
        }

        Box label(int r, int c, String text) {
            return put(r, c, r, c, text, Kind.LABEL);
        }

        Box label(int r, int c, String text, int rows, int cols) {
            return put(r, c, r + rows - 1, c + cols - 1, text, Kind.LABEL);
        }

        Box header(int r, int c, String text) {
            return put(r, c, r, c, text, Kind.HEADER);
        }

        Box text(int r, int c1, int c2, String text) {
            return put(r, c1, r, c2, text, Kind.TEXT);
        }

        Box text(int r, int c1, int c2, String text, int rows) {
            return put(r, c1, r + rows - 1, c2, text, Kind.TEXT);
        }

        Box number(int r, int c, BigDecimal v) {
            return put(r, c, r, c, money(v), Kind.NUMBER);
        }

        private Box put(int r1, int c1, int r2, int c2, String text, Kind kind) {
            for (int r = r1; r <= r2; r++) {
                Row row = WorkbookStyles.row(sheet, base + r);
                for (int c = c1; c <= c2; c++) {
                    if (r == r1 && c == c1) {
                        s.text(row, c, text, kind);
                    } else {
                        s.text(row, c, "", kind);
                    }
                }
            }
            merge(sheet, base + r1, base + r2, c1, c2);
            if (r1 == r2) {
                int width = 0;
                for (int c = c1; c <= c2; c++) {
                    width += WIDTHS[c];
                }
                lines.merge(r1, (float) WorkbookStyles.lines(text, width), Math::max);
            }
            return this;
        }

        void fitHeights(int rows) {
            for (int r = 0; r < rows; r++) {
                float n = lines.getOrDefault(r, 1f);
                WorkbookStyles.row(sheet, base + r).setHeightInPoints(Math.max(20f, n * 15f + 4f));
            }
        }
    }
}
