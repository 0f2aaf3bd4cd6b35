package org.openperf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openperf.kernel.Finding;
import org.openperf.kernel.Severity;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;
import org.openperf.targets.TargetValueParser;

/** The yoy.* rules on hand-made last-year results (docs/year-over-year.md); the services' route is YearOverYearTest. */
class YearOverYearRulesTest {

    private final ValidationService validation = new ValidationService();

    static Project table(String budget, String... rows) {
        Project p = new Project(2098, "职业技能培训补贴");
        p.setBudget(new BigDecimal(budget));
        p.setFiscalFunds(new BigDecimal(budget));
        p.setOtherFunds(BigDecimal.ZERO);
        for (int i = 0; i < rows.length; i += 4) {
            p.addIndicator(new Indicator(rows[i], rows[i + 1], rows[i + 2], null,
                    TargetValueParser.parse(rows[i + 3], 2098)));
        }
        return p;
    }

    static LastYear.Row last(String level2, String name, String target, String actual, String weight, String score) {
        return new LastYear.Row(level2, name, TargetValueParser.parse(target, 2097),
                actual == null ? null : new BigDecimal(actual), null, weight == null ? null : new BigDecimal(weight),
                score == null ? null : new BigDecimal(score));
    }

    static LastYear lastYear(String grade, LastYear.Row... rows) {
        return new LastYear(2097, "2097年职业技能培训补贴项目", new BigDecimal("100"), grade, "自评", List.of(rows));
    }

    List<Finding> yoy(Project p, LastYear last) {
        return validation.validate(p, last).stream().filter(f -> f.rule().startsWith("yoy.")).toList();
    }

    @Test
    void aTargetBelowLastYearsActualIsAWarningNamingTheActualAndItsSource() {
        Project p = table("100", "效益指标", "社会效益指标", "知 晓 度", "≥90%",
                "成本指标", "经济成本指标", "培训标准", "≤600元/人天");
        List<Finding> f = yoy(p, lastYear("优", last("社会效益指标", "知晓度", "≥85%", "95", "30", "30"),
                last("经济成本指标", "培训标准", "≤650元/人天", "500", "25", "25")));
        assertThat(f).extracting(Finding::rule).containsExactly("yoy.target.below-actual", "yoy.target.below-actual");
        assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(f.get(0).message()).contains("“≥90%”低于上年（2097年）实际完成值 95%（自评）");
        assertThat(f.get(1).message()).contains("“≤600元/人天”高于上年（2097年）实际完成值 500元/人天（自评）");
    }

    @Test
    void aTargetThatRoseAboveLastYearsActualOrOfAnotherUnitOrInWordsIsNoFinding() {
        Project p = table("100", "效益指标", "社会效益指标", "知晓度", "≥96%",
                "产出指标", "数量指标", "培训人数", "≥40万人",
                "产出指标", "质量指标", "培训质量", "良好");
        assertThat(yoy(p, lastYear("优", last("社会效益指标", "知晓度", "≥90%", "95", "30", "30"),
                last("数量指标", "培训人数", "≥40人", "60", "25", "25"),
                last("质量指标", "培训质量", "良好", null, "25", "25")))).isEmpty();
    }

    @Test
    void anUnchangedTargetBeatenByMoreThanAFifthSaysSoOnce() {
        Project p = table("100", "产出指标", "数量指标", "每期培训人数", "≥40人");
        List<Finding> f = yoy(p, lastYear("优", last("数量指标", "每期培训人数", "≥40人", "60", "25", "25")));
        assertThat(f).extracting(Finding::rule).containsExactly("yoy.target.unchanged");
        assertThat(f.get(0).message()).contains("与上年相同").contains("上年（2097年）实际完成值 60人（自评）");
        // Beaten by exactly 20%: not "more than", so only the lower target speaks.
        assertThat(yoy(p, lastYear("优", last("数量指标", "每期培训人数", "≥40人", "48", "25", "25"))))
                .extracting(Finding::rule).containsExactly("yoy.target.below-actual");
        // A province that turns the unchanged rule off still hears that the target is below the actual.
        ValidationService off = new ValidationService(ValidationSettings.withRules(Map.of(Rule.YOY_TARGET_UNCHANGED,
                new RuleSetting(RuleSetting.Level.OFF, null))));
        assertThat(off.validate(p, lastYear("优", last("数量指标", "每期培训人数", "≥40人", "60", "25", "25"))))
                .extracting(Finding::rule).contains("yoy.target.below-actual").doesNotContain("yoy.target.unchanged");
    }

    @Test
    void aWeakIndicatorDroppedWithoutANewOneInItsLevel2IsAFinding() {
        LastYear weak = lastYear("良", last("社会效益指标", "知晓度", "≥90%", "50", "30", "10"),
                last("数量指标", "培训人数", "≥40人", "40", "25", "25"));
        Project dropped = table("100", "产出指标", "数量指标", "培训人数", "≥40人");
        List<Finding> f = yoy(dropped, weak);
        assertThat(f).extracting(Finding::rule).containsExactly("yoy.indicator.dropped");
        assertThat(f.get(0).field()).isEqualTo("知晓度");
        assertThat(f.get(0).message()).contains("上年（2097年）指标“知晓度”得分 10（分值 30，自评）")
                .contains("“社会效益指标”下没有新增指标替代");
        Project replaced = table("100", "产出指标", "数量指标", "培训人数", "≥40人",
                "效益指标", "社会效益指标", "政策覆盖率", "≥90%");
        assertThat(yoy(replaced, weak)).isEmpty();
    }

    @Test
    void aBudgetRisingAfterAPoorGradeIsAFindingForFinance() {
        Project up = table("150", "产出指标", "数量指标", "培训人数", "≥50人");
        List<Finding> f = yoy(up, lastYear("差", last("数量指标", "培训人数", "≥40人", "45", "25", "25")));
        assertThat(f).extracting(Finding::rule).containsExactly("yoy.grade.budget-up");
        assertThat(f.get(0).message()).contains("上年（2097年）自评等级为“差”").contains("结果应用");
        assertThat(yoy(up, lastYear("良", last("数量指标", "培训人数", "≥40人", "45", "25", "25")))).isEmpty();
        assertThat(yoy(table("100", "产出指标", "数量指标", "培训人数", "≥50人"),
                lastYear("中", last("数量指标", "培训人数", "≥40人", "45", "25", "25")))).isEmpty();
    }
}
