package org.openperf.evaluation;

import java.math.BigDecimal;
import java.util.List;

/** A score sheet as the API and the stored record show it: every figure as shown, with the rule behind it. */
public record SheetView(BigDecimal budget, BigDecimal spent, BigDecimal executionRate, BigDecimal executionScore,
                        String weightBasis, List<Row> indicators, BigDecimal total, String grade, List<String> notes) {

    public record Row(int index, String level1, String name, String target, String actual, BigDecimal weight,
                      BigDecimal score, String rule, String explanation, String deviationExplanation) {
    }

    static SheetView of(ScoreSheet s) {
        BudgetExecutionScore b = s.budgetExecution();
        return new SheetView(b.budget(), b.spent(), b.rateShown(), b.scoreShown(), s.weightBasis(),
                s.indicators().stream().map(i -> new Row(i.index(), i.level1(), i.name(), i.targetText(),
                        i.actualText(), i.weight().toBigDecimal().setScale(2, java.math.RoundingMode.HALF_UP),
                        i.scoreShown(), i.rule().name(), i.explanation(), i.deviationExplanation())).toList(),
                s.totalShown(), s.grade().label(), s.notes().stream().map(ScoreNote::message).toList());
    }
}
