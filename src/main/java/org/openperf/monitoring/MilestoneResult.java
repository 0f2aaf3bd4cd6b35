package org.openperf.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** What a milestone check found for a project (once per milestone), and the unit's explanation if it lagged. */
@Entity
@Table(name = "milestone_result")
public class MilestoneResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Column(name = "milestone_month", nullable = false)
    private int month;

    @Column(name = "planned_percent", nullable = false, precision = 7, scale = 2)
    private BigDecimal plannedPercent;

    @Column(nullable = false, precision = 18, scale = 6)
    private BigDecimal spent;

    @Column(name = "execution_rate", precision = 9, scale = 2)
    private BigDecimal executionRate;

    @Column(precision = 9, scale = 2)
    private BigDecimal ratio;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Light light;

    @Column(nullable = false, length = 1000)
    private String explanation;

    @Column(name = "computed_at", nullable = false)
    private Instant computedAt;

    @Column(length = 200)
    private String reasons;

    @Column(name = "reason_text", length = 4000)
    private String reasonText;

    @Column(length = 4000)
    private String measures;

    @Column(name = "reviewed_by", length = 100)
    private String reviewedBy;

    @Column(name = "review_decision", length = 20)
    private String reviewDecision;

    protected MilestoneResult() {
    }

    MilestoneResult(Long projectId, ExecutionResult r) {
        this.projectId = projectId;
        this.month = r.milestone().month();
        this.plannedPercent = r.plannedPercent();
        this.spent = r.spent();
        this.executionRate = r.executionRate();
        this.ratio = r.ratio();
        this.light = r.light();
        this.explanation = r.explanation();
        this.computedAt = Instant.now();
    }

    void explain(String reasons, String reasonText, String measures, String reviewer, String decision) {
        this.reasons = reasons;
        this.reasonText = reasonText;
        this.measures = measures;
        this.reviewedBy = reviewer;
        this.reviewDecision = decision;
    }

    public Long getProjectId() {
        return projectId;
    }

    public int getMonth() {
        return month;
    }

    public BigDecimal getPlannedPercent() {
        return plannedPercent;
    }

    public BigDecimal getSpent() {
        return spent;
    }

    public BigDecimal getExecutionRate() {
        return executionRate;
    }

    public BigDecimal getRatio() {
        return ratio;
    }

    public Light getLight() {
        return light;
    }

    public String getExplanation() {
        return explanation;
    }

    public String getReasons() {
        return reasons;
    }

    public String getReasonText() {
        return reasonText;
    }

    public String getMeasures() {
        return measures;
    }

    public String getReviewDecision() {
        return reviewDecision;
    }
}
