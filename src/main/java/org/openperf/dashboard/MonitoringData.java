package org.openperf.dashboard;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openperf.kernel.Scope;
import org.openperf.monitoring.ExecutionReading;
import org.openperf.monitoring.SpendingReading;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectView.UnitRef;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The approved projects the dashboard and its exports show, with their monitoring records. */
@Component
class MonitoringData {

    private final DashboardReadings repository;

    MonitoringData(DashboardReadings repository) {
        this.repository = repository;
    }

    /**
     * The approved projects of a year in scope, optionally of one department, in department/unit/name order, with
     * their records read over the same selection.
     */
    @Transactional(readOnly = true)
    Monitored approved(int year, String department, Scope scope) {
        List<Project> projects = repository.approved(year, department, scope.all(), scope.unitArray(),
                        scope.departmentArray()).stream()
                .sorted(Comparator.comparing((Project p) -> Objects.toString(
                                MonitoringDashboard.department(p).code(), "~"))
                        .thenComparing(p -> p.getUnit() == null ? "~" : Objects.toString(p.getUnit().getCode(), "~"))
                        .thenComparing(Project::getName))
                .toList();
        return new Monitored(projects,
                () -> repository.readings(year, department, scope.all(), scope.unitArray(), scope.departmentArray()),
                () -> repository.milestoneResults(year, department, scope.all(), scope.unitArray(),
                        scope.departmentArray()),
                () -> repository.reports(year, department, scope.all(), scope.unitArray(), scope.departmentArray()));
    }

    /** One project (already checked to be approved and in scope) with its records. */
    @Transactional(readOnly = true)
    Monitored one(Project p) {
        long id = p.getId();
        return new Monitored(List.of(p), () -> repository.readings(id), () -> repository.milestoneResults(id),
                () -> repository.reports(id));
    }

    /**
     * The departments with approved projects that year in scope, by code, those without a code (an imported
     * department's name only, or no department) as one option last: the options the dashboard offers.
     */
    @Transactional(readOnly = true)
    List<UnitRef> departments(int year, Scope scope) {
        Map<String, UnitRef> byCode = new LinkedHashMap<>();
        repository.departments(year, scope.all(), scope.unitArray(), scope.departmentArray()).stream()
                .map(r -> r[0] == null && r[1] == null ? MonitoringDashboard.NO_DEPARTMENT
                        : new UnitRef((String) r[0], (String) r[1]))
                .sorted(Comparator.comparing((UnitRef d) -> Objects.toString(d.code(), "~"))
                        .thenComparing(d -> d == MonitoringDashboard.NO_DEPARTMENT))
                .forEach(d -> byCode.putIfAbsent(Objects.toString(d.code(), ""), d));
        return List.copyOf(byCode.values());
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
}
