package org.openperf.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The scored self-evaluation (自评表): per indicator its score, 预算执行率, the total and the grade.
 *
 * @param weightBasis where the indicator weights come from (the table, or the default split and how missing 一级
 *                    shares were moved), in Chinese
 * @param total       总分, exact: the sum of the unrounded scores
 * @param totalShown  总分 as shown: the exact total rounded once, half-up to two decimals
 * @param grade       等级, decided on {@code totalShown}
 * @param notes       every note of every indicator, in table order
 */
public record ScoreSheet(List<IndicatorScore> indicators, BudgetExecutionScore budgetExecution, String weightBasis,
                         Fraction total, BigDecimal totalShown, Grade grade, List<ScoreNote> notes) {

    /** 总分 unrounded, as a decimal (34 significant digits). */
    public BigDecimal totalUnrounded() {
        return total.toBigDecimal();
    }

    /**
     * 总分, exact, with some indicators' scores replaced (财政复核调整, by position): the replaced ones count as given,
     * the others unrounded as scored, so the total is still rounded only once.
     */
    public Fraction totalWith(Map<Integer, Fraction> changed) {
        Fraction t = budgetExecution.score();
        for (IndicatorScore i : indicators) {
            t = t.add(changed.getOrDefault(i.index(), i.score()));
        }
        return t;
    }

    public IndicatorScore indicator(int index) {
        return indicators.get(index);
    }
}
