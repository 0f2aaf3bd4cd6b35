package org.openperf.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** Small helpers to build workbooks and Word tables the way the published documents lay them out. */
final class LayoutTestFiles {

    private LayoutTestFiles() {
    }

    /** Writes a row of cells from column 0; null leaves the cell out; numbers become numeric cells. */
    static void row(Sheet sheet, int r, Object... cells) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else if (v != null) {
                row.createCell(c).setCellValue(v.toString());
            }
        }
    }

    static void merge(Sheet sheet, int r0, int r1, int c0, int c1) {
        sheet.addMergedRegion(new CellRangeAddress(r0, r1, c0, c1));
    }

    static byte[] bytes(XSSFWorkbook wb) throws IOException {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] bytes(XWPFDocument doc) throws IOException {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A Word table row: each cell spec is its text, optionally prefixed {@code "{n}"} for gridSpan n,
     * {@code "^"} for a vMerge restart or {@code "|"} for a vMerge continuation (text ignored).
     */
    static void wordRow(XWPFTable table, String... specs) {
        XWPFTableRow row = table.createRow();
        while (!row.getTableCells().isEmpty()) {
            row.removeCell(0);
        }
        for (String spec : specs) {
            XWPFTableCell cell = row.addNewTableCell();
            CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            String text = spec;
            if (text.startsWith("{")) {
                int end = text.indexOf('}');
                pr.addNewGridSpan().setVal(BigInteger.valueOf(Integer.parseInt(text.substring(1, end))));
                text = text.substring(end + 1);
            }
            if (text.startsWith("^")) {
                pr.addNewVMerge().setVal(STMerge.RESTART);
                text = text.substring(1);
            } else if (text.startsWith("|")) {
                pr.addNewVMerge(); // no val: continue
                text = "";
            }
            cell.setText(text);
        }
    }

    /** A new table with no rows yet (POI creates one row with one cell; it is removed). */
    static XWPFTable wordTable(XWPFDocument doc) {
        XWPFTable table = doc.createTable();
        table.removeRow(0);
        return table;
    }
}
