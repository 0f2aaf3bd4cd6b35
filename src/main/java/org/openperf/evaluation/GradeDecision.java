package org.openperf.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.openperf.monitoring.DecisionTables;

/**
 * The grade of a total by the decision table {@code bpmn/grade.dmn} ({@code Decision_Grade}, 绩效等级), which finance
 * people can edit in the Camunda Modeler. Evaluated with a standalone DMN engine (no process engine needed;
 * {@link DecisionTables}); the table is parsed once and tried at start-up. Plain class: build one and reuse it.
 */
public class GradeDecision {

    public static final String RESOURCE = "bpmn/grade.dmn";
    public static final String DECISION_KEY = "Decision_Grade";

    private final DmnEngine engine;
    private final DmnDecision decision;

    public GradeDecision() {
        engine = DecisionTables.engine();
        decision = DecisionTables.parse(engine, RESOURCE, DECISION_KEY);
        for (String total : List.of("0", "60", "80", "90", "100")) {
            DecisionTables.requireEvaluates(RESOURCE, "total = " + total, () -> grade(new BigDecimal(total)));
        }
    }

    /** The grade of a total as shown (two decimals). */
    public Grade grade(BigDecimal totalShown) {
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision,
                Map.<String, Object>of("total", totalShown.doubleValue()));
        String label = result.getSingleResult().getSingleEntry();
        return Grade.fromLabel(label);
    }
}
