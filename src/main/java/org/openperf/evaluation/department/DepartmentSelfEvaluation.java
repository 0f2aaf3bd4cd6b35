package org.openperf.evaluation.department;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 部门整体支出绩效自评 of one approved department table (one per table: a year has one self-evaluation round): the
 * budget and what was spent, the overall goal's achievement, one line per activity indicator as approved. DRAFT
 * while the department fills it, SUBMITTED (scored and graded) while finance reviews it, APPROVED after.
 */
@Entity
@Table(name = "department_self_evaluation")
public class DepartmentSelfEvaluation {

    public static final String DRAFT = "DRAFT";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String APPROVED = "APPROVED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "table_id", nullable = false)
    private Long tableId;

    @Column(name = "fiscal_year", nullable = false)
    private int year;

    @Column(nullable = false, length = 20)
    private String status = DRAFT;

    @Column(name = "annual_budget", precision = 18, scale = 6)
    private BigDecimal annualBudget;

    @Column(name = "full_year_budget", precision = 18, scale = 6)
    private BigDecimal fullYearBudget;

    @Column(precision = 18, scale = 6)
    private BigDecimal spent;

    @Column(name = "goal_achievement", length = 4000)
    private String goalAchievement;

    @Column(name = "budget_score", precision = 12, scale = 6)
    private BigDecimal budgetScore;

    @Column(name = "total_score", precision = 7, scale = 2)
    private BigDecimal totalScore;

    @Column(length = 2)
    private String grade;

    @Column(name = "grade_rule", length = 255)
    private String gradeRule;

    @Column(name = "submitted_by", length = 100)
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "updated_by", length = 100)
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    @Column(nullable = false)
    private long version;

    @OneToMany(mappedBy = "evaluation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<DepartmentSelfEvaluationLine> lines = new ArrayList<>();

    protected DepartmentSelfEvaluation() {
    }

    DepartmentSelfEvaluation(Long tableId, int year, BigDecimal annualBudget) {
        this.tableId = tableId;
        this.year = year;
        this.annualBudget = annualBudget;
        this.fullYearBudget = annualBudget;
    }

    void addLine(String activityName, String indicatorName) {
        lines.add(new DepartmentSelfEvaluationLine(this, lines.size(), activityName, indicatorName));
    }

    void fill(BigDecimal fullYearBudget, BigDecimal spent, String goalAchievement, String by, Instant at) {
        this.fullYearBudget = fullYearBudget;
        this.spent = spent;
        this.goalAchievement = goalAchievement;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    void scored(BigDecimal budgetScore, BigDecimal totalScore, String grade, String gradeRule) {
        this.budgetScore = budgetScore;
        this.totalScore = totalScore;
        this.grade = grade;
        this.gradeRule = gradeRule;
    }

    void submitted(String by, Instant at) {
        this.status = SUBMITTED;
        this.submittedBy = by;
        this.submittedAt = at;
    }

    void returned() {
        this.status = DRAFT;
    }

    void approved() {
        this.status = APPROVED;
    }

    public Long getId() {
        return id;
    }

    public Long getTableId() {
        return tableId;
    }

    public int getYear() {
        return year;
    }

    public String getStatus() {
        return status;
    }

    public BigDecimal getAnnualBudget() {
        return annualBudget;
    }

    public BigDecimal getFullYearBudget() {
        return fullYearBudget;
    }

    public BigDecimal getSpent() {
        return spent;
    }

    public String getGoalAchievement() {
        return goalAchievement;
    }

    public BigDecimal getBudgetScore() {
        return budgetScore;
    }

    public BigDecimal getTotalScore() {
        return totalScore;
    }

    public String getGrade() {
        return grade;
    }

    public String getGradeRule() {
        return gradeRule;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public long getVersion() {
        return version;
    }

    public List<DepartmentSelfEvaluationLine> getLines() {
        return lines;
    }
}
