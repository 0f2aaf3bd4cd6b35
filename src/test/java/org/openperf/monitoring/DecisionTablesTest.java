package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.Test;

/** The light table as finance might edit it: simple comparisons work, anything more fails by name, at once. */
class DecisionTablesTest {

    private final DmnEngine engine = DecisionTables.engine();

    @Test
    void anEditedBandIsEvaluatedAsWritten() throws IOException {
        DmnDecision edited = edited("[60..80[", "[50..80[", "&lt; 60", "&lt; 50");
        assertThat(light(edited, 55)).isEqualTo("YELLOW");
        assertThat(light(edited, 49.99)).isEqualTo("RED");
        assertThat(light(edited, 80)).isEqualTo("GREEN");
    }

    @Test
    void anEntryThatIsNoSimpleComparisonIsRefusedNamingTheTableAndTheInput() throws IOException {
        // A FEEL function: the Scala FEEL engine knows min(), the simple-unary-test engine the tables run on not.
        DmnDecision edited = edited("&lt; 60", "&lt; min(60, 70)");
        assertThatThrownBy(() -> DecisionTables.requireEvaluates(DmnLightTable.EXECUTION_RESOURCE, "ratio = 30",
                () -> light(edited, 30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bpmn/execution-light.dmn")
                .hasMessageContaining("ratio = 30")
                .hasMessageContaining("[60..80[");
    }

    /** The execution-light table with entries replaced: entry, replacement, entry, replacement, … */
    private DmnDecision edited(String... replacements) throws IOException {
        String xml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DmnLightTable.EXECUTION_RESOURCE)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(xml).contains("<text>" + replacements[i] + "</text>");
            xml = xml.replace("<text>" + replacements[i] + "</text>", "<text>" + replacements[i + 1] + "</text>");
        }
        return engine.parseDecision(DmnLightTable.EXECUTION_DECISION,
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private String light(DmnDecision decision, double ratio) {
        return engine.evaluateDecisionTable(decision, Map.of("ratio", ratio)).getFirstResult().getEntry("light");
    }
}
