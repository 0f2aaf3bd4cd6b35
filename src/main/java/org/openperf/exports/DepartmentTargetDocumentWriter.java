package org.openperf.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openperf.departments.ActivityIndicator;
import org.openperf.departments.DepartmentActivity;
import org.openperf.departments.DepartmentGoal;
import org.openperf.departments.DepartmentTargetTable;
import org.openperf.exports.TargetTableGrid.Kind;
import org.openperf.targets.GradeBands;
import org.springframework.stereotype.Component;

/**
 * Writes a department table (部门整体绩效目标) as a Word document laid out as seed 001 publishes it:
 * <pre>
 * 部门名 2023年部门整体绩效目标                 (title)
 * 预算总额（万元）：1234.00                    (when known)
 * 一、总体绩效目标 / its text
 * 二、分项绩效目标 / 1.就业工作目标。 / 绩效目标：… / 绩效指标：…
 * 三、活动绩效目标 / the activity table: 活动编码 … 差 [权重], the activity's five cells merged down its indicators
 * </pre>
 * The importer reads it back by the same labels (export → import gives the same table). Landscape A4.
 */
@Component
public class DepartmentTargetDocumentWriter {

    public byte[] write(DepartmentTargetTable t) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TargetTableDocumentWriter.defaultFonts(doc);
            TargetTableDocumentWriter.title(doc, WorkbookStyles.clean((t.getDepartment() == null ? ""
                    : t.getDepartment().getName() + " ") + t.getYear() + "年部门整体绩效目标"));
            if (t.getTotalBudget() != null) {
                // Before the first heading: the importer takes it from any line, but inside 分项绩效目标 a line
                // would read as the last goal's text.
                paragraph(doc, "预算总额（万元）：" + t.getTotalBudget().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                        false);
            }
            paragraph(doc, "一、总体绩效目标", true);
            lines(doc, "", t.getOverallGoal());
            paragraph(doc, "二、分项绩效目标", true);
            int n = 1;
            for (DepartmentGoal g : t.getGoals()) {
                paragraph(doc, n++ + "." + (g.getTitle() == null ? "" : g.getTitle()) + "。", false);
                lines(doc, "绩效目标：", g.getGoal());
                lines(doc, "绩效指标：", g.getIndicators());
            }
            paragraph(doc, "三、活动绩效目标", true);
            TargetTableDocumentWriter.table(doc, activities(t));
            TargetTableDocumentWriter.landscapeA4(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The activity table as the workbook writes it: one row per indicator, the activity merged down them. */
    static TargetTableGrid activities(DepartmentTargetTable t) {
        boolean weights = t.allIndicators().stream().anyMatch(i -> i.getWeight() != null);
        String[] header = DepartmentTargetWorkbookWriter.ACTIVITY_HEADER;
        int columns = header.length + (weights ? 1 : 0);
        TargetTableGrid grid = new TargetTableGrid(columns,
                java.util.Arrays.copyOf(DepartmentTargetWorkbookWriter.WIDTHS, columns));
        for (int c = 0; c < header.length; c++) {
            grid.cell(0, c, 1, 1, header[c], Kind.HEADER);
        }
        if (weights) {
            grid.cell(0, header.length, 1, 1, "权重", Kind.HEADER);
        }
        int r = 1;
        for (DepartmentActivity a : t.getActivities()) {
            List<ActivityIndicator> indicators = a.getIndicators();
            int rows = Math.max(1, indicators.size());
            String[] activity = {a.getCode(), a.getName(), a.getDescription(),
                    a.getBudgetYear() == null ? "" : a.getBudgetYear().toString(), a.getGoal()};
            for (int c = 0; c < activity.length; c++) {
                grid.cell(r, c, rows, 1, activity[c], Kind.TEXT);
            }
            for (int k = 0; k < rows; k++) {
                ActivityIndicator i = k < indicators.size() ? indicators.get(k) : null;
                GradeBands b = i == null ? null : i.getBands();
                String[] texts = b == null ? new String[4] : b.texts();
                grid.cell(r + k, 5, 1, 1, i == null ? "" : i.getName(), Kind.TEXT);
                grid.cell(r + k, 6, 1, 1, i == null ? "" : i.getDescription(), Kind.TEXT);
                for (int c = 0; c < 4; c++) {
                    grid.cell(r + k, 7 + c, 1, 1, texts[c], Kind.TEXT);
                }
                if (weights) {
                    grid.cell(r + k, header.length, 1, 1, i == null || i.getWeight() == null ? ""
                            : i.getWeight().stripTrailingZeros().toPlainString(), Kind.NUMBER);
                }
            }
            r += rows;
        }
        return grid;
    }

    /** A text of several lines as paragraphs, the first after its label ({@code 绩效目标：}). */
    private static void lines(XWPFDocument doc, String label, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String[] lines = text.split("\r\n|\r|\n");
        for (int i = 0; i < lines.length; i++) {
            paragraph(doc, (i == 0 ? label : "") + lines[i], false);
        }
    }

    private static void paragraph(XWPFDocument doc, String text, boolean heading) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.LEFT);
        XWPFRun run = p.createRun();
        run.setFontFamily(TargetTableDocumentWriter.FONT);
        run.setFontSize(heading ? 12 : 11);
        run.setBold(heading);
        run.setText(WorkbookStyles.clean(text));
    }
}
