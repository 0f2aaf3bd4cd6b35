package org.openperf.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openperf.targets.IndicatorFramework;
import org.springframework.stereotype.Component;

/**
 * The project's own blank template (layout F): sheet {@value #SHEET} laid out exactly like a Qingdao table (layout
 * A) for one project, so the layout-A reader reads a filled template with no special case, plus {@value #NOTES}
 * (how to fill it) and a very hidden sheet holding the dropdown lists.
 *
 * <p>Dropdowns: 一级指标 from {@link IndicatorFramework#level1Names()}; 二级指标 dependent on the row's 一级 (a named
 * range per 一级, {@code INDIRECT}), all 二级 names when the row's 一级 is blank (a continuation row of a run), with a
 * warning rather than a refusal so the shortened names of older tables may still be typed.
 *
 * <p>The operator is <em>not</em> a column of its own: in layout A the operator, number and unit are one 指标值 cell
 * ({@code ≥93%}, {@code ≤8000 元/人}) and the reader takes 指标值 as that one cell; a 运算符 column would add a header
 * the published tables do not have and split what the reader expects whole. Instead the 指标值 cells offer the
 * operators ≥ ≤ > &lt; (hard to type on Chinese keyboards) as a dropdown that does not restrict: the user picks one
 * and types number and unit after it (F2). {@code =} is left out on purpose: a value without operator already
 * means "equal", and a typed {@code =100%} would be a formula anywhere but in a text-formatted cell.
 */
@Component
public class TemplateWriter {

    static final String SHEET = "绩效目标表";
    static final String NOTES = "填写说明";
    static final String LISTS = "下拉选项";
    static final String LEVEL1_LIST = "一级指标列表";
    static final String ALL_LEVEL2_LIST = "全部二级指标";
    static final String TITLE = "1." + TargetTableGrid.TITLE_SUFFIX;
    static final int INDICATOR_ROWS = 20;
    static final List<String> PLAN_MONTHS = List.of("3月底", "6月底", "10月底", "12月底");
    static final String[] OPERATORS = {"≥", "≤", ">", "<"};

