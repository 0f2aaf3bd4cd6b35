package org.openperf.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.openperf.kernel.EngineAccess;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectDraftEdited;
import org.openperf.targets.ProjectService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a task's card in Tasklist shows besides its name: the project's unit (单位) and budget (预算数), as process
 * variables the filters list ({@link TaskFilters}; the due date Tasklist shows by itself). Written once as each
 * process the lifecycle calls starts ({@link ProjectVariables}), so no step pays for them; rewritten only when a
 * draft's unit or budget is edited.
 */
@Component
public class TaskCards {

    static final String UNIT = "unitName";
    static final String BUDGET = "budget";

    static final List<String> NAMES = List.of(UNIT, BUDGET);

    /** What a card shows for a project without a unit or budget. */
    private static final String NO_VALUE = "—";

    /** The filters' {@code variables} property: name and label of each variable a card shows. */
    static final List<Map<String, String>> FILTER_VARIABLES = List.of(
            Map.of("name", UNIT, "label", "单位"),
            Map.of("name", BUDGET, "label", "预算数"));

    private final RuntimeService runtime;
    private final ProjectService projects;
    private final EngineAccess engine;

    public TaskCards(RuntimeService runtime, ProjectService projects, EngineAccess engine) {
        this.runtime = runtime;
        this.projects = projects;
        this.engine = engine;
    }

    /** The card's variables of a project as it is now. */
    static Map<String, Object> variables(Project p) {
        Map<String, Object> v = new HashMap<>();
        v.put(UNIT, unit(p.getUnit() == null ? null : p.getUnit().getName()));
        v.put(BUDGET, budget(p.getBudget()));
        return v;
    }

    /** 单位 as the card shows it. */
    static String unit(String name) {
        return name == null ? NO_VALUE : name;
    }

    /** 预算数 as the card shows it: {@code 120.00 万元}. */
    static String budget(BigDecimal wan) {
        return wan == null ? NO_VALUE : wan.setScale(2, RoundingMode.HALF_UP).toPlainString() + " 万元";
    }

    /**
     * The card variables of process instances, by instance, read on the system's authority: for tasks the engine
     * has already shown the caller ({@link TaskCardsFilter}).
     */
    Map<String, Map<String, String>> of(Collection<String> processInstanceIds) {
        Map<String, Map<String, String>> out = new HashMap<>();
        engine.asSystem(() -> runtime.createVariableInstanceQuery()
                .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
                .variableNameIn(NAMES.toArray(String[]::new)).disableBinaryFetching()
                .disableCustomObjectDeserialization().list()
                .forEach(v -> {
                    // Only the instance's own variables, as the engine's card would: not a task's or a scope's.
                    if (v.getProcessInstanceId().equals(v.getExecutionId()) && v.getTaskId() == null
                            && v.getValue() instanceof String s) {
                        out.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), s);
                    }
                }));
        return out;
    }

    /** A draft edited while its approval runs: its open instances' cards follow the unit and budget. */
    @EventListener
    public void onDraftEdited(ProjectDraftEdited event) {
        Map<String, Object> now = variables(projects.table(event.projectId()));
        engine.asSystem(() -> {
            for (ProcessInstance pi : runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(event.projectId())).list()) {
                Map<String, Object> stored = runtime.getVariablesLocal(pi.getId(), now.keySet());
                // Only the instances whose tasks show a card: the lifecycle itself keeps none (ProjectVariables).
                if (!stored.isEmpty()
                        && !now.entrySet().stream().allMatch(e -> Objects.equals(stored.get(e.getKey()), e.getValue()))) {
                    runtime.setVariablesLocal(pi.getId(), now);
                }
            }
        });
    }
}
