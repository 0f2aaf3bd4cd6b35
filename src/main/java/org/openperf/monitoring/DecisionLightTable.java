package org.openperf.monitoring;

import java.math.BigDecimal;
import org.openperf.kernel.rules.Decision;

/** The light bands as the two decision tables give them (deployed in the engine, or read from a file in tests). */
public class DecisionLightTable implements LightTable {

    private final Decision execution;
    private final Decision indicator;

    public DecisionLightTable(Decision execution, Decision indicator) {
        this.execution = execution;
        this.indicator = indicator;
    }

    @Override
    public Light execution(BigDecimal ratio) {
        return light(execution, ratio);
    }

    @Override
    public Light indicator(BigDecimal ratio) {
        return light(indicator, ratio);
    }

    private static Light light(Decision d, BigDecimal ratio) {
        Light l = LightRules.light(d.evaluate(LightRules.input(ratio)));
        if (l == null) {
            throw new IllegalStateException("灯的决策表对 ratio = " + ratio + " 没有给出红、黄、绿或蓝灯");
        }
        return l;
    }
}
