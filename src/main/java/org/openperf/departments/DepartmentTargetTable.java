package org.openperf.departments;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openperf.targets.Department;
import org.openperf.targets.ProjectStatus;

/**
 * 部门整体绩效目标: a department's targets for one fiscal year, published with its budget (seed 001): the overall goal
 * (总体绩效目标), the itemised goals (分项绩效目标) and the activities with their banded indicators. Drafted by the
 * department, approved by finance; the status is the one project tables have.
 */
@Entity
@Table(name = "department_target_table")
public class DepartmentTargetTable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "department_id")
    private Department department;

    @Column(name = "fiscal_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProjectStatus status = ProjectStatus.DRAFT;

    @Column(name = "overall_goal", length = 10000)
    private String overallGoal;

    /** 预算总额 in 万元; null until known (from the department's budget tables, or entered). */
    @Column(name = "total_budget", precision = 18, scale = 6)
    private BigDecimal totalBudget;

    @Column(name = "import_id")
    private Long importId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "created_by", length = 100)
    private String createdBy;

    /** Raised by every write; a page's save names the one it read, so a stale save is refused (409). */
    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by", length = 100)
    private String updatedBy;

    /** N of "approved as version N" (批复); null until first approved. {@code version} is the save counter. */
    @Column(name = "approved_version")
    private Integer approvedVersion;

    @Column(name = "submitted_by", length = 100)
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @OneToMany(mappedBy = "table", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<DepartmentGoal> goals = new ArrayList<>();

    @OneToMany(mappedBy = "table", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<DepartmentActivity> activities = new ArrayList<>();

    protected DepartmentTargetTable() {
    }

    public DepartmentTargetTable(int year) {
        this.year = year;
    }

    public void addGoal(DepartmentGoal goal) {
        goal.attach(this, goals.size());
        goals.add(goal);
    }

    public void addActivity(DepartmentActivity activity) {
        activity.attach(this, activities.size());
        activities.add(activity);
    }

    /**
     * Replaces the whole content as edited on the page: goals and activities in the order given (their old rows
     * are removed). The row itself changes too, so its version is raised even when only a child row differs.
     */
    public void replaceContent(String overallGoal, BigDecimal totalBudget, List<DepartmentGoal> newGoals,
                               List<DepartmentActivity> newActivities, String by) {
        this.overallGoal = overallGoal;
        this.totalBudget = totalBudget;
        goals.clear();
        activities.clear();
        newGoals.forEach(this::addGoal);
        newActivities.forEach(this::addActivity);
        this.updatedAt = Instant.now();
        this.updatedBy = by;
    }

    /** 提交审核: out of the department's hands (not editable) until finance returns or approves it. */
    void submitted(String by, Instant at) {
        this.status = ProjectStatus.IN_REVIEW;
        this.submittedBy = by;
        this.submittedAt = at;
    }

    /** Back in 编制 (the first draft or a return by finance): editable again. */
    void reopened() {
        this.status = ProjectStatus.DRAFT;
    }

    /** 批复: frozen as the next approved version. */
    void approved() {
        this.status = ProjectStatus.APPROVED;
        this.approvedVersion = approvedVersion == null ? 1 : approvedVersion + 1;
    }

    public Integer getApprovedVersion() {
        return approvedVersion;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    /** Every indicator of every activity, in the table's order. */
    public List<ActivityIndicator> allIndicators() {
        return activities.stream().flatMap(a -> a.getIndicators().stream()).toList();
    }

    public Long getId() {
        return id;
    }

    public Department getDepartment() {
        return department;
    }

    public void setDepartment(Department department) {
        this.department = department;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public ProjectStatus getStatus() {
        return status;
    }

    /** Set as read (an import of an approved table): an approved table is at least approved version 1. */
    public void setStatus(ProjectStatus status) {
        this.status = status;
        if (status == ProjectStatus.APPROVED && approvedVersion == null) {
            approvedVersion = 1;
        }
    }

    public String getOverallGoal() {
        return overallGoal;
    }

    public void setOverallGoal(String overallGoal) {
        this.overallGoal = overallGoal;
    }

    public BigDecimal getTotalBudget() {
        return totalBudget;
    }

    public void setTotalBudget(BigDecimal totalBudget) {
        this.totalBudget = totalBudget;
    }

    public Long getImportId() {
        return importId;
    }

    public void setImportId(Long importId) {
        this.importId = importId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public List<DepartmentGoal> getGoals() {
        return goals;
    }

    public List<DepartmentActivity> getActivities() {
        return activities;
    }
}
