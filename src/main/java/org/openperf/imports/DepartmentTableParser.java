package org.openperf.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openperf.departments.ActivityIndicator;
import org.openperf.departments.DepartmentActivity;
import org.openperf.departments.DepartmentGoal;
import org.openperf.departments.DepartmentTargetTable;
import org.openperf.targets.Indicator;

/**
 * The department table of a file (seed 001, "第一部分 部门整体绩效目标"), label-driven like the other layouts:
 * the activity table by its header ({@link ActivityTableParser}); the 总体绩效目标 and the 分项绩效目标 by their
 * labels, in a Word document from the paragraphs before the table (headings {@code 一、总体绩效目标},
 * {@code 二、分项绩效目标}, then {@code 1.就业工作目标。 绩效目标：… 绩效指标：…}), in a workbook from the cells above
 * it ({@code 总体绩效目标 | text}, {@code 预算总额（万元） | amount} and a {@code 分项绩效目标 · 绩效目标 · 绩效指标}
 * block). One file holds at most one department table: the activity rows of all its tables and sheets together.
 *
 * <p>Consecutive rows belong to one activity while they name the same 活动编码 and 活动名称 (merged cells read as
 * their value in every row) or leave both blank.
 */
final class DepartmentTableParser {

    private static final Pattern HEADING_NUMBER = Pattern.compile("^[一二三四五六七八九十]+[、.．]");
    private static final Pattern ITEM = Pattern.compile("^\\d+\\s*[.．、]\\s*(.+?)[。.]?$");
    private static final Pattern GOAL = Pattern.compile("^绩效目标\\s*[:：]\\s*(.*)$");
    private static final Pattern INDICATORS = Pattern.compile("^绩效指标\\s*[:：]\\s*(.*)$");
    private static final Pattern BUDGET = Pattern.compile("预算总额\\s*(?:[（(]万元[)）])?\\s*[:：]\\s*([0-9０-９,，.．\\s]+)\\s*(万元)?");

    private DepartmentTableParser() {
    }

    /** The department table of these grids, or null when none has an activity table. */
    static DepartmentTableRead parse(List<Grid> grids, List<ImportProblem> problems) {
        DepartmentTargetTable table = null;
        SourceRef where = null;
        List<SourceRef> indicatorRefs = new ArrayList<>();
        List<SourceRef> activityRefs = new ArrayList<>();
        for (Grid g : grids) {
            List<ActivityTargets.Row> rows = new ArrayList<>();
            ActivityTableParser.parse(g, rows, problems);
            if (rows.isEmpty()) {
                continue;
            }
            if (table == null) {
                table = new DepartmentTargetTable(0);
                where = rows.get(0).where();
            }
            goals(g, table, problems);
            activities(rows, table, indicatorRefs, activityRefs);
        }
        return table == null ? null : new DepartmentTableRead(table, where, indicatorRefs, activityRefs);
    }

    private static void activities(List<ActivityTargets.Row> rows, DepartmentTargetTable table,
                                   List<SourceRef> indicatorRefs, List<SourceRef> activityRefs) {
        DepartmentActivity current = null;
        for (ActivityTargets.Row r : rows) {
            boolean named = r.activityCode() != null || r.activityName() != null;
            boolean same = current != null
                    && (r.activityCode() == null || r.activityCode().equals(current.getCode()))
                    && (r.activityName() == null || r.activityName().equals(current.getName()));
            if (current == null || (named && !same)) {
                current = new DepartmentActivity(r.activityCode(), r.activityName(), r.activityDescription(), r.year(),
                        r.goal());
                table.addActivity(current);
                activityRefs.add(r.where());
            } else {
                // later rows of one activity: merged or blank cells; the first written value counts
                if (current.getDescription() == null) {
                    current.setDescription(r.activityDescription());
                }
                if (current.getBudgetYear() == null) {
                    current.setBudgetYear(r.year());
                }
                if (current.getGoal() == null) {
                    current.setGoal(r.goal());
                }
            }
            Indicator i = r.indicator();
            if (i != null) {
                current.addIndicator(new ActivityIndicator(i.getName(), i.getDescription(), i.getWeight(),
                        i.getBands()));
                indicatorRefs.add(r.where());
            }
        }
    }

    /** The goals and the 预算总额 around an activity table; what the table already has is kept. */
    private static void goals(Grid g, DepartmentTargetTable table, List<ImportProblem> problems) {
        if (table.getOverallGoal() == null && table.getGoals().isEmpty()) {
            paragraphs(g.context(), table);
        }
        cells(g, table, problems);
    }

