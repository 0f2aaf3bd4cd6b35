package org.openperf.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openperf.exports.TargetTableGrid.Kind;
import org.openperf.kernel.DisplayTimes;
import org.openperf.review.HistoryAction;
import org.openperf.review.ReviewOpinion;
import org.springframework.stereotype.Component;

/**
 * A project's 审批记录 as a workbook for the file (档案): one row per opinion, as the project page lists them, the time
 * in Beijing time (perf.zone) whatever the server's zone, written as text so no spreadsheet shifts it.
 */
@Component
public class ReviewHistoryWriter {

    static final String SHEET = "审批记录";
    static final String[] HEADER = {"时间（北京时间）", "环节", "办理人", "动作", "意见"};
    static final int[] WIDTHS = {20, 14, 16, 10, 48};

    private final DisplayTimes times;

    public ReviewHistoryWriter(DisplayTimes times) {
        this.times = times;
    }

    public void workbook(String title, List<ReviewOpinion> history, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(wb);
            XSSFSheet sheet = wb.createSheet(SHEET);
            WorkbookStyles.setUpSheet(sheet, WIDTHS);
            Row t = WorkbookStyles.row(sheet, 0);
            styles.title(t, 0, title);
            t.setHeightInPoints(28f);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.length - 1));
            Row h = WorkbookStyles.row(sheet, 1);
            for (int c = 0; c < HEADER.length; c++) {
                styles.text(h, c, HEADER[c], Kind.HEADER);
            }
            int r = 2;
            for (ReviewOpinion o : history) {
                Row row = WorkbookStyles.row(sheet, r++);
                styles.text(row, 0, times.text(o.getCreatedAt()), Kind.LABEL);
                styles.text(row, 1, o.getStep(), Kind.LABEL);
                styles.text(row, 2, o.getUserId() == null ? "系统" : o.getUserId(), Kind.LABEL);
                styles.text(row, 3, HistoryAction.label(o.getAction()), Kind.LABEL);
                styles.text(row, 4, o.getComment(), Kind.TEXT);
            }
            wb.write(out);
        }
    }
}
