package org.openperf.review.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 财政复核 form as form-js reads it, and the lifecycle's 自评 user tasks each with their own form. */
class SelfEvaluationFormSchemaTest {

    final FormSchemaTest forms = new FormSchemaTest();

    @Test
    void theRecheckFormShowsTheScoresAndAsksForARequiredApproveOrReturn() throws IOException {
        JsonNode form = forms.form("self-evaluation-recheck");
        assertThat(form.get("id").asText()).isEqualTo("self-evaluation-recheck");
        assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
        List<JsonNode> all = FormSchemaTest.components(form);
        assertThat(all).allMatch(c -> FormSchemaTest.KNOWN.contains(c.get("type").asText()));
        JsonNode decision = FormSchemaTest.byKey(all, "decision");
        assertThat(FormSchemaTest.values(decision)).containsExactly("approve", "return");
        assertThat(decision.at("/validate/required").asBoolean()).isTrue();
        assertThat(FormSchemaTest.byKey(all, "comment").get("label").asText()).contains("退回时必填");
        assertThat(all).filteredOn(c -> "table".equals(c.get("type").asText()))
                .extracting(c -> c.get("dataSource").asText()).containsExactly("=scores", "=opinions");
        all.stream().filter(c -> "table".equals(c.get("type").asText())).forEach(t -> t.get("columns")
                .forEach(col -> assertThat(FormSchemaTest.HAN.matcher(col.get("label").asText()).find()).isTrue()));
        assertThat(form.toString()).contains("score-changes");
    }

    @Test
    void everySelfEvaluationUserTaskHasItsOwnForm() throws IOException {
        String bpmn;
        try (InputStream in = getClass().getResourceAsStream("/bpmn/self-evaluation.bpmn")) {
            bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(bpmn).contains("camunda:formRef=\"self-evaluation\"", "camunda:formRef=\"self-evaluation-review\"",
                "camunda:formRef=\"self-evaluation-recheck\"");
        for (String id : List.of("self-evaluation", "self-evaluation-review", "self-evaluation-recheck")) {
            assertThat(forms.form(id).get("id").asText()).isEqualTo(id);
        }
        assertThat(forms.form("self-evaluation").toString()).contains("{{spent}}", "spentReason");
    }
}
