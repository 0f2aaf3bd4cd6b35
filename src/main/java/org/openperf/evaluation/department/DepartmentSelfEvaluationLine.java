package org.openperf.evaluation.department;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One activity indicator in a department's 自评表: its actual value, band, weight, score and deviation analysis. */
@Entity
@Table(name = "department_self_evaluation_line")
public class DepartmentSelfEvaluationLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "evaluation_id")
    private DepartmentSelfEvaluation evaluation;

    @Column(nullable = false)
    private int position;

    @Column(name = "activity_name", length = 500)
    private String activityName;

    @Column(name = "indicator_name", nullable = false, length = 500)
    private String indicatorName;

    @Column(length = 500)
    private String actual;

    @Column(length = 2)
    private String band;

    @Column(name = "band_chosen", nullable = false)
    private boolean bandChosen;

    @Column(precision = 12, scale = 6)
    private BigDecimal weight;

    @Column(precision = 12, scale = 6)
    private BigDecimal score;

    @Column(length = 4000)
    private String deviation;

    protected DepartmentSelfEvaluationLine() {
    }

    DepartmentSelfEvaluationLine(DepartmentSelfEvaluation evaluation, int position, String activityName,
                                 String indicatorName) {
        this.evaluation = evaluation;
        this.position = position;
        this.activityName = activityName;
        this.indicatorName = indicatorName;
    }

    void fill(String actual, String band, boolean bandChosen, String deviation) {
        this.actual = actual;
        this.band = band;
        this.bandChosen = bandChosen;
        this.deviation = deviation;
    }

    void scored(BigDecimal weight, BigDecimal score) {
        this.weight = weight;
        this.score = score;
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

    public String getActual() {
        return actual;
    }

    public String getBand() {
        return band;
    }

    /** Whether the department chose the band rather than it being read from the actual value. */
    public boolean isBandChosen() {
        return bandChosen;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public BigDecimal getScore() {
        return score;
    }

    public String getDeviation() {
        return deviation;
    }
}
