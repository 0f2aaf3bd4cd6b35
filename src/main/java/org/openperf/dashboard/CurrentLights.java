package org.openperf.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openperf.monitoring.Light;
import org.openperf.targets.Project;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current light of projects: the worst of what every {@link LightSource} says about each. */
@Service
public class CurrentLights {

    private static final ProjectLight NONE = new ProjectLight(null, null, null, List.of());

    private final List<LightSource> sources;

    public CurrentLights(List<LightSource> sources) {
        this.sources = sources;
    }

    @Transactional(readOnly = true)
    public Map<Long, ProjectLight> of(Monitored projects) {
        Map<Long, List<LightSignal>> signals = new HashMap<>();
        for (LightSource source : sources) {
            source.latest(projects).forEach((id, s) -> signals.computeIfAbsent(id, k -> new ArrayList<>()).add(s));
        }
        Map<Long, ProjectLight> lights = new HashMap<>();
        for (Project p : projects.projects()) {
            lights.put(p.getId(), combine(signals.getOrDefault(p.getId(), List.of())));
        }
        return lights;
    }

    static ProjectLight combine(List<LightSignal> signals) {
        if (signals.isEmpty()) {
            return NONE;
        }
        List<LightSignal> recentFirst = new ArrayList<>(signals);
        recentFirst.sort(Comparator.comparing(LightSignal::asOf).reversed());
        Light worst = Light.worst(recentFirst.stream().map(LightSignal::light).toList());
        LightSignal decisive = recentFirst.stream().filter(s -> s.light() == worst).findFirst().orElseThrow();
        LightSignal.Deviation deviation = recentFirst.stream().map(LightSignal::deviation)
                .filter(java.util.Objects::nonNull).max(Comparator.comparingInt(LightSignal.Deviation::month))
                .orElse(null);
        return new ProjectLight(worst, decisive, deviation, List.copyOf(recentFirst));
    }
}
