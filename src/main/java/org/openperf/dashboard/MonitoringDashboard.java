package org.openperf.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.openperf.dashboard.MonitoringOverview.LightCounts;
import org.openperf.dashboard.MonitoringOverview.ProjectRow;
import org.openperf.dashboard.MonitoringOverview.RedProject;
import org.openperf.dashboard.StoredLights.DepartmentTotals;
import org.openperf.dashboard.StoredLights.Selection;
import org.openperf.kernel.InvalidInputException;
import org.openperf.monitoring.Light;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectView;
import org.openperf.targets.ProjectView.UnitRef;
import org.openperf.kernel.Scope;
import org.openperf.targets.Unit;
import org.openperf.targets.UnitRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monitoring overview of a year within the caller's scope: light counts per department, the planned vs actual
 * execution curve, and the red projects with their reasons. Only approved tables (批复版本 ≥ 1) are monitored. It
 * reads each project's stored light ({@link StoredLights}); one project's curve is computed from its records.
 */
@Service
public class MonitoringDashboard {

    static final UnitRef NO_DEPARTMENT = new UnitRef(null, "未指定主管部门");

    /** How many red projects the overview lists; the project search pages through all of them. */
    static final int RED_SHOWN = 100;
    static final int MAX_PAGE = 200;
    /** Far beyond any province's year, and page × size stays an int. */
    static final int MAX_PAGES = 1_000_000;
    private static final List<String> LIGHTS = List.of("RED", "YELLOW", "GREEN", "BLUE", "NONE");

    private final ProjectService projects;
    private final DepartmentRepository departments;
    private final UnitRepository units;
    private final DashboardReadings queries;
    private final CurrentLights lights;
    private final MonitoringData data;
    private final StoredLights stored;
    private final LightRefresh refresh;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    MonitoringDashboard(ProjectService projects, DepartmentRepository departments, UnitRepository units,
                        DashboardReadings queries, CurrentLights lights, MonitoringData data, StoredLights stored,
                        LightRefresh refresh, Clock clock, PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.projects = projects;
        this.departments = departments;
        this.units = units;
        this.queries = queries;
        this.lights = lights;
        this.data = data;
        this.stored = stored;
        this.refresh = refresh;
    }

    /**
     * Not one transaction: rows found stale are computed first, each chunk in a transaction of its own, so that a
     * view never holds two connections of the pool at once.
     */
    public MonitoringOverview overview(Integer year, String departmentCode, Long projectId, Scope scope) {
        Shown shown = readOnly.execute(s -> shown(year, departmentCode, projectId, scope));
        Selection selection = shown.selection();
        // The totals count the stale rows too: in the usual case, with none, they are read once.
        String rules = refresh.rulesNow();
        List<DepartmentTotals> totals = readOnly.execute(s -> stored.byDepartment(selection, rules));
        if (totals.stream().anyMatch(t -> t.stale() > 0)) {
            freshen(selection, rules);
            totals = readOnly.execute(s -> stored.byDepartment(selection, rules));
        }
        List<DepartmentTotals> counted = totals;
        return readOnly.execute(s -> overview(shown, merged(counted), projectId, scope));
    }

    /** What a view shows: the year and department, and the years the caller may pick. */
    private record Shown(Selection selection, List<Integer> years) {
    }

    private Shown shown(Integer year, String departmentCode, Long projectId, Scope scope) {
        String department = department(departmentCode);
        Project chosen = projectId == null ? null : approvedProject(projectId, scope);
        List<Integer> available = queries.approvedYears(scope.all(), scope.unitArray(), scope.departmentArray());
        int shownYear = year != null ? year : chosen != null ? chosen.getYear() : defaultYear(available);
        if (chosen != null && chosen.getYear() != shownYear) {
            throw new InvalidInputException("项目“" + chosen.getName() + "”属于 " + chosen.getYear() + " 年度，不是 "
                    + shownYear + " 年度");
        }
        return new Shown(new Selection(shownYear, department, scope), available);
    }

    private MonitoringOverview overview(Shown shown, List<DepartmentTotals> totals, Long projectId, Scope scope) {
        Selection selection = shown.selection();
        String department = selection.department();
        ExecutionCurve curve;
        ProjectRow chosenRow = null;
        if (projectId != null) {
            Project chosen = approvedProject(projectId, scope);
            Monitored one = data.one(chosen);
            curve = ExecutionCurve.of(chosen.getName(), List.of(chosen), one.readings());
            chosenRow = row(chosen, lights.of(one).get(chosen.getId()));
        } else {
            ExecutionCurve.Sums sums = ExecutionCurve.Sums.NONE;
            for (DepartmentTotals t : totals) {
                sums = sums.plus(t.curve());
            }
            curve = ExecutionCurve.of(curveTitle(department, totals, scope), sums);
        }
        List<UnitRef> options = department == null ? totals.stream().map(DepartmentTotals::department).toList()
                : data.departments(selection.year(), scope);
        List<RedProject> red = new ArrayList<>(stored.red(selection, RED_SHOWN));
        red.sort(Comparator.comparing(RedProject::ratio, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(RedProject::name));
        return new MonitoringOverview(selection.year(), department, shown.years(), options, counts(totals),
                total(totals), curve, chosenRow, red);
    }

    /**
     * A page of the approved projects of a year in scope, with their lights: what the dashboard's project search
     * offers. {@code text}: a part of the name or code; {@code light}: RED, YELLOW, GREEN, BLUE or NONE (未监控).
     */
    public ProjectPage projects(int year, String departmentCode, String text, String light, int page, int size,
                                Scope scope) {
        if (page < 0 || page > MAX_PAGES) {
            throw new InvalidInputException("page 须在 0 到 " + MAX_PAGES + " 之间，收到 " + page);
        }
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidInputException("size 须在 1 到 " + MAX_PAGE + " 之间，收到 " + size);
        }
        String lightFilter = blankToNull(light);
        if (lightFilter != null && !LIGHTS.contains(lightFilter)) {
            throw new InvalidInputException("light 须为 " + String.join("、", LIGHTS) + " 之一，收到 " + lightFilter);
        }
        String search = blankToNull(text);
        if (search != null && search.length() > 100) {
            throw new InvalidInputException("搜索内容 q 不能超过 100 个字");
        }
        Selection selection = new Selection(year, readOnly.execute(s -> department(departmentCode)), scope);
        freshen(selection);
        StoredLights.Page found = readOnly.execute(s -> stored.page(selection, search, lightFilter, page, size));
        return new ProjectPage(year, selection.department(), found.total(), page, size, found.rows());
    }

