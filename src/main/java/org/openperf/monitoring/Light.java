package org.openperf.monitoring;

import java.util.Collection;

/**
 * 监控灯: the colour a monitoring result shows. The order of severity is red > yellow > green > blue: blue
 * (超序时进度, over-achievement to explain) is no worry for the project as a whole, so a project's light is the
 * most severe of its lights ({@link #worst}).
 */
public enum Light {
    RED("红", 3), YELLOW("黄", 2), GREEN("绿", 1), BLUE("蓝", 0);

    private final String chinese;
    private final int severity;

    Light(String chinese, int severity) {
        this.chinese = chinese;
        this.severity = severity;
    }

    /** 红, 黄, 绿, 蓝. */
    public String chineseName() {
        return chinese;
    }

    /** 红灯, 黄灯, 绿灯, 蓝灯: as explanations write it. */
    public String label() {
        return chinese + "灯";
    }

    /** The more severe of the two (red > yellow > green > blue). */
    public Light worse(Light other) {
        return other == null || severity >= other.severity ? this : other;
    }

    /** The project's light: the most severe of the given lights. At least one light is required. */
    public static Light worst(Collection<Light> lights) {
        Light worst = null;
        for (Light light : lights) {
            if (light == null) {
                throw new IllegalArgumentException("a light is missing");
            }
            worst = worst == null ? light : worst.worse(light);
        }
        if (worst == null) {
            throw new IllegalArgumentException("no lights to combine");
        }
        return worst;
    }
}
