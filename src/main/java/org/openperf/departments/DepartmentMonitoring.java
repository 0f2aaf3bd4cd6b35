package org.openperf.departments;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openperf.kernel.Caller;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.NotFoundException;
import org.openperf.targets.GradeBands;
import org.openperf.targets.ProjectStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 部门整体绩效目标 in a monitoring round (监控表): per activity indicator the value so far, the band it falls in so
 * far (read from the value against the indicator's bands where it can be, else chosen by the department), its light
 * (优/良 green, 中 yellow, 差 red) and, for a yellow or red light, the deviation's reasons and the measures. Filled by
 * the table's department while DRAFT, submitted complete, approved or returned with an opinion by finance.
 */
@Service
public class DepartmentMonitoring {

    public static final String REPORT_STEP = "填报监控表";
    public static final String REVIEW_STEP = "财政审核监控表";
    static final List<String> BANDS = List.of("优", "良", "中", "差");
    static final Map<String, String> LIGHTS = Map.of("优", "green", "良", "green", "中", "yellow", "差", "red");
    static final Map<String, String> LIGHT_NAMES = Map.of("green", "绿灯", "yellow", "黄灯", "red", "红灯");
    static final int MAX_VALUE = 500;
    static final int MAX_TEXT = 4000;

    /** One line as the department sends it, in the report's order. */
    public record LineInput(String valueSoFar, String bandSoFar, String deviationReason, String measures) {
    }

    public record LineView(int position, String activity, String indicator, Map<String, String> bands,
                           String valueSoFar, String bandSoFar, String light, String lightName,
                           String deviationReason, String measures) {
    }

    public record ReportView(Long id, long tableId, long roundId, int cutoffMonth, String status, long version,
                             List<LineView> lines) {
    }

    private final DepartmentTargetRepository tables;
    private final DepartmentMonitoringReportRepository reports;
    private final DepartmentTargetOpinionRepository opinions;
    private final DepartmentTargets targets;
    private final Clock clock;

    public DepartmentMonitoring(DepartmentTargetRepository tables, DepartmentMonitoringReportRepository reports,
                                DepartmentTargetOpinionRepository opinions, DepartmentTargets targets, Clock clock) {
        this.tables = tables;
        this.reports = reports;
        this.opinions = opinions;
        this.targets = targets;
        this.clock = clock;
    }

    /** The approved department tables of a year, which a monitoring round of that year reaches. */
    @Transactional(readOnly = true)
    public List<Long> approvedTables(int year) {
        return tables.findByYear(year).stream().filter(t -> t.getStatus() == ProjectStatus.APPROVED)
                .map(DepartmentTargetTable::getId).sorted().toList();
    }

    /** The round's 监控表 of the table, one line per activity indicator as approved; the existing one if opened. */
    @Transactional
    public long open(long tableId, long roundId, int cutoffMonth) {
        return reports.findByTableIdAndRoundId(tableId, roundId).map(DepartmentMonitoringReport::getId).orElseGet(() -> {
            DepartmentTargetTable t = tables.findById(tableId).orElseThrow(() -> new DepartmentTargetNotFoundException(tableId));
            DepartmentMonitoringReport r = new DepartmentMonitoringReport(tableId, roundId, cutoffMonth);
            for (DepartmentActivity a : t.getActivities()) {
                for (ActivityIndicator i : a.getIndicators()) {
                    r.addLine(a.getName(), i.getName() == null ? "（未命名指标）" : i.getName());
                }
            }
            return reports.save(r).getId();
        });
    }

    /** The table's 监控表, one per round that reached it, oldest round first (lines left out). */
    @Transactional(readOnly = true)
    public List<ReportView> reports(long tableId, Caller caller) {
        DepartmentTargetTable t = readable(tableId, caller);
        return reports.findByTableIdOrderByRoundIdAsc(t.getId()).stream().map(r -> new ReportView(r.getId(),
                r.getTableId(), r.getRoundId(), r.getCutoffMonth(), r.getStatus(), r.getVersion(), List.of())).toList();
    }

    /**
     * The table's latest 监控表 the department has submitted (under review or approved) up to a cutoff month (null:
     * any), with its lines: what the dashboard and the summary workbooks count. Empty when none.
     */
    @Transactional(readOnly = true)
    public Optional<ReportView> latestSubmitted(long tableId, Integer maxMonth, Caller caller) {
        DepartmentTargetTable t = readable(tableId, caller);
        return reports.findByTableIdOrderByRoundIdAsc(t.getId()).stream()
                .filter(r -> !DepartmentMonitoringReport.DRAFT.equals(r.getStatus()))
                .filter(r -> maxMonth == null || r.getCutoffMonth() <= maxMonth)
                .max(Comparator.comparingInt(DepartmentMonitoringReport::getCutoffMonth)
                        .thenComparing(DepartmentMonitoringReport::getRoundId))
                .map(r -> view(t, r));
    }

    /** Whether the caller may fill this 监控表 now: the table's department, while it is DRAFT. */
    @Transactional(readOnly = true)
    public boolean mayFill(long tableId, long roundId, Caller caller) {
        DepartmentTargetTable t = readable(tableId, caller);
        return caller.departmentCodes().contains(t.getDepartment().getCode())
                && DepartmentMonitoringReport.DRAFT.equals(report(t, roundId).getStatus());
    }

    /** The 监控表 as the caller may read it: those who read the table (another department: 404). */
    @Transactional(readOnly = true)
    public ReportView report(long tableId, long roundId, Caller caller) {
        DepartmentTargetTable t = readable(tableId, caller);
        return view(t, report(t, roundId));
    }

    /**
     * Stores the department's lines (all of them, in order), while the report is DRAFT: the band so far is read
     * from the value where the indicator's bands allow, else the one sent; the light follows the band.
     */
    @Transactional
    public ReportView save(long tableId, long roundId, Long version, List<LineInput> lines, Caller caller) {
        DepartmentTargetTable t = readable(tableId, caller);
        if (!caller.departmentCodes().contains(t.getDepartment().getCode())) {
            throw new ForbiddenException("监控表只能由主管部门 " + t.getDepartment().getCode() + " 填报");
        }
        DepartmentMonitoringReport r = report(t, roundId);
        if (!DepartmentMonitoringReport.DRAFT.equals(r.getStatus())) {
            throw new ConflictException("监控表已提交，财政审核期间不能修改");
        }
        if (version == null || version != r.getVersion()) {
            throw new ConflictException("监控表在您打开之后已被修改：请重新打开，在最新内容上再修改");
        }
        List<ActivityIndicator> indicators = t.allIndicators();
        if (lines == null || lines.size() != r.getLines().size()) {
            throw new InvalidInputException("监控表须按顺序填写全部 " + r.getLines().size() + " 个指标（收到 "
                    + (lines == null ? 0 : lines.size()) + " 个）");
        }
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            LineInput in = lines.get(k);
            String where = "第" + (k + 1) + "个指标（" + r.getLines().get(k).getIndicatorName() + "）：";
            String value = blank(in == null ? null : in.valueSoFar());
            String band = blank(in == null ? null : in.bandSoFar());
            String reason = blank(in == null ? null : in.deviationReason());
            String measures = blank(in == null ? null : in.measures());
            if (value != null && value.length() > MAX_VALUE) {
                problems.add(where + "截至目前的完成值不能超过 " + MAX_VALUE + " 字");
            }
            if (band != null && !BANDS.contains(band)) {
                problems.add(where + "目前所处档次只能是 优、良、中、差，不能是“" + band + "”");
            }
            if ((reason != null && reason.length() > MAX_TEXT) || (measures != null && measures.length() > MAX_TEXT)) {
                problems.add(where + "偏差原因和改进措施各不能超过 " + MAX_TEXT + " 字");
            }
            if (!problems.isEmpty()) {
                continue;
            }
            String graded = value == null || k >= indicators.size() ? null : graded(indicators.get(k).getBands(), value, t.getYear());
            String b = graded != null ? graded : band;
            r.getLines().get(k).fill(value, b, b == null ? null : LIGHTS.get(b), reason, measures);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0) + (problems.size() > 1 ? "（共 " + problems.size() + " 处问题）" : ""),
                    problems);
        }
        r.edited(caller.userId(), clock.instant());
        reports.saveAndFlush(r);
        return view(t, r);
    }

    /** 填报监控表 completed: refused unless every line has its value and band, and every yellow or red its reasons. */
    @Transactional
    public void submit(long tableId, long roundId, String taskId, String user, String comment) {
        DepartmentMonitoringReport r = reports.findByTableIdAndRoundId(tableId, roundId)
                .orElseThrow(() -> new NotFoundException("监控表不存在"));
        if (!DepartmentMonitoringReport.DRAFT.equals(r.getStatus())) {
            throw new ConflictException("监控表已提交");
        }
        List<String> missing = new ArrayList<>();
        for (DepartmentMonitoringLine l : r.getLines()) {
            String where = "第" + (l.getPosition() + 1) + "个指标（" + l.getIndicatorName() + "）：";
            if (l.getValueSoFar() == null) {
                missing.add(where + "未填写截至目前的完成值");
            } else if (l.getBandSoFar() == null) {
                missing.add(where + "完成值对不上评分档，请选择目前所处档次");
            } else if (!"green".equals(l.getLight()) && (l.getDeviationReason() == null || l.getMeasures() == null)) {
                missing.add(where + LIGHT_NAMES.get(l.getLight()) + "须填写偏差原因和改进措施");
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("监控表尚未填写完整，不能提交：" + missing.get(0)
                    + (missing.size() > 1 ? "（共 " + missing.size() + " 处）" : ""), missing);
        }
        r.submitted(user, clock.instant());
        opinions.save(new DepartmentTargetOpinion(tableId, taskId, REPORT_STEP, "submit", user, blank(comment),
                clock.instant()));
    }

    /** 财政审核监控表: approved, or back to the department with the opinion (the shape already checked). */
    @Transactional
    public void decide(long tableId, long roundId, String taskId, boolean approve, String comment, String user) {
        DepartmentMonitoringReport r = reports.findByTableIdAndRoundId(tableId, roundId)
                .orElseThrow(() -> new NotFoundException("监控表不存在"));
        if (approve) {
            r.approved();
        } else {
            r.returned();
        }
        opinions.save(new DepartmentTargetOpinion(tableId, taskId, REVIEW_STEP, approve ? "approve" : "return", user,
                blank(comment), clock.instant()));
    }

    /** The band a value falls in by the indicator's bands (优 … 差), or null when they cannot tell. */
    public static String graded(GradeBands bands, String value, int year) {
        int g = bands == null ? -1 : bands.grade(null, value, year);
        return g < 0 ? null : BANDS.get(g);
    }

    private DepartmentTargetTable readable(long tableId, Caller caller) {
        DepartmentTargetTable t = tables.findById(tableId).filter(x -> targets.mayRead(x, caller))
                .orElseThrow(() -> new DepartmentTargetNotFoundException(tableId));
        return t;
    }

    private DepartmentMonitoringReport report(DepartmentTargetTable t, long roundId) {
        return reports.findByTableIdAndRoundId(t.getId(), roundId)
                .orElseThrow(() -> new NotFoundException("该监控轮次没有" + t.getYear() + " 年度部门整体绩效目标的监控表"));
    }

    private static ReportView view(DepartmentTargetTable t, DepartmentMonitoringReport r) {
        List<ActivityIndicator> indicators = t.allIndicators();
        return new ReportView(r.getId(), r.getTableId(), r.getRoundId(), r.getCutoffMonth(), r.getStatus(), r.getVersion(),
                r.getLines().stream().map(l -> new LineView(l.getPosition(), l.getActivityName(), l.getIndicatorName(),
                        l.getPosition() < indicators.size() ? DepartmentTargetView.bands(indicators.get(l.getPosition()).getBands())
                                : Map.of(),
                        l.getValueSoFar(), l.getBandSoFar(), l.getLight(),
                        l.getLight() == null ? null : LIGHT_NAMES.get(l.getLight()), l.getDeviationReason(),
                        l.getMeasures())).toList());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
