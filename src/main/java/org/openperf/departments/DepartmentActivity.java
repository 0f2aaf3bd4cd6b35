package org.openperf.departments;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** One activity of a department table (活动编码 0101 · 活动名称 · 活动描述 · 预算年度 · 绩效目标) and its indicators. */
@Entity
@Table(name = "department_activity")
public class DepartmentActivity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "table_id")
    private DepartmentTargetTable table;

    @Column(nullable = false)
    private int position;

    @Column(length = 50)
    private String code;

    @Column(length = 500)
    private String name;

    @Column(length = 10000)
    private String description;

    @Column(name = "budget_year")
    private Integer budgetYear;

    @Column(length = 10000)
    private String goal;

    @OneToMany(mappedBy = "activity", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ActivityIndicator> indicators = new ArrayList<>();

    protected DepartmentActivity() {
    }

    public DepartmentActivity(String code, String name, String description, Integer budgetYear, String goal) {
        this.code = code;
        this.name = name;
        this.description = description;
        this.budgetYear = budgetYear;
        this.goal = goal;
    }

    void attach(DepartmentTargetTable table, int position) {
        this.table = table;
        this.position = position;
    }

    public void addIndicator(ActivityIndicator indicator) {
        indicator.attach(this, indicators.size());
        indicators.add(indicator);
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Integer getBudgetYear() {
        return budgetYear;
    }

    public void setBudgetYear(Integer budgetYear) {
        this.budgetYear = budgetYear;
    }

    public String getGoal() {
        return goal;
    }

    public void setGoal(String goal) {
        this.goal = goal;
    }

    public List<ActivityIndicator> getIndicators() {
        return indicators;
    }

    /** How messages name it: 活动“0101 就业创业扶持政策的制定及管理”. */
    public String label() {
        String text = ((code == null ? "" : code) + " " + (name == null ? "" : name)).strip();
        return text.isEmpty() ? "第" + (position + 1) + "个活动" : "活动“" + text + "”";
    }
}
