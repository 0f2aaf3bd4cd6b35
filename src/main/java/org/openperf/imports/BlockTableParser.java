package org.openperf.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openperf.targets.GradeBands;
import org.openperf.targets.Indicator;
import org.openperf.targets.IndicatorFramework;
import org.openperf.targets.Project;
import org.openperf.targets.SpendingPlanEntry;
import org.openperf.targets.TargetValue;
import org.openperf.targets.TargetValueParser;

/**
 * Finds target-table blocks in a {@link Grid} by their labels (layouts A, B, C, D and the project's own template
 * F): title, unit, 项目编码, 项目名称, budget, purpose, goal, spending plan, then the indicator header and the
 * indicator rows until a blank row, the next block or the end. Several blocks may follow one another.
 */
final class BlockTableParser {

    private static final Pattern MONTH = Pattern.compile("^(\\d{1,2})月(?:底|末|份|止)?$");
    private static final Pattern LEADING_NUMBER = Pattern.compile(
            "^(?:\\d{1,3}\\s*[.、．]|[\\(（]\\d{1,3}[\\)）]|第\\d{1,3}[项个]\\s*[.、．:：]?)\\s*");
    private static final Pattern VALUE_LIKE = Pattern.compile(
            "^(?:[≥≤<>=＞＜≧≦＝].*|[-+]?\\d+(?:\\.\\d+)?\\s*(?:%|％|[\\p{IsHan}A-Za-z/·]{0,8})"
                    + "|\\d{4}\\s*年.*前|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日前)$");

    private final Grid g;
    private final int year;
    private final ReaderState state;
    private Block cur;
    private boolean firstInGrid = true;

    private BlockTableParser(Grid g, int year, ReaderState state) {
        this.g = g;
        this.year = year;
        this.state = state;
    }

    static void parse(Grid g, int year, ReaderState state) {
        new BlockTableParser(g, year, state).run();
    }

    /** What is carried between the grids of one file: the tables and problems found, the last unit seen. */
    static final class ReaderState {
        final List<ImportedTable> tables = new ArrayList<>();
        final List<ImportProblem> problems = new ArrayList<>();
        String unitCode;
        String unitName;
        String departmentName;
    }

    private static final class Block {
        String title;
        SourceRef titleRef;
        String unitCode;
        String unitName;
        String departmentName;
        boolean unitSeen;
        String code;
        String name;
        SourceRef nameRef;
        String category;
        BigDecimal budget;
        BigDecimal fiscal;
        BigDecimal other;
        String purpose;
        String goal;
        List<SpendingPlanEntry> plan = new ArrayList<>();
        Header header;
        boolean inIndicators;
        final List<Indicator> indicators = new ArrayList<>();
        final List<SourceRef> refs = new ArrayList<>();
        String prevL1;
        String prevL2;
    }

    /** Column of each part of the indicator header; -1 when the table has no such column. */
    private record Header(int row, int l1, int l2, int l3, int desc, int value, int basis, int weight,
                          int excellent, int good, int fair, int poor) {
    }

    private void run() {
        for (int r = 0; r < g.rowCount(); r++) {
            if (g.isBlankRow(r)) {
                if (cur != null && cur.inIndicators) {
                    cur.inIndicators = false;
                }
                continue;
            }
            Header h = header(r);
            if (h != null) {
                if (cur == null || cur.header != null) {
                    start();
                }
                cur.header = h;
                cur.inIndicators = true;
                continue;
            }
            int first = firstOwn(r);
            String firstText = g.text(r, first);
            String title = title(r, first);
            if (title != null) {
                start();
                cur.title = title;
                cur.titleRef = g.ref(r, first);
                continue;
            }
            String[] unit = unitRow(r, first);
            if (cur != null && cur.inIndicators) {
                if (unit == null && !isLabel(firstText) && !isFootnote(firstText)) {
                    indicator(r);
                    continue;
                }
                cur.inIndicators = false;
            }
            if (isFootnote(firstText)) {
                continue;
            }
            if (unit != null) {
                if (cur == null || cur.unitSeen || cur.name != null || cur.header != null) {
                    start();
                }
                cur.unitCode = unit[0];
                cur.unitName = unit[1];
                cur.unitSeen = true;
                continue;
            }
            labels(r);
        }
        finish();
    }

    private void start() {
        finish();
        cur = new Block();
    }

    // ---------------------------------------------------------------- labels