    /** A Word document: the paragraphs between the headings, as published. */
    private static void paragraphs(List<String> context, DepartmentTargetTable table) {
        StringBuilder overall = null;
        boolean items = false;
        List<String[]> goals = new ArrayList<>(); // title, goal, indicators
        int lastField = 0;
        for (String line : context) {
            String heading = Text.key(HEADING_NUMBER.matcher(line.strip()).replaceFirst(""));
            Matcher budget = BUDGET.matcher(line);
            if (table.getTotalBudget() == null && budget.find()) {
                Text.Amount a = Text.amount(budget.group(1));
                if (a != null) {
                    table.setTotalBudget(a.value());
                }
            }
            if ("总体绩效目标".equals(heading)) {
                overall = new StringBuilder();
                items = false;
                continue;
            }
            if ("分项绩效目标".equals(heading)) {
                items = true;
                if (overall != null && table.getOverallGoal() == null) {
                    table.setOverallGoal(Text.emptyToNull(overall.toString().strip()));
                }
                overall = null;
                continue;
            }
            if (HEADING_NUMBER.matcher(line.strip()).find()) { // another heading (三、工作保障措施)
                items = false;
                overall = null;
                continue;
            }
            if (overall != null) {
                overall.append(overall.length() > 0 ? "\n" : "").append(line);
            } else if (items) {
                Matcher item = ITEM.matcher(line.strip());
                Matcher goal = GOAL.matcher(line.strip());
                Matcher ind = INDICATORS.matcher(line.strip());
                if (goal.matches()) {
                    current(goals)[1] = goal.group(1).strip();
                    lastField = 1;
                } else if (ind.matches()) {
                    current(goals)[2] = ind.group(1).strip();
                    lastField = 2;
                } else if (item.matches()) {
                    goals.add(new String[] {item.group(1).strip(), null, null});
                    lastField = 0;
                } else if (!goals.isEmpty() && lastField > 0) {
                    String[] g = goals.get(goals.size() - 1);
                    g[lastField] = g[lastField] == null ? line : g[lastField] + "\n" + line;
                }
            }
        }
        if (overall != null && table.getOverallGoal() == null) {
            table.setOverallGoal(Text.emptyToNull(overall.toString().strip()));
        }
        for (String[] g : goals) {
            table.addGoal(new DepartmentGoal(Text.emptyToNull(g[0]), Text.emptyToNull(g[1]),
                    Text.emptyToNull(g[2])));
        }
    }

    private static String[] current(List<String[]> goals) {
        if (goals.isEmpty()) {
            goals.add(new String[] {null, null, null});
        }
        return goals.get(goals.size() - 1);
    }

    /** A workbook: label cells with their value to the right, and the 分项绩效目标 block, above the activity table. */
    private static void cells(Grid g, DepartmentTargetTable table, List<ImportProblem> problems) {
        int title = -1, goal = -1, indicators = -1;
        for (int r = 0; r < g.rowCount(); r++) {
            if (g.isBlankRow(r)) {
                title = -1;
                continue;
            }
            if (isActivityHeader(g, r)) {
                return;
            }
            if (title >= 0) {
                table.addGoal(new DepartmentGoal(Text.emptyToNull(g.text(r, title)),
                        goal < 0 ? null : Text.emptyToNull(g.text(r, goal)),
                        indicators < 0 ? null : Text.emptyToNull(g.text(r, indicators))));
                continue;
            }
            for (int c = 0; c < g.columnCount(); c++) {
                if (!g.isOwn(r, c)) {
                    continue;
                }
                String key = Text.key(HEADING_NUMBER.matcher(g.text(r, c)).replaceFirst(""));
                if ("分项绩效目标".equals(key)) {
                    title = c;
                    for (int k = 0; k < g.columnCount(); k++) {
                        String other = Text.key(g.text(r, k));
                        goal = "绩效目标".equals(other) ? k : goal;
                        indicators = "绩效指标".equals(other) ? k : indicators;
                    }
                    break;
                }
                if ("总体绩效目标".equals(key) && table.getOverallGoal() == null) {
                    table.setOverallGoal(Text.emptyToNull(right(g, r, c)));
                } else if ("预算总额".equals(key) && table.getTotalBudget() == null) {
                    String text = right(g, r, c);
                    if (!text.isEmpty()) {
                        Text.Amount a = Text.amount(text);
                        if (a == null) {
                            problems.add(ImportProblem.error(g.ref(r, c), "预算总额“" + text + "”不是金额（万元）"));
                        } else {
                            table.setTotalBudget(a.value());
                        }
                    }
                }
            }
        }
    }

    /** The first value to the right of a label cell (a merged label's copies skipped). */
    private static String right(Grid g, int r, int c) {
        for (int k = c + 1; k < g.columnCount(); k++) {
            if (!g.sameOrigin(r, c, r, k) && !g.text(r, k).isEmpty()) {
                return g.text(r, k);
            }
        }
        return "";
    }

    private static boolean isActivityHeader(Grid g, int r) {
        boolean name = false, indicator = false;
        for (int c = 0; c < g.columnCount(); c++) {
            String k = Text.key(g.text(r, c));
            name |= "活动名称".equals(k);
            indicator |= "绩效指标".equals(k);
        }
        return name && indicator;
    }
}
