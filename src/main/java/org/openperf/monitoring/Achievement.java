package org.openperf.monitoring;

/** The tier a preparer reports for a qualitative indicator (定性指标): 达成 / 部分达成 / 未达成. */
public enum Achievement {
    ACHIEVED("达成", Light.GREEN),
    PARTLY_ACHIEVED("部分达成", Light.YELLOW),
    NOT_ACHIEVED("未达成", Light.RED);

    private final String chinese;
    private final Light light;

    Achievement(String chinese, Light light) {
        this.chinese = chinese;
        this.light = light;
    }

    public String chineseName() {
        return chinese;
    }

    public Light light() {
        return light;
    }
}
