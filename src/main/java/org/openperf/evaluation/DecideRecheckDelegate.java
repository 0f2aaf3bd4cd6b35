package org.openperf.evaluation;

import org.openperf.review.ProjectKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask 抽样复核判定: sets {@code recheck} for the gateway — whether finance re-checks this project. */
@Component("decideRecheck")
public class DecideRecheckDelegate implements JavaDelegate {

    private final RecheckSampling sampling;

    public DecideRecheckDelegate(RecheckSampling sampling) {
        this.sampling = sampling;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("recheck",
                sampling.decideRecheck(ProjectKeys.of(execution)));
    }
}
