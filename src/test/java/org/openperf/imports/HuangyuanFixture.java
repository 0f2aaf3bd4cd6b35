package org.openperf.imports;

import static org.openperf.imports.LayoutTestFiles.merge;
import static org.openperf.imports.LayoutTestFiles.row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@code src/test/resources/fixtures/huangyuan-2024-targets.xlsx}: seed 003, the published 2024 approval list
 * of 湟源县就业服务局 (layout E), every one of its eight tables with every indicator, texts as published (typos such
 * as 隍源县 and 认证落实各项奶 included; only the PDF's line-wrap spaces are gone, the project codes keep theirs).
 * Run its {@code main} once from the project directory with the test classpath (IDE, or {@code java -cp
 * target/test-classes:target/classes:<POI jars>}); the workbook is committed, tests read it and never this class.
 *
 * <p>Two places where the text extraction of the published PDF lost the table's shape, restored by the rule every
 * table of the document keeps (indicator weights add up to 90, the other 10 being 其中：预算执行率):
 * the 满意度 row 享受档案邮寄服务对象满意度 printed at the top of the next page belongs to 就业业务工作经费 (whose 档案
 * it is; that table has 90 with it, 就业补助资金 90 without it), and 城镇新增就业人数 of 就业补助资金 carries weight 5
 * (its cell is empty in the extraction; 5 is what makes that table 90).
 */
public final class HuangyuanFixture {

    static final Path OUT = Path.of("src/test/resources/fixtures/huangyuan-2024-targets.xlsx");

    record Line(String level1, String level2, String name, String operator, Number value, String unit, int weight) {
    }

    record Table(String project, String category, double budget, String goal, List<Line> lines) {
    }

    static final String UNIT = "723001- 隍源县就业服务局 (本级)";
    static final String CATEGORY = "3-特定目标类";

    static final List<Table> TABLES = List.of(
            new Table("630123000 24T000000 269-公益性岗位社保补贴县配资金", CATEGORY, 4.00,
                    "湟源县就业局认证落实各项奶年度目标任务和积极的就业惠民政策，坚持以促就业、鼓励创业为重点，不断强化就业创业服务，"
                            + "积极推进政策落实，多渠道促进就业创业。",
                    List.of(new Line("产出指标", "数量指标", "享受社会保险补贴人数", "≥", 190, "人", 20),
                            new Line("产出指标", "质量指标", "社会保险补贴发放准确率", "≥", 98, "%", 15),
                            new Line("产出指标", "时效指标", "社会保险补贴在规定时间内下达率", "=", 100, "%", 15),
                            new Line("效益指标", "社会效益", "公益性岗位人员就业率", "≥", 95, "%", 30),
                            new Line("满意度指标", "服务对象满意度", "享受公益性岗位社保补贴人员满意度", "=", 100, "%", 10))),
            new Table("630123000 24T000000 338-公益性岗位岗位补贴县配资金", CATEGORY, 265.00,
                    "2024年公益性岗位补贴县配资金支出主要是积极引导从业人员正确认识并支持政策调整，鼓励其积极履职，增加就业岗位，"
                            + "为提高我县就业率开拓多远就业渠道提供保障。",
                    List.of(new Line("产出指标", "数量指标", "享受公益性岗位补贴的人数", "≥", 190, "人", 20),
                            new Line("产出指标", "质量指标", "公益性岗位补贴发放准确", "≥", 99, "%", 15),
                            new Line("产出指标", "时效指标", "资金在规定时间内下达率", "≥", 99, "%", 15),
                            new Line("效益指标", "经济效益", "失业人员在就业人数", "=", 448, "人", 10),
                            new Line("效益指标", "经济效益", "城镇新增就业人数", "=", 948, "人", 10),
                            new Line("效益指标", "社会效益", "因就业问题发生重大群体性事件", "=", 0, "次", 5),
                            new Line("效益指标", "社会效益", "公益性岗位就业率", "≥", 95, "%", 5),
                            new Line("满意度指标", "服务对象满意度", "享受公益性岗位人员满意度", "≥", 99, "%", 10))),
            new Table("630123000 24T000000 374-就业联络员补助县配资金", CATEGORY, 23.10,
                    "协助就业局安排人员与用人单位联系，熟悉各项政策，给求职提供信息，促进就业.对辖区内劳动力、就业需求的人进行宣传和咨询，"
                            + "协助落实相关就业政策。",
                    List.of(new Line("产出指标", "数量指标", "享受就业联络员工作补助社区、村数量", "=", 154, "个", 20),
                            new Line("产出指标", "质量指标", "就业联络员工作补助资金发放准确率", "≥", 95, "%", 15),
                            new Line("产出指标", "时效指标", "资金在规定时间内下达率", "≥", 99, "%", 15),
                            new Line("效益指标", "社会效益", "对有就业需求、除体处于失业状态的劳动者的", "≥", 90, "%", 30),
                            new Line("满意度指标", "服务对象满意度", "享受补贴乡镇、村满意度", "≥", 99, "%", 10))),
            new Table("630123000 24T000000 385-物业管理及暖气费", CATEGORY, 16.40,
                    "依据物业管理服务合同物业使用人或者所有人提供物业管理服务，物业管理使用人或者所有人依据物业管理服务劳动合同应当付出的费用。",
                    List.of(new Line("产出指标", "数量指标", "收取物业费用的单位面积", "=", 958.74, "平方米", 20),
                            new Line("产出指标", "质量指标", "综合事务管理工作完成率", "≥", 85, "%", 15),
                            new Line("产出指标", "时效指标", "物业管理工作及时率", "≥", 90, "%", 15),
                            new Line("效益指标", "社会效益", "保证物业工作正常运转率", "≥", 90, "%", 30),
                            new Line("满意度指标", "服务对象满意度", "享受物业服务的单位满意度", "≥", 85, "%", 10))),
            new Table("630123000 24T000000 389-就业业务工作经费", CATEGORY, 16.00,
                    "认真落实各项年度目标任务和积极的就业惠民政策，坚持以促进就业、鼓励创业为重点，不断强化就业创业服务，积极推进政策落实，"
                            + "多渠道促进就业创业。",
                    List.of(new Line("产出指标", "数量指标", "全年档案邮寄份数", "≥", 1000, "份", 10),
                            new Line("产出指标", "数量指标", "宽带网络支出", "=", 1, "项", 10),
                            new Line("产出指标", "数量指标", "金保专线维护", "=", 1, "项", 10),
                            new Line("产出指标", "质量指标", "各项政策落实到位率", "≥", 95, "%", 10),
                            new Line("产出指标", "时效指标", "业务工作经费在规定时间内下达率", "=", 100, "%", 10),
                            new Line("效益指标", "可持续影响", "金保系统正常使用率", "≥", 1, "年", 30),
                            new Line("满意度指标", "服务对象满意度", "享受档案邮寄服务对象满意度", "≥", 90, "%", 10))),
            new Table("630123000 24T000000 792-就业补助资金", CATEGORY, 738.00,
                    "目标1: 按资金规定用于职业培训补贴、职业技能鉴定补贴、社会保险补贴、公益性岗位补贴等支出, 以及省人民政府批准的其他项目支出。"
                            + "目标2: 确保完成年度城镇新增就业任务。目标3: 确保年末城镇失业登记率保持在目标范围内。",
                    List.of(new Line("产出指标", "数量指标", "享受生活保险补贴人员数量", "≥", 500, "人", 5),
                            new Line("产出指标", "数量指标", "享受公益性岗位补贴人员数量", "≥", 500, "人", 10),
                            new Line("产出指标", "数量指标", "符合国家规定的毕业年度高校毕业生享受求职", "≥", 95, "%", 5),
                            new Line("产出指标", "质量指标", "公益性岗位补贴发放准确率", "≥", 98, "%", 5),
                            new Line("产出指标", "质量指标", "求职创业补贴发放准确率", "≥", 98, "%", 5),
                            new Line("产出指标", "质量指标", "社会保险补贴发放准确率", "≥", 98, "%", 5),
                            new Line("产出指标", "时效指标", "资金在规定时间内下达率", "≥", 98, "%", 5),
                            new Line("产出指标", "时效指标", "资金在规定时间内支付到位率", "≥", 98, "%", 10),
                            new Line("效益指标", "经济效益", "城镇新增就业人数", "≥", 500, "人", 5),
                            new Line("效益指标", "经济效益", "年末城镇失业登记率", "≤", 3.5, "%", 5),
                            new Line("效益指标", "经济效益", "年末高校毕业生毕业总体就业率", "≥", 85, "%", 5),
                            new Line("效益指标", "经济效益", "失业人员再就业人数", "≥", 500, "人", 5),
                            new Line("效益指标", "经济效益", "就业困难人员就业人数", "≥", 500, "人", 5),
                            new Line("效益指标", "社会效益", "因就业问题发生重大群体事件数量", "≤", 0, "%", 2),
                            new Line("效益指标", "社会效益", "零就业家庭帮扶率", "≥", 95, "%", 3),
                            new Line("满意度指标", "服务对象满意度", "就业扶持政策服务满意度", "≥", 90, "%", 5),
                            new Line("满意度指标", "服务对象满意度", "公共就业服务满意度", "≥", 85, "%", 5))),
            new Table("630123000 24T000001 365-2023年就业补助资金", CATEGORY, 173.86,
                    "通过落实社会保险补贴、公益性岗位补、贴就业见习补贴、就业创业服务补贴等补助政策，努力实现大学生公益性岗位就业创业工作，"
                            + "开展就业帮扶工作，进一步畅通高校毕业生到基层的渠道，促进高校毕业生多渠道就业。扎实做好失业人员、残疾人、贫困劳动力就业工作。"
                            + "实现公共就业服务事项标准化建设，优化就业渠道，数据共享就业公共服务体系。",
                    List.of(new Line("产出指标", "数量指标", "享受社会保险补贴人数", "≥", 180, "人", 10),
                            new Line("产出指标", "数量指标", "享受公益性岗位补贴人员数量", "≥", 180, "人", 10),
                            new Line("产出指标", "质量指标", "社会保险补贴发放准确率", "≥", 95, "%", 5),
                            new Line("产出指标", "质量指标", "就业见习补贴发放准确率", "≥", 95, "%", 5),
                            new Line("产出指标", "质量指标", "公益性岗位补贴发放准确率", "≥", 95, "%", 5),
                            new Line("产出指标", "质量指标", "创业补贴发放准确率", "≥", 95, "%", 5),
                            new Line("产出指标", "时效指标", "资金在规定时间内下达率", "≥", 95, "%", 5),
                            new Line("产出指标", "时效指标", "资金在规定时间内支付到位率", "≥", 95, "%", 5),
                            new Line("效益指标", "社会效益", "因就业问题发生重大群体性事件数量", "=", 0, "件", 30),
                            new Line("满意度指标", "服务对象满意度", "公共就业服务满意度", "≥", 95, "%", 5),
                            new Line("满意度指标", "服务对象满意度", "就业扶持政策经办服务满意度", "≥", 95, "%", 5))),
            new Table("630123000 24T000001 380-就业补助资金（上级专项资金)", CATEGORY, 106.10,
                    "通过落实贴就业见习补贴、就业创业服务补贴等补助政策，努力实现就业创业工作，开展就业帮扶工作，进一步畅通高校毕业生到基层的渠道，"
                            + "促进高校毕业生多渠道就业。扎实做好失业人员、残疾人、贫困劳动力就业工作。实现公共就业服务事项标准化建设，优化就业渠道，"
                            + "数据共享就业公共服务体系。",
                    List.of(new Line("产出指标", "数量指标", "享受职业培训补贴数", "≥", 2500, "人", 6),
                            new Line("产出指标", "数量指标", "享受求职创业培训补贴人数", "≥", 2, "人", 6),
                            new Line("产出指标", "数量指标", "举办招聘会次数", "≥", 8, "人", 6),
                            new Line("产出指标", "数量指标", "享受创业补贴人数", "≥", 2, "人", 10),
                            new Line("产出指标", "数量指标", "享受大中专毕业生创办农牧业合作社补助", "≥", 1, "人", 10),
                            new Line("产出指标", "质量指标", "各项补贴发放准确率", "≥", 95, "%", 6),
                            new Line("产出指标", "时效指标", "资金在规定时间内下达率", "≥", 95, "%", 6),
                            new Line("效益指标", "社会效益", "因就业问题发生重大群体事件数量", "=", 0, "件", 30),
                            new Line("满意度指标", "服务对象满意度", "享受就业政策人员满意度", "≥", 95, "%", 10))));

    private HuangyuanFixture() {
    }

    public static void main(String[] args) throws IOException {
        Files.write(OUT, workbook());
        System.out.println("wrote " + OUT.toAbsolutePath());
    }

    static byte[] workbook() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        Sheet s = wb.createSheet("2024年项目支出绩效目标批复表");
        row(s, 0, "2024年部门预算项目支出绩效目标批复表");
        merge(s, 0, 0, 0, 11);
        row(s, 1, "单位名称", "项目名称", "项目类别", "预算数 (万元)", "绩效目标", "一级指标", "二级指标", "三级指标",
                "绩效指标 性质", "绩效指标 值", "度量单位", "分值权重");
        row(s, 2, null, null, null, null, null, null, null, null, null, null, null, "其中：预 算执行率");
        for (int c = 0; c <= 10; c++) {
            merge(s, 1, 2, c, c);
        }
        double total = TABLES.stream().mapToDouble(Table::budget).sum();
        row(s, 3, "合计-", "-", "-", Math.round(total * 100) / 100.0);
        s.getRow(3).getCell(3).setCellStyle(money);
        int r = 4;
        int first = r;
        for (Table t : TABLES) {
            int top = r;
            for (int i = 0; i < t.lines().size(); i++) {
                Line l = t.lines().get(i);
                row(s, r, i == 0 && r == first ? UNIT : null, i == 0 ? t.project() : null, i == 0 ? t.category() : null,
                        i == 0 ? t.budget() : null, i == 0 ? t.goal() : null, l.level1(), l.level2(), l.name(),
                        l.operator(), l.value(), l.unit(), l.weight());
                if (i == 0) {
                    s.getRow(r).getCell(3).setCellStyle(money);
                }
                r++;
            }
            for (int c = 1; c <= 4; c++) {
                merge(s, top, r - 1, c, c);
            }
            mergeRuns(s, top, r - 1, t.lines());
        }
        merge(s, first, r - 1, 0, 0);
        return LayoutTestFiles.bytes(wb);
    }

    /** 一级 and 二级 cells merged down each run of equal values, as the published list prints them. */
    private static void mergeRuns(Sheet s, int top, int bottom, List<Line> lines) {
        for (int level = 0; level < 2; level++) {
            int start = 0;
            for (int i = 1; i <= lines.size(); i++) {
                boolean sameRun = i < lines.size() && key(lines.get(i), level).equals(key(lines.get(start), level));
                if (!sameRun) {
                    if (i - 1 > start) {
                        merge(s, top + start, top + i - 1, 5 + level, 5 + level);
                        for (int k = start + 1; k < i; k++) {
                            Row row = s.getRow(top + k);
                            row.removeCell(row.getCell(5 + level));
                        }
                    }
                    start = i;
                }
            }
        }
    }

    private static String key(Line l, int level) {
        return level == 0 ? l.level1() : l.level1() + "|" + l.level2();
    }
}
