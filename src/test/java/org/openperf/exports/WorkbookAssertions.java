package org.openperf.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;

/**
 * Test helpers: writes a workbook and reads it back the way a label-driven layout-A reader would (title, unit row,
 * labels in column A, the indicator header, merged 一级/二级 read from the merge's first cell).
 */
final class WorkbookAssertions {

    private static final Pattern TITLE = Pattern.compile("^(\\d+)\\.(.*)绩效目标表$");

    private WorkbookAssertions() {
    }

    static XSSFWorkbook write(List<Project> projects) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TargetTableWorkbookWriter().write(projects, bytes);
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }

    static String text(Sheet s, int r, int c) {
        Row row = s.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        return cell == null ? "" : cell.toString();
    }

    /** The text of (r, c), or of the first cell of the merged region covering it. */
    static String mergedText(Sheet s, int r, int c) {
        for (CellRangeAddress a : s.getMergedRegions()) {
            if (a.isInRange(r, c)) {
                return text(s, a.getFirstRow(), a.getFirstColumn());
            }
        }
        return text(s, r, c);
    }

    record Table(int number, String name, String unit, String code, String budget, String fiscal, String other,
                 String purpose, List<String> months, List<String> percents, String goal, List<String> header,
                 List<List<String>> indicators) {
    }

    static List<Table> readByLabels(Sheet s) {
        List<Table> out = new ArrayList<>();
        int r = 0;
        int last = s.getLastRowNum();
        while (r <= last) {
            Matcher m = TITLE.matcher(text(s, r, 0));
            if (!m.matches()) {
                r++;
                continue;
            }
            int number = Integer.parseInt(m.group(1));
            String unit = text(s, r + 1, 0);
            assertThat(text(s, r + 1, 6)).isEqualTo("单位：万元");
            r += 2;
            String code = null;
            String name = null;
            String budget = null;
            String fiscal = null;
            String other = null;
            String purpose = null;
            String goal = null;
            List<String> months = new ArrayList<>();
            List<String> percents = new ArrayList<>();
            List<String> header = new ArrayList<>();
            List<List<String>> indicators = new ArrayList<>();
            while (r <= last && !text(s, r, 0).equals("一级指标")) {
                String label = text(s, r, 0);
                switch (label) {
                    case "项目编码" -> code = text(s, r, 1);
                    case "项目名称" -> name = text(s, r, 1);
                    case "预算规模及资金用途" -> {
                        assertThat(text(s, r, 1)).isEqualTo("预算数");
                        assertThat(text(s, r, 3)).isEqualTo("其中：财政资金");
                        assertThat(text(s, r, 5)).isEqualTo("其他资金");
                        budget = text(s, r, 2);
                        fiscal = text(s, r, 4);
                        other = text(s, r, 6);
                        purpose = text(s, ++r, 1);
                    }
                    case "资金支出计划（%）" -> {
                        for (int c = 1; c < 7 && !text(s, r, c).isEmpty(); c++) {
                            months.add(text(s, r, c));
                            percents.add(text(s, r + 1, c));
                        }
                        r++;
                    }
                    case "绩效目标" -> goal = text(s, r, 1);
                    default -> throw new AssertionError("unexpected label " + label + " in row " + (r + 1));
                }
                r++;
            }
            for (int c = 0; c < 7 && !text(s, r, c).isEmpty(); c++) {
                header.add(text(s, r, c));
            }
            r++;
            while (r <= last && !text(s, r, 2).isEmpty()) {
                List<String> ind = new ArrayList<>();
                for (int c = 0; c < header.size(); c++) {
                    ind.add(c < 2 ? mergedText(s, r, c) : text(s, r, c));
                }
                indicators.add(ind);
                r++;
            }
            out.add(new Table(number, name, unit, code, budget, fiscal, other, purpose, months, percents, goal,
                    header, indicators));
        }
        return out;
    }

    /** What was read back is what the project holds: labels, amounts as two-decimal text, indicators in order. */
    static void assertSame(Table t, Project p, int number) {
        assertThat(t.number()).isEqualTo(number);
        assertThat(t.name()).isEqualTo(p.getName());
        assertThat(t.unit()).isEqualTo(p.getUnit().getCode() + " " + p.getUnit().getName());
        assertThat(t.code()).isEqualTo(p.getCode());
        assertThat(t.budget()).isEqualTo(TargetTableGrid.amount(p.getBudget()));
        assertThat(t.fiscal()).isEqualTo(TargetTableGrid.amount(p.getFiscalFunds()));
        assertThat(t.other()).isEqualTo(TargetTableGrid.amount(p.getOtherFunds()));
        assertThat(t.purpose()).isEqualTo(p.getPurpose());
        assertThat(t.goal()).isEqualTo(p.getGoal());
        assertThat(t.months()).hasSize(p.getSpendingPlan().size());
        for (int i = 0; i < t.months().size(); i++) {
            assertThat(t.months().get(i)).isEqualTo(p.getSpendingPlan().get(i).getMonth() + "月底");
            assertThat(new java.math.BigDecimal(t.percents().get(i)))
                    .isEqualByComparingTo(p.getSpendingPlan().get(i).getCumulativePercent());
        }
        boolean basis = t.header().contains("指标值确定依据");
        boolean weight = t.header().contains("分值权重");
        assertThat(t.indicators()).hasSize(p.getIndicators().size());
        for (int i = 0; i < p.getIndicators().size(); i++) {
            Indicator ind = p.getIndicators().get(i);
            List<String> row = t.indicators().get(i);
            assertThat(row.subList(0, 5)).as("indicator %d", i).containsExactly(ind.getLevel1(), ind.getLevel2(),
                    ind.getName(), ind.getDescription(), ind.getValue().getText());
            if (basis) {
                assertThat(row.get(5)).isEqualTo(ind.getBasis() == null ? "" : ind.getBasis());
            }
            if (weight) {
                assertThat(new java.math.BigDecimal(row.get(basis ? 6 : 5))).isEqualByComparingTo(ind.getWeight());
            }
        }
    }
}
