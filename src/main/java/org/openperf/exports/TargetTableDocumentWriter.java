package org.openperf.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openperf.exports.TargetTableGrid.Kind;
import org.openperf.targets.Project;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;
import org.springframework.stereotype.Component;

/**
 * Writes target tables as a Word document in the Tianjin layout (layout B): for each project a title paragraph
 * {@code N.名称绩效目标表}, then one seven-column table whose row 0 is {@code 353101单位名 … 单位：万元} (code and
 * name without a space, as Tianjin prints it), then the same blocks as the workbook: [项目编码], 项目名称 (gridSpan 6),
 * the budget row and the purpose row (first cell vMerge), [资金支出计划（%）], 绩效目标, the indicator header and the
 * indicator rows with vMerge down the 一级 and 二级 runs; an empty paragraph after each table, as in the original.
 * Landscape A4.
 */
@Component
public class TargetTableDocumentWriter {

    static final String FONT = "宋体";
    /** A4 landscape in twips, 2 cm margins. */
    static final int PAGE_W = 16838;
    static final int PAGE_H = 11906;
    static final int MARGIN = 1134;
    private static final int TEXT_WIDTH = PAGE_W - 2 * MARGIN;

    public void write(List<Project> projects, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            defaultFonts(doc);
            int number = 1;
            for (Project p : projects) {
                title(doc, WorkbookStyles.clean(TargetTableGrid.title(number++, p)));
                table(doc, TargetTableGrid.of(p, ""));
                doc.createParagraph();
            }
            landscapeA4(doc);
            doc.write(out);
        }
    }

    /** A table's title: centred, bold, kept on the page of the table below it. */
    static void title(XWPFDocument doc, String text) {
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setKeepNext(true);
        XWPFRun run = title.createRun();
        run.setBold(true);
        run.setFontSize(14);
        run.setFontFamily(FONT);
        run.setText(text);
    }

    static void table(XWPFDocument doc, TargetTableGrid grid) {
        int[] widths = columnWidths(grid.widths());
        XWPFTable t = doc.createTable();
        t.setTableAlignment(TableRowAlign.CENTER);
        CTTblPr pr = t.getCTTbl().getTblPr() == null ? t.getCTTbl().addNewTblPr() : t.getCTTbl().getTblPr();
        CTTblWidth w = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(TEXT_WIDTH));
        CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        CTTblGrid tg = t.getCTTbl().getTblGrid() == null ? t.getCTTbl().addNewTblGrid() : t.getCTTbl().getTblGrid();
        while (tg.sizeOfGridColArray() > 0) {
            tg.removeGridCol(0);
        }
        for (int width : widths) {
            tg.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        t.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");

        int rows = grid.rowCount();
        int cols = grid.columns();
        // What occupies each grid position: the anchored cell, or the cell whose span covers it.
        TargetTableGrid.Cell[][] owner = new TargetTableGrid.Cell[rows][cols];
        for (TargetTableGrid.Cell c : grid.cells()) {
            for (int dr = 0; dr < c.rowSpan(); dr++) {
                for (int dc = 0; dc < c.colSpan(); dc++) {
                    owner[c.row() + dr][c.col() + dc] = c;
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            XWPFTableRow row = t.insertNewTableRow(t.getNumberOfRows());
            int c = 0;
            while (c < cols) {
                TargetTableGrid.Cell gc = owner[r][c];
                XWPFTableCell cell = row.addNewTableCell();
                CTTcPr tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                int span = gc == null ? 1 : gc.colSpan();
                int width = 0;
                for (int k = 0; k < span; k++) {
                    width += widths[c + k];
                }
                CTTblWidth tcW = tcPr.addNewTcW();
                tcW.setType(STTblWidth.DXA);
                tcW.setW(BigInteger.valueOf(width));
                if (span > 1) {
                    tcPr.addNewGridSpan().setVal(BigInteger.valueOf(span));
                }
                tcPr.addNewVAlign().setVal(STVerticalJc.CENTER);
                if (gc != null && gc.rowSpan() > 1) {
                    if (gc.row() == r) {
                        tcPr.addNewVMerge().setVal(STMerge.RESTART);
                    } else {
                        tcPr.addNewVMerge();
                    }
                }
                if (gc != null && gc.row() == r) {
                    text(cell, gc.text(), gc.kind());
                }
                c += span;
            }
        }
        t.removeRow(0); // the empty row createTable() starts with
    }

    private static void text(XWPFTableCell cell, String text, Kind kind) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(switch (kind) {
            case LABEL, HEADER -> ParagraphAlignment.CENTER;
            case NUMBER, UNIT_NOTE -> ParagraphAlignment.RIGHT;
            default -> ParagraphAlignment.LEFT;
        });
        String s = WorkbookStyles.clean(text);
        if (s.isEmpty()) {
            return;
        }
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(10);
        if (kind == Kind.HEADER) {
            run.setBold(true);
        }
        String[] lines = s.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    /** Column widths in twips, in the proportions of the Qingdao workbook's columns, filling the text width. */
    static int[] columnWidths() {
        return columnWidths(WorkbookStyles.WIDTHS);
    }

    /** Column widths in twips, in the proportions of {@code chars}, filling the text width. */
    static int[] columnWidths(int[] chars) {
        int sum = 0;
        for (int c : chars) {
            sum += c;
        }
        int[] w = new int[chars.length];
        int used = 0;
        for (int i = 0; i < chars.length; i++) {
            w[i] = i == chars.length - 1 ? TEXT_WIDTH - used : TEXT_WIDTH * chars[i] / sum;
            used += w[i];
        }
        return w;
    }

    static void defaultFonts(XWPFDocument doc) {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setEastAsia(FONT);
        doc.createStyles().setDefaultFonts(fonts);
    }

    static void landscapeA4(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_W));
        size.setH(BigInteger.valueOf(PAGE_H));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(MARGIN));
        mar.setBottom(BigInteger.valueOf(MARGIN));
        mar.setLeft(BigInteger.valueOf(MARGIN));
        mar.setRight(BigInteger.valueOf(MARGIN));
        mar.setHeader(BigInteger.valueOf(720));
        mar.setFooter(BigInteger.valueOf(720));
        mar.setGutter(BigInteger.ZERO);
    }
}
