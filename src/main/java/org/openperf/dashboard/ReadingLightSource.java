package org.openperf.dashboard;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openperf.monitoring.ExecutionReading;
import org.openperf.monitoring.ExecutionResult;
import org.openperf.monitoring.Milestone;
import org.openperf.monitoring.Milestones;
import org.openperf.monitoring.MonitoringCalculator;
import org.openperf.monitoring.SpendingReading;
import org.openperf.targets.Project;
import org.springframework.stereotype.Component;

/**
 * The light of the latest spending reading, measured now: the calculator at the end of the reading's month, i.e.
 * what that month's milestone check would find if no other reading came in. Between milestones finance sees a
 * project fall behind as soon as its spending is loaded, not only when the next timer fires.
 */
@Component
class ReadingLightSource implements LightSource {

    private final MonitoringCalculator calculator;

    ReadingLightSource(MonitoringCalculator calculator) {
        this.calculator = calculator;
    }

    @Override
    public Map<Long, LightSignal> latest(Monitored projects) {
        Map<Long, LightSignal> signals = new HashMap<>();
        for (Project p : projects.projects()) {
            List<ExecutionReading> own = projects.readings(p.getId());
            if (own.isEmpty() || p.getBudget() == null || p.getBudget().signum() < 0) {
                continue;
            }
            signals.put(p.getId(), signal(p, own));
        }
        return signals;
    }

    LightSignal signal(Project p, List<ExecutionReading> readings) {
        List<SpendingReading> spending = MonitoringData.spending(p, readings);
        LocalDate asOf = spending.stream().map(SpendingReading::asOf).max(LocalDate::compareTo).orElseThrow();
        Milestone atMonthEnd = Milestones.at(p, asOf.getMonthValue());
        ExecutionResult r = calculator.execution(p, spending, atMonthEnd);
        return new LightSignal("截至 " + asOf + " 的执行数（对照" + atMonthEnd.label() + "计划）", asOf, r.light(),
                r.spent(), r.executionRate(), r.plannedPercent(), r.ratio(), r.explanation(), null);
    }
}
