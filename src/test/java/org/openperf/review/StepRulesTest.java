package org.openperf.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every user task of the project processes has its rule, runs it from the one listener on create and complete,
 * and its Camunda Form submits nothing the rule does not declare (else Tasklist could not complete it).
 */
@SpringBootTest
@ActiveProfiles("test")
class StepRulesTest {

    @Autowired
    StepRules rules;

    static Map<String, UserTask> userTasks() throws IOException {
        Map<String, UserTask> all = new TreeMap<>();
        for (String model : new String[] {"target-approval", "target-lifecycle", "target-monitoring",
                "monitoring-round", "self-evaluation", "department-target-approval", "department-monitoring-round",
                "department-self-evaluation"}) {
            try (InputStream in = StepRulesTest.class.getResourceAsStream("/bpmn/" + model + ".bpmn")) {
                BpmnModelInstance bpmn = Bpmn.readModelFromStream(in);
                bpmn.getModelElementsByType(UserTask.class).forEach(t -> all.put(t.getId(), t));
            }
        }
        return all;
    }

    @Test
    void everyUserTaskHasItsRuleAndTheListenerOnCreateAndComplete() throws IOException {
        Map<String, UserTask> tasks = userTasks();
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(12);
        assertThat(rules.steps()).containsExactlyInAnyOrderElementsOf(tasks.keySet());
        tasks.forEach((id, task) -> {
            Set<String> events = new HashSet<>();
            // A department table's steps are named and reopened by a listener of their own (the project's
            // naming reads a project); their completion runs the same listener and rules.
            boolean department = id.startsWith("UserTask_DepartmentTarget")
                    || id.startsWith("UserTask_DepartmentMonitoring") || id.startsWith("UserTask_DepartmentSelfEvaluation");
            task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list()
                    .stream().filter(l -> "${stepListener}".equals(l.getCamundaDelegateExpression())
                            || (department && "create".equals(l.getCamundaEvent())
                            && "${departmentTargetTaskCreated}".equals(l.getCamundaDelegateExpression())))
                    .forEach(l -> events.add(l.getCamundaEvent()));
            assertThat(events).as(id).containsExactlyInAnyOrder("create", "complete");
        });
    }

    @Test
    void everyFormFieldIsDeclaredByItsStepsRule() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (UserTask task : userTasks().values()) {
            String form = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            try (InputStream in = StepRulesTest.class.getResourceAsStream("/forms/" + form + ".form")) {
                assertThat(in).as(form).isNotNull();
                Set<String> keys = new HashSet<>();
                collectKeys(json.readTree(in), keys);
                assertThat(rules.fields(task.getId())).as(task.getId() + " / " + form).containsAll(keys);
            }
        }
    }

    /** The keys of the input fields (a text or a table shows, it submits nothing). */
    static void collectKeys(JsonNode node, Set<String> keys) {
        for (JsonNode c : node.path("components")) {
            if (c.hasNonNull("key") && !Set.of("text", "table", "group").contains(c.path("type").asText())) {
                keys.add(c.get("key").asText());
            }
            collectKeys(c, keys);
        }
    }
}
