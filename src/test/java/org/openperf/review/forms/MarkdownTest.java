package org.openperf.review.forms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void plainChineseTextStaysAsItIsAndPunctuationIsEscaped() {
        assertThat(Markdown.escape("档案管理经费（2024年度）")).isEqualTo("档案管理经费（2024年度）");
        assertThat(Markdown.escape("174.16")).as("an amount").isEqualTo("174.16");
        assertThat(Markdown.escape("1. 列表")).isEqualTo("1\\. 列表");
        assertThat(Markdown.escape("[a](b)")).isEqualTo("\\[a\\]\\(b\\)");
        assertThat(Markdown.escape("a\\b")).isEqualTo("a\\\\b");
        assertThat(Markdown.escape(null)).isNull();
    }

    @Test
    void theFormsPlaceholdersInTextComponentsAreFound() throws Exception {
        var form = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"components": [
                  {"type": "text", "text": "## {{projectName}}\\n\\n{{ purpose }}"},
                  {"type": "group", "components": [{"type": "text", "text": "**目标** {{goal}}"}]},
                  {"type": "textarea", "key": "comment", "label": "{{notThis}}"}]}
                """);
        assertThat(TaskFormVariables.templateNames(form)).containsExactly("goal", "projectName", "purpose");
    }
}
