package org.openperf.exports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;
import org.openperf.targets.SpendingPlanEntry;
import org.openperf.targets.Unit;

/**
 * One target table (绩效目标表) as a grid of seven columns, independent of the file format: the workbook, the Word
 * and the template writers all render this grid, so the three carry the same labels in the same order as the
 * published tables (Qingdao, Tianjin, county documents with 项目编码 and 资金支出计划). Row 0 is the unit row; the
 * title (N.名称绩效目标表) is not part of the grid because Excel puts it in a row above and Word in a paragraph.
 */
final class TargetTableGrid {

    static final int COLUMNS = 7;

    static final String UNIT_NOTE = "单位：万元";
    static final String CODE = "项目编码";
    static final String NAME = "项目名称";
    static final String BUDGET = "预算规模及资金用途";
    static final String BUDGET_TOTAL = "预算数";
    static final String FISCAL = "其中：财政资金";
    static final String OTHER = "其他资金";
    static final String PLAN = "资金支出计划（%）";
    static final String GOAL = "绩效目标";
    static final String LEVEL1 = "一级指标";
    static final String LEVEL2 = "二级指标";
    static final String LEVEL3 = "三级指标";
    static final String DESCRIPTION = "绩效指标描述";
    static final String VALUE = "指标值";
    static final String BASIS = "指标值确定依据";
    static final String WEIGHT = "分值权重";
    static final String TITLE_SUFFIX = "绩效目标表";

    /** How a cell is shown: the writers map each kind to a style. */
    enum Kind {
        /** The unit row's text, outside the bordered box in Excel. */
        UNIT,
        /** 单位：万元 at the right end of the unit row. */
        UNIT_NOTE,
        /** A block label such as 项目名称, and the 一级/二级 names of indicator runs. */
        LABEL,
        /** The indicator header row. */
        HEADER,
        /** Free text: names, purpose, goal, indicator texts. */
        TEXT,
        /** Amounts, percents and weights, written as text so 万元 stay exact. */
        NUMBER
    }

    /** A cell anchored at (row, col) spanning rowSpan × colSpan grid positions. */
    record Cell(int row, int col, int rowSpan, int colSpan, String text, Kind kind) {
    }

    private final List<Cell> cells = new ArrayList<>();
    private final int columns;
    private final int[] widths;
    private int rows;
    private int headerRow = -1;
    private int firstIndicatorRow = -1;
    private int budgetRow = -1;
    private int planRow = -1;

    /** A grid of the target table's seven columns. */
    TargetTableGrid() {
        this(COLUMNS, WorkbookStyles.WIDTHS);
    }

    /** A grid of another table (the 自评表): its column count and widths in characters. */
    TargetTableGrid(int columns, int[] widths) {
        if (widths.length != columns) {
            throw new IllegalArgumentException(columns + " columns need " + columns + " widths");
        }
        this.columns = columns;
        this.widths = widths.clone();
    }

    List<Cell> cells() {
        return Collections.unmodifiableList(cells);
    }

    int columns() {
        return columns;
    }

    int[] widths() {
        return widths.clone();
    }

    /** Any cell, for grids other than the target table's; the grid grows to hold it. */
    TargetTableGrid cell(int row, int col, int rowSpan, int colSpan, String text, Kind kind) {
        if (col < 0 || col + colSpan > columns) {
            throw new IllegalArgumentException("cell at column " + col + " spanning " + colSpan + " of " + columns);
        }
        put(row, col, rowSpan, colSpan, text, kind);
        rows = Math.max(rows, row + rowSpan);
        return this;
    }

    int rowCount() {
        return rows;
    }

    int headerRow() {
        return headerRow;
    }

    int firstIndicatorRow() {
        return firstIndicatorRow;
    }

    int budgetRow() {
        return budgetRow;
    }

    /** The first (month label) row of the 资金支出计划 block, or -1 when there is none. */
    int planRow() {
        return planRow;
    }