    /**
     * Computes the selection's stale rows (approved before the rows were kept, or computed under other rules), in
     * transactions of their own, outside any transaction of the view. The units' totals tell whether there are any;
     * only then are the projects looked for.
     */
    private void freshen(Selection selection) {
        String rules = refresh.rulesNow();
        if (readOnly.execute(s -> stored.staleCount(selection, rules)) > 0) {
            freshen(selection, rules);
        }
    }

    /**
     * Computes the stale rows; a unit whose totals still count stale rows after that did not match its projects'
     * rows (changed by hand, say), and is added up again: a wrong count does not stay.
     */
    private void freshen(Selection selection, String rules) {
        refresh.stale(readOnly.execute(s -> stored.stale(selection, rules)));
        refresh.recount(selection.year(), readOnly.execute(s -> stored.staleUnits(selection, rules)));
    }

    /**
     * In department code order; the departments without a code (an imported name only, or none) are one row, last,
     * as they are one option.
     */
    private static List<DepartmentTotals> merged(List<DepartmentTotals> totals) {
        List<DepartmentTotals> sorted = new ArrayList<>(totals);
        sorted.sort(Comparator.comparing((DepartmentTotals t) -> Objects.toString(t.department().code(), "~")));
        List<DepartmentTotals> rows = new ArrayList<>();
        DepartmentTotals uncoded = null;
        for (DepartmentTotals t : sorted) {
            if (t.department().code() != null) {
                rows.add(t);
            } else {
                uncoded = uncoded == null ? t : new DepartmentTotals(
                        uncoded.department() == NO_DEPARTMENT ? t.department() : uncoded.department(),
                        uncoded.red() + t.red(), uncoded.yellow() + t.yellow(), uncoded.green() + t.green(),
                        uncoded.blue() + t.blue(), uncoded.unmonitored() + t.unmonitored(),
                        uncoded.total() + t.total(), uncoded.stale() + t.stale(), uncoded.curve().plus(t.curve()));
            }
        }
        if (uncoded != null) {
            rows.add(uncoded);
        }
        return rows;
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

    private static List<LightCounts> counts(List<DepartmentTotals> totals) {
        return totals.stream().map(t -> new LightCounts(t.department().code(), t.department().name(), t.red(),
                t.yellow(), t.green(), t.blue(), t.unmonitored(), t.total())).toList();
    }

    private static LightCounts total(List<DepartmentTotals> totals) {
        int[] n = new int[6];
        for (DepartmentTotals t : totals) {
            n[0] += t.red();
            n[1] += t.yellow();
            n[2] += t.green();
            n[3] += t.blue();
            n[4] += t.unmonitored();
            n[5] += t.total();
        }
        return new LightCounts(null, "合计", n[0], n[1], n[2], n[3], n[4], n[5]);
    }

    static ProjectRow row(Project p, ProjectLight l) {
        LightSignal s = l.decisive();
        return new ProjectRow(p.getId(), p.getCode(), p.getName(), unit(p), department(p),
                ProjectView.amount(p.getBudget()), l.light() == null ? null : l.light().name(), l.label(),
                s == null ? null : ProjectView.amount(s.spent()), s == null ? null : s.executionRate(),
                s == null ? null : s.plannedPercent(), s == null ? null : s.asOf(), s == null ? null : s.source());
    }

    private String curveTitle(String department, List<DepartmentTotals> totals, Scope scope) {
        if (department != null) {
            return totals.isEmpty() ? "主管部门 " + department + " 合计" : totals.get(0).department().name() + " 合计";
        }
        if (!scope.all() && scope.departments().isEmpty() && scope.units().size() == 1 && !totals.isEmpty()) {
            return units.findByCode(scope.units().get(0)).map(u -> u.getName() + " 合计").orElse("全部项目合计");
        }
        return "全部项目合计";
    }

    /** The latest year with approved projects that has begun (in perf.zone), else the earliest, else this year. */
    int defaultYear(List<Integer> available) {
        int now = LocalDate.now(clock).getYear();
        return available.stream().filter(y -> y <= now).max(Integer::compare)
                .orElse(available.isEmpty() ? now : available.get(0));
    }

    private String department(String code) {
        String department = blankToNull(code);
        if (department != null) {
            DepartmentRepository.existing(departments, department);
        }
        return department;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
