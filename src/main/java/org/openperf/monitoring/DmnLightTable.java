package org.openperf.monitoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;

/**
 * The light bands as finance keeps them: the DMN tables {@code bpmn/execution-light.dmn}
 * ({@code Decision_ExecutionLight}, 预算执行灯) and {@code bpmn/indicator-light.dmn} ({@code Decision_IndicatorLight},
 * 指标进度灯), input {@code ratio} (double), output {@code light} (RED/YELLOW/GREEN/BLUE), hit policy FIRST,
 * evaluated with the standalone Camunda DMN engine (no process engine needed; {@link DecisionTables}). Parsed once
 * and tried at start-up; evaluation is thread-safe.
 */
public class DmnLightTable implements LightTable {

    public static final String EXECUTION_RESOURCE = "bpmn/execution-light.dmn";
    public static final String EXECUTION_DECISION = "Decision_ExecutionLight";
    public static final String INDICATOR_RESOURCE = "bpmn/indicator-light.dmn";
    public static final String INDICATOR_DECISION = "Decision_IndicatorLight";

    private final DmnEngine engine;
    private final DmnDecision executionDecision;
    private final DmnDecision indicatorDecision;

    public DmnLightTable() {
        engine = DecisionTables.engine();
        executionDecision = DecisionTables.parse(engine, EXECUTION_RESOURCE, EXECUTION_DECISION);
        indicatorDecision = DecisionTables.parse(engine, INDICATOR_RESOURCE, INDICATOR_DECISION);
        for (String v : List.of("0", "60", "80", "100", "120", "1000")) {
            DecisionTables.requireEvaluates(EXECUTION_RESOURCE, "ratio = " + v, () -> execution(new BigDecimal(v)));
            DecisionTables.requireEvaluates(INDICATOR_RESOURCE, "ratio = " + v, () -> indicator(new BigDecimal(v)));
        }
    }

    @Override
    public Light execution(BigDecimal ratio) {
        return evaluate(executionDecision, ratio);
    }

    @Override
    public Light indicator(BigDecimal ratio) {
        return evaluate(indicatorDecision, ratio);
    }

    private Light evaluate(DmnDecision decision, BigDecimal ratio) {
        DmnDecisionRuleResult hit = engine
                .evaluateDecisionTable(decision, Map.<String, Object>of("ratio", ratio.doubleValue()))
                .getFirstResult();
        if (hit == null) {
            throw new IllegalStateException(decision.getKey() + " has no rule for ratio " + ratio);
        }
        return Light.valueOf(hit.<String>getEntry("light"));
    }
}
