package org.openperf.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openperf.targets.GradeBands;
import org.openperf.targets.Indicator;
import org.openperf.targets.IndicatorFramework;
import org.openperf.targets.Project;
import org.openperf.targets.TargetValueParser;

/**
 * Layout E, the flat approval list: one row per indicator under a header 单位名称 · 项目名称 · 项目类别 · 预算数 ·
 * 绩效目标 · 一级指标 · 二级指标 · 三级指标 · 绩效指标性质 · 绩效指标值 · 度量单位 · 分值权重, the project cells merged
 * down the project's rows, a 合计 row to skip.
 */
final class FlatListParser {

    /** {@code 63012300024T000000269-公益性岗位社保补贴县配资金}: the code, a dash, the name. */
    private static final Pattern CODE_AND_NAME = Pattern.compile("^([0-9A-Za-z]{6,})\\s*[-－—]\\s*(.+)$");

    private final Grid g;
    private final int year;
    private final BlockTableParser.ReaderState state;
    private final Columns col;

    private record Columns(int row, int unit, int name, int category, int budget, int goal, int l1, int l2, int l3,
                           int operator, int value, int measure, int weight, int basis, int desc,
                           int excellent, int good, int fair, int poor) {

        boolean hasBands() {
            return excellent >= 0 || good >= 0 || fair >= 0 || poor >= 0;
        }
    }

    private FlatListParser(Grid g, int year, BlockTableParser.ReaderState state, Columns col) {
        this.g = g;
        this.year = year;
        this.state = state;
        this.col = col;
    }

    /** Reads the grid as a flat list if it has such a header row; false when it has none. */
    static boolean parse(Grid g, int year, BlockTableParser.ReaderState state) {
        for (int r = 0; r < g.rowCount(); r++) {
            Columns c = header(g, r);
            if (c != null) {
                new FlatListParser(g, year, state, c).run();
                return true;
            }
        }
        return false;
    }

    private static Columns header(Grid g, int r) {
        int unit = -1, name = -1, category = -1, budget = -1, goal = -1, l1 = -1, l2 = -1, l3 = -1;
        int op = -1, value = -1, measure = -1, weight = -1, basis = -1, desc = -1;
        int ex = -1, good = -1, fair = -1, poor = -1;
        for (int c = 0; c < g.columnCount(); c++) {
            if (!g.isOwn(r, c)) {
                continue;
            }
            String k = Text.key(g.text(r, c));
            switch (k) {
                case "单位名称", "预算单位", "单位" -> unit = unit < 0 ? c : unit;
                case "项目名称" -> name = name < 0 ? c : name;
                case "项目类别", "项目类型" -> category = category < 0 ? c : category;
                case "预算数", "预算金额", "年度预算数" -> budget = budget < 0 ? c : budget;
                case "绩效目标", "年度绩效目标", "年度总体绩效目标" -> goal = goal < 0 ? c : goal;
                case "一级指标" -> l1 = l1 < 0 ? c : l1;
                case "二级指标" -> l2 = l2 < 0 ? c : l2;
                case "三级指标" -> l3 = l3 < 0 ? c : l3;
                case "绩效指标性质", "指标性质", "符号", "运算符号" -> op = op < 0 ? c : op;
                case "绩效指标值", "指标值" -> value = value < 0 ? c : value;
                case "度量单位", "计量单位", "单位(度量)" -> measure = measure < 0 ? c : measure;
                case "分值权重", "分值", "权重" -> weight = weight < 0 ? c : weight;
                case "指标值确定依据", "确定依据" -> basis = basis < 0 ? c : basis;
                case "绩效指标描述", "指标描述" -> desc = desc < 0 ? c : desc;
                case "优" -> ex = ex < 0 ? c : ex;
                case "良" -> good = good < 0 ? c : good;
                case "中" -> fair = fair < 0 ? c : fair;
                case "差" -> poor = poor < 0 ? c : poor;
                default -> {
                }
            }
        }
        if (name < 0 || l1 < 0 || l3 < 0 || (unit < 0 && op < 0 && measure < 0)) {
            return null;
        }
        return new Columns(r, unit, name, category, budget, goal, l1, l2, l3, op, value, measure, weight, basis, desc,
                ex, good, fair, poor);
    }

    private String at(int r, int c) {
        return c < 0 ? "" : g.text(r, c);
    }