    /** The cell anchored at (row, col), or null. */
    Cell at(int row, int col) {
        for (Cell c : cells) {
            if (c.row() == row && c.col() == col) {
                return c;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- building

    private void put(int row, int col, int rowSpan, int colSpan, String text, Kind kind) {
        cells.add(new Cell(row, col, rowSpan, colSpan, text == null ? "" : text, kind));
    }

    /** Row 0: {@code unitText} … 单位：万元. */
    TargetTableGrid unitRow(String unitText) {
        int r = rows++;
        put(r, 0, 1, 1, unitText, Kind.UNIT);
        put(r, COLUMNS - 1, 1, 1, UNIT_NOTE, Kind.UNIT_NOTE);
        return this;
    }

    /** A label in column A and its text across B:G (项目编码, 项目名称, 绩效目标). */
    TargetTableGrid labelledRow(String label, String text) {
        int r = rows++;
        put(r, 0, 1, 1, label, Kind.LABEL);
        put(r, 1, 1, COLUMNS - 1, text, Kind.TEXT);
        return this;
    }

    /** 预算规模及资金用途 | 预算数 | x | 其中：财政资金 | x | 其他资金 | x, then the purpose across B:G below. */
    TargetTableGrid budgetRows(String budget, String fiscal, String other, String purpose) {
        int r = rows;
        budgetRow = r;
        rows += 2;
        put(r, 0, 2, 1, BUDGET, Kind.LABEL);
        put(r, 1, 1, 1, BUDGET_TOTAL, Kind.LABEL);
        put(r, 2, 1, 1, budget, Kind.NUMBER);
        put(r, 3, 1, 1, FISCAL, Kind.LABEL);
        put(r, 4, 1, 1, fiscal, Kind.NUMBER);
        put(r, 5, 1, 1, OTHER, Kind.LABEL);
        put(r, 6, 1, 1, other, Kind.NUMBER);
        put(r + 1, 1, 1, COLUMNS - 1, purpose, Kind.TEXT);
        return this;
    }

    /**
     * 资金支出计划（%）: month labels (3月底 …) on one row, cumulative percents on the next, six per pair of rows (a
     * plan with more than six milestones continues on a further pair); column A is merged down the block.
     */
    TargetTableGrid spendingPlanRows(List<String> months, List<String> percents) {
        if (months.isEmpty()) {
            return this;
        }
        int perRow = COLUMNS - 1;
        int pairs = (months.size() + perRow - 1) / perRow;
        int r = rows;
        planRow = r;
        rows += pairs * 2;
        put(r, 0, pairs * 2, 1, PLAN, Kind.LABEL);
        for (int i = 0; i < months.size(); i++) {
            int pair = i / perRow;
            int col = 1 + i % perRow;
            put(r + pair * 2, col, 1, 1, months.get(i), Kind.LABEL);
            put(r + pair * 2 + 1, col, 1, 1, i < percents.size() ? percents.get(i) : "", Kind.NUMBER);
        }
        return this;
    }

    /** 一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 [| 指标值确定依据] [| 分值权重]. */
    TargetTableGrid headerRow(boolean basis, boolean weight) {
        int r = rows++;
        headerRow = r;
        List<String> labels = new ArrayList<>(List.of(LEVEL1, LEVEL2, LEVEL3, DESCRIPTION, VALUE));
        if (basis) {
            labels.add(BASIS);
        }
        if (weight) {
            labels.add(WEIGHT);
        }
        for (int c = 0; c < labels.size(); c++) {
            put(r, c, 1, 1, labels.get(c), Kind.HEADER);
        }
        return this;
    }

    /**
     * Indicator rows: each row's texts in header order (一级, 二级, 三级, 描述, 指标值[, 依据][, 权重]). 一级 is merged
     * down each run of equal non-blank names, 二级 down each run of equal names inside a 一级 run, as the
     * published tables merge them.
     */
    TargetTableGrid indicatorRows(List<String[]> rowsTexts, boolean basis, boolean weight) {
        int first = rows;
        firstIndicatorRow = first;
        int n = rowsTexts.size();
        rows += n;
        int i = 0;
        while (i < n) {
            String l1 = rowsTexts.get(i)[0];
            int end = runEnd(rowsTexts, i, 0, -1);
            put(first + i, 0, end - i, 1, l1, Kind.LABEL);
            int j = i;
            while (j < end) {
                int end2 = runEnd(rowsTexts, j, 1, end);
                put(first + j, 1, end2 - j, 1, rowsTexts.get(j)[1], Kind.LABEL);
                j = end2;
            }
            i = end;
        }
        for (int k = 0; k < n; k++) {
            String[] t = rowsTexts.get(k);
            int r = first + k;
            put(r, 2, 1, 1, t[2], Kind.TEXT);
            put(r, 3, 1, 1, t[3], Kind.TEXT);
            put(r, 4, 1, 1, t[4], Kind.TEXT);
            int c = 5;
            if (basis) {
                put(r, c++, 1, 1, t[5], Kind.TEXT);
            }
            if (weight) {
                put(r, c, 1, 1, t[6], Kind.NUMBER);
            }
        }
        return this;
    }

    /** End (exclusive) of the run of equal non-blank texts in column {@code col} starting at {@code from}. */
    static int runEnd(List<String[]> rowsTexts, int from, int col, int limit) {
        int max = limit < 0 ? rowsTexts.size() : limit;
        String v = rowsTexts.get(from)[col];
        int e = from + 1;
        if (v == null || v.isBlank()) {
            return e;
        }
        while (e < max && Objects.equals(v, rowsTexts.get(e)[col])) {
            e++;
        }
        return e;
    }

    // ---------------------------------------------------------------- from a project

    /**
     * The grid of one project's table. {@code unitSeparator} is what goes between unit code and name: a space in
     * the Qingdao workbooks, nothing in the Tianjin documents.
     */
    static TargetTableGrid of(Project p, String unitSeparator) {
        TargetTableGrid g = new TargetTableGrid();
        g.unitRow(unitText(p.getUnit(), unitSeparator));
        if (notBlank(p.getCode())) {
            g.labelledRow(CODE, p.getCode());
        }
        g.labelledRow(NAME, p.getName());
        g.budgetRows(amount(p.getBudget()), amount(p.getFiscalFunds()), amount(p.getOtherFunds()), p.getPurpose());
        List<String> months = new ArrayList<>();
        List<String> percents = new ArrayList<>();
        for (SpendingPlanEntry e : p.getSpendingPlan()) {
            months.add(e.getMonth() + "月底");
            percents.add(amount(e.getCumulativePercent()));
        }
        g.spendingPlanRows(months, percents);
        g.labelledRow(GOAL, p.getGoal());
        List<Indicator> indicators = p.getIndicators();
        boolean basis = indicators.stream().anyMatch(i -> notBlank(i.getBasis()));
        boolean weight = indicators.stream().anyMatch(i -> i.getWeight() != null);
        g.headerRow(basis, weight);
        List<String[]> texts = new ArrayList<>();
        for (Indicator i : indicators) {
            texts.add(new String[] {
                i.getLevel1(), i.getLevel2(), i.getName(), i.getDescription(),
                i.getValue() == null ? "" : i.getValue().getText(),
                i.getBasis(), weight(i.getWeight())});
        }
        g.indicatorRows(texts, basis, weight);
        return g;
    }

    /** N.名称绩效目标表 */
    static String title(int number, Project p) {
        return number + "." + (p.getName() == null ? "" : p.getName()) + TITLE_SUFFIX;
    }

    static String unitText(Unit unit, String separator) {
        if (unit == null) {
            return "";
        }
        String code = unit.getCode();
        String name = unit.getName() == null ? "" : unit.getName();
        return notBlank(code) ? code + separator + name : name;
    }

    /**
     * An amount in 万元 (or a percent) as text: two decimals as the published tables print them ({@code 835.00}),
     * more only when the stored value has them, so nothing is rounded away.
     */
    static String amount(BigDecimal v) {
        if (v == null) {
            return "";
        }
        BigDecimal s = v.stripTrailingZeros();
        int scale = Math.max(2, s.scale());
        return v.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A weight as written in tables: 10, 7.5, 7.1429 — no trailing zeros. */
    static String weight(BigDecimal v) {
        if (v == null) {
            return "";
        }
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0, RoundingMode.UNNECESSARY) : s).toPlainString();
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
