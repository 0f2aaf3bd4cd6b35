package org.openperf.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openperf.monitoring.ExecutionReading;
import org.openperf.monitoring.MilestoneResult;
import org.openperf.monitoring.SpendingReading;
import org.openperf.targets.Project;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The spending readings and milestone results of many projects at once, by project id. */
@Component
class MonitoringData {

    /** Ids per IN clause: well under every database's parameter limit. */
    private static final int CHUNK = 500;

    private final DashboardReadings repository;

    MonitoringData(DashboardReadings repository) {
        this.repository = repository;
    }

    /** Every reading of each project, oldest first (of one date, the later recorded last). */
    @Transactional(readOnly = true)
    Map<Long, List<ExecutionReading>> readings(Collection<Long> projectIds) {
        return grouped(projectIds, repository::readings, ExecutionReading::getProjectId);
    }

    /** Each project's milestone results, by month. */
    @Transactional(readOnly = true)
    Map<Long, List<MilestoneResult>> milestoneResults(Collection<Long> projectIds) {
        return grouped(projectIds, repository::milestoneResults, MilestoneResult::getProjectId);
    }

    /**
     * The readings as the calculator takes them. A reading dated after the fiscal year (the final accounts, 决算期)
     * is the year's whole spending: it counts as of 31 December.
     */
    static List<SpendingReading> spending(Project p, List<ExecutionReading> readings) {
        LocalDate yearEnd = LocalDate.of(p.getYear(), 12, 31);
        return readings.stream()
                .map(r -> new SpendingReading(r.getAsOf().isAfter(yearEnd) ? yearEnd : r.getAsOf(), r.getSpent()))
                .toList();
    }

    private static <T> Map<Long, List<T>> grouped(Collection<Long> ids, Function<List<Long>, List<T>> query,
                                                  Function<T, Long> projectId) {
        Map<Long, List<T>> byProject = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            for (T row : query.apply(all.subList(from, Math.min(all.size(), from + CHUNK)))) {
                byProject.computeIfAbsent(projectId.apply(row), k -> new ArrayList<>()).add(row);
            }
        }
        return byProject;
    }
}
