package org.openperf.monitoring;

import java.math.BigDecimal;
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
 * The rules page's preview of a new 预算执行灯 table: each project's latest milestone light of a year, re-decided
 * on its stored v; those that would differ. Nothing is stored: a milestone keeps the light it was given.
 */
@Component
class ExecutionLightChanges implements RulePreview {

    private final MilestoneResultRepository milestones;
    private final ProjectRepository projects;

    ExecutionLightChanges(MilestoneResultRepository milestones, ProjectRepository projects) {
        this.milestones = milestones;
        this.projects = projects;
    }

    @Override
    public String key() {
        return LightRules.EXECUTION;
    }

    @Override
    public String scope(int year) {
        return year + " 年度各项目最近一次里程碑的预算执行灯，按新表重新判定";
    }

    @Override
    @Transactional(readOnly = true)
    public List<RuleChange> changes(Decision candidate, int year) {
        Map<Long, MilestoneResult> latest = new LinkedHashMap<>();
        for (MilestoneResult m : milestones.ofYear(year)) {
            if (m.getRatio() != null && m.getLight() != null) {
                latest.put(m.getProjectId(), m); // ordered by month: the last one stays
            }
        }
        Map<Long, String> names = new HashMap<>();
        projects.findAllById(latest.keySet()).forEach(p -> names.put(p.getId(), p.getName()));
        List<RuleChange> out = new ArrayList<>();
        for (MilestoneResult m : latest.values()) {
            BigDecimal v = m.getRatio();
            Light after = LightRules.light(candidate.evaluate(LightRules.input(v)));
            if (after != m.getLight()) {
                out.add(new RuleChange(names.getOrDefault(m.getProjectId(), "项目 " + m.getProjectId()),
                        m.getLight().chineseName() + "灯", after == null ? "（无）" : after.chineseName() + "灯",
                        m.getMonth() + " 月 v = " + v.toPlainString() + "%"));
            }
        }
        return out;
    }
}
