package org.openperf.evaluation.department;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openperf.evaluation.Fraction;
import org.openperf.evaluation.Grade;
import org.openperf.evaluation.ScoringException;
import org.openperf.evaluation.ScoringSettings;

/**
 * 部门整体支出绩效自评's arithmetic (no engine, no database): 预算执行率 min(spent ÷ budget, 1) × 10, and each
 * activity indicator its weight × its band's part (优 100%, 良 80%, 中 60%, 差 0% by default). Weights are the table's
 * own when every indicator has one (they must add up to 90), else the activities share the 90 evenly and each
 * activity's share is split evenly over its indicators. Exact fractions throughout: a department at 优 everywhere
 * that spent its budget scores exactly 100; the total is rounded once, to two decimals.
 */
final class DepartmentScoring {

    /** One activity's indicators: their weights as approved (null where none). */
    record Activity(List<BigDecimal> weights) {
    }

    /** The sheet: per indicator (in the table's order) its weight and score, the budget's score, the total. */
    record Sheet(List<Fraction> weights, List<Fraction> scores, Fraction budgetScore, Fraction total, String basis) {

        BigDecimal shown() {
            return total.round(2);
        }
    }

    private DepartmentScoring() {
    }

    /**
     * @param bands each indicator's band in the table's order (null where not yet known: scored 0)
     * @param budget 全年预算数, > 0
     * @param spent  全年执行数, ≥ 0
     */
    static Sheet score(List<Activity> activities, List<Grade> bands, BigDecimal budget, BigDecimal spent,
                       ScoringSettings s) {
        Weights w = weights(activities, s);
        if (w.weights().size() != bands.size()) {
            throw new IllegalArgumentException("bands: " + bands.size() + " for " + w.weights().size() + " indicators");
        }
        List<Fraction> scores = new ArrayList<>();
        Fraction total = Fraction.ZERO;
        for (int k = 0; k < bands.size(); k++) {
            Grade band = bands.get(k);
            Fraction score = band == null ? Fraction.ZERO
                    : w.weights().get(k).multiply(Fraction.of(s.bandPercent(band))).divide(Fraction.of(100));
            scores.add(score);
            total = total.add(score);
        }
        Fraction budgetScore = budgetScore(budget, spent, s);
        return new Sheet(w.weights(), scores, budgetScore, total.add(budgetScore), w.basis());
    }

    static Fraction budgetScore(BigDecimal budget, BigDecimal spent, ScoringSettings s) {
        if (budget == null || budget.signum() <= 0 || spent == null) {
            return Fraction.ZERO;
        }
        return Fraction.of(spent).divide(Fraction.of(budget)).min(Fraction.ONE).max(Fraction.ZERO)
                .multiply(Fraction.of(s.budgetExecutionWeight()));
    }

    private record Weights(List<Fraction> weights, String basis) {
    }

    private static Weights weights(List<Activity> activities, ScoringSettings s) {
        long count = activities.stream().mapToLong(a -> a.weights().size()).sum();
        long weighted = activities.stream().flatMap(a -> a.weights().stream()).filter(x -> x != null).count();
        if (count == 0) {
            throw new ScoringException("部门整体绩效目标没有活动绩效指标，无法评分");
        }
        Fraction indicatorTotal = Fraction.of(s.indicatorWeightTotal());
        List<Fraction> out = new ArrayList<>();
        if (weighted == 0) {
            long withIndicators = activities.stream().filter(a -> !a.weights().isEmpty()).count();
            Fraction perActivity = indicatorTotal.divide(Fraction.of(withIndicators));
            for (Activity a : activities) {
                for (int k = 0; k < a.weights().size(); k++) {
                    out.add(perActivity.divide(Fraction.of(a.weights().size())));
                }
            }
            return new Weights(out, "目标表未设权重：" + withIndicators + " 个活动平分指标分 " + plain(s.indicatorWeightTotal())
                    + " 分，每个活动的分值再由其指标平分；预算执行率 " + plain(s.budgetExecutionWeight()) + " 分");
        }
        Fraction sum = Fraction.ZERO;
        int position = 0;
        for (Activity a : activities) {
            for (BigDecimal weight : a.weights()) {
                position++;
                if (weight == null) {
                    throw new ScoringException("目标表只有部分指标填了权重：第 " + position + " 个指标未填。权重须全部填写（合计 "
                            + plain(s.indicatorWeightTotal()) + "），或全部不填（各活动平分）");
                }
                if (weight.signum() <= 0) {
                    throw new ScoringException("第 " + position + " 个指标的权重 " + plain(weight) + " 须大于 0");
                }
                Fraction f = Fraction.of(weight);
                out.add(f);
                sum = sum.add(f);
            }
        }
        if (sum.compareTo(indicatorTotal) != 0) {
            throw new ScoringException("指标权重合计 " + plain(sum.toBigDecimal()) + "，须为 " + plain(s.indicatorWeightTotal())
                    + "（另有预算执行率 " + plain(s.budgetExecutionWeight()) + " 分，合计 100）");
        }
        return new Weights(out, "权重取自批复的部门整体绩效目标：指标合计 " + plain(s.indicatorWeightTotal()) + " 分，预算执行率 "
                + plain(s.budgetExecutionWeight()) + " 分");
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
