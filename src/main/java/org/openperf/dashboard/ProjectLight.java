package org.openperf.dashboard;

import java.util.List;
import org.openperf.monitoring.Light;

/**
 * A project's current monitoring light: the worst any source gives (red > yellow > green > blue), or none yet
 * (未监控: approved, but no reading and no milestone check).
 *
 * @param light     the worst light, null when unmonitored
 * @param decisive  the signal that gave it (of equal lights the most recent), null when unmonitored
 * @param deviation the most recent 偏差说明 any source knows, or null
 * @param signals   every source's latest signal, most recent first
 */
public record ProjectLight(Light light, LightSignal decisive, LightSignal.Deviation deviation,
                           List<LightSignal> signals) {

    public static final String UNMONITORED = "未监控";

    public boolean monitored() {
        return light != null;
    }

    /** 红灯 … 蓝灯, or 未监控. */
    public String label() {
        return light == null ? UNMONITORED : light.label();
    }
}
