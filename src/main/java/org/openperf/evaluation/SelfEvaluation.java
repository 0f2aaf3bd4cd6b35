package org.openperf.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** 自评: what a unit reported for one project's year, and the score and grade the published rules gave it. */
@Entity
@Table(name = "self_evaluation")
public class SelfEvaluation {

    public enum Status { SUBMITTED, SCORED, REVIEWED }

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
    private LocalDateTime submittedAt;

    protected SelfEvaluation() {
    }

    SelfEvaluation(Long projectId, int year) {
        this.projectId = projectId;
        this.year = year;
    }

    void submit(int targetVersion, BigDecimal budget, BigDecimal spent, String goalAchievement, String actualsJson,
                String user) {
        this.targetVersion = targetVersion;
        this.budget = budget;
        this.spent = spent;
        this.goalAchievement = goalAchievement;
        this.actualsJson = actualsJson;
        this.submittedBy = user;
        this.submittedAt = LocalDateTime.now();
        this.status = Status.SUBMITTED;
        this.sheetJson = null;
        this.total = null;
        this.grade = null;
    }

    void scored(String sheetJson, BigDecimal total, String grade) {
        this.sheetJson = sheetJson;
        this.total = total;
        this.grade = grade;
        this.status = Status.SCORED;
    }

    void reviewed() {
        this.status = Status.REVIEWED;
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
}
