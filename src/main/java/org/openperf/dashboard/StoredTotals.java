package org.openperf.dashboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import org.hibernate.annotations.Immutable;

/**
 * A unit's counts by light and curve sums of a year as stored in {@code unit_light_totals}: what the dashboard's
 * overview adds up per department ({@link StoredLights}). Written only by {@link LightTotals}, in plain statements;
 * mapped here so that the query can join it to the units and the caller's scope.
 */
@Entity
@Immutable
@Table(name = "unit_light_totals")
@IdClass(StoredTotals.Key.class)
class StoredTotals {

    /**
     * The caller's scope over totals {@code t}, as {@code ScopeQuery.PROJECT_IN_SCOPE} is over projects: all, or the
     * units in {@code :units} and those of the departments in {@code :departments} (never the projects without one).
     */
    static final String IN_SCOPE = """
            (:all = true or t.unitKey in (select su.id from Unit su left join su.department sd
                 where array_contains(:units, su.code) or array_contains(:departments, sd.code)))
            """;

    /** The row's key: a year and a unit's id (0 for the projects without a unit). */
    record Key(Integer year, Long unitKey) implements Serializable {
    }

    @Id
    @Column(name = "fiscal_year")
    private Integer year;

    @Id
    @Column(name = "unit_key")
    private Long unitKey;

    private int projects;

    private int red;

    private int yellow;

    private int green;

    private int blue;

    private int unmonitored;

    private int flagged;

    private String rules;

    @Column(name = "curve_count")
    private int curveCount;

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

    protected StoredTotals() {
    }
}
