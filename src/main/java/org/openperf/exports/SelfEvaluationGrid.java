package org.openperf.exports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openperf.evaluation.SelfEvaluationReport;
import org.openperf.exports.TargetTableGrid.Kind;

/**
 * A project's 自评表 (项目支出绩效自评表, the table of 财预〔2020〕10号) as a ten-column grid, rendered by the same
 * workbook and Word code as the target tables:
 * <pre>
 * （2025年度）                                                            单位：万元
 * 项目名称 | name
 * 主管部门 | dept               | 实施单位 | unit
 * 项目资金（万元） |            | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
 *                 | 年度资金总额 | x         | x         | x         | 10   | x%     | x
 * 年度总体目标 | 预期目标               | 实际完成情况
 *             | goal                   | achievement
 * 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
 *         | rows, 一级 and 二级 merged down their runs
 * 总分                                            | 100  | total | 等级 | grade
 * </pre>
 */
final class SelfEvaluationGrid {

    static final String TITLE = "项目支出绩效自评表";
    static final int COLUMNS = 10;
    static final int[] WIDTHS = {12, 12, 12, 22, 14, 14, 8, 8, 16, 16};
    static final String INITIAL_BUDGET = "年初预算数";
    static final String BUDGET = "全年预算数";
    static final String SPENT = "全年执行数";
    static final String WEIGHT = "分值";
    static final String RATE = "执行率";
    static final String SCORE = "得分";
    static final String TARGET = "年度指标值";
    static final String ACTUAL = "实际完成值";
    static final String DEVIATION = "偏差原因分析及改进措施";
    static final String TOTAL = "总分";
    static final String GRADE = "等级";

    private SelfEvaluationGrid() {
    }

    static TargetTableGrid of(SelfEvaluationReport r) {
        TargetTableGrid g = new TargetTableGrid(COLUMNS, WIDTHS);
        int row = 0;
        g.cell(row, 0, 1, 1, "（" + r.year() + "年度）", Kind.UNIT);
        g.cell(row++, COLUMNS - 1, 1, 1, TargetTableGrid.UNIT_NOTE, Kind.UNIT_NOTE);
        g.cell(row, 0, 1, 1, TargetTableGrid.NAME, Kind.LABEL);
        g.cell(row++, 1, 1, COLUMNS - 1, r.projectName(), Kind.TEXT);
        g.cell(row, 0, 1, 1, "主管部门", Kind.LABEL);
        g.cell(row, 1, 1, 4, r.departmentName(), Kind.TEXT);
        g.cell(row, 5, 1, 1, "实施单位", Kind.LABEL);
        g.cell(row++, 6, 1, 4, r.unitName(), Kind.TEXT);

        g.cell(row, 0, 2, 1, "项目资金（万元）", Kind.LABEL);
        g.cell(row, 1, 1, 1, "", Kind.LABEL);
        String[] heads = {INITIAL_BUDGET, BUDGET, SPENT, WEIGHT, RATE, SCORE};
        for (int i = 0; i < heads.length; i++) {
            g.cell(row, 2 + i, 1, 1, heads[i], Kind.HEADER);
        }
        g.cell(row++, 8, 1, 2, "", Kind.TEXT);
        g.cell(row, 1, 1, 1, "年度资金总额", Kind.LABEL);
        String[] values = {TargetTableGrid.amount(r.initialBudget()), TargetTableGrid.amount(r.budget()),
            TargetTableGrid.amount(r.spent()), TargetTableGrid.weight(r.executionWeight()), percent(r.executionRate()),
            score(r.executionScore())};
        for (int i = 0; i < values.length; i++) {
            g.cell(row, 2 + i, 1, 1, values[i], Kind.NUMBER);
        }
        g.cell(row++, 8, 1, 2, "", Kind.TEXT);

        g.cell(row, 0, 2, 1, "年度总体目标", Kind.LABEL);
        g.cell(row, 1, 1, 4, "预期目标", Kind.HEADER);
        g.cell(row++, 5, 1, 5, "实际完成情况", Kind.HEADER);
        g.cell(row, 1, 1, 4, r.goal(), Kind.TEXT);
        g.cell(row++, 5, 1, 5, r.goalAchievement(), Kind.TEXT);

        List<SelfEvaluationReport.Line> lines = r.lines();
        g.cell(row, 0, lines.size() + 1, 1, "绩效指标", Kind.LABEL);
        String[] header = {"一级指标", "二级指标", "三级指标", TARGET, ACTUAL, WEIGHT, SCORE};
        for (int i = 0; i < header.length; i++) {
            g.cell(row, 1 + i, 1, 1, header[i], Kind.HEADER);
        }
        g.cell(row++, 8, 1, 2, DEVIATION, Kind.HEADER);
        List<String[]> texts = new ArrayList<>();
        for (SelfEvaluationReport.Line l : lines) {
            texts.add(new String[] {l.level1(), l.level2()});
        }
        int first = row;
        int i = 0;
        while (i < lines.size()) {
            int end = TargetTableGrid.runEnd(texts, i, 0, -1);
            g.cell(first + i, 1, end - i, 1, texts.get(i)[0], Kind.LABEL);
            int j = i;
            while (j < end) {
                int end2 = TargetTableGrid.runEnd(texts, j, 1, end);
                g.cell(first + j, 2, end2 - j, 1, texts.get(j)[1], Kind.LABEL);
                j = end2;
            }
            i = end;
        }
        for (SelfEvaluationReport.Line l : lines) {
            g.cell(row, 3, 1, 1, l.name(), Kind.TEXT);
            g.cell(row, 4, 1, 1, l.target(), Kind.TEXT);
            g.cell(row, 5, 1, 1, l.actual(), Kind.TEXT);
            g.cell(row, 6, 1, 1, score(l.weight()), Kind.NUMBER);
            g.cell(row, 7, 1, 1, score(l.score()), Kind.NUMBER);
            g.cell(row++, 8, 1, 2, deviation(l), Kind.TEXT);
        }
        g.cell(row, 0, 1, 6, TOTAL, Kind.LABEL);
        g.cell(row, 6, 1, 1, "100", Kind.NUMBER);
        g.cell(row, 7, 1, 1, score(r.total()), Kind.NUMBER);
        g.cell(row, 8, 1, 1, GRADE, Kind.LABEL);
        g.cell(row, 9, 1, 1, r.grade(), Kind.TEXT);
        return g;
    }

    /** 偏差原因分析及改进措施, and finance's change of the score with its opinion (the original score kept). */
    static String deviation(SelfEvaluationReport.Line l) {
        String text = l.deviationExplanation() == null ? "" : l.deviationExplanation();
        if (l.originalScore() != null) {
            text += (text.isEmpty() ? "" : "\n") + "财政复核调整：原得分 " + score(l.originalScore()) + "，调整为 "
                    + score(l.score()) + "。" + (l.recheckComment() == null ? "" : l.recheckComment());
        }
        return text;
    }

    static String score(BigDecimal v) {
        return v == null ? "" : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String percent(BigDecimal v) {
        return v == null ? "" : score(v) + "%";
    }
}