    private void labels(int r) {
        boolean any = false;
        for (int c = 0; c < g.columnCount(); c++) {
            if (!g.isOwn(r, c)) {
                continue;
            }
            Labels label = Labels.of(g.text(r, c));
            if (label == null) {
                continue;
            }
            any = true;
            label(label, r, c);
        }
        if (!any && cur != null) {
            purposeUnderBudget(r);
        }
    }

    private void label(Labels label, int r, int c) {
        if (cur == null
                || label == Labels.NAME && (cur.name != null || cur.header != null)
                || label == Labels.CODE && (cur.code != null || cur.header != null)) {
            start();
        }
        int[] at = valueRight(r, c);
        String value = at == null ? null : g.text(at[0], at[1]);
        switch (label) {
            case NAME -> {
                cur.name = value;
                cur.nameRef = g.ref(r, c);
            }
            case CODE -> cur.code = value == null ? null : value.replace(" ", "");
            case CATEGORY -> cur.category = value;
            case DEPARTMENT -> cur.departmentName = value;
            case UNIT -> {
                String[] unit = value == null ? null : Labels.unit(value);
                if (unit != null) {
                    cur.unitCode = unit[0];
                    cur.unitName = unit[1];
                } else {
                    cur.unitName = value;
                }
                cur.unitSeen = true;
            }
            case BUDGET -> cur.budget = amount(value, at);
            case FISCAL -> cur.fiscal = amount(value, at);
            case OTHER -> cur.other = amount(value, at);
            case PURPOSE -> cur.purpose = value;
            case GOAL -> cur.goal = value;
            case PLAN -> plan(r, c);
            case BUDGET_AND_PURPOSE, FUNDS -> {
                // a frame around the budget rows; the purpose is read from the row under the budget
            }
            default -> throw new IllegalStateException(label.name());
        }
    }

    /** First non-empty cell right of a label, skipping the label's own merged span and stopping at a label. */
    private int[] valueRight(int r, int c) {
        for (int cc = c + 1; cc < g.columnCount(); cc++) {
            if (g.sameOrigin(r, c, r, cc)) {
                continue;
            }
            String t = g.text(r, cc);
            if (t.isEmpty()) {
                continue;
            }
            if (Labels.of(t) != null) {
                return null;
            }
            Grid.Cell cell = g.cell(r, cc);
            return new int[] {r, cc, cell.originRow(), cell.originCol()};
        }
        return null;
    }

    private BigDecimal amount(String text, int[] at) {
        if (text == null) {
            return null;
        }
        Text.Amount a = Text.amount(text);
        SourceRef where = g.ref(at[0], at[1]);
        if (a == null) {
            state.problems.add(ImportProblem.warning(where, "金额「" + text + "」不是数字，未读取"));
            return null;
        }
        if (a.repaired()) {
            state.problems.add(ImportProblem.warning(where,
                    "金额「" + text + "」中有多余的空格，已按 " + a.value().toPlainString() + " 读取"));
        }
        return a.value();
    }

    /** Layouts A/B: the row under the budget row holds the purpose, its first cell merged with the label above. */
    private void purposeUnderBudget(int r) {
        for (int c = 0; c < g.columnCount(); c++) {
            Grid.Cell cell = g.cell(r, c);
            if (cell == null || g.isOwn(r, c)) {
                if (cell != null && !cell.text().isEmpty()) {
                    return;
                }
                continue;
            }
            Labels label = Labels.of(cell.text());
            if (label != Labels.BUDGET_AND_PURPOSE && label != Labels.PURPOSE) {
                return;
            }
            for (int cc = c + 1; cc < g.columnCount(); cc++) {
                if (!g.sameOrigin(r, c, r, cc) && !g.text(r, cc).isEmpty()) {
                    if (cur.purpose == null) {
                        cur.purpose = g.text(r, cc);
                    }
                    return;
                }
            }
            return;
        }
    }

