package org.openperf.exports;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.openperf.exports.TargetTableGrid.Kind;

/**
 * Renders {@link TargetTableGrid}s into a sheet in the Qingdao layout (columns A–G, title row merged A:G) and owns
 * the workbook's styles. Every text goes through {@link #text}: cells are only ever string cells, and text Excel
 * would read as a formula or DDE (starting with = + - @, tab or CR) gets a quote-prefixed style so Excel shows it
 * as typed and never evaluates it, even after the user edits the cell.
 */
final class WorkbookStyles {

    static final String FONT = "宋体";
    /** Column widths in characters, as in the Qingdao workbook. */
    static final int[] WIDTHS = {14, 14, 24, 30, 16, 16, 16};
    private static final int MAX_CELL_CHARS = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final float LINE_POINTS = 15f;

    private final Workbook workbook;
    private final Map<Kind, CellStyle> plain = new EnumMap<>(Kind.class);
    private final Map<Kind, CellStyle> quoted = new EnumMap<>(Kind.class);
    private final Map<String, CellStyle> extra = new HashMap<>();
    private final Font normal;
    private final Font bold;
    private final Font titleFont;

    WorkbookStyles(Workbook workbook) {
        this.workbook = workbook;
        normal = font(11, false);
        bold = font(11, true);
        titleFont = font(16, true);
    }

    private Font font(int points, boolean isBold) {
        Font f = workbook.createFont();
        f.setFontName(FONT);
        f.setFontHeightInPoints((short) points);
        f.setBold(isBold);
        return f;
    }

    /** The style of a grid cell kind; {@code quote}: the quote-prefixed twin for formula-like text. */
    CellStyle style(Kind kind, boolean quote) {
        Map<Kind, CellStyle> cache = quote ? quoted : plain;
        return cache.computeIfAbsent(kind, k -> create(k, quote));
    }

    private CellStyle create(Kind kind, boolean quote) {
        CellStyle s = workbook.createCellStyle();
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setDataFormat(workbook.createDataFormat().getFormat("@"));
        s.setQuotePrefixed(quote);
        switch (kind) {
            case UNIT -> {
                s.setFont(normal);
                s.setAlignment(HorizontalAlignment.LEFT);
            }
            case UNIT_NOTE -> {
                s.setFont(normal);
                s.setAlignment(HorizontalAlignment.RIGHT);
            }
            case LABEL -> boxed(s, normal, HorizontalAlignment.CENTER);
            case HEADER -> boxed(s, bold, HorizontalAlignment.CENTER);
            case TEXT -> boxed(s, normal, HorizontalAlignment.LEFT);
            case NUMBER -> boxed(s, normal, HorizontalAlignment.RIGHT);
            default -> throw new IllegalArgumentException(kind.name());
        }
        return s;
    }

    private static void boxed(CellStyle s, Font f, HorizontalAlignment align) {
        s.setFont(f);
        s.setAlignment(align);
        s.setWrapText(true);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
    }

    CellStyle title(boolean quote) {
        return extra.computeIfAbsent("title" + quote, k -> {
            CellStyle s = workbook.createCellStyle();
            s.setFont(titleFont);
            s.setAlignment(HorizontalAlignment.CENTER);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setWrapText(true);
            s.setQuotePrefixed(quote);
            return s;
        });
    }

    /** Wrapped plain text without borders (the notes sheet). */
    CellStyle note(boolean isBold, boolean quote) {
        return extra.computeIfAbsent("note" + isBold + quote, k -> {
            CellStyle s = workbook.createCellStyle();
            s.setFont(isBold ? bold : normal);
            s.setVerticalAlignment(VerticalAlignment.TOP);
            s.setWrapText(true);
            s.setQuotePrefixed(quote);
            return s;
        });
    }

    /** A bordered, right-aligned cell for numbers the user types into the template (number format, not text). */
    CellStyle numberInput(String format) {
        return extra.computeIfAbsent("input" + format, k -> {
            CellStyle s = workbook.createCellStyle();
            boxed(s, normal, HorizontalAlignment.RIGHT);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setDataFormat(workbook.createDataFormat().getFormat(format));
            return s;
        });
    }

    // ---------------------------------------------------------------- safe text

    /** Whether Excel (or another spreadsheet) would read the text as a formula or DDE call when typed. */
    static boolean formulaLike(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
                || c == '＝' || c == '＋' || c == '－' || c == '＠';
    }

