package org.openperf.imports;

/**
 * A place in an uploaded file: for a workbook the sheet and 0-based row and column; for a Word document the
 * 1-based table number (as {@code sheet} "表格 N") and 0-based row and column. {@link #toString()} is what users read.
 */
public record SourceRef(String sheet, int row, int column, boolean word) {

    public static SourceRef cell(String sheet, int row, int column) {
        return new SourceRef(sheet, row, column, false);
    }

    public static SourceRef wordCell(int table, int row, int column) {
        return new SourceRef("表格 " + table, row, column, true);
    }

    /** Excel-style reference, e.g. {@code 青岛市公共就业和人才服务中心!E86}; for Word {@code 表格 3 第 7 行 第 5 列}. */
    @Override
    public String toString() {
        if (word) {
            return sheet + " 第 " + (row + 1) + " 行 第 " + (column + 1) + " 列";
        }
        return sheet + "!" + columnName(column) + (row + 1);
    }

    public static String columnName(int column) {
        StringBuilder sb = new StringBuilder();
        int c = column;
        do {
            sb.insert(0, (char) ('A' + c % 26));
            c = c / 26 - 1;
        } while (c >= 0);
        return sb.toString();
    }
}
