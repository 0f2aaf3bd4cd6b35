package org.openperf.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Every step's rule, by task key; a task key with two rules stops the start-up. */
@Component
public class StepRules {

    private final Map<String, StepRule> byStep = new HashMap<>();

    public StepRules(List<StepRule> rules) {
        for (StepRule rule : rules) {
            for (String step : rule.steps()) {
                StepRule before = byStep.put(step, rule);
                if (before != null) {
                    throw new IllegalStateException("用户任务 " + step + " 有两条办理规则：" + before.getClass().getName()
                            + " 和 " + rule.getClass().getName());
                }
            }
        }
    }

    public Optional<StepRule> rule(String step) {
        return Optional.ofNullable(byStep.get(step));
    }

    /** The fields a completion of the step may carry; none for a step without a rule. */
    public Set<String> fields(String step) {
        StepRule rule = byStep.get(step);
        return rule == null ? Set.of() : rule.fields(step);
    }

    public Set<String> steps() {
        return Set.copyOf(byStep.keySet());
    }
}
