package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openperf.imports.LayoutTestFiles.wordRow;
import static org.openperf.imports.LayoutTestFiles.wordTable;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;
import org.openperf.targets.SpendingPlanEntry;
import org.openperf.kernel.Severity;

/** Layout C: county Word documents with 项目编码, a spending plan and a 指标值确定依据 column. */
class LayoutCTest {

    static byte[] countyDocument() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText("1.就业补助资金（县级配套）绩效目标表");
        XWPFTable t = wordTable(doc);
        wordRow(t, "130923 东光县人力资源和社会保障局", "", "", "", "", "", "单位：万元");
        wordRow(t, "项目编码", "{6}13020923P000036100017");
        wordRow(t, "项目名称", "{6}就业补助资金（县级配套）");
        wordRow(t, "项目类别", "{6}特定目标类");
        wordRow(t, "^预算规模及资金用途", "预算数", "1, 800. 00", "其中：财政资金", "1,500.00", "其他资金", "300.00");
        wordRow(t, "|", "{6}用于公益性岗位补贴、社会保险补贴和职业培训补贴。");
        wordRow(t, "^资金支出计划（%）", "3月底", "6月底", "10月底", "{3}12月底");
        wordRow(t, "|", "30.00", "60.00", "90.00", "{3}100.00");
        wordRow(t, "绩效目标", "{6}落实各项就业补助政策，全年城镇新增就业 1200 人，困难人员就业 300 人。");
        wordRow(t, "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "{2}指标值确定依据");
        wordRow(t, "^产出指标", "^数量指标", "公益性岗位安置人数", "反映公益性岗位安置人数", "≥120 人", "{2}县人社局年度计划");
        wordRow(t, "|", "|", "职业培训人数", "反映职业培训人数", "≥300 人次", "{2}上年完成数");
        wordRow(t, "|", "质量指标", "补贴发放准确率", "反映补贴发放准确程度", "100%", "{2}政策要求");
        wordRow(t, "|", "时效指标", "补贴发放及时性", "", "≤10 月 31 日", "{2}资金管理办法");
        wordRow(t, "|", "成本指标", "公益性岗位补贴标准", "反映每人每月补贴标准", "≤1500 元/人/月", "{2}省定标准");
        wordRow(t, "效益指标", "社会效益", "就业困难人员就业率", "", "≥95%", "{2}历年平均");
        wordRow(t, "满意度指 标", "服务对象满意度", "补贴对象满意度", "", "≥90%", "{2}问卷调查");

        doc.createParagraph().createRun().setText("2.职业技能提升行动绩效目标表");
        XWPFTable t2 = wordTable(doc);
        wordRow(t2, "130923 东光县人力资源和社会保障局", "", "", "", "", "", "单位：万元");
        wordRow(t2, "项目编码", "13020923P000036100018", "项目名称", "{4}职业技能提升行动");
        wordRow(t2, "^预算规模及资金用途", "预算数", "50.00", "其中：财政资金", "50.00", "其他资金", "");
        wordRow(t2, "|", "{6}用于职业技能培训补贴。");
        wordRow(t2, "^资金支出计划（%）", "6月底", "12月底", "", "", "", "");
        wordRow(t2, "|", "40.00", "100.00", "", "", "", "");
        wordRow(t2, "绩效目标", "{6}完成职业技能培训 500 人次。");
        wordRow(t2, "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "{2}指标值确定依据");
        wordRow(t2, "^产出指标", "数量指标", "培训人次", "", "≥500 人次", "{2}年度计划");
        wordRow(t2, "|", "成本指标", "人均培训补贴", "", "≤1000 元/人", "{2}补贴标准");
        wordRow(t2, "效益指标", "社会效益指标", "培训后就业率", "", "≥60%", "{2}上年水平");
        wordRow(t2, "满意度指标", "服务对象满意度指标", "参训人员满意度", "", "≥90%", "{2}问卷调查");
        return LayoutTestFiles.bytes(doc);
    }

    @Test
    void readsCodePlanBasisAndOldFrameworkCost() throws Exception {
        ReadResult r = TargetTableReader.read(new ByteArrayInputStream(countyDocument()), "东光县.docx", 2024);
        assertThat(r.tables()).hasSize(2);

        ImportedTable t = r.tables().get(0);
        Project p = t.project();
        assertThat(t.title()).isEqualTo("就业补助资金（县级配套）");
        assertThat(t.unitCode()).isEqualTo("130923");
        assertThat(t.unitName()).isEqualTo("东光县人力资源和社会保障局");
        assertThat(t.departmentName()).isNull();
        assertThat(p.getCode()).isEqualTo("13020923P000036100017");
        assertThat(p.getName()).isEqualTo("就业补助资金（县级配套）");
        assertThat(p.getCategory()).isEqualTo("特定目标类");
        assertThat(p.getBudget()).isEqualTo(new BigDecimal("1800.00"));
        assertThat(p.getFiscalFunds()).isEqualTo(new BigDecimal("1500.00"));
        assertThat(p.getOtherFunds()).isEqualTo(new BigDecimal("300.00"));
        assertThat(p.getPurpose()).isEqualTo("用于公益性岗位补贴、社会保险补贴和职业培训补贴。");
        assertThat(p.getGoal()).startsWith("落实各项就业补助政策");
        assertThat(p.getSpendingPlan()).extracting(SpendingPlanEntry::getMonth, SpendingPlanEntry::getCumulativePercent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, new BigDecimal("30.00")),
                        org.assertj.core.groups.Tuple.tuple(6, new BigDecimal("60.00")),
                        org.assertj.core.groups.Tuple.tuple(10, new BigDecimal("90.00")),
                        org.assertj.core.groups.Tuple.tuple(12, new BigDecimal("100.00")));

        List<Indicator> rows = p.getIndicators();
        assertThat(rows).extracting(Indicator::getLevel1, Indicator::getLevel2, Indicator::getName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("产出指标", "数量指标", "公益性岗位安置人数"),
                        org.assertj.core.groups.Tuple.tuple("产出指标", "数量指标", "职业培训人数"),
                        org.assertj.core.groups.Tuple.tuple("产出指标", "质量指标", "补贴发放准确率"),
                        org.assertj.core.groups.Tuple.tuple("产出指标", "时效指标", "补贴发放及时性"),
                        org.assertj.core.groups.Tuple.tuple("产出指标", "成本指标", "公益性岗位补贴标准"),
                        org.assertj.core.groups.Tuple.tuple("效益指标", "社会效益指标", "就业困难人员就业率"),
                        org.assertj.core.groups.Tuple.tuple("满意度指标", "服务对象满意度指标", "补贴对象满意度"));
        assertThat(rows).extracting(Indicator::getBasis).containsExactly(
                "县人社局年度计划", "上年完成数", "政策要求", "资金管理办法", "省定标准", "历年平均", "问卷调查");
        assertThat(rows).extracting(i -> i.getValue().getText()).containsExactly(
                "≥120 人", "≥300 人次", "100%", "≤10 月 31 日", "≤1500 元/人/月", "≥95%", "≥90%");
        assertThat(rows.get(3).getDescription()).isNull();
        assertThat(t.indicatorRefs().get(0)).hasToString("表格 1 第 11 行 第 3 列");

        ImportedTable t2 = r.tables().get(1);
        assertThat(t2.title()).isEqualTo("职业技能提升行动");
        assertThat(t2.project().getCode()).isEqualTo("13020923P000036100018");
        assertThat(t2.project().getName()).isEqualTo("职业技能提升行动");
        assertThat(t2.project().getBudget()).isEqualByComparingTo("50");
        assertThat(t2.project().getOtherFunds()).isEqualByComparingTo("0");
        assertThat(t2.project().getSpendingPlan()).extracting(SpendingPlanEntry::getMonth).containsExactly(6, 12);
        assertThat(t2.project().getIndicators()).hasSize(4);
        assertThat(t2.project().getIndicators().get(1).getLevel1()).isEqualTo("产出指标");
        assertThat(t2.project().getIndicators().get(1).getLevel2()).isEqualTo("成本指标");

        // the only problem: the amount repaired from PDF spacing, at its cell
        assertThat(r.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.severity()).isEqualTo(Severity.WARNING);
            assertThat(pr.location()).isEqualTo("表格 1 第 5 行 第 3 列");
            assertThat(pr.message()).contains("1, 800. 00", "1800.00");
        });
    }
}
