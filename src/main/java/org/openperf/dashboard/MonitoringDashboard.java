package org.openperf.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openperf.dashboard.MonitoringOverview.LightCounts;
import org.openperf.dashboard.MonitoringOverview.ProjectRow;
import org.openperf.dashboard.MonitoringOverview.Reasons;
import org.openperf.dashboard.MonitoringOverview.RedProject;
import org.openperf.kernel.InvalidInputException;
import org.openperf.monitoring.Light;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectView;
import org.openperf.targets.ProjectView.UnitRef;
import org.openperf.kernel.Scope;
import org.openperf.targets.Unit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring overview of a year within the caller's scope: light counts per department, the planned vs actual
 * execution curve, and the red projects with their reasons. Only approved tables (批复版本 ≥ 1) are monitored.
 */
@Service
public class MonitoringDashboard {

    static final UnitRef NO_DEPARTMENT = new UnitRef(null, "未指定主管部门");

    private final ProjectService projects;
    private final DepartmentRepository departments;
    private final DashboardReadings queries;
    private final CurrentLights lights;
    private final MonitoringData data;
    private final Clock clock;

    public MonitoringDashboard(ProjectService projects, DepartmentRepository departments, DashboardReadings queries,
                               CurrentLights lights, MonitoringData data, Clock clock) {
        this.clock = clock;
        this.projects = projects;
        this.departments = departments;
        this.queries = queries;
        this.lights = lights;
        this.data = data;
    }

    @Transactional(readOnly = true)
    public MonitoringOverview overview(Integer year, String departmentCode, Long projectId, Scope scope) {
        String department = blankToNull(departmentCode);
        if (department != null && departments.findByCode(department).isEmpty()) {
            throw new InvalidInputException("主管部门编码 " + department + " 不存在");
        }
        Project chosen = projectId == null ? null : approvedProject(projectId, scope);
        List<Integer> available = queries.approvedYears(scope.all(), scope.unitArray(), scope.departmentArray());
        int shownYear = year != null ? year : chosen != null ? chosen.getYear() : defaultYear(available);
        if (chosen != null && chosen.getYear() != shownYear) {
            throw new InvalidInputException("项目“" + chosen.getName() + "”属于 " + chosen.getYear() + " 年度，不是 "
                    + shownYear + " 年度");
        }
        Monitored monitored = data.approved(shownYear, department, scope);
        List<Project> shown = monitored.projects();
        Map<Long, ProjectLight> light = lights.of(monitored);
        Monitored one = chosen == null ? null
                : light.containsKey(chosen.getId()) ? monitored : data.one(chosen);
        ExecutionCurve curve = chosen != null
                ? ExecutionCurve.of(chosen.getName(), List.of(chosen), one.readings())
                : ExecutionCurve.of(curveTitle(department, shown, scope), shown, monitored.readings());
        ProjectRow chosenRow = chosen == null ? null
                : row(chosen, one == monitored ? light.get(chosen.getId()) : lights.of(one).get(chosen.getId()));
        List<UnitRef> options = department == null ? departmentOptions(shown) : data.departments(shownYear, scope);
        return new MonitoringOverview(shownYear, department, available, options,
                counts(shown, light), total(shown, light), curve, chosenRow, red(shown, light),
                shown.stream().map(p -> row(p, light.get(p.getId()))).toList());
    }

    /** The project, if the caller may see it (else 404) and its table is approved (else 400). */
    @Transactional(readOnly = true)
    public Project approvedProject(Long projectId, Scope scope) {
        Project p = projects.table(projectId, scope);
        if (p.getVersion() < 1) {
            throw new InvalidInputException("项目“" + p.getName() + "”的目标表尚未批复，还没有执行监控数据");
        }
        return p;
    }

    static UnitRef department(Project p) {
        Unit u = p.getUnit();
        if (u == null || u.getDepartment() == null) {
            return NO_DEPARTMENT;
        }
        return new UnitRef(u.getDepartment().getCode(), u.getDepartment().getName());
    }

