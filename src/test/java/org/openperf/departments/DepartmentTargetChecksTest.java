package org.openperf.departments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openperf.exports.DepartmentTargetWorkbookWriter;
import org.openperf.imports.DepartmentTableRead;
import org.openperf.imports.TargetTableReader;
import org.openperf.kernel.Finding;
import org.openperf.kernel.Severity;
import org.openperf.targets.Department;
import org.openperf.targets.GradeBands;
import org.openperf.validation.Rule;
import org.openperf.validation.RuleSetting;
import org.openperf.validation.ValidationService;
import org.openperf.validation.ValidationSettings;

/** The reviewer's checks of a department table on hand-made bad tables. */
class DepartmentTargetChecksTest {

    static final DepartmentTargetChecks CHECKS = new DepartmentTargetChecks(new ValidationService());

    static DepartmentActivity activity(String code, String name, ActivityIndicator... indicators) {
        DepartmentActivity a = new DepartmentActivity(code, name, null, 2076, null);
        for (ActivityIndicator i : indicators) {
            a.addIndicator(i);
        }
        return a;
    }

    static ActivityIndicator indicator(String name, String... bands) {
        String[] b = java.util.Arrays.copyOf(bands, 4);
        return new ActivityIndicator(name, null, null, new GradeBands(b[0], b[1], b[2], b[3]));
    }

    /** A bad table: every defect the checks know, one of each, beside clean rows. */
    static DepartmentTargetTable bad() {
        DepartmentTargetTable t = new DepartmentTargetTable(2076);
        t.setDepartment(new Department("976", "测试局"));
        t.addActivity(activity("0101", "甲", indicator("到位率", "100%", "≥90%", "≥80%", "<80%"),
                indicator("完成率", "≥80%", "≥90%", "≥70%", "<70%")));         // 0, 1: bands not one way
        t.addActivity(activity("0102", "乙"));                                   // no indicators
        t.addActivity(activity("0101", "丙", indicator("覆盖率", "≥九十%", "≥80%", "≥70%", "<70%"), // 2: unparsed
                indicator("及时性", "及时", "延期一周", "延期两周", "延期三周")));   // 3: words are fine
        t.addActivity(activity("0104", "丁", new ActivityIndicator("没有档次", null, null, null))); // 4: no bands
        return t;
    }

    static Finding only(List<Finding> findings, Rule rule) {
        List<Finding> of = findings.stream().filter(f -> f.rule().equals(rule.code())).toList();
        assertThat(of).as(rule.code()).hasSize(1);
        return of.get(0);
    }

    @Test
    void eachDefectIsFoundOnceWithItsActivityOrRow() {
        List<Finding> findings = CHECKS.check(bad());
        assertThat(findings).hasSize(5).allMatch(Finding::isError);

        Finding order = only(findings, Rule.VALUE_BAND_ORDER);
        assertThat(order.indicatorIndex()).isEqualTo(1);
        assertThat(order.field()).isEqualTo("完成率");
        assertThat(order.message()).contains("活动“0101 甲”").contains("方向不一致");

        Finding empty = only(findings, Rule.ACTIVITY_INDICATORS_MISSING);
        assertThat(empty.indicatorIndex()).isNull();
        assertThat(empty.message()).contains("活动“0102 乙”没有绩效指标");

        Finding duplicate = only(findings, Rule.ACTIVITY_CODE_DUPLICATE);
        assertThat(duplicate.field()).isEqualTo("活动“0101 丙”");
        assertThat(duplicate.message()).contains("“0101”重复").contains("活动“0101 甲”");

        Finding unparsed = only(findings, Rule.VALUE_BAND_UNPARSED);
        assertThat(unparsed.indicatorIndex()).isEqualTo(2);
        assertThat(unparsed.message()).contains("≥九十%");

        Finding missing = only(findings, Rule.VALUE_MISSING);
        assertThat(missing.indicatorIndex()).isEqualTo(4);
        assertThat(missing.message()).contains("没有档次").contains("未填写优、良、中、差");
    }

