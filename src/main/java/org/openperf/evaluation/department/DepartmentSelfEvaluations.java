package org.openperf.evaluation.department;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openperf.departments.ActivityIndicator;
import org.openperf.departments.DepartmentActivity;
import org.openperf.departments.DepartmentMonitoring;
import org.openperf.departments.DepartmentTargetApprovals;
import org.openperf.departments.DepartmentTargetNotFoundException;
import org.openperf.departments.DepartmentTargetRepository;
import org.openperf.departments.DepartmentTargetTable;
import org.openperf.departments.DepartmentTargetView;
import org.openperf.departments.DepartmentTargets;
import org.openperf.evaluation.DecisionScoringRules;
import org.openperf.evaluation.Fraction;
import org.openperf.evaluation.Grade;
import org.openperf.evaluation.ScoringRules;
import org.openperf.evaluation.ScoringSettings;
import org.openperf.evaluation.ScoringTables;
import org.openperf.kernel.Caller;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.NotFoundException;
import org.openperf.kernel.rules.DeployedRules;
import org.openperf.targets.GradeBands;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 部门整体支出绩效自评: per activity indicator the actual value and the band it falls in (read from the value against
 * the indicator's bands where it can be, else chosen by the department), the department's budget for the year and
 * what it spent, the overall goal's achievement. Filled by the table's department while DRAFT; the sheet is scored
 * as it is saved (what the page shows) and again on submission, when the grade is decided through the engine's grade
 * table and the version used is kept; finance approves it or returns it with an opinion.
 */
@Service
public class DepartmentSelfEvaluations {

    public static final String REPORT_STEP = "填报自评表";
    public static final String REVIEW_STEP = "财政审核自评";
    static final List<String> BANDS = List.of("优", "良", "中", "差");
    static final int MAX_VALUE = 500;
    static final int MAX_TEXT = 4000;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999");

    /** A line as it will be stored: the band read from the value, else the one the department chose. */
    private record Filled(String actual, String band, boolean chosen, String deviation) {
    }

    /** One line as the department sends it, in the 自评表's order. */
    public record LineInput(String actual, String band, String deviation) {
    }

    /** The department's whole 自评表 as sent: the budget's figures (万元), the goal's achievement and every line. */
    public record Input(Long version, BigDecimal fullYearBudget, BigDecimal spent, String goalAchievement,
                        List<LineInput> lines) {
    }

    /** @param bandChosen the department chose the band (its value does not repeat a band in words) */
    public record LineView(int position, String activity, String indicator, Map<String, String> bands, String actual,
                           String band, boolean bandChosen, BigDecimal weight, BigDecimal score, String deviation) {
    }

    /**
     * The 自评表 as shown: stored scores once submitted, else the scores the lines saved so far would get (the grade
     * by the latest grade table, nothing recorded); {@code scoringProblem} when the table cannot be scored as it is.
     */
    public record View(Long id, long tableId, int year, String status, long version, String overallGoal,
                       String goalAchievement, BigDecimal annualBudget, BigDecimal fullYearBudget, BigDecimal spent,
                       BigDecimal executionRate, BigDecimal budgetWeight, BigDecimal budgetScore, BigDecimal total,
                       String grade, String basis, String scoringProblem, List<LineView> lines) {
    }

    private final DepartmentTargetRepository tables;
    private final DepartmentSelfEvaluationRepository evaluations;
    private final DepartmentTargets targets;
    private final DepartmentTargetApprovals approvals;
    private final DeployedRules rules;
    private final ScoringSettings settings;
    private final Clock clock;

    public DepartmentSelfEvaluations(DepartmentTargetRepository tables, DepartmentSelfEvaluationRepository evaluations,
                                     DepartmentTargets targets, DepartmentTargetApprovals approvals,
                                     DeployedRules rules, ScoringSettings settings, Clock clock) {
        this.tables = tables;
        this.evaluations = evaluations;
        this.targets = targets;
        this.approvals = approvals;
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Opens the table's 自评表, one line per activity indicator as approved; false (nothing done) when a round has
     * reached the table before.
     */
    @Transactional
    public boolean open(long tableId) {
        if (evaluations.findByTableId(tableId).isPresent()) {
            return false;
        }
        DepartmentTargetTable t = tables.findById(tableId).orElseThrow(() -> new DepartmentTargetNotFoundException(tableId));
        DepartmentSelfEvaluation e = new DepartmentSelfEvaluation(tableId, t.getYear(), t.getTotalBudget());
        for (DepartmentActivity a : t.getActivities()) {
            for (ActivityIndicator i : a.getIndicators()) {
                e.addLine(a.getName(), i.getName() == null ? "（未命名指标）" : i.getName());
            }
        }
        evaluations.save(e);
        return true;
    }

    /** The table's 自评表 if a round reached it, as the caller may read it (another department: 404). */
    @Transactional(readOnly = true)
    public Optional<View> find(long tableId, Caller caller) {
        DepartmentTargetTable t = readable(tableId, caller);
        return evaluations.findByTableId(t.getId()).map(e -> view(t, e));
    }

    @Transactional(readOnly = true)
    public View get(long tableId, Caller caller) {
        DepartmentTargetTable t = readable(tableId, caller);
        return view(t, evaluation(t));
    }

    /** Whether the caller may fill the 自评表 now: the table's department, while it is DRAFT. */
    @Transactional(readOnly = true)
    public boolean mayFill(long tableId, Caller caller) {
        DepartmentTargetTable t = readable(tableId, caller);
        return caller.departmentCodes().contains(t.getDepartment().getCode())
                && evaluations.findByTableId(t.getId()).map(e -> DepartmentSelfEvaluation.DRAFT.equals(e.getStatus()))
                .orElse(false);
    }

    /** A department's 自评表 with whose it is, for the summary workbook. */
    public record DepartmentSheet(String departmentCode, String departmentName, View sheet) {
    }

    /** The 自评表 of a year's department tables the caller may read (one department's when given), by code. */
    @Transactional(readOnly = true)
    public List<DepartmentSheet> ofYear(int year, String department, Caller caller) {
        return targets.list(year, department, caller).stream()
                .flatMap(t -> evaluations.findByTableId(t.id()).stream().map(e -> new DepartmentSheet(
                        t.department().code(), t.department().name(),
                        view(tables.findById(t.id()).orElseThrow(), e))))
                .toList();
    }

    /**
     * Stores the department's 自评表 (every line, in order) while it is DRAFT: the band is read from the actual value
     * where the indicator's bands allow, else the one sent. Nothing is stored when anything is refused.
     */
    @Transactional
    public View save(long tableId, Input in, Caller caller) {
        DepartmentTargetTable t = readable(tableId, caller);
        if (!caller.departmentCodes().contains(t.getDepartment().getCode())) {
            throw new ForbiddenException("自评表只能由主管部门 " + t.getDepartment().getCode() + " 填报");
        }
        DepartmentSelfEvaluation e = evaluation(t);
        if (!DepartmentSelfEvaluation.DRAFT.equals(e.getStatus())) {
            throw new ConflictException("自评表已提交，财政审核期间不能修改");
        }
        if (in == null || in.version() == null || in.version() != e.getVersion()) {
            throw new ConflictException("自评表在您打开之后已被修改：请重新打开，在最新内容上再修改");
        }
        List<LineInput> lines = in.lines();
        if (lines == null || lines.size() != e.getLines().size()) {
            throw new InvalidInputException("自评表须按顺序填写全部 " + e.getLines().size() + " 个指标（收到 "
                    + (lines == null ? 0 : lines.size()) + " 个）");
        }
        List<String> problems = new ArrayList<>();
        amount(in.fullYearBudget(), "全年预算数 fullYearBudget", problems);
        amount(in.spent(), "全年执行数 spent", problems);
        String achievement = blank(in.goalAchievement());
        if (achievement != null && achievement.length() > MAX_TEXT) {
            problems.add("年度总体目标实际完成情况 goalAchievement 不能超过 " + MAX_TEXT + " 字");
        }
        List<ActivityIndicator> indicators = t.allIndicators();
        List<Filled> filled = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            LineInput line = lines.get(k);
            String where = "第" + (k + 1) + "个指标（" + e.getLines().get(k).getIndicatorName() + "）：";
            String actual = blank(line == null ? null : line.actual());
            String band = blank(line == null ? null : line.band());
            String deviation = blank(line == null ? null : line.deviation());
            if (actual != null && actual.length() > MAX_VALUE) {
                problems.add(where + "实际完成值不能超过 " + MAX_VALUE + " 字");
            }
            if (band != null && !BANDS.contains(band)) {
                problems.add(where + "所处档次只能是 优、良、中、差，不能是“" + band + "”");
            }
            if (deviation != null && deviation.length() > MAX_TEXT) {
                problems.add(where + "偏差原因分析及改进措施不能超过 " + MAX_TEXT + " 字");
            }
            GradeBands bands = k < indicators.size() ? indicators.get(k).getBands() : null;
            String graded = actual == null ? null : DepartmentMonitoring.graded(bands, actual, t.getYear());
            if (actual != null && graded == null && bands != null && bands.numeric(t.getYear())) {
                // Numeric bands grade a number: a value they cannot place is not the department's to grade.
                problems.add(where + "实际完成值“" + actual + "”对不上评分档（" + bandList(bands)
                        + "），请填写可与评分档比较的数值");
            }
            filled.add(new Filled(actual, graded != null ? graded : band, graded == null && band != null, deviation));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0) + (problems.size() > 1 ? "（共 " + problems.size() + " 处问题）" : ""),
                    problems);
        }
        for (int k = 0; k < filled.size(); k++) {
            Filled f = filled.get(k);
            e.getLines().get(k).fill(f.actual(), f.band(), f.chosen(), f.deviation());
        }
        e.fill(in.fullYearBudget(), in.spent(), achievement, caller.userId(), clock.instant());
        try {
            evaluations.saveAndFlush(e);
        } catch (ObjectOptimisticLockingFailureException race) {
            throw new ConflictException("自评表在您打开之后已被修改：请重新打开，在最新内容上再修改");
        }
        return view(t, e);
    }

    /**
     * 填报自评表 completed: refused unless the budget, what was spent, the goal's achievement and every line's actual
     * and band are there, and every line below 优 has its analysis; then scored, the grade decided through the
     * engine (its decision history shows the total), and the grade table's version kept.
     */
    @Transactional
    public void submit(long tableId, String taskId, String user, String comment) {
        DepartmentSelfEvaluation e = evaluations.findByTableId(tableId).orElseThrow(() -> new NotFoundException("自评表不存在"));
        DepartmentTargetTable t = tables.findById(tableId).orElseThrow(() -> new DepartmentTargetNotFoundException(tableId));
        if (!DepartmentSelfEvaluation.DRAFT.equals(e.getStatus())) {
            throw new ConflictException("自评表已提交");
        }
        List<String> missing = new ArrayList<>();
        if (e.getFullYearBudget() == null || e.getFullYearBudget().signum() <= 0) {
            missing.add("未填写全年预算数（须大于 0）");
        }
        if (e.getSpent() == null) {
            missing.add("未填写全年执行数");
        }
        if (e.getGoalAchievement() == null) {
            missing.add("未填写年度总体目标的实际完成情况");
        }
        for (DepartmentSelfEvaluationLine l : e.getLines()) {
            String where = "第" + (l.getPosition() + 1) + "个指标（" + l.getIndicatorName() + "）：";
            if (l.getActual() == null) {
                missing.add(where + "未填写实际完成值");
            } else if (l.getBand() == null) {
                missing.add(where + "实际完成值对不上评分档，请选择所处档次");
            } else if (!"优".equals(l.getBand()) && l.getDeviation() == null) {
                missing.add(where + "未达到“优”，须填写偏差原因分析及改进措施");
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("自评表尚未填写完整，不能提交：" + missing.get(0)
                    + (missing.size() > 1 ? "（共 " + missing.size() + " 处）" : ""), missing);
        }
        DepartmentScoring.Sheet sheet = sheet(t, e);
        String gradeRule = rules.latestId(ScoringTables.GRADE);
        Grade grade = new DecisionScoringRules(rules.preview(ScoringTables.WEIGHTS), rules.decideById(gradeRule))
                .grade(sheet.shown());
        for (int k = 0; k < e.getLines().size(); k++) {
            e.getLines().get(k).scored(stored(sheet.weights().get(k)), stored(sheet.scores().get(k)));
        }
        e.scored(stored(sheet.budgetScore()), sheet.shown(), grade.label(), gradeRule);
        e.submitted(user, clock.instant());
        approvals.record(tableId, taskId, REPORT_STEP, "submit", user, comment);
    }

    /** 财政审核自评: approved, or back to the department with the opinion (the shape already checked). */
    @Transactional
    public void decide(long tableId, String taskId, boolean approve, String comment, String user) {
        DepartmentSelfEvaluation e = evaluations.findByTableId(tableId).orElseThrow(() -> new NotFoundException("自评表不存在"));
        if (approve && user != null && user.equals(e.getSubmittedBy())) {
            throw new ForbiddenException("提交人不能审核自己提交的自评表：" + user + " 提交了主管部门的自评表，须由财政部门的其他审核人办理");
        }
        if (approve) {
            e.approved();
        } else {
            e.returned();
        }
        approvals.record(tableId, taskId, REVIEW_STEP, approve ? "approve" : "return", user, comment);
    }

    /** What finance's form shows of a submitted 自评表: {@code 总分 86.40 · 良 · 预算执行率 95.00%（9.50 分）}. */
    @Transactional(readOnly = true)
    public String summary(long tableId) {
        return evaluations.findByTableId(tableId).filter(e -> e.getTotalScore() != null)
                .map(e -> {
                    long chosen = e.getLines().stream().filter(DepartmentSelfEvaluationLine::isBandChosen).count();
                    return "总分 " + e.getTotalScore().toPlainString() + " · " + e.getGrade() + " · 预算执行率 "
                            + rate(e.getSpent(), e.getFullYearBudget()) + "%（" + shown(e.getBudgetScore()) + " 分）"
                            + (chosen == 0 ? "" : " · 其中 " + chosen + " 个指标的档次由主管部门选定（完成值与评分档文字不同），请核对");
                }).orElse(null);
    }

    private DepartmentScoring.Sheet sheet(DepartmentTargetTable t, DepartmentSelfEvaluation e) {
        List<DepartmentScoring.Activity> activities = t.getActivities().stream().map(a -> new DepartmentScoring.Activity(
                a.getIndicators().stream().map(ActivityIndicator::getWeight).toList())).toList();
        List<Grade> bands = e.getLines().stream().map(l -> l.getBand() == null ? null : Grade.fromLabel(l.getBand())).toList();
        return DepartmentScoring.score(activities, bands, e.getFullYearBudget(), e.getSpent(), settings);
    }

    private View view(DepartmentTargetTable t, DepartmentSelfEvaluation e) {
        List<ActivityIndicator> indicators = t.allIndicators();
        boolean scored = !DepartmentSelfEvaluation.DRAFT.equals(e.getStatus()) && e.getTotalScore() != null;
        DepartmentScoring.Sheet sheet = null;
        String problem = null;
        if (indicators.size() == e.getLines().size()) {
            try {
                sheet = sheet(t, e); // once scored, only its basis is shown: the figures are the stored ones
            } catch (InvalidInputException x) {
                problem = scored ? null : x.getMessage();
            }
        }
        List<LineView> lines = new ArrayList<>();
        for (DepartmentSelfEvaluationLine l : e.getLines()) {
            int k = l.getPosition();
            BigDecimal weight = scored ? shown(l.getWeight()) : sheet == null ? null : sheet.weights().get(k).round(2);
            BigDecimal score = scored ? shown(l.getScore()) : sheet == null ? null : sheet.scores().get(k).round(2);
            lines.add(new LineView(k, l.getActivityName(), l.getIndicatorName(),
                    k < indicators.size() ? DepartmentTargetView.bands(indicators.get(k).getBands()) : Map.of(),
                    l.getActual(), l.getBand(), l.isBandChosen(), weight, score, l.getDeviation()));
        }
        BigDecimal budgetScore = scored ? shown(e.getBudgetScore()) : sheet == null ? null : sheet.budgetScore().round(2);
        BigDecimal total = scored ? e.getTotalScore() : sheet == null ? null : sheet.shown();
        String grade = scored ? e.getGrade() : total == null ? null : previewGrade(total);
        return new View(e.getId(), t.getId(), t.getYear(), e.getStatus(), e.getVersion(), t.getOverallGoal(),
                e.getGoalAchievement(), e.getAnnualBudget(), e.getFullYearBudget(), e.getSpent(),
                rate(e.getSpent(), e.getFullYearBudget()), settings.budgetExecutionWeight(), budgetScore, total, grade,
                sheet == null ? null : sheet.basis(), problem, lines);
    }

    private String previewGrade(BigDecimal total) {
        ScoringRules r = new DecisionScoringRules(rules.preview(ScoringTables.WEIGHTS), rules.preview(ScoringTables.GRADE));
        return r.grade(total).label();
    }

    /** 执行率 in percent, two decimals; null until both figures are there. */
    static BigDecimal rate(BigDecimal spent, BigDecimal budget) {
        if (spent == null || budget == null || budget.signum() <= 0) {
            return null;
        }
        return spent.multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal stored(Fraction f) {
        return f.round(6);
    }

    private static BigDecimal shown(BigDecimal stored) {
        return stored == null ? null : stored.setScale(2, RoundingMode.HALF_UP);
    }

    private static void amount(BigDecimal value, String field, List<String> problems) {
        if (value != null && (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0
                || value.stripTrailingZeros().scale() > 6)) {
            problems.add(field + " 须为 0 到 " + MAX_AMOUNT.toPlainString() + " 之间的金额（万元，至多 6 位小数），不能是 "
                    + value.toPlainString());
        }
    }

    private static String bandList(GradeBands bands) {
        String[] texts = bands.texts();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                out.add(BANDS.get(i) + " " + texts[i].strip());
            }
        }
        return String.join(" · ", out);
    }

    private DepartmentTargetTable readable(long tableId, Caller caller) {
        return tables.findById(tableId).filter(x -> targets.mayRead(x, caller))
                .orElseThrow(() -> new DepartmentTargetNotFoundException(tableId));
    }

    private DepartmentSelfEvaluation evaluation(DepartmentTargetTable t) {
        return evaluations.findByTableId(t.getId())
                .orElseThrow(() -> new NotFoundException(t.getYear() + " 年度部门整体绩效目标尚未开启自评"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
