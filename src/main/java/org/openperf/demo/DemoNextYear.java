package org.openperf.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openperf.evaluation.SheetView;
import org.openperf.targets.GradeBands;
import org.openperf.targets.Indicator;
import org.openperf.targets.Operator;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectView;
import org.openperf.targets.TargetValue;
import org.openperf.targets.TargetValueParser;
import org.openperf.targets.ValueKind;

/**
 * The demo's draft of next year's table from this year's approved table and its published score sheet, as a
 * preparer might write it: most targets beaten are raised to at least last year's actual, some are left unchanged
 * although beaten by more than 20% (yoy.target.unchanged), some raised but still below last year's actual
 * (yoy.target.below-actual), a weak indicator (below 60% of its 分值) sometimes dropped without a replacement
 * (yoy.indicator.dropped), and the budget raised for some projects graded 中 or 差 (yoy.grade.budget-up). Seeded by
 * the project's unit and name like {@link DemoActuals}: the same drafts on every machine. Same 项目编码, unit and
 * name, so the draft links to last year's project by itself. Pure: no database.
 */
final class DemoNextYear {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DemoNextYear() {
    }

    /**
     * @param last  the approved table of last year
     * @param sheet its published score sheet, or null when it was not evaluated (then the table is copied)
     */
    static ProjectForm draft(Project last, SheetView sheet, int year) {
        Random random = new Random(DemoActuals.seed(last) * 7 + year);
        Map<Integer, SheetView.Row> rows = sheet == null ? Map.of()
                : sheet.indicators().stream().collect(Collectors.toMap(SheetView.Row::index, Function.identity()));
        List<Indicator> indicators = last.getIndicators();
        boolean weighted = indicators.stream().anyMatch(i -> i.getWeight() != null);
        List<ProjectForm.IndicatorInput> next = new ArrayList<>();
        boolean dropped = false;
        for (int i = 0; i < indicators.size(); i++) {
            Indicator row = indicators.get(i);
            SheetView.Row scored = rows.get(i);
            // A weak indicator dropped now and then (never from a weighted table, whose weights must still add up,
            // nor the last one of its 一级 or of a small table).
            if (!dropped && !weighted && weak(scored) && indicators.size() > 4 && othersIn(indicators, i)
                    && random.nextDouble() < 0.5) {
                dropped = true;
                continue;
            }
            next.add(input(row, target(row, scored, last.getYear(), random)));
        }
        BigDecimal budget = last.getBudget();
        String grade = sheet == null ? null : sheet.grade();
        if (("中".equals(grade) || "差".equals(grade)) && random.nextDouble() < 0.7) {
            budget = budget.multiply(BigDecimal.valueOf(1.05 + random.nextInt(26) / 100.0))
                    .setScale(2, RoundingMode.HALF_UP);
        } else if (random.nextDouble() < 0.3) {
            budget = budget.multiply(BigDecimal.valueOf(0.9 + random.nextInt(16) / 100.0))
                    .setScale(2, RoundingMode.HALF_UP);
        }
        BigDecimal other = last.getOtherFunds() == null ? BigDecimal.ZERO : last.getOtherFunds();
        BigDecimal fiscal = budget.subtract(other).max(BigDecimal.ZERO);
        List<ProjectView.PlanRow> plan = last.getSpendingPlan().stream()
                .map(e -> new ProjectView.PlanRow(e.getMonth(), e.getCumulativePercent())).toList();
        return new ProjectForm(year, last.getCode(), last.getName(),
                last.getUnit() == null ? null : new ProjectForm.UnitInput(last.getUnit().getCode(),
                        last.getUnit().getName()),
                last.getCategory(), budget, fiscal, last.getOtherFunds(), last.getBudgetNote(), last.getPurpose(),
                last.getGoal(), plan, next);
    }

    /** Scored below 60% of its 分值 last year. */
    static boolean weak(SheetView.Row scored) {
        return scored != null && scored.weight() != null && scored.score() != null && scored.weight().signum() > 0
                && scored.score().compareTo(scored.weight().multiply(new BigDecimal("0.6"))) < 0;
    }

    private static boolean othersIn(List<Indicator> indicators, int index) {
        String level1 = indicators.get(index).getLevel1();
        String level2 = indicators.get(index).getLevel2();
        long sameLevel1 = indicators.stream().filter(i -> eq(i.getLevel1(), level1)).count();
        long sameLevel2 = indicators.stream().filter(i -> eq(i.getLevel2(), level2)).count();
        return sameLevel1 > 1 && sameLevel2 > 1;
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** Next year's 指标值 text: raised, unchanged or raised short of last year's actual, by what happened. */
    private static String target(Indicator row, SheetView.Row scored, int lastYear, Random random) {
        TargetValue t = row.getValue();
        String text = t == null ? null : t.getText();
        if (t == null || t.getKind() != ValueKind.QUANTITATIVE || t.getNumber() == null || t.getUpperNumber() != null
                || t.getOperator() == null || t.getOperator() == Operator.EQ || t.getNumber().signum() <= 0
                || row.getBands() != null && !row.getBands().isEmpty() || scored == null || scored.actual() == null) {
            return text;
        }
        TargetValue actual = TargetValueParser.parse(scored.actual(), lastYear);
        if (actual == null || actual.getNumber() == null || actual.getUpperNumber() != null) {
            return text;
        }
        BigDecimal target = t.getNumber();
        BigDecimal a = actual.getNumber();
        boolean atLeast = t.getOperator().isLowerBound();
        boolean beaten = atLeast ? a.compareTo(target) > 0 : a.compareTo(target) < 0;
        if (!beaten) {
            return text; // missed or just met: last year's target stays
        }
        boolean beatenWell = atLeast ? a.compareTo(target.multiply(new BigDecimal("1.2"))) > 0
                : a.compareTo(target.multiply(new BigDecimal("0.8"))) < 0;
        double r = random.nextDouble();
        if (beatenWell && r < 0.4) {
            return text; // unchanged although beaten easily
        }
        int scale = Math.max(target.stripTrailingZeros().scale(), 0);
        BigDecimal next;
        if (r < 0.75) {
            // Raised properly: at least last year's actual (at most, for ≤), a little beyond it.
            BigDecimal step = a.subtract(target).abs().multiply(new BigDecimal("0.1"));
            next = (atLeast ? a.add(step) : a.subtract(step)).setScale(scale,
                    atLeast ? RoundingMode.CEILING : RoundingMode.FLOOR);
            if (atLeast && t.isPercent() && next.compareTo(HUNDRED) > 0) {
                next = HUNDRED.max(a);
            }
        } else {
            // Raised, but not as far as last year's actual.
            next = target.add(a.subtract(target).divide(BigDecimal.valueOf(2), scale, atLeast
                    ? RoundingMode.FLOOR : RoundingMode.CEILING));
            if (next.compareTo(target) == 0 || next.compareTo(a) == 0) {
                return text;
            }
        }
        if (next.signum() <= 0) {
            return text;
        }
        return t.getOperator().symbol() + next.stripTrailingZeros().toPlainString()
                + (t.getUnit() == null ? "" : t.getUnit());
    }

    private static ProjectForm.IndicatorInput input(Indicator row, String value) {
        GradeBands b = row.getBands();
        return new ProjectForm.IndicatorInput(row.getLevel1(), row.getLevel2(), row.getName(), row.getDescription(),
                value == null ? null : new ProjectForm.ValueInput(value), row.getBasis(), row.getWeight(),
                b == null ? null : new ProjectView.BandsView(b.getExcellent(), b.getGood(), b.getFair(),
                        b.getPoor()));
    }
}
