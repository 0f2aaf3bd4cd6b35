package org.openperf.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * One sheet of a workbook or one table of a Word document as a rectangle of cleaned cell texts. A merged cell
 * (xlsx merged region, docx gridSpan / vMerge) reads as its value in every cell it covers; {@link #isOwn} tells
 * the cell that holds the value from the cells that only repeat it.
 */
final class Grid {

    private final String name;
    private final boolean word;
    private final int tableNo;
    private final List<String> context;
    private final List<Cell[]> rows = new ArrayList<>();
    private int columns;
    private final List<ImportProblem> notes = new ArrayList<>();

    private Grid(String name, boolean word, int tableNo, List<String> context) {
        this.name = name;
        this.word = word;
        this.tableNo = tableNo;
        this.context = context;
    }

    static Grid sheet(String sheetName) {
        return new Grid(sheetName, false, 0, List.of());
    }

    /** A Word table; {@code context} is the text of the paragraphs before it (its title, sometimes its unit). */
    static Grid wordTable(int tableNo, List<String> context) {
        return new Grid("表格 " + tableNo, true, tableNo, List.copyOf(context));
    }

    /** A cell: its text, where its value comes from (itself unless merged), and the column users count. */
    record Cell(String text, int originRow, int originCol, int displayCol) {
    }

    void put(int row, int col, String text, int originRow, int originCol, int displayCol) {
        while (rows.size() <= row) {
            rows.add(null);
        }
        Cell[] r = rows.get(row);
        if (r == null || r.length <= col) {
            Cell[] bigger = new Cell[Math.max(col + 1, Math.max(columns, 8))];
            if (r != null) {
                System.arraycopy(r, 0, bigger, 0, r.length);
            }
            r = bigger;
            rows.set(row, r);
        }
        r[col] = new Cell(text == null ? "" : text, originRow, originCol, displayCol);
        columns = Math.max(columns, col + 1);
    }

    void putOwn(int row, int col, String text) {
        put(row, col, text, row, col, col);
    }

    Cell cell(int row, int col) {
        if (row < 0 || row >= rows.size() || col < 0) {
            return null;
        }
        Cell[] r = rows.get(row);
        return r == null || col >= r.length ? null : r[col];
    }

    String text(int row, int col) {
        Cell c = cell(row, col);
        return c == null ? "" : c.text();
    }

    /** Whether the cell holds its own value (not a copy from a merge). An absent cell counts as own and empty. */
    boolean isOwn(int row, int col) {
        Cell c = cell(row, col);
        return c == null || (c.originRow() == row && c.originCol() == col);
    }

    /** The text of the cell if it is its own value, else "". */
    String ownText(int row, int col) {
        return isOwn(row, col) ? text(row, col) : "";
    }

    boolean sameOrigin(int r1, int c1, int r2, int c2) {
        Cell a = cell(r1, c1);
        Cell b = cell(r2, c2);
        return a != null && b != null && a.originRow() == b.originRow() && a.originCol() == b.originCol();
    }

    int rowCount() {
        return rows.size();
    }

    int columnCount() {
        return columns;
    }

    /** No cell of the row holds a value of its own. */
    boolean isBlankRow(int row) {
        for (int c = 0; c < columns; c++) {
            if (isOwn(row, c) && !text(row, c).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Something noticed while the grid was built (a value stored as a formula), reported with the tables. */
    void note(ImportProblem problem) {
        notes.add(problem);
    }

    List<ImportProblem> notes() {
        return notes;
    }

    String name() {
        return name;
    }

    boolean isWord() {
        return word;
    }

    List<String> context() {
        return context;
    }

    SourceRef ref(int row, int col) {
        if (word) {
            Cell c = cell(row, col);
            return SourceRef.wordCell(tableNo, row, c == null ? col : c.displayCol());
        }
        return SourceRef.cell(name, row, col);
    }
}
