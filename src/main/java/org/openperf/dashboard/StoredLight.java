package org.openperf.dashboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * A project's current light and execution curve as stored in {@code project_light}: what the dashboard's queries
 * count, add up and list ({@link StoredLights}). Written only by {@link LightRefresh}, in plain statements; mapped
 * here so that the queries can join it to the projects and the caller's scope. The curve's months are columns
 * ({@code planned_1} … {@code spent_12}) so that one statement adds up a whole year's curve.
 */
@Entity
@Immutable
@Table(name = "project_light")
class StoredLight {

    @Id
    @Column(name = "project_id")
    private Long projectId;

    private boolean stale;

    @Column(name = "fiscal_year")
    private Integer year;

    private String rules;

    private String light;

    private String source;

    @Column(name = "as_of")
    private LocalDate asOf;

    private BigDecimal spent;

    @Column(name = "execution_rate")
    private BigDecimal executionRate;

    @Column(name = "planned_percent")
    private BigDecimal plannedPercent;

    private BigDecimal ratio;

    private String explanation;

    @Column(name = "deviation_month")
    private Integer deviationMonth;

    @Column(name = "deviation_reasons")
    private String deviationReasons;

    @Column(name = "deviation_text")
    private String deviationText;

    @Column(name = "deviation_measures")
    private String deviationMeasures;

    @Column(name = "deviation_decision")
    private String deviationDecision;

    @Column(name = "curve_budget")
    private BigDecimal curveBudget;

    @Column(name = "as_of_month")
    private Integer asOfMonth;

    @Column(name = "planned_1")
    private BigDecimal planned1;

    @Column(name = "planned_2")
    private BigDecimal planned2;

    @Column(name = "planned_3")
    private BigDecimal planned3;

    @Column(name = "planned_4")
    private BigDecimal planned4;

    @Column(name = "planned_5")
    private BigDecimal planned5;

    @Column(name = "planned_6")
    private BigDecimal planned6;

    @Column(name = "planned_7")
    private BigDecimal planned7;

    @Column(name = "planned_8")
    private BigDecimal planned8;

    @Column(name = "planned_9")
    private BigDecimal planned9;

    @Column(name = "planned_10")
    private BigDecimal planned10;

    @Column(name = "planned_11")
    private BigDecimal planned11;

    @Column(name = "planned_12")
    private BigDecimal planned12;

    @Column(name = "spent_1")
    private BigDecimal spent1;

    @Column(name = "spent_2")
    private BigDecimal spent2;

    @Column(name = "spent_3")
    private BigDecimal spent3;

    @Column(name = "spent_4")
    private BigDecimal spent4;

    @Column(name = "spent_5")
    private BigDecimal spent5;

    @Column(name = "spent_6")
    private BigDecimal spent6;

    @Column(name = "spent_7")
    private BigDecimal spent7;

    @Column(name = "spent_8")
    private BigDecimal spent8;

    @Column(name = "spent_9")
    private BigDecimal spent9;

    @Column(name = "spent_10")
    private BigDecimal spent10;

    @Column(name = "spent_11")
    private BigDecimal spent11;

    @Column(name = "spent_12")
    private BigDecimal spent12;

    protected StoredLight() {
    }
}