    static UnitRef unit(Project p) {
        Unit u = p.getUnit();
        return u == null ? null : new UnitRef(u.getCode(), u.getName());
    }

    private static List<UnitRef> departmentOptions(List<Project> all) {
        Map<String, UnitRef> byCode = new LinkedHashMap<>();
        all.forEach(p -> byCode.putIfAbsent(Objects.toString(department(p).code(), ""), department(p)));
        return List.copyOf(byCode.values());
    }

    private static List<LightCounts> counts(List<Project> shown, Map<Long, ProjectLight> light) {
        Map<String, List<Project>> byDepartment = new LinkedHashMap<>();
        shown.forEach(p -> byDepartment.computeIfAbsent(Objects.toString(department(p).code(), ""),
                k -> new ArrayList<>()).add(p));
        List<LightCounts> rows = new ArrayList<>();
        byDepartment.values().forEach(list -> {
            UnitRef d = department(list.get(0));
            rows.add(count(d.code(), d.name(), list, light));
        });
        return rows;
    }

    private static LightCounts total(List<Project> shown, Map<Long, ProjectLight> light) {
        return count(null, "合计", shown, light);
    }

    private static LightCounts count(String code, String name, List<Project> list, Map<Long, ProjectLight> light) {
        int[] n = new int[5];
        for (Project p : list) {
            Light l = light.get(p.getId()).light();
            n[l == null ? 4 : switch (l) {
                case RED -> 0;
                case YELLOW -> 1;
                case GREEN -> 2;
                case BLUE -> 3;
            }]++;
        }
        return new LightCounts(code, name, n[0], n[1], n[2], n[3], n[4], list.size());
    }

    private static List<RedProject> red(List<Project> shown, Map<Long, ProjectLight> light) {
        List<RedProject> red = new ArrayList<>();
        for (Project p : shown) {
            ProjectLight l = light.get(p.getId());
            if (l.light() != Light.RED) {
                continue;
            }
            LightSignal s = l.decisive();
            red.add(new RedProject(p.getId(), p.getCode(), p.getName(), unit(p), department(p),
                    ProjectView.amount(p.getBudget()), ProjectView.amount(s.spent()), s.executionRate(),
                    s.plannedPercent(), s.ratio(), s.asOf(), s.source(), s.explanation(), Reasons.of(l.deviation())));
        }
        red.sort(Comparator.comparing(RedProject::ratio, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(RedProject::name));
        return red;
    }

    static ProjectRow row(Project p, ProjectLight l) {
        LightSignal s = l.decisive();
        return new ProjectRow(p.getId(), p.getCode(), p.getName(), unit(p), department(p),
                ProjectView.amount(p.getBudget()), l.light() == null ? null : l.light().name(), l.label(),
                s == null ? null : ProjectView.amount(s.spent()), s == null ? null : s.executionRate(),
                s == null ? null : s.plannedPercent(), s == null ? null : s.asOf(), s == null ? null : s.source());
    }

    private static String curveTitle(String department, List<Project> shown, Scope scope) {
        if (department != null) {
            return shown.isEmpty() ? "主管部门 " + department + " 合计" : department(shown.get(0)).name() + " 合计";
        }
        if (!scope.all() && scope.departments().isEmpty() && scope.units().size() == 1 && !shown.isEmpty()
                && shown.get(0).getUnit() != null) {
            return shown.get(0).getUnit().getName() + " 合计";
        }
        return "全部项目合计";
    }

    /** The latest year with approved projects that has begun (in perf.zone), else the earliest, else this year. */
    int defaultYear(List<Integer> available) {
        int now = LocalDate.now(clock).getYear();
        return available.stream().filter(y -> y <= now).max(Integer::compare)
                .orElse(available.isEmpty() ? now : available.get(0));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
