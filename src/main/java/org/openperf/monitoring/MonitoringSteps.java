package org.openperf.monitoring;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.openperf.review.Decision;
import org.openperf.review.ReviewDecisions;
import org.openperf.review.ReviewService;
import org.openperf.review.StepCompletion;
import org.openperf.review.StepRule;
import org.openperf.review.Steps;
import org.springframework.stereotype.Component;

/**
 * The rules of monitoring's user tasks: the 监控表 (only through its own API, which checks and stores the report),
 * its department and finance reviews, the unit's 整改反馈, and at a lagging milestone the unit's 偏差说明 and the
 * department's 审核偏差说明 (recorded once, by the service task after it: {@link RecordDeviationDelegate}).
 */
@Component
public class MonitoringSteps implements StepRule {

    static final String DEVIATION_EXPLANATION = "UserTask_DeviationExplanation";
    static final String DEVIATION_REVIEW = "UserTask_DeviationReview";
    static final String DEVIATION_DECISION = "deviationDecision";
    static final String DEVIATION_COMMENT = "deviationComment";

    private static final Set<String> DECISION_FIELDS = Set.of("decision", "comment");
    private static final Set<String> EXPLANATION_FIELDS = Set.of("deviationReasons", "deviationText", "measures");

    private final ReviewService review;
    private final MonitoringReportService reports;

    public MonitoringSteps(ReviewService review, MonitoringReportService reports) {
        this.review = review;
        this.reports = reports;
    }

    @Override
    public Set<String> steps() {
        return Set.of(Steps.MONITORING_REPORT, Steps.MONITORING_DEPARTMENT_REVIEW, Steps.MONITORING_FINANCE_REVIEW,
                Steps.RECTIFICATION, DEVIATION_EXPLANATION, DEVIATION_REVIEW);
    }

    @Override
    public Set<String> fields(String step) {
        return switch (step) {
            case Steps.MONITORING_REPORT -> Set.of();
            case Steps.RECTIFICATION -> Set.of("comment");
            case DEVIATION_EXPLANATION -> EXPLANATION_FIELDS;
            default -> DECISION_FIELDS;
        };
    }

    @Override
    public boolean recordedByService(String step) {
        return Steps.MONITORING_REPORT.equals(step);
    }

    @Override
    public String refusal(String step, long projectId) {
        return "监控表须通过 POST /api/projects/" + projectId
                + "/monitoring-report 填报（含执行数和各指标 1–N月完成值），不能直接办理此任务";
    }

    @Override
    public Map<String, Object> complete(StepCompletion c) {
        return switch (c.step()) {
            case Steps.MONITORING_DEPARTMENT_REVIEW -> departmentReview(c);
            case Steps.MONITORING_FINANCE_REVIEW -> financeReview(c);
            case Steps.RECTIFICATION -> rectification(c);
            case DEVIATION_EXPLANATION -> explanation(c);
            default -> deviationReview(c);
        };
    }

    private Map<String, Object> departmentReview(StepCompletion c) {
        Decision d = ReviewDecisions.approveOrReturn(c, "监控表");
        review.record(c.projectId(), c.taskId(), Steps.name(c.step()), d.decision(), c.userId(), d.comment());
        reports.stepDone(c.projectId(), reportId(c), c.step(), d.decision(), d.comment(), c.userId());
        Map<String, Object> vars = new HashMap<>();
        vars.put("decision", d.decision());
        vars.put("comment", d.comment());
        return vars;
    }

    /** 财政审核监控表: approve, or issue a rectification requirement (退回 means the same here). */
    private Map<String, Object> financeReview(StepCompletion c) {
        Decision d = c.decision();
        boolean rectify = "rectify".equals(d.decision()) || d.isReturn();
        if (!d.isApprove() && !rectify) {
            throw new IllegalArgumentException("审核结论 decision 必须为 approve（同意）或 rectify（下达整改要求）");
        }
        if (rectify && d.comment() == null) {
            throw new IllegalArgumentException("下达整改要求时必须在 comment 中写明整改要求");
        }
        String action = rectify ? "rectify" : "approve";
        review.record(c.projectId(), c.taskId(), Steps.name(c.step()), action, c.userId(), d.comment());
        reports.stepDone(c.projectId(), reportId(c), c.step(), action, d.comment(), c.userId());
        Map<String, Object> vars = new HashMap<>();
        vars.put("decision", action);
        // The requirement is what the unit's 整改反馈 form shows; its own answer goes into an empty comment.
        vars.put("rectificationRequirement", rectify ? d.comment() : null);
        vars.put("comment", null);
        return vars;
    }

    private Map<String, Object> rectification(StepCompletion c) {
        String answer = c.text("comment");
        if (answer == null) {
            throw new IllegalArgumentException("整改反馈须在 comment 中写明整改情况");
        }
        review.record(c.projectId(), c.taskId(), Steps.name(c.step()), "answer", c.userId(), answer);
        reports.stepDone(c.projectId(), reportId(c), c.step(), null, answer, c.userId());
        Map<String, Object> vars = new HashMap<>();
        vars.put("comment", answer);
        return vars;
    }

    /** 偏差说明: the reasons and measures are kept for the review and recorded with its decision. */
    private Map<String, Object> explanation(StepCompletion c) {
        if (c.text("deviationText") == null) {
            throw new IllegalArgumentException("偏差说明须填写偏差原因 deviationText");
        }
        if (c.text("measures") == null) {
            throw new IllegalArgumentException("偏差说明须填写纠偏措施 measures");
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("deviationReasons", c.fields().get("deviationReasons"));
        vars.put("deviationText", c.text("deviationText"));
        vars.put("measures", c.text("measures"));
        return vars;
    }

    /** 审核偏差说明: checked here, recorded once by 记录偏差说明 right after it (RecordDeviationDelegate). */
    private Map<String, Object> deviationReview(StepCompletion c) {
        Decision d = ReviewDecisions.approveOrReturn(c, "偏差说明");
        Map<String, Object> vars = new HashMap<>();
        vars.put("decision", d.decision());
        vars.put("comment", d.comment());
        // Stored: 记录偏差说明 and the gateway after it run as a job once this decision has committed, when the
        // transient routing values are gone (bpmn/target-monitoring.bpmn).
        vars.put(DEVIATION_DECISION, d.decision());
        vars.put(DEVIATION_COMMENT, d.comment());
        vars.put("reviewer", c.userId());
        return vars;
    }

    private static long reportId(StepCompletion c) {
        if (!(c.variable(MonitoringRoundService.REPORT_ID) instanceof Number id)) {
            throw new IllegalStateException("任务 " + c.taskId() + " 没有对应的监控表");
        }
        return id.longValue();
    }
}
