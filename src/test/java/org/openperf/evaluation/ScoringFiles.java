package org.openperf.evaluation;

import org.openperf.kernel.rules.Decision;
import org.openperf.kernel.rules.RuleFiles;

/** The scoring tables of {@code bpmn/} from the files, for the scorer's tests without the engine. */
public final class ScoringFiles {

    public static final String GRADES = "bpmn/grade.dmn";
    public static final String WEIGHTS = "bpmn/default-weights.dmn";

    private ScoringFiles() {
    }

    public static ScoringRules rules() {
        return new DecisionScoringRules(RuleFiles.decision(WEIGHTS, ScoringTables.WEIGHTS), grades());
    }

    public static Decision grades() {
        return RuleFiles.decision(GRADES, ScoringTables.GRADE);
    }

    /** {@code bpmn/grade.dmn} with other lines for 优, 良, 中 (a province's 85/75/60). */
    public static String gradesXml(int excellent, int good, int fair) {
        return RuleFiles.read(GRADES)
                .replace("<text>&gt;= 90</text>", "<text>&gt;= EXCELLENT</text>")
                .replace("<text>&gt;= 80</text>", "<text>&gt;= GOOD</text>")
                .replace("<text>&gt;= 60</text>", "<text>&gt;= FAIR</text>")
                .replace("EXCELLENT", String.valueOf(excellent)).replace("GOOD", String.valueOf(good))
                .replace("FAIR", String.valueOf(fair));
    }

    public static ScoringRules withGrades(int excellent, int good, int fair) {
        return new DecisionScoringRules(RuleFiles.decision(WEIGHTS, ScoringTables.WEIGHTS),
                RuleFiles.xml(gradesXml(excellent, good, fair), ScoringTables.GRADE));
    }

    /** A scorer whose every mode uses the given rules. */
    public static SelfEvaluationScorer scorer(ScoringRules rules) {
        return new SelfEvaluationScorer(new ScoringRuleSource() {
            @Override
            public ScoringRules latest() {
                return rules;
            }

            @Override
            public ScoringRules forScoring(SelfEvaluation e) {
                return rules;
            }

            @Override
            public ScoringRules recorded(SelfEvaluation e) {
                return rules;
            }

            @Override
            public ScoringRules deciding(SelfEvaluation e) {
                return rules;
            }
        });
    }

    public static SelfEvaluationScorer scorer() {
        return scorer(rules());
    }
}
