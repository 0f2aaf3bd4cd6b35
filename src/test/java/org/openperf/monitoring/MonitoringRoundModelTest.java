package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;

/**
 * The monitoring round as finance people read it in the models: a non-interrupting event subprocess of
 * target-lifecycle started by MonitoringRoundOpened calls monitoring-round with the project as business key and the
 * round's variables; there four user tasks with Chinese names for the right groups, each with its Chinese form
 * whose decision values are the ones the gateways test.
 */
class MonitoringRoundModelTest {

    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static BpmnModelInstance model(String key) throws IOException {
        try (InputStream in = MonitoringRoundModelTest.class.getResourceAsStream("/bpmn/" + key + ".bpmn")) {
            return Bpmn.readModelFromStream(in);
        }
    }

    static JsonNode form(String id) throws IOException {
        try (InputStream in = MonitoringRoundModelTest.class.getResourceAsStream("/forms/" + id + ".form")) {
            assertThat(in).as("forms/" + id + ".form").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    static List<String> decisionValues(JsonNode form) {
        List<String> values = new ArrayList<>();
        for (JsonNode c : form.get("components")) {
            if ("decision".equals(c.path("key").asText())) {
                c.get("values").forEach(v -> values.add(v.get("value").asText()));
            }
        }
        return values;
    }

    @Test
    void theRoundIsANonInterruptingEventSubprocessWithFourChineseSteps() throws IOException {
        BpmnModelInstance lifecycle = model("target-lifecycle");
        SubProcess round = lifecycle.getModelElementById("SubProcess_MonitoringRound");
        assertThat(round.triggeredByEvent()).isTrue();
        StartEvent start = lifecycle.getModelElementById("StartEvent_MonitoringRoundOpened");
        assertThat(start.isInterrupting()).isFalse();
        assertThat(start.getEventDefinitions()).singleElement().isInstanceOfSatisfying(MessageEventDefinition.class,
                m -> assertThat(m.getMessage().getName()).isEqualTo(MonitoringRoundService.MESSAGE));
        CallActivity call = round.getChildElementsByType(CallActivity.class).iterator().next();
        assertThat(call.getCalledElement()).isEqualTo("monitoring-round");
        List<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
        assertThat(ins).anySatisfy(in -> assertThat(in.getCamundaBusinessKey())
                .isEqualTo("#{execution.processBusinessKey}"));
        assertThat(ins).extracting(CamundaIn::getCamundaSource).contains(MonitoringRoundService.ROUND_ID,
                MonitoringRoundService.CUTOFF, MonitoringRoundService.CUTOFF_LABEL, "year");
        // The department is read from the project as the round starts: the lifecycle keeps no copy of it.
        assertThat(ins).filteredOn(in -> "departmentCode".equals(in.getCamundaTarget())).singleElement()
                .satisfies(in -> assertThat(in.getCamundaSourceExpression())
                        .isEqualTo("${projectVariables.departmentCode(execution)}"));
        // Only a plain start in the called process: a message start there would start instances of its own.
        BpmnModelInstance called = model("monitoring-round");
        assertThat(called.getModelElementsByType(StartEvent.class)).singleElement()
                .satisfies(s -> assertThat(s.getEventDefinitions()).isEmpty());

        Map<String, String> groups = Map.of(
                "UserTask_MonitoringReport", "${projectGroups.unit(execution)}",
                "UserTask_MonitoringDepartmentReview", "${projectGroups.department(execution)}",
                "UserTask_MonitoringFinanceReview", "finance",
                "UserTask_Rectification", "${projectGroups.unit(execution)}");
        List<UserTask> steps = called.getModelElementsByType(UserTask.class).stream().toList();
        assertThat(steps).extracting(UserTask::getId).containsExactlyInAnyOrderElementsOf(groups.keySet());
        assertThat(steps).extracting(UserTask::getName)
                .containsExactlyInAnyOrder("填报监控表", "部门审核监控表", "财政审核监控表", "整改反馈");
        for (UserTask t : steps) {
            assertThat(t.getCamundaCandidateGroups()).as(t.getId()).isEqualTo(groups.get(t.getId()));
            JsonNode form = form(t.getCamundaFormRef());
            assertThat(form.get("id").asText()).isEqualTo(t.getCamundaFormRef());
            assertThat(form.get("executionPlatformVersion").asText()).startsWith("7.24");
            form.get("components").forEach(c -> assertThat(HAN.matcher(c.path("label").asText(c.path("text")
                    .asText())).find()).as(t.getCamundaFormRef() + " " + c.get("id")).isTrue());
        }
        assertThat(decisionValues(form("monitoring-department-review"))).containsExactly("approve", "return");
        assertThat(decisionValues(form("monitoring-finance-review"))).containsExactly("approve", "rectify");
        assertThat(decisionValues(form("rectification"))).isEmpty();
        assertThat(decisionValues(form("monitoring-report"))).isEmpty();
    }
}
