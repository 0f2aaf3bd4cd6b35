package org.openperf.targets;

import org.openperf.kernel.Scope;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** 项目: one unit's project in one fiscal year, with its target table (绩效目标表). Amounts are in 万元. */
@Entity
@Table(name = "project")
public class Project {

    @Id
    // From a sequence in blocks of 50, so that an import's inserts go to the database in batches (V12).
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_seq")
    @SequenceGenerator(name = "project_seq", sequenceName = "project_seq", allocationSize = 50)
    private Long id;

    @Column(name = "fiscal_year", nullable = false)
    private int year;

    @Column(length = 50)
    private String code;

    @Column(nullable = false, length = 500)
    private String name;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Column(length = 100)
    private String category;

    @Column(precision = 18, scale = 6)
    private BigDecimal budget;

    @Column(name = "fiscal_funds", precision = 18, scale = 6)
    private BigDecimal fiscalFunds;

    @Column(name = "other_funds", precision = 18, scale = 6)
    private BigDecimal otherFunds;

    /** Why a project lists a zero budget (some documents list unfunded items). */
    @Column(name = "budget_note", length = 1000)
    private String budgetNote;

    @Column(length = 10000)
    private String purpose;

    @Column(length = 10000)
    private String goal;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "spending_plan", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    private List<SpendingPlanEntry> spendingPlan = new ArrayList<>();

    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("place.position")
    private List<Indicator> indicators = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProjectStatus status = ProjectStatus.DRAFT;

    /** The approved version (批复版本) the table is at: 0 while never approved. */
    @Column(nullable = false)
    private int version;

    @Column(name = "import_id")
    private Long importId;

    @Column(name = "submitted_by", length = 100)
    private String submittedBy;

    protected Project() {
    }

    public Project(int year, String name) {
        this.year = year;
        this.name = name;
    }

    /** Appends an indicator at the end of the table. */
    public void addIndicator(Indicator indicator) {
        indicator.setProject(this);
        indicator.setPosition(indicators.size());
        indicators.add(indicator);
    }

    /** Replaces the indicator rows in the given order (a draft's edit is stored whole). */
    public void replaceIndicators(List<Indicator> rows) {
        indicators.clear();
        rows.forEach(this::addIndicator);
    }

    public Long getId() {
        return id;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Unit getUnit() {
        return unit;
    }

    public void setUnit(Unit unit) {
        this.unit = unit;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public void setBudget(BigDecimal budget) {
        this.budget = budget;
    }

    public BigDecimal getFiscalFunds() {
        return fiscalFunds;
    }

    public void setFiscalFunds(BigDecimal fiscalFunds) {
        this.fiscalFunds = fiscalFunds;
    }

    public BigDecimal getOtherFunds() {
        return otherFunds;
    }

    public void setOtherFunds(BigDecimal otherFunds) {
        this.otherFunds = otherFunds;
    }

    public String getBudgetNote() {
        return budgetNote;
    }

    public void setBudgetNote(String budgetNote) {
        this.budgetNote = budgetNote;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getGoal() {
        return goal;
    }

    public void setGoal(String goal) {
        this.goal = goal;
    }

    public List<SpendingPlanEntry> getSpendingPlan() {
        return spendingPlan;
    }

    public void setSpendingPlan(List<SpendingPlanEntry> plan) {
        spendingPlan.clear();
        spendingPlan.addAll(plan);
    }

    public List<Indicator> getIndicators() {
        return indicators;
    }

    public ProjectStatus getStatus() {
        return status;
    }

    /** A draft, or an approved table being adjusted: the working copy the unit may edit. */
    public boolean isEditable() {
        return status == ProjectStatus.DRAFT || status == ProjectStatus.ADJUSTING;
    }

    /** Back to the unit for editing: a first draft stays a draft, an adjustment stays an adjustment. */
    public void returnToEditing() {
        status = version > 0 ? ProjectStatus.ADJUSTING : ProjectStatus.DRAFT;
    }

    public void setStatus(ProjectStatus status) {
        this.status = status;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public void setSubmittedBy(String submittedBy) {
        this.submittedBy = submittedBy;
    }

    public Long getImportId() {
        return importId;
    }

    public void setImportId(Long importId) {
        this.importId = importId;
    }

    /** Whether the caller's scope reaches this project (its unit, or its unit's department). */
    public boolean within(Scope scope) {
        Unit u = getUnit();
        return scope.covers(u == null ? null : u.getCode(),
                u == null || u.getDepartment() == null ? null : u.getDepartment().getCode());
    }
}
