package org.openperf.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;
import org.openperf.targets.SpendingPlanEntry;
import org.openperf.targets.TargetValue;

class TargetTableGridTest {

    @Test
    void aMonthlyPlanContinuesOnAFurtherPairOfRows() {
        Project p = new Project(2024, "按月计划");
        List<SpendingPlanEntry> plan = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            plan.add(new SpendingPlanEntry(m, new BigDecimal(m * 100).divide(new BigDecimal(12), 2,
                    java.math.RoundingMode.HALF_UP)));
        }
        p.setSpendingPlan(plan);
        TargetTableGrid g = TargetTableGrid.of(p, " ");
        int r = g.planRow();
        assertThat(g.at(r, 0).text()).isEqualTo("资金支出计划（%）");
        assertThat(g.at(r, 0).rowSpan()).isEqualTo(4);
        assertThat(g.at(r, 1).text()).isEqualTo("1月底");
        assertThat(g.at(r + 1, 1).text()).isEqualTo("8.33");
        assertThat(g.at(r + 2, 1).text()).isEqualTo("7月底");
        assertThat(g.at(r + 3, 6).text()).isEqualTo("100.00");
        assertThat(g.at(r + 4, 0).text()).isEqualTo("绩效目标");
    }

    @Test
    void weightWithoutBasisTakesTheSixthColumnAndBlankLevelsAreNotMerged() {
        Project p = new Project(2024, "权重");
        Indicator a = new Indicator(null, null, "甲", "甲", TargetValue.qualitative("有效"));
        a.setWeight(new BigDecimal("45.0000"));
        p.addIndicator(a);
        p.addIndicator(new Indicator(null, null, "乙", "乙", null));
        TargetTableGrid g = TargetTableGrid.of(p, " ");
        int h = g.headerRow();
        assertThat(g.at(h, 5).text()).isEqualTo("分值权重");
        assertThat(g.at(h, 6)).isNull();
        int f = g.firstIndicatorRow();
        assertThat(g.at(f, 0).rowSpan()).isEqualTo(1);
        assertThat(g.at(f + 1, 0).rowSpan()).isEqualTo(1);
        assertThat(g.at(f, 5).text()).isEqualTo("45");
        assertThat(g.at(f + 1, 4).text()).as("no value").isEmpty();
        assertThat(g.at(f + 1, 5).text()).as("no weight").isEmpty();
    }

    @Test
    void levelTwoRunsStopAtTheEndOfTheirLevelOneRun() {
        Project p = new Project(2024, "跨一级");
        p.addIndicator(new Indicator("产出指标", "质量指标", "a", "", TargetValue.qualitative("是")));
        p.addIndicator(new Indicator("效益指标", "质量指标", "b", "", TargetValue.qualitative("是")));
        TargetTableGrid g = TargetTableGrid.of(p, "");
        int f = g.firstIndicatorRow();
        assertThat(g.at(f, 1).rowSpan()).isEqualTo(1);
        assertThat(g.at(f + 1, 1).text()).isEqualTo("质量指标");
    }
}
