package org.openperf.dashboard;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openperf.monitoring.MonitoringReport;
import org.openperf.monitoring.MonitoringReportIndicator;
import org.springframework.stereotype.Component;

/**
 * The light of the project's latest 监控表 in a monitoring round: the project light over its execution and every
 * indicator (so a blue, over-achieving indicator shows here), with the deviation reasons the unit gave. A report the
 * department returned is superseded by the unit's next one and does not count.
 */
@Component
class ReportLightSource implements LightSource {

    @Override
    public Map<Long, LightSignal> latest(Monitored projects) {
        Map<Long, LightSignal> signals = new HashMap<>();
        if (projects.projects().isEmpty()) {
            return signals;
        }
        for (MonitoringReport r : projects.reports()) {
            if (r.getStatus() == MonitoringReport.Status.RETURNED || r.getProjectLight() == null) {
                continue;
            }
            // Ordered by id: a later report of the project replaces an earlier one.
            signals.put(r.getProjectId(), new LightSignal("1–" + r.getCutoffMonth() + "月监控表",
                    YearMonth.of(r.getYear(), r.getCutoffMonth()).atEndOfMonth(), r.getProjectLight(), r.getSpent(),
                    r.getExecutionRate(), r.getPlannedPercent(), r.getExecutionRatio(), r.getExecutionExplanation(),
                    deviation(r)));
        }
        return signals;
    }

    private static LightSignal.Deviation deviation(MonitoringReport r) {
        Set<String> reasons = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder();
        StringBuilder measures = new StringBuilder();
        for (MonitoringReportIndicator i : r.getIndicators()) {
            if (i.getDeviationReasons() != null) {
                reasons.addAll(List.of(i.getDeviationReasons().split("、")));
            }
            append(text, i.getName(), i.getDeviationText());
            append(measures, i.getName(), i.getMeasures());
        }
        if (reasons.isEmpty() && text.isEmpty() && measures.isEmpty()) {
            return null;
        }
        return new LightSignal.Deviation(r.getCutoffMonth(), reasons.isEmpty() ? null : String.join("、", reasons),
                text.isEmpty() ? null : text.toString(), measures.isEmpty() ? null : measures.toString(),
                r.getDepartmentDecision());
    }

    private static void append(StringBuilder to, String indicator, String words) {
        if (words == null || words.isBlank()) {
            return;
        }
        if (!to.isEmpty()) {
            to.append('；');
        }
        to.append(indicator).append('：').append(words.strip());
    }
}
