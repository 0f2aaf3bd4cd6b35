package org.openperf.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openperf.targets.Project;
import org.openperf.targets.Unit;
import org.springframework.stereotype.Component;

/**
 * Writes target tables as a workbook in the Qingdao layout (layout A): one sheet per unit, named after the unit,
 * its tables one under another with two blank rows between, each as
 * <pre>
 * N.名称绩效目标表                                  (merged A:G, bold)
 * 402001 单位名                          单位：万元
 * [项目编码 | code                                 ]  (only when the project has a code)
 * 项目名称 | name (B:G)
 * 预算规模及资金用途 | 预算数 | 835.00 | 其中：财政资金 | 835.00 | 其他资金 | x
 *                  | purpose (B:G)                     (A merged down both rows)
 * [资金支出计划（%） | 3月底 | 6月底 …  / 30.00 | 60.00 …]  (only with a spending plan)
 * 绩效目标 | goal (B:G)
 * 一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 [| 指标值确定依据] [| 分值权重]
 * indicator rows, 一级 and 二级 merged down their runs
 * </pre>
 * Tables are numbered 1, 2, … in the order written, across the sheets, as the published workbook numbers them.
 * Amounts are text with two decimals so 万元 stay exact; no cell is ever a formula.
 */
@Component
public class TargetTableWorkbookWriter {

    /** Blank rows between two tables on a sheet, as in the Qingdao workbook. */
    static final int GAP_ROWS = 2;
    static final String NO_UNIT = "未指定单位";

    public void write(List<Project> projects, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(wb);
            Set<String> usedNames = new HashSet<>();
            int number = 1;
            for (Map.Entry<String, List<Project>> group : byUnit(projects).entrySet()) {
                List<Project> list = group.getValue();
                Unit unit = list.get(0).getUnit();
                String name = sheetName(unit == null ? NO_UNIT : unit.getName(), usedNames);
                XSSFSheet sheet = wb.createSheet(name);
                WorkbookStyles.setUpSheet(sheet);
                int row = 0;
                for (Project p : list) {
                    TargetTableGrid grid = TargetTableGrid.of(p, " ");
                    row = styles.writeTable(sheet, row, TargetTableGrid.title(number++, p), grid) + GAP_ROWS;
                }
            }
            if (wb.getNumberOfSheets() == 0) {
                WorkbookStyles.setUpSheet(wb.createSheet(NO_UNIT));
            }
            wb.write(out);
        }
    }

    /** Projects grouped by unit (by code, else by name), units in order of first appearance. */
    static Map<String, List<Project>> byUnit(List<Project> projects) {
        Map<String, List<Project>> groups = new LinkedHashMap<>();
        for (Project p : projects) {
            Unit u = p.getUnit();
            String key = u == null ? "" : TargetTableGrid.notBlank(u.getCode()) ? "code:" + u.getCode().trim()
                    : "name:" + (u.getName() == null ? "" : u.getName().trim());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        return groups;
    }

    /**
     * A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not starting or ending with an
     * apostrophe, not the reserved "History", and unique in the workbook (case-insensitively), with (2), (3) … when
     * two units' names collide after shortening.
     */
    static String sheetName(String wanted, Set<String> used) {
        String base = wanted == null || wanted.isBlank() ? NO_UNIT : wanted.trim();
        base = WorkbookUtil.createSafeSheetName(base, '_').trim();
        if (base.isEmpty()) {
            base = NO_UNIT;
        }
        if (base.equalsIgnoreCase("History")) {
            base = base + "_";
        }
        String name = base;
        int n = 2;
        while (used.contains(name.toLowerCase(Locale.ROOT))) {
            String suffix = "(" + n++ + ")";
            int keep = Math.min(base.length(), 31 - suffix.length());
            name = base.substring(0, keep) + suffix;
        }
        used.add(name.toLowerCase(Locale.ROOT));
        return name;
    }
}
