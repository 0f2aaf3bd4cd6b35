package org.openperf.exports;

import java.math.BigDecimal;
import java.util.List;
import org.openperf.targets.Department;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;
import org.openperf.targets.SpendingPlanEntry;
import org.openperf.targets.TargetValue;
import org.openperf.targets.Unit;

/** Target tables built in code for the writer tests: two units of two departments, new and old framework. */
final class SampleProjects {

    static final Department QINGDAO = new Department("402", "青岛市人力资源和社会保障局");
    static final Department TIANJIN = new Department("353", "天津市人力资源和社会保障局");
    static final Unit QD_UNIT = new Unit("402001", "青岛市人力资源和社会保障局本级", QINGDAO);
    static final Unit TJ_UNIT = new Unit("353101", "天津市人力资源和社会保障局财务处", TIANJIN);

    private SampleProjects() {
    }

    /** New framework, with 项目编码, a spending plan, weights (sum 90) and 指标值确定依据. */
    static Project withPlan() {
        Project p = new Project(2024, "人力资源和社会保障经费");
        p.setUnit(QD_UNIT);
        p.setCode("37020024P000000000001");
        p.setBudget(new BigDecimal("835"));
        p.setFiscalFunds(new BigDecimal("835.000000"));
        p.setPurpose("用于开展人社政策宣传、仲裁工作、事业单位新聘用人员培训工作等人力资源社会保障工作");
        p.setGoal("通过开展人社政策宣传、仲裁工作，提高政策知晓度。");
        p.setSpendingPlan(List.of(
                new SpendingPlanEntry(3, new BigDecimal("30")),
                new SpendingPlanEntry(6, new BigDecimal("60")),
                new SpendingPlanEntry(10, new BigDecimal("90")),
                new SpendingPlanEntry(12, new BigDecimal("100"))));
        add(p, "成本指标", "经济成本指标", "先模休假疗养人均费用", "反映先模休假疗养人均费用", "≤8000 元/人", "计划标准", "10");
        add(p, "成本指标", "经济成本指标", "培训费人均标准", "反映培训费人均标准", "≤550 元/人", "行业标准", "10");
        add(p, "产出指标", "数量指标", "全媒体发稿数量", "反映全媒体发稿数量", "≥300 篇", "历史标准", "10");
        add(p, "产出指标", "数量指标", "仲裁结案率", "反映仲裁案件结案率", "≥93%", "历史标准", "10");
        add(p, "产出指标", "质量指标", "调解成功率", "反映仲裁案件调解成功率", "≥62%", null, "10");
        add(p, "产出指标", "时效指标", "岗前培训时限", "反映岗前培训时限", "≤10 月 31 日", "计划标准", "10");
        add(p, "效益指标", "社会效益指标", "月月讲浏览量", "反映人社政策知晓度", "≥200 万人次", "历史标准", "20");
        add(p, "满意度指标", "服务对象满意度指标", "培训人员满意度", "反映培训满意度", "≥90%", "行业标准", "10");
        return p;
    }

    /** Older framework (成本指标 as a 二级 under 产出指标), other funds only, no plan, no weights, no basis. */
    static Project olderFramework() {
        Project p = new Project(2024, "人社局专户项目（单位资金）");
        p.setUnit(QD_UNIT);
        p.setBudget(new BigDecimal("71"));
        p.setFiscalFunds(BigDecimal.ZERO);
        p.setOtherFunds(new BigDecimal("71.00"));
        p.setPurpose("用于开展事业单位收入分配及绩效工资管理培训");
        p.setGoal("完成工资管理培训。");
        add(p, "产出指标", "数量指标", "参训人数", "反映每期参训人数情况", "≥40 人", null, null);
        add(p, "产出指标", "成本指标", "培训费人均标准", "反映培训费人均标准", "≤550 元/人天", null, null);
        add(p, "产出指标", "成本指标", "软件采购成本", "反映软件采购成本", "≤18 万元", null, null);
        add(p, "产出指标", "时效指标", "采购时间", "反映采购时间", "≤11 月 30 日", null, null);
        add(p, "效益指标", "社会效益指标", "按时办结率", "反映按时办结率", "≥90%", null, null);
        add(p, "效益指标", "社会效益指标", "系统可用率", "反映系统可用率", "≥99%", null, null);
        add(p, "满意度指标", "服务对象满意度指标", "使用人员满意度", "反映使用人员满意度", "≥90%", null, null);
        return p;
    }

    /** A unit of another department; budget with cents. */
    static Project tianjin() {
        Project p = new Project(2025, "公益性岗位补贴");
        p.setUnit(TJ_UNIT);
        p.setBudget(new BigDecimal("97.51"));
        p.setFiscalFunds(new BigDecimal("97.51"));
        p.setPurpose("用于公益性岗位补贴。\n按季度拨付。");
        p.setGoal("安置就业困难人员。");
        add(p, "产出指标", "数量指标", "公益性岗位安置人数", "公益性岗位安置人数", "≥120人", null, null);
        add(p, "效益指标", "社会效益指标", "就业困难人员生活保障", "就业困难人员生活保障", "有效", null, null);
        add(p, "满意度指标", "服务对象满意度指标", "补贴对象满意度", "补贴对象满意度", "≥90%", null, null);
        return p;
    }

    static List<Project> all() {
        return List.of(withPlan(), olderFramework(), tianjin());
    }

    static void add(Project p, String l1, String l2, String name, String description, String value, String basis,
                    String weight) {
        Indicator i = new Indicator(l1, l2, name, description, TargetValue.qualitative(value));
        i.setBasis(basis);
        i.setWeight(weight == null ? null : new BigDecimal(weight).setScale(4));
        p.addIndicator(i);
    }
}
