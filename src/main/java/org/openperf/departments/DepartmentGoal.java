package org.openperf.departments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** 分项绩效目标: one itemised goal (就业工作目标) with its goal and its indicators, both in words as published. */
@Entity
@Table(name = "department_goal")
public class DepartmentGoal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "table_id")
    private DepartmentTargetTable table;

    @Column(nullable = false)
    private int position;

    @Column(length = 500)
    private String title;

    @Column(length = 10000)
    private String goal;

    @Column(length = 10000)
    private String indicators;

    protected DepartmentGoal() {
    }

    public DepartmentGoal(String title, String goal, String indicators) {
        this.title = title;
        this.goal = goal;
        this.indicators = indicators;
    }

    void attach(DepartmentTargetTable table, int position) {
        this.table = table;
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public String getGoal() {
        return goal;
    }

    public String getIndicators() {
        return indicators;
    }
}
