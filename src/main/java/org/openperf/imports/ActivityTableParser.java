package org.openperf.imports;

import java.util.List;
import org.openperf.targets.GradeBands;
import org.openperf.targets.Indicator;

/**
 * Department activity targets (DOMAIN.md, seed 001): a header {@code 活动编码 · 活动名称 · 活动描述 · 预算年度 · 绩效目标 ·
 * 绩效指标 · 指标描述 · 优 · 良 · 中 · 差} (and optionally 权重), found by its labels, then one row per indicator; the
 * activity's cells are merged down its indicators and read as their value in every row. A row with an activity but
 * no indicator is kept with a null indicator.
 */
final class ActivityTableParser {

    private ActivityTableParser() {
    }

    private record Header(int row, int code, int name, int description, int year, int goal, int indicator,
                          int indicatorDescription, int excellent, int good, int fair, int poor, int weight) {
    }

    static void parse(Grid g, List<ActivityTargets.Row> rows, List<ImportProblem> problems) {
        Header h = null;
        for (int r = 0; r < g.rowCount(); r++) {
            if (g.isBlankRow(r)) {
                continue;
            }
            Header found = header(g, r);
            if (found != null) {
                h = found;
                continue;
            }
            if (h == null) {
                continue;
            }
            String name = at(g, r, h.indicator());
            if (name.isEmpty()) {
                if (!at(g, r, h.excellent()).isEmpty()) {
                    problems.add(ImportProblem.warning(g.ref(r, h.indicator()), "该行有等级档次但未填写绩效指标名称，未读取"));
                } else if (!at(g, r, h.code()).isEmpty() || !at(g, r, h.name()).isEmpty()) {
                    // An activity written without any indicator: kept, so that the check can say so.
                    rows.add(new ActivityTargets.Row(Text.emptyToNull(at(g, r, h.code())),
                            Text.emptyToNull(at(g, r, h.name())), Text.emptyToNull(at(g, r, h.description())),
                            year(at(g, r, h.year())), Text.emptyToNull(at(g, r, h.goal())), null,
                            g.ref(r, h.indicator())));
                }
                continue;
            }
            Indicator ind = new Indicator(null, null, name, Text.emptyToNull(at(g, r, h.indicatorDescription())), null);
            String weight = at(g, r, h.weight());
            if (!weight.isEmpty()) {
                Text.Amount w = Text.amount(weight);
                if (w == null) {
                    problems.add(ImportProblem.error(g.ref(r, h.weight()), "绩效指标「" + name + "」的权重“" + weight
                            + "”不是数字"));
                } else {
                    ind.setWeight(w.value());
                }
            }
            GradeBands bands = new GradeBands(Text.emptyToNull(at(g, r, h.excellent())),
                    Text.emptyToNull(at(g, r, h.good())), Text.emptyToNull(at(g, r, h.fair())),
                    Text.emptyToNull(at(g, r, h.poor())));
            if (bands.isEmpty()) {
                problems.add(ImportProblem.warning(g.ref(r, h.excellent()),
                        "绩效指标「" + name + "」的优、良、中、差四档都未填写"));
            } else {
                ind.setBands(bands);
            }
            rows.add(new ActivityTargets.Row(Text.emptyToNull(at(g, r, h.code())),
                    Text.emptyToNull(at(g, r, h.name())), Text.emptyToNull(at(g, r, h.description())),
                    year(at(g, r, h.year())), Text.emptyToNull(at(g, r, h.goal())), ind, g.ref(r, h.indicator())));
        }
    }

    private static Integer year(String text) {
        return text.matches("\\d{4}") ? Integer.valueOf(text) : null;
    }

    private static String at(Grid g, int r, int c) {
        return c < 0 ? "" : g.text(r, c);
    }

    /** The header row: 活动名称, 绩效指标 and at least the 优 band; the other columns where present. */
    private static Header header(Grid g, int r) {
        int code = -1, name = -1, description = -1, year = -1, goal = -1, indicator = -1, indicatorDescription = -1;
        int ex = -1, good = -1, fair = -1, poor = -1, weight = -1;
        for (int c = 0; c < g.columnCount(); c++) {
            String k = Text.key(g.text(r, c));
            switch (k) {
                case "活动编码" -> code = code < 0 ? c : code;
                case "活动名称" -> name = name < 0 ? c : name;
                case "活动描述" -> description = description < 0 ? c : description;
                case "预算年度" -> year = year < 0 ? c : year;
                case "绩效目标" -> goal = goal < 0 ? c : goal;
                case "绩效指标" -> indicator = indicator < 0 ? c : indicator;
                case "指标描述" -> indicatorDescription = indicatorDescription < 0 ? c : indicatorDescription;
                case "优" -> ex = ex < 0 ? c : ex;
                case "良" -> good = good < 0 ? c : good;
                case "中" -> fair = fair < 0 ? c : fair;
                case "差" -> poor = poor < 0 ? c : poor;
                case "权重", "分值", "分值权重", "指标权重" -> weight = weight < 0 ? c : weight;
                default -> {
                }
            }
        }
        if (name < 0 || indicator < 0 || ex < 0) {
            return null;
        }
        return new Header(r, code, name, description, year, goal, indicator, indicatorDescription, ex, good, fair,
                poor, weight);
    }
}
