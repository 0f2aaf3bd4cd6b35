package org.openperf.kernel.rules;

import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A rule table of the app holds plain values only: each input is a variable's name, each input entry a simple
 * test on numbers or quoted texts ({@code < 60}, {@code [60..80[}, {@code "产出"}, {@code -}), each output entry a
 * number or a quoted text, and no element names another expression language. Anything else would be an
 * expression the engine evaluates (JUEL, with method calls), and whoever may deploy a rule table (finance, on the
 * rules page) must not run code on the server. Checked before any cell is evaluated.
 */
final class PlainCells {

    private static final String NUMBER = "-?\\d+(?:\\.\\d+)?";
    private static final String TEXT = "\"[^\"\\\\$#{}]*\"";
    private static final String VALUE = "(?:" + NUMBER + "|" + TEXT + "|true|false)";
    private static final String TEST = "(?:(?:<=|>=|<|>)?\\s*" + VALUE + "|[\\[\\]\\(]\\s*" + NUMBER + "\\s*\\.\\.\\s*"
            + NUMBER + "\\s*[\\[\\]\\)])";
    private static final String TESTS = TEST + "(?:\\s*,\\s*" + TEST + ")*";
    private static final Pattern INPUT_ENTRY = Pattern.compile("\\s*(?:-|" + TESTS + "|not\\(\\s*" + TESTS
            + "\\s*\\))?\\s*");
    private static final Pattern OUTPUT_ENTRY = Pattern.compile("\\s*" + VALUE + "?\\s*");
    private static final Pattern INPUT_EXPRESSION = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_]*\\s*");
    /** FEEL, as Camunda Modeler declares it on the file: the only language a rule table may name. */
    private static final Pattern FEEL = Pattern.compile(
            "feel|https?://www\\.omg\\.org/spec/(?:FEEL/\\d+|DMN/\\d+/FEEL)/?", Pattern.CASE_INSENSITIVE);

    private PlainCells() {
    }

    /** What in the table is more than a plain value, or null. */
    static String problem(DmnModelInstance model, String key) {
        String language = languageNamed(model.getDocument().getRootElement());
        if (language != null) {
            return "不能指定表达式语言（" + language + "）：规则表只能填写数值、文字和简单比较";
        }
        ModelElementInstance element = model.getModelElementById(key);
        if (!(element instanceof Decision decision) || !(decision.getExpression() instanceof DecisionTable table)) {
            return "须是一张决策表";
        }
        if (!decision.getInformationRequirements().isEmpty()) {
            return "不能引用其他决策或输入数据（informationRequirement）";
        }
        for (Input input : table.getInputs()) {
            String text = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
                    : input.getInputExpression().getText().getTextContent();
            if (!INPUT_EXPRESSION.matcher(text).matches()) {
                return "的输入表达式“" + text.strip() + "”不是变量名（如 ratio、total、group）";
            }
        }
        int index = 0;
        for (Rule rule : table.getRules()) {
            index++;
            for (InputEntry entry : rule.getInputEntries()) {
                String text = entry.getText() == null ? "" : entry.getText().getTextContent();
                if (!INPUT_ENTRY.matcher(text).matches()) {
                    return "的第 " + index + " 条规则 " + rule.getId() + "：条件“" + text.strip()
                            + "”须为简单的比较或区间，如 < 60、[60..80[、>= 80、\"产出\"";
                }
            }
            for (OutputEntry entry : rule.getOutputEntries()) {
                String text = entry.getText() == null ? "" : entry.getText().getTextContent();
                if (!OUTPUT_ENTRY.matcher(text).matches()) {
                    return "的第 " + index + " 条规则 " + rule.getId() + "：结果“" + text.strip()
                            + "”须为数值或带引号的文字，如 \"GREEN\"、\"优\"、50";
                }
            }
        }
        return null;
    }

    /** The first expression language other than FEEL an element of the file names, or null. */
    private static String languageNamed(DomElement element) {
        for (String attribute : new String[] {"expressionLanguage", "typeLanguage"}) {
            String value = element.getAttribute(attribute);
            if (value != null && !value.isBlank() && !FEEL.matcher(value.strip()).matches()) {
                return attribute + "=\"" + value + "\"";
            }
        }
        for (DomElement child : element.getChildElements()) {
            String found = languageNamed(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