    public void write(OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(wb);
            XSSFSheet sheet = wb.createSheet(SHEET);
            XSSFSheet notes = wb.createSheet(NOTES);
            XSSFSheet lists = wb.createSheet(LISTS);
            WorkbookStyles.setUpSheet(sheet);

            TargetTableGrid grid = blankGrid();
            styles.writeTable(sheet, 0, TITLE, grid);
            int base = 1; // grid row r is sheet row base + r
            // Merged cells do not grow with their text: room for a few lines of 资金用途 and 绩效目标.
            WorkbookStyles.row(sheet, base + grid.budgetRow() + 1).setHeightInPoints(60f);
            WorkbookStyles.row(sheet, base + grid.headerRow() - 1).setHeightInPoints(60f);

            CellStyle amount = styles.numberInput("0.00");
            CellStyle weight = styles.numberInput("General");
            int budget = base + grid.budgetRow();
            for (int c : new int[] {2, 4, 6}) {
                input(sheet, budget, c, amount);
            }
            int plan = base + grid.planRow();
            for (int c = 1; c <= PLAN_MONTHS.size(); c++) {
                input(sheet, plan + 1, c, amount);
            }
            int first = base + grid.firstIndicatorRow();
            int last = first + INDICATOR_ROWS - 1;
            for (int r = first; r <= last; r++) {
                input(sheet, r, 6, weight);
            }

            writeLists(wb, lists);
            validations(sheet, base, grid, first, last);
            writeNotes(styles, notes);

            wb.setSheetVisibility(wb.getSheetIndex(lists), SheetVisibility.VERY_HIDDEN);
            wb.setActiveSheet(0);
            wb.setSelectedTab(0);
            wb.write(out);
        }
    }

    /** The layout-A grid of one project with every value empty: 项目编码, the plan block, basis and weight columns. */
    static TargetTableGrid blankGrid() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < INDICATOR_ROWS; i++) {
            rows.add(new String[7]);
        }
        List<String> blanks = new ArrayList<>();
        PLAN_MONTHS.forEach(m -> blanks.add(""));
        return new TargetTableGrid()
                .unitRow("")
                .labelledRow(TargetTableGrid.CODE, "")
                .labelledRow(TargetTableGrid.NAME, "")
                .budgetRows("", "", "", "")
                .spendingPlanRows(PLAN_MONTHS, blanks)
                .labelledRow(TargetTableGrid.GOAL, "")
                .headerRow(true, true)
                .indicatorRows(rows, true, true);
    }

    private static void input(XSSFSheet sheet, int r, int c, CellStyle style) {
        Row row = WorkbookStyles.row(sheet, r);
        Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
        cell.setBlank();
        cell.setCellStyle(style);
    }

    /** Column A: the 一级 names; one column per 一级 with its 二级 names, named after the 一级; then all 二级. */
    private static void writeLists(XSSFWorkbook wb, XSSFSheet lists) {
        List<String> level1 = IndicatorFramework.level1Names();
        Set<String> all = new LinkedHashSet<>();
        for (int i = 0; i < level1.size(); i++) {
            WorkbookStyles.row(lists, i).createCell(0).setCellValue(level1.get(i));
        }
        name(wb, LEVEL1_LIST, range(0, 0, level1.size() - 1));
        for (int i = 0; i < level1.size(); i++) {
            List<String> level2 = IndicatorFramework.level2Names(level1.get(i));
            for (int j = 0; j < level2.size(); j++) {
                WorkbookStyles.row(lists, j).createCell(i + 1).setCellValue(level2.get(j));
            }
            all.addAll(level2);
            name(wb, level1.get(i), range(i + 1, 0, level2.size() - 1));
        }
        int col = level1.size() + 1;
        int r = 0;
        for (String s : all) {
            WorkbookStyles.row(lists, r++).createCell(col).setCellValue(s);
        }
        name(wb, ALL_LEVEL2_LIST, range(col, 0, all.size() - 1));
    }

    private static String range(int col, int firstRow, int lastRow) {
        String c = CellReference.convertNumToColString(col);
        return "'" + LISTS + "'!$" + c + "$" + (firstRow + 1) + ":$" + c + "$" + (lastRow + 1);
    }

    private static void name(XSSFWorkbook wb, String name, String refersTo) {
        Name n = wb.createName();
        n.setNameName(name);
        n.setRefersToFormula(refersTo);
    }

    private static void validations(XSSFSheet sheet, int base, TargetTableGrid grid, int first, int last) {
        DataValidationHelper h = sheet.getDataValidationHelper();
        String a = "$A" + (first + 1);

        DataValidation l1 = h.createValidation(h.createFormulaListConstraint(LEVEL1_LIST),
                new CellRangeAddressList(first, last, 0, 0));
        strict(l1, "一级指标", "请从下拉列表选择一级指标：" + String.join("、", IndicatorFramework.level1Names()) + "。");
        l1.createPromptBox("一级指标", "从下拉列表选择。同一一级指标下的连续几行可只在第一行填写。");
        sheet.addValidationData(l1);

        DataValidation l2 = h.createValidation(
                h.createFormulaListConstraint("IF(" + a + "=\"\"," + ALL_LEVEL2_LIST + ",INDIRECT(" + a + "))"),
                new CellRangeAddressList(first, last, 1, 1));
        list(l2);
        l2.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        l2.setShowErrorBox(true);
        l2.createErrorBox("二级指标", "该二级指标不在所选一级指标之下，确定要保留吗？");
        l2.createPromptBox("二级指标", "从下拉列表选择，列表按本行的一级指标列出；成本指标也可作为产出指标下的二级指标（旧指标体系）。");
        sheet.addValidationData(l2);

        DataValidation value = h.createValidation(h.createExplicitListConstraint(OPERATORS),
                new CellRangeAddressList(first, last, 4, 4));
        list(value);
        value.setShowErrorBox(false); // a suggestion only: any text is a valid 指标值
        value.createPromptBox("指标值", "可先从下拉选择运算符 ≥ ≤ > <，再按 F2 在其后输入数值和单位，如 ≥93%、"
                + "≤8000 元/人、≤10月31日；等于时不写运算符，如 100%；定性指标直接填写文字，如 有效。");
        sheet.addValidationData(value);

        DataValidation w = h.createValidation(h.createDecimalConstraint(OperatorType.BETWEEN, "0", "100"),
                new CellRangeAddressList(first, last, 6, 6));
        strict(w, "分值权重", "分值权重应为 0–100 之间的数字；各指标合计 90 分，预算执行率另计 10 分。");
        w.createPromptBox("分值权重", "选填。各项指标权重之和为 90，预算执行率 10 分另计，合计 100 分。");
        sheet.addValidationData(w);

        int budget = base + grid.budgetRow();
        CellRangeAddressList amounts = new CellRangeAddressList();
        for (int c : new int[] {2, 4, 6}) {
            amounts.addCellRangeAddress(budget, c, budget, c);
        }
        DataValidation money = h.createValidation(
                h.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null), amounts);
        strict(money, "金额", "金额以万元为单位，填写不小于 0 的数字，保留两位小数，如 835.00。");
        money.createPromptBox("金额（万元）", "以万元为单位，保留两位小数，如 835.00。预算数 = 财政资金 + 其他资金。");
        sheet.addValidationData(money);

        int plan = base + grid.planRow() + 1;
        DataValidation pct = h.createValidation(h.createDecimalConstraint(OperatorType.BETWEEN, "0", "100"),
                new CellRangeAddressList(plan, plan, 1, TargetTableGrid.COLUMNS - 1));
        strict(pct, "资金支出计划", "填写截至该月底累计支出占预算数的百分比（0–100 的数字，不带 %）。");
        pct.createPromptBox("资金支出计划（%）", "截至该月底累计支出百分比，只填数字，逐期递增，最后一期为 100。不编制可留空。");
        sheet.addValidationData(pct);

        prompt(sheet, h, 1, 0, "单位", "填写“单位编码 单位名称”，中间空一格，如：402001 青岛市人力资源和社会保障局本级。");
        prompt(sheet, h, base + 1, 1, "项目编码", "选填：预算系统中的项目编码；没有可留空。");
        prompt(sheet, h, base + 2, 1, "项目名称", "必填：与预算批复的项目名称一致。");
        prompt(sheet, h, budget + 1, 1, "资金用途", "说明资金具体用于哪些支出。");
        prompt(sheet, h, base + grid.headerRow() - 1, 1, "绩效目标", "年度总体绩效目标：通过项目实施要达到的产出和效果。");
    }

    /**
     * A list with its in-cell arrow. POI's XSSF flag is inverted against its name: {@code true} writes
     * {@code showDropDown="0"}, which is what shows the arrow in Excel (the OOXML attribute hides it when set).
     */
    private static void list(DataValidation v) {
        v.setSuppressDropDownArrow(true);
        v.setShowPromptBox(true);
    }

    private static void strict(DataValidation v, String title, String text) {
        if (v.getValidationConstraint().getValidationType() == DataValidationConstraint.ValidationType.LIST) {
            list(v);
        }
        v.setShowPromptBox(true);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.setShowErrorBox(true);
        v.createErrorBox(title, text);
    }

    /** An input prompt on a free-text cell (a text-length check that never refuses). */
    private static void prompt(XSSFSheet sheet, DataValidationHelper h, int r, int c, String title, String text) {
        DataValidation v = h.createValidation(h.createTextLengthConstraint(OperatorType.GREATER_OR_EQUAL, "0", null),
                new CellRangeAddressList(r, r, c, c));
        v.setShowErrorBox(false);
        v.setShowPromptBox(true);
        v.createPromptBox(title, text);
        sheet.addValidationData(v);
    }

    // ---------------------------------------------------------------- 填写说明

    /**
     * The notes. Field names appear only inside 【】 or sentences, never alone in a cell, so a label-driven reader
     * that scans every sheet never mistakes this sheet for a table.
     */
    private static void writeNotes(WorkbookStyles styles, XSSFSheet notes) {
        notes.setColumnWidth(0, 24 * 256);
        notes.setColumnWidth(1, 90 * 256);
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"#", "绩效目标表填写说明"});
        lines.add(new String[] {"#", "一、总体要求"});
        lines.add(new String[] {"1", "本模板按“一个项目一张表”填写；同一单位的多个项目可在本表下方空两行后按相同格式续填，"
                + "不同单位请复制工作表，工作表以单位名称命名。"});
        lines.add(new String[] {"2", "请勿修改各栏目名称，不要增删列或调整栏目顺序：系统按栏目名称识别内容。"
                + "第 1 行标题可改为“序号.项目名称绩效目标表”，如“1.人力资源和社会保障经费绩效目标表”。"});
        lines.add(new String[] {"3", "金额单位为万元，保留两位小数，如 835.00；预算数 = 财政资金 + 其他资金，精确到分。"});
        lines.add(new String[] {"4", "任何单元格都不要以“=”“+”“-”“@”开头，Excel 会把它当作公式。"});
        lines.add(new String[] {"#", "二、各栏目的含义"});
        lines.add(new String[] {"【单位】", "第 2 行左侧填写“单位编码 单位名称”，中间空一格，如“402001 青岛市人力资源和社会保障局本级”；"
                + "单位编码为 6 位数字，前 3 位为主管部门编码。右侧“单位：万元”不要改动。"});
        lines.add(new String[] {"【项目编码】", "选填：预算管理一体化系统中的项目编码，如 13020923P000036100017；没有可留空。"});
        lines.add(new String[] {"【项目名称】", "必填：与预算批复的项目名称一致。"});
        lines.add(new String[] {"【预算数】", "本年度项目预算总额（万元），须大于 0。"});
        lines.add(new String[] {"【财政资金】", "“其中：财政资金”：预算数中的财政拨款部分（万元）。"});
        lines.add(new String[] {"【其他资金】", "预算数中财政拨款以外的资金（万元）；没有可留空或填 0。"});
        lines.add(new String[] {"【资金用途】", "预算行下方一行：资金具体用于哪些支出。"});
        lines.add(new String[] {"【资金支出计划】", "选填。第一行为时间节点（如 3月底、6月底、10月底、12月底，月份可改），"
                + "第二行为截至该月底累计支出占预算数的百分比，只填数字，如 30、60、90、100：逐期不减，"
                + "每个都在 0–100 之间，最后一个为 100。不编制支出计划的整块留空。"});
        lines.add(new String[] {"【绩效目标】", "年度总体绩效目标：通过项目实施在本年度要达到的产出和效果，"
                + "如“通过开展……，实现……”。"});
        lines.add(new String[] {"【一级指标】", "从下拉列表选择。同一一级指标下的连续几行可只在第一行填写（相当于合并单元格）。"});
        lines.add(new String[] {"【二级指标】", "从下拉列表选择，列表按本行的一级指标列出；须属于所选一级指标（见下方指标体系）。"});
        lines.add(new String[] {"【三级指标】", "具体的指标名称，不超过 100 字，同一项目内不得重复。"});
        lines.add(new String[] {"【绩效指标描述】", "说明指标反映什么、如何计算，如“反映仲裁案件结案率”。"});
        lines.add(new String[] {"【指标值】", "运算符、数值和计量单位写在同一格，见下方“指标值的写法”。"
                + "可从下拉选择运算符 ≥ ≤ > <，再按 F2 在其后输入数值和单位。"});
        lines.add(new String[] {"【指标值确定依据】", "选填：计划标准、行业标准、历史标准或其他依据。"});
        lines.add(new String[] {"【分值权重】", "选填：自评时该指标的分值。见下方“分值权重”。"});
        lines.add(new String[] {"#", "三、指标值的写法（定量为主，定性指标不宜超过一半）"});
        lines.add(new String[] {"≥93%", "不低于 93%。比率类指标（%）的数值在 0–100 之间；满意度、完成率、准确率一般用 ≥。"});
        lines.add(new String[] {"≤8000 元/人", "不高于每人 8000 元。成本类指标一般用 ≤，单位如 元/人、万元、元/人天。"});
        lines.add(new String[] {"≥200 万人次", "数量类：运算符 + 数值 + 计量单位，如 ≥300 篇、≥2 次/年。"});
        lines.add(new String[] {"≤10月31日", "时效类：不晚于 10 月 31 日完成；也可写“2025年12月31日前”。"});
        lines.add(new String[] {"100%", "不写运算符表示等于；不要写成以“=”开头。"});
        lines.add(new String[] {"> 或 <", "大于、小于，如 >2、<80%。"});
        lines.add(new String[] {"有效", "定性指标直接填写文字，如 有效、是、及时、严格落实相关政策；自评时按达成、部分达成、未达成打分。"});
        lines.add(new String[] {"#", "四、指标体系（财预〔2021〕101号）"});
        for (String l1 : IndicatorFramework.level1Names()) {
            List<String> l2 = new ArrayList<>(IndicatorFramework.level2Names(l1));
            String note = "";
            if (IndicatorFramework.OUTPUT.equals(l1) && l2.remove(IndicatorFramework.COST)) {
                note = "（2021 年以前的旧指标体系中，成本指标作为产出指标下的二级指标，仍可使用）";
            }
            lines.add(new String[] {"【" + l1 + "】", String.join("、", l2) + note});
        }
        lines.add(new String[] {"", "说明：二级指标可简写，如 经济成本、社会效益、服务对象满意度。每个项目至少有一项产出、效益和满意度指标；"
                + "2021 年起须有成本指标。"});
        lines.add(new String[] {"#", "五、分值权重"});
        lines.add(new String[] {"90 + 10", "自评总分 100 分：预算执行率 10 分，各项绩效指标合计 90 分。填写权重时，"
                + "各指标权重均须大于 0，合计等于 90。"});
        lines.add(new String[] {"不填权重", "系统按 产出 50、效益 30、满意度 10 分配（成本指标分享产出指标的分值；没有满意度指标时其分值并入效益），"
                + "在同类指标间平均分配。"});
        lines.add(new String[] {"等级", "自评得分 90 分及以上为优，80–90 分为良，60–80 分为中，60 分以下为差。"});

        int r = 0;
        for (String[] line : lines) {
            Row row = WorkbookStyles.row(notes, r++);
            boolean heading = "#".equals(line[0]);
            if (heading) {
                styles.note(row, 0, line[1], true);
                notes.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, 1));
                if (r > 1) {
                    row.setHeightInPoints(24f);
                }
            } else {
                styles.note(row, 0, line[0], true);
                styles.note(row, 1, line[1], false);
                row.setHeightInPoints(Math.max(18f, WorkbookStyles.lines(line[1], 90) * 15f + 3f));
            }
        }
    }
}
