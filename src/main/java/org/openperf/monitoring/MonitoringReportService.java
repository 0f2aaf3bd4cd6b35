package org.openperf.monitoring;

import org.openperf.targets.ProjectMonitoringChanged;
import org.springframework.context.ApplicationEventPublisher;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.review.AdjustmentEvidence;
import org.openperf.review.ReviewService;
import org.openperf.review.ReviewTasks;
import org.openperf.review.Steps;
import org.openperf.kernel.Caller;
import org.openperf.kernel.EngineAccess;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectStatus;
import org.openperf.kernel.Scope;
import org.openperf.targets.ValueKind;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 监控表 of a monitoring round: pre-filled from the execution readings, checked whole (a bad row refuses the
 * report and names the indicator), lit by the monitoring calculator (the bands are the DMN tables), stored, and
 * followed through the department's and finance's review. Every submission is kept.
 */
@Service
public class MonitoringReportService implements AdjustmentEvidence {

    static final List<String> REASONS = List.of("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他");
    static final List<String> LIKELIHOODS = List.of("确定能", "有可能", "完全不可能");

    /** The pre-filled 监控表 a unit starts from. */
    public record Draft(Long roundId, int year, int cutoffMonth, String cutoffLabel, BigDecimal initialBudget,
                        BigDecimal adjustedBudget, BigDecimal spent, java.time.LocalDate spentAsOf,
                        BigDecimal plannedPercent, List<DraftRow> indicators) {
    }

    public record DraftRow(int index, String level1, String level2, String name, String target, String kind) {
    }

    private final ProjectService projects;
    private final MonitoringRoundRepository rounds;
    private final MonitoringReportRepository reports;
    private final ExecutionReadingRepository readings;
    private final MonitoringCalculator calculator;
    private final ReviewService review;
    private final ReviewTasks work;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final EngineAccess engine;

    private final ApplicationEventPublisher events;

    public MonitoringReportService(ProjectService projects, MonitoringRoundRepository rounds,
                                   MonitoringReportRepository reports, ExecutionReadingRepository readings,
                                   @Qualifier(MonitoringConfiguration.DECIDING) MonitoringCalculator calculator,
                                   ReviewService review, ReviewTasks work,
                                   TaskService tasks, RuntimeService runtime, EngineAccess engine,
            ApplicationEventPublisher events) {
        this.events = events;
        this.projects = projects;
        this.rounds = rounds;
        this.reports = reports;
        this.readings = readings;
        this.calculator = calculator;
        this.review = review;
        this.work = work;
        this.tasks = tasks;
        this.runtime = runtime;
        this.engine = engine;
    }

    /** The 监控表 to fill for the project's open round: budgets, the spending reported up to the cutoff, the rows. */
    @Transactional(readOnly = true)
    public Draft draft(Long projectId, Long roundId, Scope scope) {
        Project p = projects.table(projectId, scope);
        MonitoringRound round = rounds.findById(openTask(p, roundId).roundId()).orElseThrow();
        Milestone cutoff = Milestones.at(p, round.getCutoffMonth());
        SpendingReading reading = latestReading(projectId, cutoff);
        List<DraftRow> rows = new ArrayList<>();
        for (int i = 0; i < p.getIndicators().size(); i++) {
            Indicator ind = p.getIndicators().get(i);
            rows.add(new DraftRow(i, ind.getLevel1(), ind.getLevel2(), ind.getName(),
                    ind.getValue() == null ? null : ind.getValue().getText(),
                    ind.getValue() == null || ind.getValue().getKind() == null ? null : ind.getValue().getKind().name()));
        }
        return new Draft(round.getId(), round.getYear(), round.getCutoffMonth(), round.label(),
                review.initialBudget(p), p.getBudget(), reading == null ? null : reading.cumulativeSpent(),
                reading == null ? null : reading.asOf(), cutoff.plannedPercent(), rows);
    }

