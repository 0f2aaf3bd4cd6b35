package org.openperf.imports;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The labels of a target table's project block, recognised by their text wherever they stand. */
enum Labels {
    NAME, CODE, CATEGORY, DEPARTMENT, UNIT, BUDGET, FISCAL, OTHER, PURPOSE, BUDGET_AND_PURPOSE, GOAL, PLAN, FUNDS;

    private static final Map<String, Labels> BY_KEY = Map.ofEntries(
            Map.entry("项目名称", NAME),
            Map.entry("项目编码", CODE), Map.entry("项目代码", CODE), Map.entry("项目编号", CODE),
            Map.entry("项目类别", CATEGORY), Map.entry("项目类型", CATEGORY), Map.entry("项目属性", CATEGORY),
            Map.entry("主管部门", DEPARTMENT), Map.entry("主管部门及代码", DEPARTMENT), Map.entry("主管单位", DEPARTMENT),
            Map.entry("实施单位", UNIT), Map.entry("预算单位", UNIT), Map.entry("单位名称", UNIT),
            Map.entry("项目单位", UNIT), Map.entry("填报单位", UNIT),
            Map.entry("预算数", BUDGET), Map.entry("年度预算资金总额", BUDGET), Map.entry("预算资金总额", BUDGET),
            Map.entry("年度资金总额", BUDGET), Map.entry("资金总额", BUDGET), Map.entry("年度预算数", BUDGET),
            Map.entry("预算金额", BUDGET), Map.entry("预算总额", BUDGET), Map.entry("项目总额", BUDGET),
            Map.entry("财政资金", FISCAL), Map.entry("财政拨款", FISCAL), Map.entry("财政拨款资金", FISCAL),
            Map.entry("其他资金", OTHER),
            Map.entry("资金用途", PURPOSE), Map.entry("主要用途", PURPOSE), Map.entry("项目资金用途", PURPOSE),
            Map.entry("预算规模及资金用途", BUDGET_AND_PURPOSE), Map.entry("预算规模及用途", BUDGET_AND_PURPOSE),
            Map.entry("绩效目标", GOAL), Map.entry("年度总体绩效目标", GOAL), Map.entry("年度绩效目标", GOAL),
            Map.entry("总体绩效目标", GOAL), Map.entry("年度总体目标", GOAL), Map.entry("总体目标", GOAL),
            Map.entry("项目绩效目标", GOAL), Map.entry("年度目标", GOAL),
            Map.entry("资金支出计划(%)", PLAN), Map.entry("资金支出计划", PLAN), Map.entry("支出计划(%)", PLAN),
            Map.entry("资金支出进度计划(%)", PLAN), Map.entry("资金支出进度计划", PLAN),
            Map.entry("项目资金", FUNDS), Map.entry("资金情况", FUNDS));

    /** {@code 402001 青岛市…本级}, {@code 353101天津市…财务处}, {@code 723001-湟源县就业服务局(本级)}. */
    static final Pattern UNIT_TEXT = Pattern.compile("^(\\d{6})\\s*[-－—_]?\\s*([^\\d\\s-].*)$");
    private static final Pattern AMOUNT_UNIT = Pattern.compile("(?:金额)?单位:?(?:万元|元)");
    private static final Pattern UNIT_PREFIX = Pattern.compile("^(?:单位名称|预算单位|填报单位|实施单位)[:：]\\s*(.+)$");

    /** The label a cell's text is, or null. {@code 其中：财政资金} and {@code 预算数（万元）} are labels too. */
    static Labels of(String text) {
        String k = Text.key(text);
        if (k.isEmpty() || k.length() > 20) {
            return null;
        }
        if (k.startsWith("其中:") || k.startsWith("其中")) {
            k = k.substring(k.startsWith("其中:") ? 3 : 2);
        }
        return BY_KEY.get(k);
    }

    /** Unit code and name read from a cell such as {@code 402001 青岛市…本级}; null when the text is not one. */
    static String[] unit(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        Matcher prefixed = UNIT_PREFIX.matcher(s);
        boolean hasPrefix = prefixed.matches();
        if (hasPrefix) {
            s = prefixed.group(1).trim();
        }
        Matcher m = UNIT_TEXT.matcher(s);
        if (m.matches()) {
            return new String[] {m.group(1), m.group(2).replace(" ", "")};
        }
        return hasPrefix && !s.isEmpty() ? new String[] {null, s} : null;
    }

    /** Whether a cell only states the table's money unit ({@code 单位：万元}). */
    static boolean isMoneyUnitNote(String text) {
        String k = Text.key(text);
        return AMOUNT_UNIT.matcher(k).matches() || k.equals("万元");
    }
}
