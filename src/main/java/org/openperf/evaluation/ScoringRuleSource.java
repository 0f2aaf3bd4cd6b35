package org.openperf.evaluation;

/**
 * Where scoring gets its rules, and which version: the latest deployed for what only shows a score (the unit's
 * form and its check), the latest through the engine when 评分 decides (the self-evaluation keeps which versions
 * graded it), and those same versions afterwards (finance's re-check), so a later deployment never regrades it.
 */
public interface ScoringRuleSource {

    /** The latest deployed rules; nothing is recorded. */
    ScoringRules latest();

    /** The latest rules, the grade recorded in the engine's decision history; {@code e} keeps their versions. */
    ScoringRules forScoring(SelfEvaluation e);

    /** The versions {@code e} was scored with; nothing is recorded. */
    ScoringRules recorded(SelfEvaluation e);

    /** The versions {@code e} was scored with, the grade recorded in the engine's decision history. */
    ScoringRules deciding(SelfEvaluation e);
}