    /** Removes characters XML 1.0 cannot carry (they would make the file unreadable) and caps Excel's cell length. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF)) {
                sb.appendCodePoint(cp);
            }
        });
        String s = sb.toString();
        return s.length() > MAX_CELL_CHARS ? s.substring(0, MAX_CELL_CHARS) : s;
    }

    /**
     * Writes text as a string cell (never a formula): {@code setCellValue(String)} makes a shared-string cell; a
     * formula-like text also gets the quote-prefixed twin of the style so Excel keeps showing it as text.
     */
    Cell text(Row row, int col, String text, Kind kind) {
        String s = clean(text);
        return put(row, col, s, style(kind, formulaLike(s)));
    }

    Cell title(Row row, int col, String text) {
        String s = clean(text);
        return put(row, col, s, title(formulaLike(s)));
    }

    Cell note(Row row, int col, String text, boolean isBold) {
        String s = clean(text);
        return put(row, col, s, note(isBold, formulaLike(s)));
    }

    private static Cell put(Row row, int col, String s, CellStyle style) {
        Cell cell = row.getCell(col);
        if (cell == null) {
            cell = row.createCell(col);
        }
        if (s.isEmpty()) {
            cell.setBlank();
        } else {
            cell.setCellValue(s);
        }
        cell.setCellStyle(style);
        return cell;
    }

    // ---------------------------------------------------------------- sheets

    static void setUpSheet(Sheet sheet) {
        setUpSheet(sheet, WIDTHS);
    }

    static void setUpSheet(Sheet sheet, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
    }

    /** Writes the title row and then the grid below it, starting at {@code firstRow}; returns the next free row. */
    int writeTable(Sheet sheet, int firstRow, String title, TargetTableGrid grid) {
        Row titleRow = row(sheet, firstRow);
        title(titleRow, 0, title);
        titleRow.setHeightInPoints(28f);
        int columns = grid.columns();
        int[] widths = grid.widths();
        sheet.addMergedRegion(new CellRangeAddress(firstRow, firstRow, 0, columns - 1));
        int base = firstRow + 1;
        // The box: every position of rows 1.. gets a bordered cell, so empty and merged positions show borders.
        for (int r = 1; r < grid.rowCount(); r++) {
            Row row = row(sheet, base + r);
            for (int c = 0; c < columns; c++) {
                if (row.getCell(c) == null) {
                    row.createCell(c).setCellStyle(style(Kind.TEXT, false));
                }
            }
        }
        float[] lines = new float[grid.rowCount()];
        java.util.Arrays.fill(lines, 1f);
        for (TargetTableGrid.Cell gc : grid.cells()) {
            int r = base + gc.row();
            Row row = row(sheet, r);
            text(row, gc.col(), gc.text(), gc.kind());
            if (gc.row() > 0) {
                CellStyle covered = style(gc.kind(), false);
                for (int dr = 0; dr < gc.rowSpan(); dr++) {
                    for (int dc = 0; dc < gc.colSpan(); dc++) {
                        if (dr > 0 || dc > 0) {
                            Row cr = row(sheet, r + dr);
                            org.apache.poi.ss.usermodel.Cell cell = cr.getCell(gc.col() + dc);
                            if (cell == null) {
                                cell = cr.createCell(gc.col() + dc);
                            }
                            cell.setCellStyle(covered);
                        }
                    }
                }
            }
            if (gc.rowSpan() > 1 || gc.colSpan() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(r, r + gc.rowSpan() - 1,
                        gc.col(), gc.col() + gc.colSpan() - 1));
            }
            if (gc.rowSpan() == 1 && gc.kind() != Kind.UNIT) {
                int width = 0;
                for (int dc = 0; dc < gc.colSpan(); dc++) {
                    width += widths[gc.col() + dc];
                }
                lines[gc.row()] = Math.max(lines[gc.row()], lines(gc.text(), width));
            }
        }
        for (int r = 0; r < grid.rowCount(); r++) {
            row(sheet, base + r).setHeightInPoints(Math.max(20f, lines[r] * LINE_POINTS + 4f));
        }
        return base + grid.rowCount();
    }

    /** Lines a wrapped text needs in a cell {@code width} characters wide (CJK characters count two). */
    static int lines(String text, int width) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int usable = Math.max(1, width - 1);
        int total = 0;
        for (String part : text.split("\r?\n|\r", -1)) {
            int w = 0;
            for (int i = 0; i < part.length(); i++) {
                w += part.charAt(i) >= 0x2E80 ? 2 : 1;
            }
            total += Math.max(1, (w + usable - 1) / usable);
        }
        return total;
    }

    static Row row(Sheet sheet, int r) {
        Row row = sheet.getRow(r);
        return row == null ? sheet.createRow(r) : row;
    }
}
