package org.openperf.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.openperf.kernel.Caller;
import org.openperf.kernel.DeliveryProgress;
import org.openperf.kernel.DisplayTimes;
import org.openperf.kernel.RoundDeliveries;
import org.openperf.targets.ProjectView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "绩效运行监控（监控轮次、监控表）")
public class MonitoringRoundController {

    private final MonitoringRoundService rounds;
    private final MonitoringReportService reports;

    private final DisplayTimes times;
    private final RoundDeliveries deliveries;

    public MonitoringRoundController(MonitoringRoundService rounds, MonitoringReportService reports,
                                     DisplayTimes times, RoundDeliveries deliveries) {
        this.times = times;
        this.deliveries = deliveries;
        this.rounds = rounds;
        this.reports = reports;
    }

    /** @param cutoff the last month covered, 1–12: 7 is 1–7月 */
    public record RoundRequest(Integer year, Integer cutoff) {
    }

    /**
     * A round as it stands: {@code projects} the approved tables it asks (fixed at opening), {@code reached} how many
     * have their 填报监控表 task so far, {@code departmentTables} the department tables reached once delivered;
     * {@code problem} what holds the delivery up, if anything does.
     */
    public record RoundView(Long id, int year, int cutoff, String label, OffsetDateTime openedAt, String openedBy,
                            int projects, int reached, Integer departmentTables, boolean delivered,
                            OffsetDateTime deliveredAt, String problem) {
    }

    private RoundView view(MonitoringRound r) {
        DeliveryProgress d = r.getDelivery();
        String problem = d.isDelivered() ? null
                : deliveries.problem(MonitoringRoundDelivery.PROCESS, MonitoringRoundDelivery.businessKey(r.getId()));
        return new RoundView(r.getId(), r.getYear(), r.getCutoffMonth(), r.label(), times.offset(r.getOpenedAt()),
                r.getOpenedBy(), r.getProjects(), d.getReached(), d.getDepartmentTables(), d.isDelivered(),
                times.offset(d.getDeliveredAt()), problem);
    }

    public record ReportView(Long id, Long roundId, Long projectId, int year, int cutoff, int targetVersion,
                             BigDecimal initialBudget, BigDecimal adjustedBudget, BigDecimal spent,
                             BigDecimal executionRate, BigDecimal plannedPercent, BigDecimal executionRatio,
                             String executionLight, String executionExplanation, BigDecimal forecastSpent,
                             String projectLight, String status, String submittedBy, OffsetDateTime submittedAt,
                             String departmentDecision, String departmentComment, String financeDecision,
                             String rectificationRequirement, String rectificationAnswer,
                             String adjustmentRequestedBy, List<RowView> indicators) {
        static ReportView of(MonitoringReport r, DisplayTimes times) {
            return new ReportView(r.getId(), r.getRoundId(), r.getProjectId(), r.getYear(), r.getCutoffMonth(),
                    r.getTargetVersion(), ProjectView.amount(r.getInitialBudget()),
                    ProjectView.amount(r.getAdjustedBudget()), ProjectView.amount(r.getSpent()),
                    r.getExecutionRate(), r.getPlannedPercent(), r.getExecutionRatio(), r.getExecutionLight().name(),
                    r.getExecutionExplanation(), ProjectView.amount(r.getForecastSpent()), r.getProjectLight().name(),
                    r.getStatus().name(), r.getSubmittedBy(), times.offset(r.getSubmittedAt()), r.getDepartmentDecision(),
                    r.getDepartmentComment(), r.getFinanceDecision(), r.getRectificationRequirement(),
                    r.getRectificationAnswer(), r.getAdjustmentRequestedBy(),
                    r.getIndicators().stream().map(RowView::of).toList());
        }
    }

    public record RowView(int index, String level1, String level2, String name, String target, BigDecimal valueSoFar,
                          String achievement, Boolean done, String forecast, String light, BigDecimal ratio,
                          String explanation, String deviationReasons, String deviationText, String likelihood,
                          String measures, String remarks) {
        static RowView of(MonitoringReportIndicator i) {
            return new RowView(i.getPosition(), i.getLevel1(), i.getLevel2(), i.getName(), i.getTargetText(),
                    i.getValueSoFar() == null ? null : i.getValueSoFar().stripTrailingZeros(), i.getAchievement(),
                    i.getDone(), i.getForecast(), i.getLight().name(), i.getRatio(), i.getExplanation(),
                    i.getDeviationReasons(), i.getDeviationText(), i.getLikelihood(), i.getMeasures(), i.getRemarks());
        }
    }

    @PostMapping("/api/monitoring-rounds")
    @Operation(summary = "开启监控轮次（财政）：year 预算年度，cutoff 截止月份 1–12（7 即 1–7月）；该年度每个已批复项目逐批生成填报监控表任务，答复给出将送达的项目数")
    public ResponseEntity<RoundView> open(@RequestBody RoundRequest r) {
        MonitoringRound round = rounds.open(r == null ? null : r.year(), r == null ? null : r.cutoff(),
                Caller.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(round));
    }

    @GetMapping("/api/monitoring-rounds")
    @Operation(summary = "监控轮次列表：各轮应填报项目数、已送达数、是否送达完毕")
    public List<RoundView> list(@RequestParam(required = false) Integer year) {
        return rounds.list(year).stream().map(this::view).toList();
    }

    @GetMapping("/api/projects/{id}/monitoring-report")
    @Operation(summary = "待填报的监控表（预填：年初预算数、调整后预算数、截止月份前最近一次的累计支出、各指标）")
    public MonitoringReportService.Draft draft(@PathVariable Long id, @RequestParam(required = false) Long roundId) {
        return reports.draft(id, roundId, Caller.current().scope());
    }

    @PostMapping("/api/projects/{id}/monitoring-report")
    @Operation(summary = "单位填报监控表：执行数、全年预计执行数、各指标完成值、偏差原因、完成可能性、纠偏措施；系统计算指标灯和项目灯")
    public ResponseEntity<ReportView> submit(@PathVariable Long id, @RequestBody MonitoringReportInput in) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ReportView.of(reports.submit(id, in, Caller.current()), times));
    }

    @GetMapping("/api/projects/{id}/monitoring-reports")
    @Operation(summary = "项目的全部监控表（每次提交都保留）")
    public List<ReportView> reports(@PathVariable Long id) {
        return reports.reports(id, Caller.current().scope()).stream().map(r -> ReportView.of(r, times)).toList();
    }
}
