package org.openperf.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** 自评: what a unit reported for one project's year, and the score and grade the published rules gave it. */
@Entity
@Table(name = "self_evaluation")
public class SelfEvaluation {

    /** 已填报, 已评分, 部门已审核, 财政复核中, 已公开. */
    public enum Status { SUBMITTED, SCORED, REVIEWED, RECHECKING, PUBLISHED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Column(name = "fiscal_year", nullable = false)
    private int year;

    @Column(name = "target_version", nullable = false)
    private int targetVersion;

    @Column(nullable = false, precision = 18, scale = 6)
    private BigDecimal budget;

    @Column(nullable = false, precision = 18, scale = 6)
    private BigDecimal spent;

    @Column(name = "goal_achievement", length = 4000)
    private String goalAchievement;

    @Column(name = "actuals_json", nullable = false, length = 1000000)
    private String actualsJson;

    @Column(name = "sheet_json", length = 1000000)
    private String sheetJson;

    @Column(precision = 7, scale = 2)
    private BigDecimal total;

    @Column(length = 4)
    private String grade;

    @Column(nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    @Column(name = "submitted_by", length = 100)
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    /** 全年执行数 as the execution data had it when the unit reported; null when there was none. */
    @Column(name = "spent_recorded", precision = 18, scale = 6)
    private BigDecimal spentRecorded;

    /** Why the unit reported another 全年执行数 than the execution data's. */
    @Column(name = "spent_reason", length = 2000)
    private String spentReason;

    @Column(name = "reviewed_by", length = 100)
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    /** Why finance re-checks it (comma-separated {@link RecheckSample.Reason}s); "" not sampled; null not decided. */
    @Column(name = "sample_reasons", length = 200)
    private String sampleReasons;

    /** 总分 and 等级 as the rules scored them, before any change in 财政复核. */
    @Column(name = "scored_total", precision = 7, scale = 2)
    private BigDecimal scoredTotal;

    @Column(name = "scored_grade", length = 4)
    private String scoredGrade;

    /**
     * The versions of {@code Decision_Grade} and {@code Decision_DefaultWeights} (decision definition ids) that
     * scored it: finance's re-check grades a changed total by the same version, and a later deployment regrades
     * nothing. Null for one scored before the versions were kept.
     */
    @Column(name = "grade_rule", length = 100)
    private String gradeRule;

    @Column(name = "weights_rule", length = 100)
    private String weightsRule;

    @Column(name = "rechecked_by", length = 100)
    private String recheckedBy;

    @Column(name = "rechecked_at")
    private Instant recheckedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected SelfEvaluation() {
    }

    SelfEvaluation(Long projectId, int year) {
        this.projectId = projectId;
        this.year = year;
    }

    void submit(int targetVersion, BigDecimal budget, BigDecimal spent, String goalAchievement, String actualsJson,
                String user, BigDecimal spentRecorded, String spentReason) {
        this.spentRecorded = spentRecorded;
        this.spentReason = spentReason;
        this.reviewedBy = null;
        this.reviewedAt = null;
        this.sampleReasons = null;
        this.recheckedBy = null;
        this.recheckedAt = null;
        this.publishedAt = null;
        this.scoredTotal = null;
        this.scoredGrade = null;
        this.gradeRule = null;
        this.weightsRule = null;
        this.targetVersion = targetVersion;
        this.budget = budget;
        this.spent = spent;
        this.goalAchievement = goalAchievement;
        this.actualsJson = actualsJson;
        this.submittedBy = user;
        this.submittedAt = Instant.now();
        this.status = Status.SUBMITTED;
        this.sheetJson = null;
        this.total = null;
        this.grade = null;
    }

    void rulesUsed(String gradeRule, String weightsRule) {
        this.gradeRule = gradeRule;
        this.weightsRule = weightsRule;
    }

    void scored(String sheetJson, BigDecimal total, String grade) {
        this.sheetJson = sheetJson;
        this.total = total;
        this.grade = grade;
        this.scoredTotal = total;
        this.scoredGrade = grade;
        this.status = Status.SCORED;
    }

    void reviewed(String user) {
        this.status = Status.REVIEWED;
        this.reviewedBy = user;
        this.reviewedAt = Instant.now();
    }

    void sampled(String reasons) {
        this.sampleReasons = reasons;
        if (!reasons.isEmpty()) {
            this.status = Status.RECHECKING;
        }
    }

    /** 复核调整: the total and grade recomputed from the changed scores; the scored ones stay. */
    void rescored(BigDecimal total, String grade) {
        this.total = total;
        this.grade = grade;
    }

    void rechecked(String user) {
        this.recheckedBy = user;
        this.recheckedAt = Instant.now();
    }

    void published() {
        this.status = Status.PUBLISHED;
        this.publishedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public BigDecimal getSpentRecorded() {
        return spentRecorded;
    }

    public String getSpentReason() {
        return spentReason;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getSampleReasons() {
        return sampleReasons;
    }

    public BigDecimal getScoredTotal() {
        return scoredTotal;
    }

    public String getScoredGrade() {
        return scoredGrade;
    }

    public String getRecheckedBy() {
        return recheckedBy;
    }

    public Instant getRecheckedAt() {
        return recheckedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Long getProjectId() {
        return projectId;
    }

    public int getYear() {
        return year;
    }

    public int getTargetVersion() {
        return targetVersion;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public BigDecimal getSpent() {
        return spent;
    }

    public String getGoalAchievement() {
        return goalAchievement;
    }

    public String getActualsJson() {
        return actualsJson;
    }

    public String getSheetJson() {
        return sheetJson;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getGrade() {
        return grade;
    }

    public Status getStatus() {
        return status;
    }

    public String getGradeRule() {
        return gradeRule;
    }

    public String getWeightsRule() {
        return weightsRule;
    }
}
