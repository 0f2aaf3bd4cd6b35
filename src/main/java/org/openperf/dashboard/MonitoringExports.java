package org.openperf.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openperf.departments.DepartmentMonitoring;
import org.openperf.departments.DepartmentTargets;
import org.openperf.exports.DepartmentTablesSheet;
import org.openperf.exports.MonitoringTable;
import org.openperf.exports.MonitoringWorkbookWriter;
import org.openperf.kernel.Caller;
import org.openperf.kernel.Download;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.Scope;
import org.openperf.monitoring.ExecutionReading;
import org.openperf.monitoring.ExecutionResult;
import org.openperf.monitoring.Light;
import org.openperf.monitoring.MilestoneResult;
import org.openperf.monitoring.Milestones;
import org.openperf.monitoring.MonitoringCalculator;
import org.openperf.monitoring.MonitoringReport;
import org.openperf.monitoring.MonitoringReportIndicator;
import org.openperf.monitoring.MonitoringReportRepository;
import org.openperf.monitoring.SpendingReading;
import org.openperf.review.ReviewService;
import org.openperf.review.TargetVersion;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectView.UnitRef;
import org.openperf.files.PreparedFile;
import org.openperf.files.PreparedFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 监控表 exports of a project and of a department, at a cutoff month N (1–N月): the budget block from the approved
 * versions (年初 = version 1, 调整后 = the latest), execution from the readings by the end of month N as the milestone
 * calculator measures it, the unit's latest 偏差说明 up to N, and the indicators of the latest approved version.
 * Where the unit filled the 监控表 of a round with that cutoff, its report is the record: execution, 全年预计, the
 * light and every indicator's progress, 偏差原因, 完成目标可能性, 纠偏措施 and 备注 come from it.
 */
@Service
public class MonitoringExports {

    private final ProjectService projects;
    private final DepartmentRepository departments;
    private final DashboardReadings readings;
    private final PreparedFiles files;
    private final TransactionTemplate readOnly;
    /** The most tables one 监控表 file holds (a sheet each). */
    private final int maxTables;
    private final MonitoringDashboard dashboard;
    private final MonitoringData data;
    private final MonitoringCalculator calculator;
    private final ReviewService review;
    private final MonitoringWorkbookWriter writer;
    private final MonitoringReportRepository reports;
    private final ObjectMapper json;
    private final Clock clock;
    private final DepartmentTargets departmentTargets;
    private final DepartmentMonitoring departmentMonitoring;

