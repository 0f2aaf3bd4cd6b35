package org.openperf.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Stands in for {@code ${stepListener}} (and the other task listeners): records "step:event" as the engine calls
 * it. A Mockito mock would only see the task as it is at the end, when its event name has changed.
 */
final class StepRecorder implements TaskListener {

    private final List<String> events = new ArrayList<>();

    @Override
    public void notify(DelegateTask task) {
        events.add(task.getTaskDefinitionKey() + ":" + task.getEventName());
    }

    List<String> events() {
        return List.copyOf(events);
    }

    /** The steps the listener saw created, in order. */
    List<String> created() {
        return events.stream().filter(e -> e.endsWith(":create")).map(e -> e.substring(0, e.indexOf(':'))).toList();
    }

    /** The steps the listener saw completed, in order. */
    List<String> completed() {
        return events.stream().filter(e -> e.endsWith(":complete")).map(e -> e.substring(0, e.indexOf(':')))
                .toList();
    }
}
