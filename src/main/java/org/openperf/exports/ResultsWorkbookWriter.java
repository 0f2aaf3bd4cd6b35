package org.openperf.exports;

import static org.openperf.exports.SelfEvaluationWriter.number;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openperf.evaluation.ResultsApplication;
import org.openperf.exports.TargetTableGrid.Kind;
import org.openperf.kernel.DisplayTimes;
import org.springframework.stereotype.Component;

/**
 * 结果应用 as a workbook: one row per table of the year beside last year's results, in the page's order; amounts,
 * scores and rates as numbers finance can sum and sort, the time it was written in Beijing time. No formulas.
 */
@Component
public class ResultsWorkbookWriter {

    static final String SHEET = "结果应用";
    static final String[] HEADER = {"序号", "主管部门", "预算单位", "项目名称", "上年项目", "关联方式", "上年自评得分",
        "上年自评等级", "上年预算执行率（%）", "上年红灯次数", "今年预算数（万元）", "上年预算数（万元）",
        "预算变化（万元）", "预算变化（%）", "中/差且预算增加"};
    static final int[] WIDTHS = {6, 20, 24, 32, 28, 14, 10, 10, 12, 10, 14, 14, 14, 12, 12};

    private final DisplayTimes times;

    public ResultsWorkbookWriter(DisplayTimes times) {
        this.times = times;
    }

    public void workbook(String title, List<ResultsApplication.Row> rows, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(wb);
            XSSFSheet sheet = wb.createSheet(SHEET);
            WorkbookStyles.setUpSheet(sheet, WIDTHS);
            Row t = WorkbookStyles.row(sheet, 0);
            styles.title(t, 0, title);
            t.setHeightInPoints(28f);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.length - 1));
            Row when = WorkbookStyles.row(sheet, 1);
            styles.text(when, 0, "导出时间（北京时间）：" + times.text(times.now()), Kind.TEXT);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, HEADER.length - 1));
            Row h = WorkbookStyles.row(sheet, 2);
            for (int c = 0; c < HEADER.length; c++) {
                styles.text(h, c, HEADER[c], Kind.HEADER);
            }
            int r = 3;
            for (ResultsApplication.Row e : rows) {
                Row row = WorkbookStyles.row(sheet, r);
                number(row, 0, BigDecimal.valueOf(r - 2), styles, "0");
                styles.text(row, 1, e.departmentName(), Kind.TEXT);
                styles.text(row, 2, e.unitName(), Kind.TEXT);
                styles.text(row, 3, e.projectName(), Kind.TEXT);
                styles.text(row, 4, e.previousId() == null ? e.lastYear() : e.previousName(), Kind.TEXT);
                styles.text(row, 5, e.previousId() == null ? "" : e.link(), Kind.LABEL);
                number(row, 6, e.score(), styles, "0.00");
                styles.text(row, 7, e.grade() != null ? e.grade() : e.lastYear(), Kind.LABEL);
                number(row, 8, e.executionRate(), styles, "0.00");
                number(row, 9, e.redLights() == null ? null : BigDecimal.valueOf(e.redLights()), styles, "0");
                number(row, 10, e.budget(), styles, "0.00");
                number(row, 11, e.lastBudget(), styles, "0.00");
                number(row, 12, e.change(), styles, "0.00");
                number(row, 13, e.changePercent(), styles, "0.00");
                styles.text(row, 14, e.weak() ? "是" : "", Kind.LABEL);
                r++;
            }
            sheet.createFreezePane(0, 3);
            wb.write(out);
        }
    }
}
