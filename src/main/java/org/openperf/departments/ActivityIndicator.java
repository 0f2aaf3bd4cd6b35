package org.openperf.departments;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.openperf.targets.GradeBands;

/**
 * One indicator of an activity (绩效指标 · 指标描述), graded by its 优/良/中/差 bands instead of a single 指标值; the
 * weight is optional, as in project tables.
 */
@Entity
@Table(name = "department_activity_indicator")
public class ActivityIndicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "activity_id")
    private DepartmentActivity activity;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 500)
    private String name;

    @Column(length = 2000)
    private String description;

    @Column(precision = 9, scale = 4)
    private BigDecimal weight;

    @Embedded
    private GradeBands bands;

    protected ActivityIndicator() {
    }

    public ActivityIndicator(String name, String description, BigDecimal weight, GradeBands bands) {
        this.name = name;
        this.description = description;
        this.weight = weight;
        this.bands = bands;
    }

    void attach(DepartmentActivity activity, int position) {
        this.activity = activity;
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    /** The bands, or null when none is written (JPA reads four empty columns as null). */
    public GradeBands getBands() {
        return bands == null || bands.isEmpty() ? null : bands;
    }
}