    @Test
    void aCleanTableHasNoFindings() {
        DepartmentTargetTable t = new DepartmentTargetTable(2076);
        t.addActivity(activity("0101", "甲", indicator("到位率", "100%", "≥90%", "≥80%", "<80%"),
                indicator("次数", ">2", "<2"), indicator("超时", "≤1天", "≤2天", "≤3天", ">3天")));
        t.addActivity(activity("0102", "乙", indicator("是否免费", "是", "基本达到", "否", "否")));
        assertThat(CHECKS.check(t)).isEmpty();
    }

    @Test
    void aProvinceSetsTheLevelOfTheNewRulesLikeAnyOther() {
        ValidationSettings settings = ValidationSettings.withRules(Map.of(
                Rule.ACTIVITY_CODE_DUPLICATE, new RuleSetting(RuleSetting.Level.WARNING, null),
                Rule.ACTIVITY_INDICATORS_MISSING, new RuleSetting(RuleSetting.Level.OFF, null)));
        List<Finding> findings = new DepartmentTargetChecks(new ValidationService(settings)).check(bad());
        assertThat(only(findings, Rule.ACTIVITY_CODE_DUPLICATE).severity()).isEqualTo(Severity.WARNING);
        assertThat(findings).noneMatch(f -> f.rule().equals(Rule.ACTIVITY_INDICATORS_MISSING.code()));
    }

    @Test
    void aBadTableReadFromAWorkbookIsFoundAtItsRows() {
        byte[] xlsx = new DepartmentTargetWorkbookWriter().write(bad());
        DepartmentTableRead read = TargetTableReader.read(new ByteArrayInputStream(xlsx), "bad.xlsx", 2076)
                .department();
        read.table().setYear(2076);
        List<Finding> findings = CHECKS.check(read.table());
        assertThat(findings).extracting(Finding::rule).containsExactlyInAnyOrderElementsOf(
                CHECKS.check(bad()).stream().map(Finding::rule).toList());
        // the activity without indicators is kept as a row of its own, between 甲 and 丙
        assertThat(read.table().getActivities()).extracting(DepartmentActivity::getName)
                .containsExactly("甲", "乙", "丙", "丁");
        Finding unparsed = only(findings, Rule.VALUE_BAND_UNPARSED);
        // its row: two below 完成率's, the activity without indicators between them
        assertThat(read.indicatorRefs().get(unparsed.indicatorIndex()).row())
                .isEqualTo(read.indicatorRefs().get(1).row() + 2);
        assertThat(read.indicatorRefs().get(unparsed.indicatorIndex()).toString()).startsWith("部门整体绩效目标!F");
    }

    static ActivityIndicator weighted(String name, String weight) {
        return new ActivityIndicator(name, null, weight == null ? null : new java.math.BigDecimal(weight),
                new GradeBands("100%", "≥90%", "≥80%", "<80%"));
    }

    @Test
    void weightsOnSomeIndicatorsOnlyOrNotAddingUpToNinetyAreErrorsAsInProjectTables() {
        DepartmentTargetTable partial = new DepartmentTargetTable(2076);
        partial.setDepartment(new Department("976", "测试局"));
        partial.addActivity(activity("0101", "甲", weighted("到位率", "60"), weighted("发放率", null)));
        List<Finding> p = CHECKS.check(partial);
        Finding missing = only(p, Rule.WEIGHT_MISSING);
        assertThat(missing.severity()).isEqualTo(Severity.ERROR);
        assertThat(missing.indicatorIndex()).isEqualTo(1);
        assertThat(missing.message()).contains("发放率", "未填写权重");
        assertThat(only(p, Rule.WEIGHT_SUM).message()).contains("合计为 60，应为 90");

        DepartmentTargetTable full = new DepartmentTargetTable(2076);
        full.setDepartment(new Department("976", "测试局"));
        full.addActivity(activity("0101", "甲", weighted("到位率", "60"), weighted("发放率", "30")));
        assertThat(CHECKS.check(full)).isEmpty();
        full.addActivity(activity("0102", "乙", weighted("覆盖率", "0")));
        assertThat(only(CHECKS.check(full), Rule.WEIGHT_NON_POSITIVE).message()).contains("覆盖率", "应大于 0");
    }
}
