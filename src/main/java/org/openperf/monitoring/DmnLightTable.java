package org.openperf.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The light bands as finance keeps them: the DMN tables {@code bpmn/execution-light.dmn}
 * ({@code Decision_ExecutionLight}, 预算执行灯) and {@code bpmn/indicator-light.dmn} ({@code Decision_IndicatorLight},
 * 指标进度灯), input {@code ratio} (double), output {@code light} (RED/YELLOW/GREEN/BLUE), hit policy FIRST,
 * evaluated with the standalone Camunda DMN engine (no process engine needed). Parsed once; evaluation is
 * thread-safe.
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
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        executionDecision = parse(EXECUTION_RESOURCE, EXECUTION_DECISION);
        indicatorDecision = parse(INDICATOR_RESOURCE, INDICATOR_DECISION);
    }

    private DmnDecision parse(String resource, String decisionKey) {
        ClassLoader loader = DmnLightTable.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("DMN table not on the classpath: " + resource);
            }
            return engine.parseDecision(decisionKey, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
