package org.openperf.monitoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openperf.kernel.rules.Decision;
import org.openperf.kernel.rules.RuleChange;
import org.openperf.kernel.rules.RulePreview;
import org.openperf.targets.ProjectRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules page's preview of a new 指标进度灯 table: in each project's latest 监控表 of a year, the indicators
 * whose light the table decided (those with a v: ≥ targets), re-decided on their stored v; those that would differ.
 * Nothing is stored: a submitted 监控表 keeps its lights.
 */
@Component
class IndicatorLightChanges implements RulePreview {

    private final MonitoringReportRepository reports;
    private final ProjectRepository projects;

    IndicatorLightChanges(MonitoringReportRepository reports, ProjectRepository projects) {
        this.reports = reports;
        this.projects = projects;
    }

    @Override
    public String key() {
        return LightRules.INDICATOR;
    }

    @Override
    public String scope(int year) {
        return year + " 年度各项目最近一份监控表中按进度判定的指标进度灯，按新表重新判定";
    }

    @Override
    @Transactional(readOnly = true)
    public List<RuleChange> changes(Decision candidate, int year) {
        Map<Long, MonitoringReport> latest = new LinkedHashMap<>();
        for (MonitoringReport r : reports.findByYearOrderByIdAsc(year)) {
            latest.put(r.getProjectId(), r); // ordered by id: the last one stays
        }
        Map<Long, String> names = new HashMap<>();
        projects.findAllById(latest.keySet()).forEach(p -> names.put(p.getId(), p.getName()));
        List<RuleChange> out = new ArrayList<>();
        for (MonitoringReport r : latest.values()) {
            for (MonitoringReportIndicator i : r.getIndicators()) {
                if (i.getRatio() == null || i.getLight() == null) {
                    continue; // decided without the table (≤, qualitative, deadline, bands)
                }
                Light after = LightRules.light(candidate.evaluate(LightRules.input(i.getRatio())));
                if (after != i.getLight()) {
                    out.add(new RuleChange(names.getOrDefault(r.getProjectId(), "项目 " + r.getProjectId())
                            + " · " + i.getName(), i.getLight().chineseName() + "灯",
                            after == null ? "（无）" : after.chineseName() + "灯",
                            "1–" + r.getCutoffMonth() + " 月 v = " + i.getRatio().toPlainString() + "%"));
                }
            }
        }
        return out;
    }
}