    /** Layout C: month labels (3月底 …) right of the label or in the row under it, cumulative percents below. */
    private void plan(int r, int c) {
        int monthRow = -1;
        for (int rr = r; rr <= r + 1 && monthRow < 0; rr++) {
            for (int cc = c + 1; cc < g.columnCount(); cc++) {
                if (g.isOwn(rr, cc) && MONTH.matcher(Text.key(g.text(rr, cc))).matches()) {
                    monthRow = rr;
                    break;
                }
            }
        }
        if (monthRow < 0) {
            state.problems.add(ImportProblem.warning(g.ref(r, c), "资金支出计划没有找到月份（如 3月底、6月底），未读取"));
            return;
        }
        List<SpendingPlanEntry> plan = new ArrayList<>();
        for (int cc = c + 1; cc < g.columnCount(); cc++) {
            if (!g.isOwn(monthRow, cc)) {
                continue;
            }
            Matcher m = MONTH.matcher(Text.key(g.text(monthRow, cc)));
            if (!m.matches()) {
                continue;
            }
            int month = Integer.parseInt(m.group(1));
            String pct = g.text(monthRow + 1, cc).replace("%", "").replace("％", "");
            Text.Amount a = Text.amount(pct);
            if (a == null || month < 1 || month > 12) {
                state.problems.add(ImportProblem.warning(g.ref(monthRow + 1, cc),
                        "资金支出计划「" + g.text(monthRow, cc) + "」的累计比例「" + g.text(monthRow + 1, cc) + "」无法识别，未读取"));
                continue;
            }
            plan.add(new SpendingPlanEntry(month, a.value()));
        }
        cur.plan = plan;
    }

    // ---------------------------------------------------------------- rows

    private int firstOwn(int r) {
        for (int c = 0; c < g.columnCount(); c++) {
            if (g.isOwn(r, c) && !g.text(r, c).isEmpty()) {
                return c;
            }
        }
        return 0;
    }

