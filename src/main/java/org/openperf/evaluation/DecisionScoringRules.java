package org.openperf.evaluation;

import java.math.BigDecimal;
import java.util.Map;
import org.openperf.kernel.rules.Decision;

/** Scoring rules as two decision tables give them: {@code Decision_DefaultWeights} and {@code Decision_Grade}. */
public record DecisionScoringRules(Decision weights, Decision grades) implements ScoringRules {

    @Override
    public DefaultWeights defaultWeights() {
        return new DefaultWeights(weight(ScoringTables.OUTPUT), weight(ScoringTables.BENEFIT),
                weight(ScoringTables.SATISFACTION));
    }

    private BigDecimal weight(String group) {
        BigDecimal w = ScoringTables.weight(weights.evaluate(ScoringTables.group(group)));
        if (w == null) {
            throw new ScoringException("默认权重表没有给出" + group + "指标的分值");
        }
        return w;
    }

    @Override
    public Grade grade(BigDecimal totalShown) {
        Grade g = ScoringTables.grade(grades.evaluate(ScoringTables.total(totalShown)));
        if (g == null) {
            throw new ScoringException("绩效等级表对总分 " + totalShown.toPlainString() + " 没有给出优、良、中或差");
        }
        return g;
    }
}
