package org.openperf.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openperf.monitoring.ExecutionReading;
import org.openperf.monitoring.MilestoneResult;
import org.openperf.monitoring.MonitoringReport;
import org.openperf.targets.Project;

/**
 * Approved projects and their monitoring records: spending readings, milestone checks and 监控表. Each kind is read
 * in one query the first time it is asked for and then kept, so the light sources and the curve share one read.
 * Lives for one request, inside its transaction.
 */
final class Monitored {

    private final List<Project> projects;
    private final Lazy<Map<Long, List<ExecutionReading>>> readings;
    private final Lazy<Map<Long, List<MilestoneResult>>> milestoneResults;
    private final Lazy<List<MonitoringReport>> reports;

    Monitored(List<Project> projects, Supplier<List<ExecutionReading>> readings,
              Supplier<List<MilestoneResult>> milestoneResults, Supplier<List<MonitoringReport>> reports) {
        this.projects = projects;
        this.readings = new Lazy<>(() -> byProject(readings.get(), ExecutionReading::getProjectId));
        this.milestoneResults = new Lazy<>(() -> byProject(milestoneResults.get(), MilestoneResult::getProjectId));
        this.reports = new Lazy<>(reports);
    }

    /** Projects without any record: for sources that do not read the database (tests). */
    static Monitored of(List<Project> projects) {
        return new Monitored(projects, List::of, List::of, List::of);
    }

    List<Project> projects() {
        return projects;
    }

    /** Every reading of each project, oldest first (of one date, the later recorded last). */
    Map<Long, List<ExecutionReading>> readings() {
        return readings.get();
    }

    List<ExecutionReading> readings(Long projectId) {
        return readings.get().getOrDefault(projectId, List.of());
    }

    /** A project's milestone results, by month. */
    List<MilestoneResult> milestoneResults(Long projectId) {
        return milestoneResults.get().getOrDefault(projectId, List.of());
    }

    /** Every 监控表 of the projects, oldest first. */
    List<MonitoringReport> reports() {
        return reports.get();
    }

    private static <T> Map<Long, List<T>> byProject(List<T> rows, Function<T, Long> projectId) {
        Map<Long, List<T>> byProject = new LinkedHashMap<>();
        rows.forEach(r -> byProject.computeIfAbsent(projectId.apply(r), k -> new ArrayList<>()).add(r));
        return byProject;
    }

    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> read;
        private T value;

        Lazy(Supplier<T> read) {
            this.read = read;
        }

        @Override
        public T get() {
            if (value == null) {
                value = read.get();
            }
            return value;
        }
    }
}
