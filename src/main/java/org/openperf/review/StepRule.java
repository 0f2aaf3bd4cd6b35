package org.openperf.review;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The rule of one or more user tasks, owned by the feature whose step it is: which fields a completion may carry,
 * what a decision must hold (an opinion on every return, who may not approve), and what the step records. One
 * listener ({@link StepListener}) runs it for every completion, through the app's task API, Tasklist's form,
 * Camunda's REST API or the Java API alike; {@link StepRules} finds it by task key.
 */
public interface StepRule {

    /** The BPMN ids of the user tasks this rule governs. */
    Set<String> steps();

    /**
     * What a completion of the step may carry, its form's keys; anything else is refused before it is stored
     * ({@link CompletionFieldsFilter}) and never read.
     */
    Set<String> fields(String step);

    /**
     * Checks one completion and records it in the project's history; returns the variables the gateway and service
     * tasks after the step read. Throws to refuse: the completion, and everything it wrote, is rolled back.
     */
    Map<String, Object> complete(StepCompletion completion);

    /**
     * The id of what the step works on, from the instance's business key, which no user can write: a project's
     * ({@link ProjectKeys}) unless the rule's process works on something else (a department table). It is what
     * {@link StepCompletion#projectId} then holds.
     */
    default long subjectId(DelegateTask task) {
        return ProjectKeys.of(task);
    }

    /**
     * Whether the step may only be completed by its feature's own service, which checks and stores the step's
     * data first (a 监控表, a 自评). Such a step refuses every other completion with {@link #refusal}.
     */
    default boolean recordedByService(String step) {
        return false;
    }

    /** Why a step recorded by its service cannot be completed directly (where to send its data instead). */
    default String refusal(String step, long projectId) {
        return "“" + Steps.name(step) + "”不能直接办理";
    }
}
