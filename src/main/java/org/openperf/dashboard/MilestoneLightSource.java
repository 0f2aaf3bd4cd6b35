package org.openperf.dashboard;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openperf.monitoring.MilestoneResult;
import org.openperf.targets.Project;
import org.springframework.stereotype.Component;

/**
 * The light of the project's latest milestone check (监控节点, computed once when its timer fired), with the latest
 * 偏差说明 the unit gave at any milestone.
 */
@Component
class MilestoneLightSource implements LightSource {

    @Override
    public Map<Long, LightSignal> latest(Monitored projects) {
        Map<Long, LightSignal> signals = new HashMap<>();
        for (Project p : projects.projects()) {
            List<MilestoneResult> own = projects.milestoneResults(p.getId());
            if (own.isEmpty()) {
                continue;
            }
            MilestoneResult last = own.get(own.size() - 1);
            LightSignal.Deviation deviation = null;
            for (MilestoneResult r : own) {
                if (r.getReasons() != null || r.getReasonText() != null || r.getMeasures() != null) {
                    deviation = new LightSignal.Deviation(r.getMonth(), r.getReasons(), r.getReasonText(),
                            r.getMeasures(), r.getReviewDecision());
                }
            }
            signals.put(p.getId(), new LightSignal(last.getMonth() + "月底监控节点",
                    YearMonth.of(p.getYear(), last.getMonth()).atEndOfMonth(),
                    last.getLight(), last.getSpent(), last.getExecutionRate(), last.getPlannedPercent(),
                    last.getRatio(), last.getExplanation(), deviation));
        }
        return signals;
    }
}
