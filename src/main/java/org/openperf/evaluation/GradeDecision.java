package org.openperf.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The grade of a total by the decision table {@code bpmn/grade.dmn} ({@code Decision_Grade}, 绩效等级), which finance
 * people can edit in the Camunda Modeler. Evaluated with a standalone DMN engine (no process engine needed); the
 * table is parsed once. Plain class: build one and reuse it (building the FEEL engine takes a moment).
 */
public class GradeDecision {

    public static final String RESOURCE = "bpmn/grade.dmn";
    public static final String DECISION_KEY = "Decision_Grade";

    private final DmnEngine engine;
    private final DmnDecision decision;

    public GradeDecision() {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = GradeDecision.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            decision = engine.parseDecision(DECISION_KEY, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
