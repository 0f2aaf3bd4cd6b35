package org.openperf.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask 逐表启动全过程 of target-lifecycle-starts: starts the batch of lifecycles the import handed over, in
 * this task's engine command, so that the engine writes them together.
 */
@Component("startLifecycles")
public class StartLifecyclesDelegate implements JavaDelegate {

    private final LifecycleStarts starts;

    public StartLifecyclesDelegate(LifecycleStarts starts) {
        this.starts = starts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        starts.startHandedOver();
    }
}
