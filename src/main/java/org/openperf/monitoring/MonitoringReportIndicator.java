package org.openperf.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.openperf.targets.Indicator;
import org.openperf.targets.IndicatorPlace;

/** One indicator row of a 监控表: the target, what was reached by the cutoff, its light, and the unit's notes. */
@Entity
@Table(name = "monitoring_report_indicator")
public class MonitoringReportIndicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The indicator's index (0-based) and levels in the approved table, as when the report was made. */
    @Embedded
    private IndicatorPlace place;

    @Column(name = "indicator_name", nullable = false, length = 500)
    private String name;

    /** 年度指标值 as the table states it. */
    @Column(name = "target_text", length = 2000)
    private String targetText;

    /** 1–N月完成值 of a quantitative indicator. */
    @Column(name = "value_so_far", precision = 20, scale = 6)
    private BigDecimal valueSoFar;

    /** 达成 / 部分达成 / 未达成 of a qualitative indicator. */
    @Column(length = 10)
    private String achievement;

    /** Whether a deadline indicator is done. */
    private Boolean done;

    /** 全年预计完成值. */
    @Column(length = 2000)
    private String forecast;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Light light;

    @Column(precision = 9, scale = 2)
    private BigDecimal ratio;

    @Column(nullable = false, length = 1000)
    private String explanation;

    /** 偏差原因, e.g. {@code 经费保障、其他}. */
    @Column(name = "deviation_reasons", length = 200)
    private String deviationReasons;

    @Column(name = "deviation_text", length = 4000)
    private String deviationText;

    /** 完成目标可能性: 确定能 / 有可能 / 完全不可能. */
    @Column(length = 10)
    private String likelihood;

    /** 纠偏措施. */
    @Column(length = 4000)
    private String measures;

    /** 备注. */
    @Column(length = 4000)
    private String remarks;

    protected MonitoringReportIndicator() {
    }

    MonitoringReportIndicator(int position, Indicator indicator, IndicatorProgress progress, String forecast,
                              IndicatorResult result, String deviationReasons, String deviationText,
                              String likelihood, String measures, String remarks) {
        this.place = new IndicatorPlace(position, indicator.getLevel1(), indicator.getLevel2());
        this.name = indicator.getName();
        this.targetText = targetText(indicator);
        this.valueSoFar = progress.valueSoFar();
        // a banded indicator's progress in words (延期两周) is kept where a qualitative one keeps its tier
        this.achievement = progress.achievement() != null ? progress.achievement().chineseName()
                : progress.text() == null ? null : progress.text().substring(0, Math.min(10, progress.text().length()));
        this.done = indicator.getValue() != null && indicator.getValue().getKind() == org.openperf.targets.ValueKind.DEADLINE
                ? progress.done() : null;
        this.forecast = forecast;
        this.light = result.light();
        this.ratio = result.ratio();
        this.explanation = result.explanation();
        this.deviationReasons = deviationReasons;
        this.deviationText = deviationText;
        this.likelihood = likelihood;
        this.measures = measures;
        this.remarks = remarks;
    }

    /** 年度指标值: the 指标值, with the 优/良/中/差 bands when the indicator is graded by them. */
    static String targetText(Indicator indicator) {
        String value = indicator.getValue() == null ? null : indicator.getValue().getText();
        org.openperf.targets.GradeBands b = indicator.getBands();
        if (b == null) {
            return value;
        }
        String[] names = {"优", "良", "中", "差"};
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            if (b.texts()[i] != null) {
                parts.add(names[i] + " " + b.texts()[i].strip());
            }
        }
        String bands = String.join(" / ", parts);
        return value == null ? bands : value + "（" + bands + "）";
    }

    public int getPosition() {
        return place.position();
    }

    public String getLevel1() {
        return place.level1();
    }

    public String getLevel2() {
        return place.level2();
    }

    public String getName() {
        return name;
    }

    public String getTargetText() {
        return targetText;
    }

    public BigDecimal getValueSoFar() {
        return valueSoFar;
    }

    public String getAchievement() {
        return achievement;
    }

    public Boolean getDone() {
        return done;
    }

    public String getForecast() {
        return forecast;
    }

    public Light getLight() {
        return light;
    }

    public BigDecimal getRatio() {
        return ratio;
    }

    public String getExplanation() {
        return explanation;
    }

    public String getDeviationReasons() {
        return deviationReasons;
    }

    public String getDeviationText() {
        return deviationText;
    }

    public String getLikelihood() {
        return likelihood;
    }

    public String getMeasures() {
        return measures;
    }

    public String getRemarks() {
        return remarks;
    }
}