    public MonitoringExports(ProjectService projects, DepartmentRepository departments, MonitoringDashboard dashboard,
                             MonitoringData data, MonitoringCalculator calculator, ReviewService review,
                             MonitoringWorkbookWriter writer, MonitoringReportRepository reports,
                             ObjectMapper json, Clock clock, DepartmentTargets departmentTargets,
                             DepartmentMonitoring departmentMonitoring, DashboardReadings readings,
                             PreparedFiles files, PlatformTransactionManager transactions,
                             @Value("${perf.exports.monitoring-max-tables:500}") int maxTables) {
        this.maxTables = maxTables;
        this.readings = readings;
        this.files = files;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.departmentTargets = departmentTargets;
        this.departmentMonitoring = departmentMonitoring;
        this.clock = clock;
        this.projects = projects;
        this.departments = departments;
        this.dashboard = dashboard;
        this.data = data;
        this.calculator = calculator;
        this.review = review;
        this.writer = writer;
        this.reports = reports;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public byte[] project(Long projectId, Integer month, Scope scope) {
        Project p = dashboard.approvedProject(projectId, scope);
        Monitored one = data.one(p);
        List<ExecutionReading> readings = one.readings(p.getId());
        int cutoff = cutoff(month, p.getYear(), List.of(readings));
        MonitoringTable table = table(p, cutoff, readings, one.milestoneResults(p.getId()));
        return Download.bytes(out -> writer.writeProject(table, out));
    }

    /**
     * Starts preparing the department's summary in the background ({@link PreparedFiles}), after the checks a
     * mistake is answered by at once: the department exists, the month is one, the file is not too big.
     */
    public PreparedFile departmentFile(int year, String departmentCode, Integer month, Caller caller) {
        String code = departmentCode == null || departmentCode.isBlank() ? null : departmentCode.trim();
        departmentName(code);
        if (month != null && (month < 1 || month > 12)) {
            throw new InvalidInputException("截至月份 month 须在 1 到 12 之间，收到 " + month);
        }
        requireAtMostMax(year, code, caller.scope());
        return files.start("monitoring-summary", "监控表-" + year + (code == null ? "" : "-" + code) + ".xlsx", caller,
                () -> readOnly.execute(s -> department(year, code, month, caller)));
    }

    /** The department's (or, for finance without a department, every) approved project of the year in scope. */
    @Transactional(readOnly = true)
    public byte[] department(int year, String departmentCode, Integer month, Caller caller) {
        Scope scope = caller.scope();
        String code = departmentCode == null || departmentCode.isBlank() ? null : departmentCode.trim();
        String name = departmentName(code);
        requireAtMostMax(year, code, scope);
        Monitored approved = data.approved(year, code, scope);
        int cutoff = cutoff(month, year, List.copyOf(approved.readings().values()));
        List<MonitoringTable> tables = new ArrayList<>();
        for (Project p : approved.projects()) {
            // Indicators are read per table, inside this transaction.
            Project full = projects.table(p.getId());
            tables.add(table(full, cutoff, approved.readings(p.getId()), approved.milestoneResults(p.getId())));
        }
        String title = name + " " + year + "年度 1–" + cutoff + "月绩效运行监控汇总";
        List<DepartmentTablesSheet.Monitoring> departmentTables = departmentTargets.list(year, code, caller).stream()
                .flatMap(t -> departmentMonitoring.latestSubmitted(t.id(), cutoff, caller).stream()
                        .map(r -> new DepartmentTablesSheet.Monitoring(t.department().code() + " " + t.department().name(), r)))
                .toList();
        return Download.bytes(out -> writer.writeDepartment(title, tables, departmentTables, out));
    }

    private String departmentName(String code) {
        return code == null ? "全部主管部门" : DepartmentRepository.existing(departments, code).getName();
    }

    /** One sheet per table: a workbook of thousands would not fit in memory, nor be read by anyone. */
    private void requireAtMostMax(int year, String code, Scope scope) {
        long tables = readings.approvedCount(year, code, scope.all(), scope.unitArray(), scope.departmentArray());
        if (tables > maxTables) {
            throw new InvalidInputException("所选范围有 " + tables + " 个已批复项目，一个监控表文件至多 " + maxTables
                    + " 个项目（每个项目一张工作表），请按主管部门分别导出");
        }
    }

    MonitoringTable table(Project p, int month, List<ExecutionReading> readings, List<MilestoneResult> results) {
        List<TargetVersion> versions = review.versions(p.getId());
        JsonNode first = versions.isEmpty() ? null : read(versions.get(0).getSnapshot());
        JsonNode latest = versions.isEmpty() ? null : read(versions.get(versions.size() - 1).getSnapshot());
        UnitRef unit = MonitoringDashboard.unit(p);
        UnitRef department = MonitoringDashboard.department(p);
        String goal = latest != null && latest.hasNonNull("goal") ? latest.get("goal").asText() : p.getGoal();
        MonitoringReport report = report(p.getId(), month);
        if (report != null) {
            // The unit's own 监控表 of this cutoff is the record: its numbers, forecasts and indicator rows.
            return new MonitoringTable(p.getYear(), month, p.getCode(), p.getName(), label(department), label(unit),
                    report.getInitialBudget(), amount(first, "fiscalFunds", p.getFiscalFunds()),
                    amount(first, "otherFunds", p.getOtherFunds()),
                    report.getAdjustedBudget(), amount(latest, "fiscalFunds", p.getFiscalFunds()),
                    amount(latest, "otherFunds", p.getOtherFunds()),
                    report.getSpent(), report.getExecutionRate(), report.getPlannedPercent(),
                    report.getForecastSpent(), light(report.getProjectLight()), report.getExecutionExplanation(),
                    explained(results, month) == null ? null : reasons(explained(results, month)),
                    explained(results, month) == null ? null : explained(results, month).getMeasures(), goal,
                    lines(report));
        }
        List<SpendingReading> spending = MonitoringData.spending(p, readings);
        ExecutionResult execution = calculator.execution(p, spending, Milestones.at(p, month));
        boolean reported = execution.reading() != null;
        MilestoneResult explained = explained(results, month);
        return new MonitoringTable(p.getYear(), month, p.getCode(), p.getName(), label(department), label(unit),
                amount(first, "budget", p.getBudget()), amount(first, "fiscalFunds", p.getFiscalFunds()),
                amount(first, "otherFunds", p.getOtherFunds()),
                amount(latest, "budget", p.getBudget()), amount(latest, "fiscalFunds", p.getFiscalFunds()),
                amount(latest, "otherFunds", p.getOtherFunds()),
                reported ? execution.spent() : null, reported ? execution.executionRate() : null,
                execution.plannedPercent(), null,
                reported ? light(execution.light()) : "未报执行数",
                reported ? execution.explanation() : null,
                explained == null ? null : reasons(explained), explained == null ? null : explained.getMeasures(),
                goal, lines(latest, p));
    }

    /** The unit's latest 监控表 for exactly this cutoff that the department has not sent back, if any. */
    private MonitoringReport report(Long projectId, int month) {
        MonitoringReport found = null;
        for (MonitoringReport r : reports.findByProjectIdOrderByIdAsc(projectId)) {
            if (r.getCutoffMonth() == month && r.getStatus() != MonitoringReport.Status.RETURNED) {
                found = r;
            }
        }
        return found;
    }

    /** The latest milestone 偏差说明 up to the cutoff. */
    private static MilestoneResult explained(List<MilestoneResult> results, int month) {
        MilestoneResult explained = null;
        for (MilestoneResult r : results) {
            if (r.getMonth() <= month && (r.getReasons() != null || r.getReasonText() != null
                    || r.getMeasures() != null)) {
                explained = r;
            }
        }
        return explained;
    }

    private static List<MonitoringTable.Line> lines(MonitoringReport report) {
        List<MonitoringTable.Line> lines = new ArrayList<>();
        report.getIndicators().stream()
                .sorted(java.util.Comparator.comparingInt(MonitoringReportIndicator::getPosition))
                .forEach(i -> lines.add(new MonitoringTable.Line(i.getLevel1(), i.getLevel2(), i.getName(),
                        i.getTargetText(), soFar(i), i.getForecast(), deviation(i), i.getLikelihood(),
                        i.getMeasures(), i.getRemarks())));
        return lines;
    }

    private static String soFar(MonitoringReportIndicator i) {
        if (i.getValueSoFar() != null) {
            return i.getValueSoFar().stripTrailingZeros().toPlainString();
        }
        if (i.getAchievement() != null) {
            return i.getAchievement();
        }
        return i.getDone() == null ? null : i.getDone() ? "已完成" : "未完成";
    }

    private static String deviation(MonitoringReportIndicator i) {
        String categories = i.getDeviationReasons() == null ? "" : i.getDeviationReasons();
        String text = i.getDeviationText() == null ? "" : i.getDeviationText();
        String joined = categories + (categories.isEmpty() || text.isEmpty() ? "" : "；") + text;
        return joined.isEmpty() ? null : joined;
    }

    private static String light(Light l) {
        return l.label();
    }

    private static String reasons(MilestoneResult r) {
        String categories = r.getReasons() == null ? "" : r.getReasons();
        String text = r.getReasonText() == null ? "" : r.getReasonText();
        return r.getMonth() + "月底偏差说明：" + categories + (categories.isEmpty() || text.isEmpty() ? "" : "；") + text;
    }

    private static List<MonitoringTable.Line> lines(JsonNode latest, Project p) {
        List<MonitoringTable.Line> lines = new ArrayList<>();
        if (latest != null && latest.has("indicators")) {
            for (JsonNode i : latest.get("indicators")) {
                lines.add(new MonitoringTable.Line(text(i, "level1"), text(i, "level2"), text(i, "name"),
                        i.hasNonNull("value") ? text(i.get("value"), "text") : null,
                        null, null, null, null, null, null));
            }
            return lines;
        }
        p.getIndicators().forEach(i -> lines.add(new MonitoringTable.Line(i.getLevel1(), i.getLevel2(), i.getName(),
                i.getValue() == null ? null : i.getValue().getText(), null, null, null, null, null, null)));
        return lines;
    }

    /**
     * N of 1–N月: the month asked for, else the month of the latest reading of the year, else the months the year
     * has had so far (12 for a past year, 1 for a future one).
     */
    int cutoff(Integer month, int year, List<List<ExecutionReading>> readings) {
        if (month != null) {
            if (month < 1 || month > 12) {
                throw new InvalidInputException("截至月份 month=" + month + " 不在 1–12 之间");
            }
            return month;
        }
        int latest = 0;
        for (List<ExecutionReading> list : readings) {
            for (ExecutionReading r : list) {
                latest = Math.max(latest, r.getAsOf().getYear() > year ? 12 : r.getAsOf().getMonthValue());
            }
        }
        if (latest > 0) {
            return latest;
        }
        LocalDate today = LocalDate.now(clock);
        return today.getYear() > year ? 12 : today.getYear() < year ? 1 : today.getMonthValue();
    }

    private JsonNode read(String snapshot) {
        try {
            // Amounts as exact decimals, not doubles.
            return json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("批复版本快照无法读取", e);
        }
    }

    private static BigDecimal amount(JsonNode view, String field, BigDecimal fallback) {
        if (view == null) {
            return fallback;
        }
        return view.hasNonNull(field) ? view.get(field).decimalValue() : null;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String label(UnitRef ref) {
        if (ref == null) {
            return null;
        }
        return ref.code() == null ? ref.name() : ref.code() + " " + ref.name();
    }
}
