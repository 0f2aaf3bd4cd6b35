package org.openperf.evaluation;

import org.openperf.kernel.rules.DeployedRules;
import org.springframework.stereotype.Component;

/**
 * The scoring rules as deployed in the engine. The grade that 评分 or finance's re-check decides is evaluated
 * through the engine (Cockpit's decision history shows it with its total); the default weights are read from the
 * same deployed version without a record (they decide nothing about a project by themselves). A self-evaluation
 * scored before its versions were kept is graded by the latest.
 */
@Component
class ScoringDecisions implements ScoringRuleSource {

    private final DeployedRules rules;

    ScoringDecisions(DeployedRules rules) {
        this.rules = rules;
    }

    @Override
    public ScoringRules latest() {
        return new DecisionScoringRules(rules.preview(ScoringTables.WEIGHTS), rules.preview(ScoringTables.GRADE));
    }

    @Override
    public ScoringRules forScoring(SelfEvaluation e) {
        String grade = rules.latestId(ScoringTables.GRADE);
        String weights = rules.latestId(ScoringTables.WEIGHTS);
        e.rulesUsed(grade, weights);
        return new DecisionScoringRules(rules.previewById(weights), rules.decideById(grade));
    }

    @Override
    public ScoringRules recorded(SelfEvaluation e) {
        if (e.getGradeRule() == null) {
            return latest();
        }
        return new DecisionScoringRules(rules.previewById(e.getWeightsRule()), rules.previewById(e.getGradeRule()));
    }

    @Override
    public ScoringRules deciding(SelfEvaluation e) {
        if (e.getGradeRule() == null) {
            return new DecisionScoringRules(rules.preview(ScoringTables.WEIGHTS), rules.decide(ScoringTables.GRADE));
        }
        return new DecisionScoringRules(rules.previewById(e.getWeightsRule()), rules.decideById(e.getGradeRule()));
    }
}
