package org.openperf.monitoring;

import org.openperf.kernel.rules.RuleFiles;

/** The light tables of {@code bpmn/} from the files, for the calculator's tests without the engine. */
public final class LightFiles {

    public static final String EXECUTION = "bpmn/execution-light.dmn";
    public static final String INDICATOR = "bpmn/indicator-light.dmn";

    private LightFiles() {
    }

    public static LightTable table() {
        return new DecisionLightTable(RuleFiles.decision(EXECUTION, LightRules.EXECUTION),
                RuleFiles.decision(INDICATOR, LightRules.INDICATOR));
    }

    public static MonitoringCalculator calculator() {
        return new MonitoringCalculator(MonitoringSettings.defaults(), table());
    }
}
