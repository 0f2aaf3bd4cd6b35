package org.openperf.validation;

import org.openperf.kernel.Finding;
import java.util.List;
import java.util.regex.Pattern;
import org.openperf.targets.Indicator;
import org.openperf.targets.IndicatorFramework;
import org.openperf.targets.TargetValue;

/**
 * One indicator with its row in the table, and what the rules ask about it: how a message names it, which 一级 it
 * is under, whether it is a 成本 indicator, whether more of it is better.
 */
record IndicatorRow(int index, Indicator indicator) {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000\\u00a0]+");

    /** 三级 names of rates and ratings where more is better: a ≤ or < on them is suspicious. */
    private static final List<String> MORE_IS_BETTER = List.of(
            "满意度", "满意率", "准确率", "完成率", "合格率", "达标率", "及时率", "覆盖率", "到位率", "知晓率",
            "落实率", "通过率", "下达率", "兑现率", "执行率", "就业率", "验收率", "正常运转率");

    /** The 三级 name as written (trimmed), null when blank. */
    String name() {
        String n = indicator.getName();
        return n == null || n.isBlank() ? null : n.strip();
    }

    /** The 三级 name with every space removed: PDF-born tables break words, and duplicates are compared so. */
    String compactName() {
        String n = name();
        return n == null ? null : compact(n);
    }

    /** What {@link Finding#field()} holds for this row: the 三级 name, or the row number when there is none. */
    String field() {
        String n = name();
        return n != null ? n : rowLabel();
    }

    /** How a message names this row: 指标“仲裁结案率”, or 第3行指标 when the 三级 name is blank. */
    String label() {
        String n = name();
        return n != null ? "指标“" + n + "”" : rowLabel() + "指标";
    }

    /** 第3行: the 1-based row number people see. */
    String rowLabel() {
        return "第" + (index + 1) + "行";
    }

    /** The canonical 一级 name, null when blank or not in the framework. */
    String level1() {
        return IndicatorFramework.level1(indicator.getLevel1());
    }

    TargetValue value() {
        return indicator.getValue();
    }

    /** The value as the table writes it, for messages. */
    String valueText() {
        TargetValue v = indicator.getValue();
        if (v == null) {
            return "";
        }
        if (v.getText() != null && !v.getText().isBlank()) {
            return v.getText().strip();
        }
        StringBuilder s = new StringBuilder();
        if (v.getOperator() != null) {
            s.append(v.getOperator().symbol());
        }
        if (v.getNumber() != null) {
            s.append(v.getNumber().stripTrailingZeros().toPlainString());
        }
        if (v.getUnit() != null) {
            s.append(v.getUnit());
        }
        return s.toString();
    }

    /**
     * A 成本 indicator: 一级 成本指标 (2021 framework), 二级 成本指标 under 产出指标 (older framework), or a 二级 of
     * 成本指标 such as 经济成本指标.
     */
    boolean isCost() {
        if (IndicatorFramework.COST.equals(level1())) {
            return true;
        }
        String l2 = IndicatorFramework.level2(indicator.getLevel2());
        return IndicatorFramework.COST.equals(l2)
                || IndicatorFramework.COST.equals(IndicatorFramework.parentOf(indicator.getLevel2()));
    }

    /** A rate or rating where more is better (满意度, 准确率, 完成率 …), judged by its 三级 name. */
    boolean isMoreBetter() {
        String n = compactName();
        return n != null && MORE_IS_BETTER.stream().anyMatch(n::contains);
    }

    static String compact(String s) {
        return SPACES.matcher(s).replaceAll("");
    }
}