    private int ownCount(int r) {
        int n = 0;
        for (int c = 0; c < g.columnCount(); c++) {
            if (g.isOwn(r, c) && !g.text(r, c).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** A row holding only a title such as {@code 1.人力资源和社会保障经费绩效目标表} (maybe with 单位：万元). */
    private String title(int r, int first) {
        String t = g.text(r, first);
        if (!isTitle(t)) {
            return null;
        }
        for (int c = first + 1; c < g.columnCount(); c++) {
            if (g.isOwn(r, c) && !g.text(r, c).isEmpty() && !Labels.isMoneyUnitNote(g.text(r, c))) {
                return null;
            }
        }
        return t;
    }

    static boolean isTitle(String t) {
        String k = Text.key(t);
        return k.length() <= 120 && k.endsWith("绩效目标表") && !k.contains("。");
    }

    /** A row such as {@code 402001 青岛市人力资源和社会保障局本级 … 单位：万元}. */
    private String[] unitRow(int r, int first) {
        if (ownCount(r) > 2) {
            return null;
        }
        for (int c = first + 1; c < g.columnCount(); c++) {
            if (g.isOwn(r, c) && !g.text(r, c).isEmpty() && !Labels.isMoneyUnitNote(g.text(r, c))) {
                return null;
            }
        }
        return Labels.unit(g.text(r, first));
    }

    private static boolean isLabel(String text) {
        Labels l = Labels.of(text);
        return l != null && l != Labels.FUNDS;
    }

    private static boolean isFootnote(String text) {
        String k = Text.key(text);
        return k.startsWith("注:") || k.startsWith("注1") || k.startsWith("填报说明") || k.startsWith("备注:");
    }

    private Header header(int r) {
        int l1 = -1, l2 = -1, l3 = -1, desc = -1, value = -1, basis = -1, weight = -1;
        int ex = -1, good = -1, fair = -1, poor = -1;
        for (int c = 0; c < g.columnCount(); c++) {
            if (!g.isOwn(r, c)) {
                continue;
            }
            String k = Text.key(g.text(r, c));
            if (k.isEmpty()) {
                continue;
            }
            if (k.equals("一级指标") && l1 < 0) {
                l1 = c;
            } else if (k.equals("二级指标") && l2 < 0) {
                l2 = c;
            } else if (k.equals("三级指标") && l3 < 0) {
                l3 = c;
            } else if ((k.equals("绩效指标描述") || k.equals("指标描述") || k.equals("指标解释") || k.equals("指标内容")
                    || k.equals("指标说明")) && desc < 0) {
                desc = c;
            } else if (k.contains("依据") && basis < 0) {
                basis = c;
            } else if ((k.startsWith("指标值") || k.equals("绩效指标值") || k.equals("年度指标值") || k.equals("目标值")
                    || k.equals("年度目标值")) && value < 0) {
                value = c;
            } else if ((k.equals("分值") || k.equals("权重") || k.equals("分值权重") || k.equals("指标分值")
                    || k.equals("指标权重") || k.equals("权重(分值)") || k.equals("分值(权重)")) && weight < 0) {
                weight = c;
            } else if (k.equals("优") && ex < 0) {
                ex = c;
            } else if (k.equals("良") && good < 0) {
                good = c;
            } else if (k.equals("中") && fair < 0) {
                fair = c;
            } else if (k.equals("差") && poor < 0) {
                poor = c;
            }
        }
        if (l1 < 0 || l2 < 0 || l3 < 0) {
            return null;
        }
        return new Header(r, l1, l2, l3, desc, value, basis, weight, ex, good, fair, poor);
    }

    private String at(int r, int c, int shift) {
        return c < 0 ? "" : g.text(r, c + shift);
    }

    private void indicator(int r) {
        Header h = cur.header;
        String t1 = g.text(r, h.l1());
        String t2 = g.text(r, h.l2());
        String t3 = g.text(r, h.l3());
        String tv = at(r, h.value(), 0);
        int shift = 0;
        String l1;
        String l2;
        String l1Canon = IndicatorFramework.level1(t1);
        String l2OfT1 = IndicatorFramework.level2(t1);
        String l1OfT2 = IndicatorFramework.level1(t2);
        if (l1Canon == null && l2OfT1 != null && l1OfT2 != null) {
            // 一级 and 二级 columns swapped: 数量指标 | 产出指标
            l1 = t2;
            l2 = t1;
            warn(r, h.l1(), "一级指标与二级指标两栏填反了（「" + t1 + "」是二级指标，「" + t2 + "」是一级指标），已对调后读取");
        } else if (l1Canon == null && l2OfT1 != null && tv.isEmpty()) {
            // the row slid one column left: the 一级 cell holds the 二级, the value stands in the description column
            shift = -1;
            l1 = IndicatorFramework.parentOf(t1);
            l2 = t1;
            warn(r, h.l1(), "该行左移了一列（一级指标栏是二级指标「" + t1 + "」），已按一级指标「" + l1 + "」、二级指标「" + t1
                    + "」、三级指标「" + t2 + "」读取");
        } else if (l1Canon == null && l2OfT1 != null) {
            l1 = IndicatorFramework.parentOf(t1);
            l2 = IndicatorFramework.level2(t2) != null ? t2 : t1;
            warn(r, h.l1(), "一级指标栏填的是二级指标「" + t1 + "」，已按一级指标「" + l1 + "」读取");
        } else if (l1OfT2 != null && IndicatorFramework.belongsTo(t2, t3)
                && (l1Canon == null || !IndicatorFramework.belongsTo(t1, t2))) {
            // the row slid one column right: | 产出指标 | 数量指标 | 就业见习人数 |
            shift = 1;
            l1 = t2;
            l2 = t3;
            warn(r, h.l2(), "该行右移了一列（二级指标栏是一级指标「" + t2 + "」），已按一级指标「" + t2 + "」、二级指标「" + t3
                    + "」、三级指标「" + at(r, h.l3(), 1) + "」读取");
        } else {
            l1 = t1;
            l2 = t2;
        }
        String name = shift == 0 ? t3 : at(r, h.l3(), shift);
        String desc = at(r, h.desc(), shift);
        String value = at(r, h.value(), shift);
        String basis = at(r, h.basis(), shift);
        String weight = at(r, h.weight(), shift);
        if (shift == -1 && h.desc() < 0) {
            desc = "";
        }
        if (value.isEmpty() && !desc.isEmpty() && shift == 0 && VALUE_LIKE.matcher(desc).matches()) {
            warn(r, h.desc(), "指标值「" + desc + "」写在了绩效指标描述栏，已按指标值读取");
            value = desc;
            desc = "";
        }
        // merged 一级/二级 read as their value already; blank ones carry the row above down
        if (l1.isEmpty()) {
            l1 = cur.prevL1 == null ? "" : cur.prevL1;
            if (l2.isEmpty() && cur.prevL2 != null) {
                l2 = cur.prevL2;
            }
        }
        String level1 = canonical1(l1);
        String level2 = canonical2(l2);
        cur.prevL1 = level1;
        cur.prevL2 = level2;
        TargetValue tvalue = TargetValueParser.parse(Text.emptyToNull(value), year);
        Indicator ind = new Indicator(level1, level2, Text.emptyToNull(name), Text.emptyToNull(desc), tvalue);
        ind.setBasis(Text.emptyToNull(basis));
        if (!weight.isEmpty()) {
            Text.Amount w = Text.amount(weight.replace("分", ""));
            if (w == null) {
                warn(r, h.weight(), "分值权重「" + weight + "」不是数字，未读取");
            } else {
                ind.setWeight(w.value());
            }
        }
        if (h.excellent() >= 0 || h.good() >= 0 || h.fair() >= 0 || h.poor() >= 0) {
            GradeBands bands = new GradeBands(Text.emptyToNull(at(r, h.excellent(), shift)),
                    Text.emptyToNull(at(r, h.good(), shift)), Text.emptyToNull(at(r, h.fair(), shift)),
                    Text.emptyToNull(at(r, h.poor(), shift)));
            ind.setBands(bands.isEmpty() ? null : bands);
        }
        cur.indicators.add(ind);
        cur.refs.add(g.ref(r, h.l3()));
    }

    static String canonical1(String text) {
        String c = IndicatorFramework.level1(text);
        return c != null ? c : Text.emptyToNull(text);
    }

    static String canonical2(String text) {
        String c = IndicatorFramework.level2(text);
        return c != null ? c : Text.emptyToNull(text);
    }

    private void warn(int r, int c, String message) {
        state.problems.add(ImportProblem.warning(g.ref(r, c), message));
    }

    // ---------------------------------------------------------------- finishing

    private void finish() {
        Block b = cur;
        cur = null;
        if (b == null) {
            return;
        }
        boolean first = firstInGrid;
        firstInGrid = false;
        if (b.title == null && first && g.isWord()) {
            for (String line : g.context()) {
                if (isTitle(line)) {
                    b.title = line;
                }
            }
        }
        if (!b.unitSeen && first && g.isWord()) {
            for (String line : g.context()) {
                String[] unit = Labels.unit(line);
                if (unit != null) {
                    b.unitCode = unit[0];
                    b.unitName = unit[1];
                    b.unitSeen = true;
                }
            }
        }
        if (b.header == null) {
            if (b.name != null || b.title != null) {
                SourceRef where = b.nameRef != null ? b.nameRef : b.titleRef;
                String what = b.name != null ? "项目「" + b.name + "」" : "表「" + b.title + "」";
                state.problems.add(ImportProblem.error(where, what
                        + "下没有找到指标表头（一级指标、二级指标、三级指标、指标值），无法作为绩效目标表读取"));
            }
            return;
        }
        SourceRef headerRef = g.ref(b.header.row(), b.header.l1());
        if (b.name == null) {
            state.problems.add(ImportProblem.error(headerRef,
                    "指标表头上方没有找到「项目名称」，无法确定这些指标属于哪个项目"));
            return;
        }
        if (b.unitSeen || b.departmentName != null) {
            state.unitCode = b.unitCode;
            state.unitName = b.unitName;
            state.departmentName = b.departmentName;
        } else {
            b.unitCode = state.unitCode;
            b.unitName = state.unitName;
            b.departmentName = state.departmentName;
        }
        Project p = new Project(year, b.name);
        p.setCode(Text.emptyToNull(b.code));
        p.setCategory(b.category);
        p.setBudget(b.budget);
        p.setFiscalFunds(b.fiscal);
        BigDecimal other = b.other;
        if (other == null && b.budget != null && b.fiscal != null && b.budget.compareTo(b.fiscal) == 0) {
            other = BigDecimal.ZERO;
        }
        p.setOtherFunds(other);
        p.setPurpose(b.purpose);
        p.setGoal(b.goal);
        p.setSpendingPlan(b.plan);
        b.indicators.forEach(p::addIndicator);
        if (b.indicators.isEmpty()) {
            state.problems.add(ImportProblem.warning(headerRef, "项目「" + b.name + "」的指标表头下没有指标行"));
        }
        SourceRef where = b.titleRef != null ? b.titleRef : b.nameRef;
        state.tables.add(new ImportedTable(tableTitle(b.title, b.name), b.unitCode, b.unitName, b.departmentName,
                p, where, List.copyOf(b.refs)));
    }

    /** {@code 1.人力资源和社会保障经费绩效目标表} → {@code 人力资源和社会保障经费}; generic titles give the project name. */
    static String tableTitle(String title, String projectName) {
        if (title == null) {
            return projectName;
        }
        String t = LEADING_NUMBER.matcher(title).replaceFirst("");
        t = t.replaceFirst("\\s*绩效目标表$", "").trim();
        String k = Text.key(t);
        if (k.isEmpty() || k.equals("项目支出") || k.equals("项目") || k.equals("部门项目支出") || k.matches("\\d{4}年度?项目支出")) {
            return projectName;
        }
        return t;
    }
}
