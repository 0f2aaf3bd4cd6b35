package org.openperf.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openperf.targets.Indicator;
import org.openperf.targets.Operator;
import org.openperf.targets.Project;
import org.openperf.targets.SpendingPlanEntry;
import org.openperf.targets.TargetValue;
import org.openperf.targets.ValueKind;

/** Small projects and indicators written by hand for the monitoring tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** A 2024 project with the given budget (万元) and plan given as month, percent, month, percent … */
    static Project project(String budget, Object... plan) {
        Project p = new Project(2024, "就业补助资金");
        p.setBudget(new BigDecimal(budget));
        List<SpendingPlanEntry> entries = new ArrayList<>();
        for (int i = 0; i < plan.length; i += 2) {
            entries.add(new SpendingPlanEntry((Integer) plan[i], new BigDecimal(plan[i + 1].toString())));
        }
        p.setSpendingPlan(entries);
        return p;
    }

    static Indicator quantitative(String name, String text, Operator op, String number, String unit) {
        return new Indicator("产出指标", "数量指标", name, null,
                new TargetValue(text, op, new BigDecimal(number), null, unit, ValueKind.QUANTITATIVE, null));
    }

    static Indicator qualitative(String name, String text) {
        return new Indicator("效益指标", "社会效益指标", name, null, TargetValue.qualitative(text));
    }

    static Indicator deadline(String name, String text, LocalDate deadline) {
        return new Indicator("产出指标", "时效指标", name, null,
                new TargetValue(text, Operator.LE, null, null, null, ValueKind.DEADLINE, deadline));
    }
}
