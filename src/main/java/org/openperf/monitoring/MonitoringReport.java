package org.openperf.monitoring;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 监控表: what a unit reported for one project in a monitoring round, with the lights the system computed, and where
 * the department's and finance's review of it stand. Each submission is its own report; none is overwritten.
 */
@Entity
@Table(name = "monitoring_report")
public class MonitoringReport {

    /** Where the report stands. */
    public enum Status {
        /** 待部门审核. */
        SUBMITTED,
        /** 部门退回: the unit submits a new report. */
        RETURNED,
        /** 财政审核中 (a red project after the department approved, or after the unit answered a 整改要求). */
        WITH_FINANCE,
        /** 整改中: finance issued a 整改要求 the unit must answer. */
        RECTIFYING,
        /** 审核通过. */
        APPROVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "round_id", nullable = false)
    private Long roundId;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Column(name = "fiscal_year", nullable = false)
    private int year;

    @Column(name = "cutoff_month", nullable = false)
    private int cutoffMonth;

    @Column(name = "target_version", nullable = false)
    private int targetVersion;

    /** 年初预算数 (万元): the budget of the first approved version. */
    @Column(name = "initial_budget", nullable = false, precision = 18, scale = 6)
    private BigDecimal initialBudget;

    /** 调整后预算数 (万元): what the execution rate is measured against. */
    @Column(name = "adjusted_budget", nullable = false, precision = 18, scale = 6)
    private BigDecimal adjustedBudget;

    /** 1–N月执行数 (万元). */
    @Column(nullable = false, precision = 18, scale = 6)
    private BigDecimal spent;

    /** 执行率 %: spent ÷ adjusted budget; null for a budget of 0. */
    @Column(name = "execution_rate", precision = 9, scale = 2)
    private BigDecimal executionRate;

    @Column(name = "planned_percent", nullable = false, precision = 7, scale = 2)
    private BigDecimal plannedPercent;

    @Column(name = "execution_ratio", precision = 9, scale = 2)
    private BigDecimal executionRatio;

    @Enumerated(EnumType.STRING)
    @Column(name = "execution_light", nullable = false, length = 10)
    private Light executionLight;

    @Column(name = "execution_explanation", nullable = false, length = 1000)
    private String executionExplanation;

    /** 全年预计执行数 (万元). */
    @Column(name = "forecast_spent", nullable = false, precision = 18, scale = 6)
    private BigDecimal forecastSpent;

    /** The worst of the execution light and the indicators' lights. */
    @Enumerated(EnumType.STRING)
    @Column(name = "project_light", nullable = false, length = 10)
    private Light projectLight;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "submitted_by", length = 100)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "department_decision", length = 20)
    private String departmentDecision;

    @Column(name = "department_comment", length = 4000)
    private String departmentComment;

    @Column(name = "department_reviewer", length = 100)
    private String departmentReviewer;

    @Column(name = "finance_decision", length = 20)
    private String financeDecision;

    @Column(name = "finance_reviewer", length = 100)
    private String financeReviewer;

    /** 整改要求: finance's latest requirement (every one is also in the opinion history). */
    @Column(name = "rectification_requirement", length = 4000)
    private String rectificationRequirement;

    /** 整改反馈: the unit's latest answer to it. */
    @Column(name = "rectification_answer", length = 4000)
    private String rectificationAnswer;

    /** Set when the unit requested a target adjustment (目标调整) citing this report. */
    @Column(name = "adjustment_requested_by", length = 100)
    private String adjustmentRequestedBy;

    @Column(name = "adjustment_requested_at")
    private Instant adjustmentRequestedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "report_id", nullable = false)
    @OrderBy("place.position")
    private List<MonitoringReportIndicator> indicators = new ArrayList<>();

    protected MonitoringReport() {
    }

    MonitoringReport(MonitoringRound round, Long projectId, int targetVersion, BigDecimal initialBudget,
                     BigDecimal adjustedBudget, BigDecimal forecastSpent, ExecutionResult execution,
                     List<MonitoringReportIndicator> indicators, Light projectLight, String submittedBy) {
        this.roundId = round.getId();
        this.year = round.getYear();
        this.cutoffMonth = round.getCutoffMonth();
        this.projectId = projectId;
        this.targetVersion = targetVersion;
        this.initialBudget = initialBudget;
        this.adjustedBudget = adjustedBudget;
        this.spent = execution.spent();
        this.executionRate = execution.executionRate();
        this.plannedPercent = execution.plannedPercent();
        this.executionRatio = execution.ratio();
        this.executionLight = execution.light();
        this.executionExplanation = execution.explanation();
        this.forecastSpent = forecastSpent;
        this.indicators.addAll(indicators);
        this.projectLight = projectLight;
        this.status = Status.SUBMITTED;
        this.submittedBy = submittedBy;
        this.submittedAt = Instant.now();
    }

    void departmentDecided(boolean approved, String comment, String reviewer) {
        departmentDecision = approved ? "approve" : "return";
        departmentComment = comment;
        departmentReviewer = reviewer;
        status = !approved ? Status.RETURNED : projectLight == Light.RED ? Status.WITH_FINANCE : Status.APPROVED;
    }

    void financeDecided(boolean approved, String requirement, String reviewer) {
        financeDecision = approved ? "approve" : "rectify";
        financeReviewer = reviewer;
        if (approved) {
            status = Status.APPROVED;
        } else {
            rectificationRequirement = requirement;
            rectificationAnswer = null;
            status = Status.RECTIFYING;
        }
    }

    void rectificationAnswered(String answer) {
        rectificationAnswer = answer;
        status = Status.WITH_FINANCE;
    }

    void adjustmentRequested(String user) {
        adjustmentRequestedBy = user;
        adjustmentRequestedAt = Instant.now();
    }

    public String getAdjustmentRequestedBy() {
        return adjustmentRequestedBy;
    }

    public Instant getAdjustmentRequestedAt() {
        return adjustmentRequestedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getRoundId() {
        return roundId;
    }

    public Long getProjectId() {
        return projectId;
    }

    public int getYear() {
        return year;
    }

    public int getCutoffMonth() {
        return cutoffMonth;
    }

    public int getTargetVersion() {
        return targetVersion;
    }

    public BigDecimal getInitialBudget() {
        return initialBudget;
    }

    public BigDecimal getAdjustedBudget() {
        return adjustedBudget;
    }

    public BigDecimal getSpent() {
        return spent;
    }

    public BigDecimal getExecutionRate() {
        return executionRate;
    }

    public BigDecimal getPlannedPercent() {
        return plannedPercent;
    }

    public BigDecimal getExecutionRatio() {
        return executionRatio;
    }

    public Light getExecutionLight() {
        return executionLight;
    }

    public String getExecutionExplanation() {
        return executionExplanation;
    }

    public BigDecimal getForecastSpent() {
        return forecastSpent;
    }

    public Light getProjectLight() {
        return projectLight;
    }

    public Status getStatus() {
        return status;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getDepartmentDecision() {
        return departmentDecision;
    }

    public String getDepartmentComment() {
        return departmentComment;
    }

    public String getDepartmentReviewer() {
        return departmentReviewer;
    }

    public String getFinanceDecision() {
        return financeDecision;
    }

    public String getFinanceReviewer() {
        return financeReviewer;
    }

    public String getRectificationRequirement() {
        return rectificationRequirement;
    }

    public String getRectificationAnswer() {
        return rectificationAnswer;
    }

    public List<MonitoringReportIndicator> getIndicators() {
        return indicators;
    }
}