    /** The unit's 监控表: all of it is checked before anything is stored; then the task goes to the department. */
    @Transactional
    public MonitoringReport submit(Long projectId, MonitoringReportInput in, Caller caller) {
        Project p = projects.table(projectId, caller.scope());
        if (p.getUnit() == null || !caller.unitCodes().contains(p.getUnit().getCode())) {
            throw new ForbiddenException("监控表由项目所属单位填报");
        }
        if (p.getStatus() != ProjectStatus.APPROVED) {
            throw new ForbiddenException("项目“" + p.getName() + "”" + (p.getVersion() >= 1
                    ? "正在目标调整中，请在调整批复后填报监控表" : "的目标表尚未批复，不能填报监控表"));
        }
        if (in == null) {
            throw new InvalidInputException("请提交监控表内容");
        }
        OpenTask open = openTask(p, in.roundId());
        MonitoringRound round = rounds.findById(open.roundId()).orElseThrow();
        Milestone cutoff = Milestones.at(p, round.getCutoffMonth());
        List<String> problems = new ArrayList<>();

        BigDecimal adjusted = in.adjustedBudget() != null ? in.adjustedBudget() : p.getBudget();
        BigDecimal spent = in.spent();
        if (spent == null) {
            SpendingReading reading = latestReading(projectId, cutoff);
            if (reading == null) {
                problems.add("请填写 " + round.label() + "执行数 spent（万元）：截至" + cutoff.label() + "尚无预算执行记录");
            } else {
                spent = reading.cumulativeSpent();
            }
        }
        amount(problems, "调整后预算数 adjustedBudget", adjusted);
        amount(problems, round.label() + "执行数 spent", spent);
        amount(problems, "全年预计执行数 forecastSpent", in.forecastSpent());
        if (in.forecastSpent() == null) {
            problems.add("请填写全年预计执行数 forecastSpent（万元）");
        }
        if (adjusted != null && spent != null && spent.compareTo(adjusted) > 0) {
            problems.add(round.label() + "执行数 " + plain(spent) + " 万元超过调整后预算数 " + plain(adjusted) + " 万元");
        }
        if (adjusted != null && in.forecastSpent() != null && in.forecastSpent().compareTo(adjusted) > 0) {
            problems.add("全年预计执行数 " + plain(in.forecastSpent()) + " 万元超过调整后预算数 " + plain(adjusted) + " 万元");
        }

        Map<Integer, MonitoringReportInput.Row> byIndex = new HashMap<>();
        List<MonitoringReportInput.Row> rows = in.indicators() == null ? List.of() : in.indicators();
        int size = p.getIndicators().size();
        for (MonitoringReportInput.Row r : rows) {
            if (r == null || r.index() == null) {
                problems.add("每个指标行须有序号 index");
            } else if (r.index() < 0 || r.index() >= size) {
                problems.add("指标序号 " + r.index() + " 不在目标表的 " + size + " 个指标之内");
            } else if (byIndex.put(r.index(), r) != null) {
                problems.add(where(p, r.index()) + "填报了两次");
            }
        }
        List<MonitoringReportIndicator> lines = new ArrayList<>();
        List<IndicatorResult> results = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            MonitoringReportInput.Row r = byIndex.get(i);
            if (r == null) {
                problems.add(where(p, i) + "未填报");
                continue;
            }
            MonitoringReportIndicator line = line(p, i, r, cutoff, problems);
            if (line != null) {
                lines.add(line);
                results.add(new IndicatorResult(line.getName(), line.getLight(), line.getRatio(), line.getExplanation()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("监控表未保存：" + String.join("；", problems));
        }

        Project measured = new Project(p.getYear(), p.getName());
        measured.setBudget(adjusted);
        ExecutionResult execution = calculator.execution(measured,
                List.of(new SpendingReading(cutoff.lastDay(), spent)), cutoff);
        Light light = calculator.projectLight(execution, results);
        MonitoringReport report = reports.save(new MonitoringReport(round, projectId, p.getVersion(),
                review.initialBudget(p), adjusted, in.forecastSpent(), execution, lines, light, caller.userId()));
        review.record(projectId, open.taskId(), Steps.name(Steps.MONITORING_REPORT), "submit", caller.userId(),
                round.getYear() + " 年 " + round.label() + "监控表（第 " + report.getId() + " 号）：项目" + light.label()
                        + "；" + execution.explanation());
        events.publishEvent(new ProjectMonitoringChanged(projectId));
        Map<String, Object> vars = new HashMap<>();
        vars.put(MonitoringRoundService.REPORT_ID, report.getId());
        vars.put(MonitoringRoundService.REPORT_LIGHT, light.name());
        // A fresh report: the department's form must not show the decision of its review of an earlier one.
        vars.put("decision", null);
        vars.put("comment", null);
        work.completeRecorded(open.taskId(), caller, vars);
        return report;
    }

    /** A review step of the report is done (部门审核, 财政审核, 整改反馈): the report shows where it stands. */
    @Transactional
    public void stepDone(long projectId, long reportId, String taskKey, String decision, String comment, String user) {
        MonitoringReport r = reports.findById(reportId).filter(x -> x.getProjectId() == projectId)
                .orElseThrow(() -> new IllegalStateException("项目 " + projectId + " 没有第 " + reportId + " 号监控表"));
        switch (taskKey) {
            case Steps.MONITORING_DEPARTMENT_REVIEW -> r.departmentDecided("approve".equals(decision), comment, user);
            case Steps.MONITORING_FINANCE_REVIEW -> r.financeDecided("approve".equals(decision), comment, user);
            case Steps.RECTIFICATION -> r.rectificationAnswered(comment);
            default -> throw new IllegalArgumentException("监控表没有审核环节 " + taskKey);
        }
        events.publishEvent(new ProjectMonitoringChanged(projectId));
    }

    @Transactional(readOnly = true)
    public List<MonitoringReport> reports(Long projectId, Scope scope) {
        projects.table(projectId, scope);
        List<MonitoringReport> all = reports.findByProjectIdOrderByIdAsc(projectId);
        all.forEach(r -> r.getIndicators().size());
        return all;
    }

    @Override
    @Transactional
    public String cite(Long projectId, Long reportId, String user) {
        MonitoringReport r = reports.findById(reportId).filter(x -> x.getProjectId().equals(projectId))
                .orElseThrow(() -> new InvalidInputException("监控表第 " + reportId + " 号不是本项目的监控表"));
        r.adjustmentRequested(user);
        return "依据 " + r.getYear() + " 年 1–" + r.getCutoffMonth() + "月监控表（第 " + r.getId() + " 号，"
                + r.getProjectLight().label() + "）";
    }

    private MonitoringReportIndicator line(Project p, int i, MonitoringReportInput.Row r, Milestone cutoff,
                                           List<String> problems) {
        Indicator ind = p.getIndicators().get(i);
        String at = where(p, i);
        int before = problems.size();
        ValueKind kind = ind.getValue() == null ? null : ind.getValue().getKind();
        IndicatorProgress progress = null;
        if (ind.getBands() != null) {
            // graded by its bands: the number so far, or the words of its band (延期两周) in achievement
            if (r.valueSoFar() == null && blank(r.achievement())) {
                problems.add(at + "等级指标请填写 " + cutoffLabel(cutoff) + "完成值 valueSoFar，或所在档次的文字 achievement");
            } else {
                progress = IndicatorProgress.band(r.valueSoFar(), trim(r.achievement()));
            }
        } else if (kind == null) {
            problems.add(at + "在目标表中没有指标值，无法监控");
        } else if (kind == ValueKind.QUANTITATIVE) {
            if (r.valueSoFar() == null) {
                problems.add(at + "请填写 " + cutoffLabel(cutoff) + "完成值 valueSoFar");
            } else if (r.valueSoFar().signum() < 0) {
                problems.add(at + "完成值 " + plain(r.valueSoFar()) + " 不能为负数");
            } else {
                progress = IndicatorProgress.value(r.valueSoFar());
            }
        } else if (kind == ValueKind.QUALITATIVE) {
            Achievement a = achievement(r.achievement());
            if (a == null) {
                problems.add(at + "定性指标的完成情况 achievement 须为 达成、部分达成 或 未达成"
                        + (r.achievement() == null ? "" : "（收到“" + r.achievement() + "”）"));
            } else {
                progress = IndicatorProgress.tier(a);
            }
        } else if (r.done() == null) {
            problems.add(at + "请填写时限指标是否已完成 done（true/false）");
        } else {
            progress = IndicatorProgress.deadline(r.done());
        }
        Set<String> reasons = new LinkedHashSet<>();
        for (String reason : r.deviationReasons() == null ? List.<String>of() : r.deviationReasons()) {
            String t = reason == null ? "" : reason.trim();
            if (!REASONS.contains(t)) {
                problems.add(at + "偏差原因“" + t + "”应为 " + String.join("、", REASONS) + " 之一");
            }
            reasons.add(t);
        }
        if (reasons.contains("其他") && blank(r.deviationText())) {
            problems.add(at + "偏差原因选择“其他”时须在 deviationText 中说明");
        }
        if (r.likelihood() == null || !LIKELIHOODS.contains(r.likelihood().trim())) {
            problems.add(at + "完成目标可能性 likelihood 须为 " + String.join("、", LIKELIHOODS)
                    + (r.likelihood() == null ? "" : "（收到“" + r.likelihood() + "”）"));
        }
        if (problems.size() > before) {
            return null;
        }
        IndicatorResult result;
        try {
            result = calculator.indicator(ind, progress, cutoff);
        } catch (IllegalArgumentException e) {
            problems.add(at + e.getMessage());
            return null;
        }
        // A lagging indicator is explained and corrected; an over-achieving one (蓝灯) is explained.
        if ((result.light() == Light.RED || result.light() == Light.YELLOW)
                && (reasons.isEmpty() || blank(r.measures()))) {
            problems.add(at + result.light().label() + "，须填写偏差原因 deviationReasons 和纠偏措施 measures");
        }
        if (result.light() == Light.BLUE && blank(r.deviationText())) {
            problems.add(at + "超序时进度（蓝灯），须在 deviationText 中说明原因");
        }
        if ("完全不可能".equals(r.likelihood().trim()) && blank(r.measures())) {
            problems.add(at + "预计完全不可能完成目标，须填写纠偏措施 measures");
        }
        if (problems.size() > before) {
            return null;
        }
        return new MonitoringReportIndicator(i, ind, progress, trim(r.forecast()), result,
                reasons.isEmpty() ? null : String.join("、", reasons), trim(r.deviationText()), r.likelihood().trim(),
                trim(r.measures()), trim(r.remarks()));
    }

    private record OpenTask(String taskId, Long roundId) {
    }

    /** The project's 填报监控表 task of the given round, or its only open one. */
    private OpenTask openTask(Project p, Long roundId) {
        List<OpenTask> open = engine.asSystem(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(String.valueOf(p.getId()))
                .taskDefinitionKey(Steps.MONITORING_REPORT).list().stream()
                .map(t -> new OpenTask(t.getId(), roundOf(t))).toList());
        if (roundId != null) {
            return open.stream().filter(t -> t.roundId().equals(roundId)).findFirst()
                    .orElseThrow(() -> new ForbiddenException("项目“" + p.getName() + "”在监控轮次 " + roundId
                            + " 中没有待填报的监控表（轮次未开启、已提交或正在审核）"));
        }
        if (open.isEmpty()) {
            throw new ForbiddenException("项目“" + p.getName() + "”当前没有待填报的监控表（监控轮次尚未开启，或监控表已提交）");
        }
        if (open.size() > 1) {
            throw new InvalidInputException("项目“" + p.getName() + "”有 " + open.size() + " 个监控轮次待填报，请用 roundId 指明（"
                    + String.join("、", open.stream().map(t -> String.valueOf(t.roundId())).toList()) + "）");
        }
        return open.get(0);
    }

    private Long roundOf(Task t) {
        return ((Number) runtime.getVariable(t.getExecutionId(), MonitoringRoundService.ROUND_ID)).longValue();
    }

    private SpendingReading latestReading(Long projectId, Milestone cutoff) {
        return MonitoringCalculator.latestReading(readings.findByProjectIdOrderByAsOfAscIdAsc(projectId).stream()
                .map(r -> new SpendingReading(r.getAsOf(), r.getSpent())).toList(), cutoff);
    }

    private static void amount(List<String> problems, String what, BigDecimal v) {
        if (v == null) {
            return;
        }
        if (v.signum() < 0) {
            problems.add(what + " " + plain(v) + " 万元不能为负数");
        } else if (v.scale() > 6 || v.precision() - v.scale() > 12) {
            problems.add(what + " " + plain(v) + " 万元超出可记录的范围");
        }
    }

    private static Achievement achievement(String s) {
        if (s == null) {
            return null;
        }
        for (Achievement a : Achievement.values()) {
            if (a.name().equals(s.trim()) || a.chineseName().equals(s.trim())) {
                return a;
            }
        }
        return null;
    }

    private static String where(Project p, int i) {
        return "第 " + (i + 1) + " 个指标“" + p.getIndicators().get(i).getName() + "”：";
    }

    private static String cutoffLabel(Milestone m) {
        return "1–" + m.month() + "月";
    }

    private static String plain(BigDecimal v) {
        return v.setScale(Math.max(2, Math.min(v.scale(), 6)), RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