    private void run() {
        Project project = null;
        List<SourceRef> refs = null;
        String unitCode = null;
        String unitName = null;
        SourceRef where = null;
        int projectOriginRow = -1;
        String projectText = null;
        String prevL1 = null;
        String prevL2 = null;
        for (int r = col.row() + 1; r < g.rowCount(); r++) {
            if (g.isBlankRow(r)) {
                continue;
            }
            String first = g.text(r, firstOwn(r));
            if (Text.key(first).startsWith("合计") || Text.key(first).startsWith("总计")) {
                continue;
            }
            Grid.Cell l3Cell = g.cell(r, col.l3());
            Grid.Cell nameCell = g.cell(r, col.name());
            if (l3Cell != null && l3Cell.originRow() <= col.row() || nameCell != null && nameCell.originRow() <= col.row()) {
                continue; // the header merged down over a second header row (其中：预算执行率)
            }
            String l3 = at(r, col.l3());
            String nameText = at(r, col.name());
            if (l3.isEmpty() && nameText.isEmpty()) {
                continue; // second header row (其中：预算执行率) and the like
            }
            boolean newProject = !nameText.isEmpty()
                    && (project == null || nameCell.originRow() != projectOriginRow || !nameText.equals(projectText));
            if (newProject) {
                if (project != null) {
                    add(project, unitCode, unitName, where, refs);
                }
                projectOriginRow = nameCell.originRow();
                projectText = nameText;
                String unitText = at(r, col.unit());
                if (!unitText.isEmpty()) {
                    String[] u = Labels.unit(unitText);
                    unitCode = u == null ? null : u[0];
                    unitName = u == null ? unitText : u[1];
                }
                project = project(r, nameText);
                where = g.ref(r, col.name());
                refs = new ArrayList<>();
                prevL1 = null;
                prevL2 = null;
            } else if (project == null) {
                state.problems.add(ImportProblem.error(g.ref(r, col.l3()),
                        "指标行上没有项目名称，无法确定这些指标属于哪个项目"));
                return;
            }
            if (l3.isEmpty()) {
                continue;
            }
            String l1 = at(r, col.l1());
            String l2 = at(r, col.l2());
            if (IndicatorFramework.level1(l1) == null && IndicatorFramework.level2(l1) != null
                    && IndicatorFramework.level1(l2) != null) {
                String t = l1;
                l1 = l2;
                l2 = t;
                state.problems.add(ImportProblem.warning(g.ref(r, col.l1()),
                        "一级指标与二级指标两栏填反了（「" + l2 + "」是二级指标），已对调后读取"));
            }
            if (l1.isEmpty()) {
                l1 = prevL1 == null ? "" : prevL1;
                if (l2.isEmpty() && prevL2 != null) {
                    l2 = prevL2;
                }
            }
            String level1 = BlockTableParser.canonical1(l1);
            String level2 = BlockTableParser.canonical2(l2);
            prevL1 = level1;
            prevL2 = level2;
            String value = at(r, col.value());
            String text = value.isEmpty() ? null : (at(r, col.operator()) + value + at(r, col.measure())).trim();
            Indicator ind = new Indicator(level1, level2, l3, Text.emptyToNull(at(r, col.desc())),
                    TargetValueParser.parse(text, year));
            ind.setBasis(Text.emptyToNull(at(r, col.basis())));
            String weight = at(r, col.weight());
            if (!weight.isEmpty()) {
                Text.Amount w = Text.amount(weight);
                if (w == null) {
                    state.problems.add(ImportProblem.warning(g.ref(r, col.weight()),
                            "分值权重「" + weight + "」不是数字，未读取"));
                } else {
                    ind.setWeight(w.value());
                }
            }
            if (col.hasBands()) {
                GradeBands bands = new GradeBands(Text.emptyToNull(at(r, col.excellent())),
                        Text.emptyToNull(at(r, col.good())), Text.emptyToNull(at(r, col.fair())),
                        Text.emptyToNull(at(r, col.poor())));
                ind.setBands(bands.isEmpty() ? null : bands);
            }
            project.addIndicator(ind);
            refs.add(g.ref(r, col.l3()));
        }
        if (project != null) {
            add(project, unitCode, unitName, where, refs);
        }
    }

    private Project project(int r, String nameText) {
        String code = null;
        String name = nameText;
        Matcher m = CODE_AND_NAME.matcher(nameText.replaceAll("(?<=[0-9A-Za-z]) +(?=[0-9A-Za-z])", ""));
        if (m.matches()) {
            code = m.group(1);
            name = m.group(2).trim();
        }
        Project p = new Project(year, name);
        p.setCode(code);
        p.setCategory(Text.emptyToNull(at(r, col.category())));
        p.setGoal(Text.emptyToNull(at(r, col.goal())));
        String budget = at(r, col.budget());
        if (!budget.isEmpty()) {
            Text.Amount a = Text.amount(budget);
            if (a == null) {
                state.problems.add(ImportProblem.warning(g.ref(r, col.budget()), "预算数「" + budget + "」不是数字，未读取"));
            } else {
                if (a.repaired()) {
                    state.problems.add(ImportProblem.warning(g.ref(r, col.budget()),
                            "金额「" + budget + "」中有多余的空格，已按 " + a.value().toPlainString() + " 读取"));
                }
                p.setBudget(a.value());
            }
        }
        return p;
    }

    private int firstOwn(int r) {
        for (int c = 0; c < g.columnCount(); c++) {
            if (g.isOwn(r, c) && !g.text(r, c).isEmpty()) {
                return c;
            }
        }
        return 0;
    }

    private void add(Project p, String unitCode, String unitName, SourceRef where, List<SourceRef> refs) {
        state.tables.add(new ImportedTable(p.getName(), unitCode, unitName, null, p, where, List.copyOf(refs)));
    }
}
