package org.openperf.dashboard;

import java.util.Map;

/**
 * Where a project's current monitoring light comes from. Every Spring bean of this type is asked, and the project
 * shows the worst light any of them gives ({@link CurrentLights}); a new source (the monitoring rounds' 监控表) is
 * one more bean, with nothing else to change.
 */
public interface LightSource {

    /** The latest signal this source has for each of the projects; projects it knows nothing of are left out. */
    Map<Long, LightSignal> latest(Monitored projects);
}
