package org.openperf.review.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The .form files as Tasklist's form-js (1.8, schema version 16) reads them: the id the BPMN references, unique
 * keys, Chinese labels, the decision values the gateways test, and only components that form-js version knows.
 */
class FormSchemaTest {

    static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "radio", "select", "checkbox",
            "checklist", "taglist", "datetime");
    static final Set<String> KNOWN = union(INPUTS, Set.of("text", "table", "group", "dynamiclist", "spacer",
            "separator", "html", "image", "iframe", "button", "expression"));
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    final ObjectMapper json = new ObjectMapper();

    JsonNode form(String id) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/forms/" + id + ".form")) {
            assertThat(in).as("forms/" + id + ".form on the classpath").isNotNull();
            return json.readTree(in);
        }
    }

    static List<JsonNode> components(JsonNode container) {
        List<JsonNode> all = new ArrayList<>();
        if (container.has("components")) {
            for (JsonNode c : container.get("components")) {
                all.add(c);
                all.addAll(components(c));
            }
        }
        return all;
    }

    static JsonNode byKey(List<JsonNode> all, String key) {
        return all.stream().filter(c -> key.equals(c.path("key").asText(null))).findFirst().orElseThrow();
    }

    static List<String> values(JsonNode field) {
        return StreamSupport.stream(field.get("values").spliterator(), false).map(v -> v.get("value").asText())
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"target-drafting", "target-department-review", "target-finance-review"})
    void everyFormIsACamunda7FormWithUniqueKeysAndChineseLabels(String id) throws IOException {
        JsonNode form = form(id);
        assertThat(form.get("id").asText()).isEqualTo(id);
        assertThat(form.get("type").asText()).isEqualTo("default");
        assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
        assertThat(form.get("executionPlatformVersion").asText()).startsWith("7.24");
        assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);

        List<JsonNode> all = components(form);
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode c : all) {
            String type = c.get("type").asText();
            assertThat(KNOWN).as("component type " + type).contains(type);
            assertThat(ids.add(c.get("id").asText())).as("unique id " + c.get("id")).isTrue();
            if (INPUTS.contains(type)) {
                String key = c.path("key").asText("");
                assertThat(key).as("input " + c.get("id") + " has a key").isNotBlank();
                assertThat(keys.add(key)).as("unique key " + key).isTrue();
                assertThat(HAN.matcher(c.path("label").asText("")).find()).as("Chinese label of " + key).isTrue();
                if (c.has("values")) {
                    c.get("values").forEach(v -> assertThat(HAN.matcher(v.get("label").asText()).find())
                            .as("Chinese option label in " + key).isTrue());
                }
            }
            if ("table".equals(type)) {
                assertThat(c.get("dataSource").asText()).startsWith("=");
                assertThat(HAN.matcher(c.path("label").asText("")).find()).isTrue();
                c.get("columns").forEach(col -> assertThat(HAN.matcher(col.get("label").asText()).find())
                        .as("Chinese column label " + col).isTrue());
            }
        }
        assertThat(keys).contains("comment");
        assertThat(all).filteredOn(c -> "table".equals(c.get("type").asText()))
                .extracting(c -> c.get("dataSource").asText())
                .containsExactlyInAnyOrder("=indicators", "=findings", "=opinions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"target-department-review", "target-finance-review", "department-target-finance-review"})
    void theReviewDecisionIsARequiredApproveOrReturn(String id) throws IOException {
        List<JsonNode> all = components(form(id));
        JsonNode decision = byKey(all, "decision");
        assertThat(decision.get("type").asText()).isEqualTo("radio");
        assertThat(values(decision)).containsExactly("approve", "return");
        assertThat(decision.at("/validate/required").asBoolean()).isTrue();
        JsonNode comment = byKey(all, "comment");
        assertThat(comment.get("type").asText()).isEqualTo("textarea");
        assertThat(comment.get("label").asText()).contains("审批意见", "退回时必填");
    }

    @ParameterizedTest
    @ValueSource(strings = {"target-drafting", "target-department-review", "department-target-drafting",
            "department-target-finance-review"})
    void onlyFinanceChoosesWhereToReturn(String id) throws IOException {
        assertThat(components(form(id))).noneMatch(c -> "returnTo".equals(c.path("key").asText(null)));
    }

    @org.junit.jupiter.api.Test
    void financeReturnsToTheUnitOrTheDepartmentOnlyWhenReturning() throws IOException {
        JsonNode returnTo = byKey(components(form("target-finance-review")), "returnTo");
        assertThat(values(returnTo)).containsExactly("unit", "department");
        assertThat(returnTo.at("/conditional/hide").asText()).isEqualTo("=decision != \"return\"");
        assertThat(returnTo.at("/validate/required").asBoolean()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void theDraftingFormHasNoDecisionAndLinksToTheProjectPage() throws IOException {
        JsonNode form = form("target-drafting");
        List<JsonNode> all = components(form);
        assertThat(all).noneMatch(c -> "decision".equals(c.path("key").asText(null)));
        assertThat(byKey(all, "comment").get("label").asText()).isEqualTo("提交说明");
        assertThat(form.toString()).contains("(/projects/{{projectId}})");
    }

    @org.junit.jupiter.api.Test
    void theMonitoringReportFormLinksToTheReportPage() throws IOException {
        assertThat(form("monitoring-report").toString()).contains("(/projects/{{projectId}}/monitoring-report)");
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return s;
    }
}
