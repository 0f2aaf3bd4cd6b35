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

/** One activity indicator in a department's 监控表: value so far, its band and light, and why it lags. */
@Entity
@Table(name = "department_monitoring_line")
public class DepartmentMonitoringLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private DepartmentMonitoringReport report;

    @Column(nullable = false)
    private int position;

    @Column(name = "activity_name", length = 500)
    private String activityName;

    @Column(name = "indicator_name", nullable = false, length = 500)
    private String indicatorName;

    @Column(name = "value_so_far", length = 500)
    private String valueSoFar;

    @Column(name = "band_so_far", length = 2)
    private String bandSoFar;

    @Column(length = 10)
    private String light;

    @Column(name = "deviation_reason", length = 4000)
    private String deviationReason;

    @Column(length = 4000)
    private String measures;

    protected DepartmentMonitoringLine() {
    }

    DepartmentMonitoringLine(DepartmentMonitoringReport report, int position, String activityName, String indicatorName) {
        this.report = report;
        this.position = position;
        this.activityName = activityName;
        this.indicatorName = indicatorName;
    }

    void fill(String valueSoFar, String bandSoFar, String light, String deviationReason, String measures) {
        this.valueSoFar = valueSoFar;
        this.bandSoFar = bandSoFar;
        this.light = light;
        this.deviationReason = deviationReason;
        this.measures = measures;
    }

    public int getPosition() {
        return position;
    }

    public String getActivityName() {
        return activityName;
    }

    public String getIndicatorName() {
        return indicatorName;
    }

    public String getValueSoFar() {
        return valueSoFar;
    }

    public String getBandSoFar() {
        return bandSoFar;
    }

    public String getLight() {
        return light;
    }

    public String getDeviationReason() {
        return deviationReason;
    }

    public String getMeasures() {
        return measures;
    }
}
