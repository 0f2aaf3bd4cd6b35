package org.openperf.targets;

import java.math.BigDecimal;
import java.util.List;
import org.openperf.kernel.Finding;

/** A project's target table as the API shows it. Amounts in 万元, at least two decimals. */
public record ProjectView(Long id, int year, String code, String name, UnitRef unit, UnitRef department,
                          String category, BigDecimal budget, BigDecimal fiscalFunds, BigDecimal otherFunds,
                          String budgetNote, String purpose, String goal, List<PlanRow> spendingPlan,
                          List<IndicatorView> indicators, String status, int version,
                          List<Finding> findings) {

    public record UnitRef(String code, String name) {
    }

    public record PlanRow(int month, BigDecimal cumulativePercent) {
    }

    public record ValueView(String text, String operator, BigDecimal number, BigDecimal upperNumber, String unit,
                            String kind, String deadline) {
    }

    public record BandsView(String excellent, String good, String fair, String poor) {
    }

    public record IndicatorView(Long id, String level1, String level2, String name, String description,
                                ValueView value, String basis, BigDecimal weight, BandsView bands) {
    }

    public static ProjectView of(Project p) {
        return of(p, null);
    }

    /** The table with its validation findings, which travel with it to the reviewers. */
    public static ProjectView of(Project p, List<Finding> findings) {
        Unit u = p.getUnit();
        return new ProjectView(p.getId(), p.getYear(), p.getCode(), p.getName(),
                u == null ? null : new UnitRef(u.getCode(), u.getName()),
                u == null ? null : new UnitRef(u.getDepartment().getCode(), u.getDepartment().getName()),
                p.getCategory(), amount(p.getBudget()), amount(p.getFiscalFunds()), amount(p.getOtherFunds()),
                p.getBudgetNote(), p.getPurpose(), p.getGoal(),
                p.getSpendingPlan().stream().map(e -> new PlanRow(e.getMonth(), amount(e.getCumulativePercent())))
                        .toList(),
                p.getIndicators().stream().map(ProjectView::indicator).toList(),
                p.getStatus().name(), p.getVersion(), findings);
    }

    static IndicatorView indicator(Indicator i) {
        GradeBands b = i.getBands();
        return new IndicatorView(i.getId(), i.getLevel1(), i.getLevel2(), i.getName(), i.getDescription(),
                value(i.getValue()), i.getBasis(), plain(i.getWeight()),
                b == null ? null : new BandsView(b.getExcellent(), b.getGood(), b.getFair(), b.getPoor()));
    }

    static ValueView value(TargetValue v) {
        if (v == null) {
            return null;
        }
        return new ValueView(v.getText(), v.getOperator() == null ? null : v.getOperator().symbol(),
                plain(v.getNumber()), plain(v.getUpperNumber()), v.getUnit(),
                v.getKind() == null ? null : v.getKind().name(),
                v.getDeadline() == null ? null : v.getDeadline().toString());
    }

    /** Money as documents print it: 835 → 835.00, 174.16 stays, 0.125 keeps its third decimal. */
    public static BigDecimal amount(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 2 ? s.setScale(2) : s;
    }

    private static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
