package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.openperf.imports.LayoutTestFiles.merge;
import static org.openperf.imports.LayoutTestFiles.row;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;

/** Layout E: the flat approval list of seed 003 (one row per indicator, project cells merged down). */
class LayoutETest {

    static byte[] approvalList() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("批复表");
        row(s, 0, "2024年部门预算项目支出绩效目标批复表");
        merge(s, 0, 0, 0, 11);
        row(s, 1, "单位名称", "项目名称", "项目类别", "预算数 (万元)", "绩效目标", "一级指标", "二级指标", "三级指标",
                "绩效指标 性质", "绩效指标 值", "度量单位", "分值权重");
        row(s, 2, null, null, null, null, null, null, null, null, null, null, null, "其中：预 算执行率");
        for (int c = 0; c <= 10; c++) {
            merge(s, 1, 2, c, c);
        }
        row(s, 3, "合计-", "-", "-", "1,342.46");
        String goal1 = "湟源县就业局认真落实各项年度目标任务和积极的就业惠民政策，多渠道促进就业创业。";
        row(s, 4, "723001- 湟源县就 业服务局 (本级)", "630123000 24T000000 269-公益性 岗位社保补 贴县配资金", "3-特定目 标类",
                "4.00", goal1, "产出指标", "数量指标", "享受社会保险补贴人数", "≥", "190", "人", 20);
        row(s, 5, null, null, null, null, null, null, "质量指标", "社会保险补贴发放准确率", "≥", "98", "%", 15);
        row(s, 6, null, null, null, null, null, null, "时效指标", "社会保险补贴在规定时间内下达率", "=", "100", "%", 15);
        row(s, 7, null, null, null, null, null, "效益指标", "社会效益", "公益性岗位人员就业率", "≥", "95", "%", 30);
        row(s, 8, null, null, null, null, null, "满意度指标", "服务对象 满意度", "享受公益性岗位社保补贴人员满意度", "=", "100", "%", 10);
        for (int c = 1; c <= 4; c++) {
            merge(s, 4, 8, c, c);
        }
        merge(s, 4, 6, 5, 5);
        row(s, 9, null, "630123000 24T000000 338-公益性 岗位岗位补 贴县配资金", "3-特定目标类", 265,
                "积极引导从业人员正确认识并支持政策调整，增加就业岗位。", "产出指标", "数量指标", "享受公益性岗位补贴的人数", "≥", "190", "人", 20);
        row(s, 10, null, null, null, null, null, "效益指标", "经济效益", "失业人员再就业人数", "=", "448", "人", 10);
        row(s, 11, null, null, null, null, null, null, null, "城镇新增就业人数", "=", "948", "人", 10);
        row(s, 12, null, null, null, null, null, "满意度指标", "服务对象满意度", "享受公益性岗位人员满意度", "≥", "99", "%", 10);
        for (int c = 1; c <= 4; c++) {
            merge(s, 9, 12, c, c);
        }
        merge(s, 10, 11, 5, 5);
        merge(s, 10, 11, 6, 6);
        merge(s, 4, 12, 0, 0);
        return LayoutTestFiles.bytes(wb);
    }

    @Test
    void readsOneProjectPerMergedRunAndSkipsTheTotal() throws Exception {
        ReadResult r = TargetTableReader.read(new ByteArrayInputStream(approvalList()), "批复表.xlsx", 2024);
        assertThat(r.problems()).isEmpty();
        assertThat(r.tables()).hasSize(2);

        ImportedTable t1 = r.tables().get(0);
        Project p1 = t1.project();
        assertThat(t1.unitCode()).isEqualTo("723001");
        assertThat(t1.unitName()).isEqualTo("湟源县就业服务局(本级)");
        assertThat(t1.where()).hasToString("批复表!B5");
        assertThat(t1.title()).isEqualTo("公益性岗位社保补贴县配资金");
        assertThat(p1.getCode()).isEqualTo("63012300024T000000269");
        assertThat(p1.getName()).isEqualTo("公益性岗位社保补贴县配资金");
        assertThat(p1.getCategory()).isEqualTo("3-特定目标类");
        assertThat(p1.getBudget()).isEqualTo(new BigDecimal("4.00"));
        assertThat(p1.getFiscalFunds()).isNull();
        assertThat(p1.getOtherFunds()).isNull();
        assertThat(p1.getGoal()).startsWith("湟源县就业局");
        assertThat(p1.getIndicators())
                .extracting(Indicator::getLevel1, Indicator::getLevel2, Indicator::getName, i -> i.getValue().getText(),
                        Indicator::getWeight)
                .containsExactly(
                        tuple("产出指标", "数量指标", "享受社会保险补贴人数", "≥190人", new BigDecimal("20")),
                        tuple("产出指标", "质量指标", "社会保险补贴发放准确率", "≥98%", new BigDecimal("15")),
                        tuple("产出指标", "时效指标", "社会保险补贴在规定时间内下达率", "=100%", new BigDecimal("15")),
                        tuple("效益指标", "社会效益指标", "公益性岗位人员就业率", "≥95%", new BigDecimal("30")),
                        tuple("满意度指标", "服务对象满意度指标", "享受公益性岗位社保补贴人员满意度", "=100%", new BigDecimal("10")));
        assertThat(t1.indicatorRefs()).extracting(SourceRef::toString)
                .containsExactly("批复表!H5", "批复表!H6", "批复表!H7", "批复表!H8", "批复表!H9");

        ImportedTable t2 = r.tables().get(1);
        Project p2 = t2.project();
        assertThat(t2.unitCode()).isEqualTo("723001");
        assertThat(p2.getCode()).isEqualTo("63012300024T000000338");
        assertThat(p2.getName()).isEqualTo("公益性岗位岗位补贴县配资金");
        assertThat(p2.getBudget()).isEqualTo(new BigDecimal("265"));
        assertThat(p2.getIndicators())
                .extracting(Indicator::getLevel1, Indicator::getLevel2, Indicator::getName, i -> i.getValue().getText())
                .containsExactly(
                        tuple("产出指标", "数量指标", "享受公益性岗位补贴的人数", "≥190人"),
                        tuple("效益指标", "经济效益指标", "失业人员再就业人数", "=448人"),
                        tuple("效益指标", "经济效益指标", "城镇新增就业人数", "=948人"),
                        tuple("满意度指标", "服务对象满意度指标", "享受公益性岗位人员满意度", "≥99%"));
        assertThat(p2.getIndicators()).extracting(Indicator::getWeight)
                .allSatisfy(w -> assertThat(w).isNotNull());
    }

    @Test
    void aFlatListWithBandColumnsReadsEachRowsBands() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("批复表");
        row(s, 0, "单位名称", "项目名称", "预算数", "一级指标", "二级指标", "三级指标", "绩效指标性质", "绩效指标值", "度量单位",
                "优", "良", "中", "差");
        row(s, 1, "723001-湟源县就业服务局", "630123000 24T000000 269-就业服务", "10.00", "产出指标", "质量指标",
                "社会保险补贴到位率", null, null, null, "100%", "≥90%", "≥80%", "<80%");
        row(s, 2, null, null, null, null, "时效指标", "劳动力资源调查及时性", null, null, null, "及时", "延期一周", "延期两周",
                "延期三周");
        row(s, 3, null, null, null, "效益指标", "社会效益", "就业率", "≥", "95", "%");
        merge(s, 1, 3, 0, 0);
        merge(s, 1, 3, 1, 1);
        merge(s, 1, 3, 2, 2);
        merge(s, 1, 2, 3, 3);
        ReadResult r = TargetTableReader.read(new ByteArrayInputStream(LayoutTestFiles.bytes(wb)), "批复表.xlsx", 2024);
        assertThat(r.problems()).isEmpty();
        assertThat(r.tables()).singleElement().satisfies(t -> {
            List<Indicator> rows = t.project().getIndicators();
            assertThat(rows.get(0).getValue()).isNull();
            assertThat(rows.get(0).getBands().getGood()).isEqualTo("≥90%");
            assertThat(rows.get(1).getBands().getFair()).isEqualTo("延期两周");
            assertThat(rows.get(2).getBands()).isNull();
            assertThat(rows.get(2).getValue().getText()).isEqualTo("≥95%");
        });
    }
}
