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
 * list and search ({@link StoredLights}). Written only by {@link LightRefresh}, in plain statements; mapped
 * here so that the queries can join it to the projects and the caller's scope. Its curve's columns ({@code
 * curve_budget}, {@code planned_1} … {@code spent_12}) are added up per unit by {@link LightTotals}, in SQL, and
 * not mapped.
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

    protected StoredLight() {
    }
}
