package org.openperf.kernel.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openperf.evaluation.ScoringTables;
import org.openperf.monitoring.LightRules;

/**
 * The tables of bpmn/ as finance might edit them in Camunda Modeler: what the app can use passes, anything it could
 * not evaluate is refused naming the file, the table and the rule (or the input no rule covers). Without the engine;
 * the engine runs the same check when a deployment arrives (RuleDeploymentTest).
 */
class DeploymentCheckTest {

    static final String EXECUTION = "bpmn/execution-light.dmn";
    static final String INDICATOR = "bpmn/indicator-light.dmn";
    static final String GRADES = "bpmn/grade.dmn";
    static final String WEIGHTS = "bpmn/default-weights.dmn";

    private final DeploymentCheck check = new DeploymentCheck(List.of(LightRules.execution(), LightRules.indicator(),
            ScoringTables.grades(), ScoringTables.weights(new BigDecimal("90"))), () -> { });

    @Test
    void theTablesAsShippedPass() {
        for (String file : List.of(EXECUTION, INDICATOR, GRADES, WEIGHTS)) {
            assertThat(problem(file, RuleFiles.read(file))).as(file).isNull();
        }
    }

    @Test
    void anEntryTheSimpleEvaluatorCannotRunIsRefusedNamingTheRule() {
        // A FEEL function: the Scala FEEL engine knows min(), the simple evaluator the engine runs on does not.
        assertThat(problem(EXECUTION, edited(EXECUTION, "&lt; 60", "&lt; min(60, 70)")))
                .contains("bpmn/execution-light.dmn", "预算执行灯", "Rule_Execution_Red", "min(60, 70)");
    }

    @Test
    void aGapBetweenBandsIsRefusedNamingTheInput() {
        assertThat(problem(EXECUTION, edited(EXECUTION, "[60..80[", "[65..80[")))
                .contains("预算执行灯", "没有适用于 ratio = 60.0 的规则");
    }

    @Test
    void aLightTheAppDoesNotKnowIsRefusedNamingTheRule() {
        assertThat(problem(INDICATOR, edited(INDICATOR, "\"BLUE\"", "\"PURPLE\"")))
                .contains("指标进度灯", "Rule_Indicator_Blue", "PURPLE");
        // 预算执行灯 has no blue: spending ahead of plan is fine.
        assertThat(problem(EXECUTION, edited(EXECUTION, "\"GREEN\"", "\"BLUE\"")))
                .contains("Rule_Execution_Green", "BLUE");
    }

    @Test
    void gradesMustBeTheFourAndNeverFallAsTheTotalRises() {
        assertThat(problem(GRADES, edited(GRADES, "\"良\"", "\"良好\""))).contains("绩效等级", "Rule_Good", "良好");
        assertThat(problem(GRADES, edited(GRADES, "\"优\"", "\"差\""))).contains("总分越高，等级不能越低");
        assertThat(problem(GRADES, edited(GRADES, "&gt;= 90", "&gt;= 85"))).isNull();
    }

    @Test
    void defaultWeightsMustAddUpToTheIndicatorTotal() {
        assertThat(problem(WEIGHTS, edited(WEIGHTS, "<text>50</text>", "<text>60</text>")))
                .contains("默认权重", "产出 60 + 效益 30 + 满意度 10 = 100", "90");
        assertThat(problem(WEIGHTS, edited(WEIGHTS, "<text>\"效益\"</text>", "<text>\"效果\"</text>")))
                .contains("默认权重", "group = \"效益\"");
    }

    @Test
    void aFileWithoutTheAppsTablesIsNotTheAppsConcern() {
        String other = edited(EXECUTION, "Decision_ExecutionLight", "Decision_Other", "&lt; 60", "&lt; min(60, 70)");
        assertThat(problem("other.dmn", other)).isNull();
        assertThat(problem("broken.dmn", "<definitions")).contains("broken.dmn", "无法读取");
    }

    @Test
    void aTableThatWouldRunCodeIsRefusedBeforeAnythingOfItIsEvaluated() {
        // The engine evaluates an input expression (JUEL by default with the simple evaluator) and its method
        // calls: whoever may deploy a rule table (finance on the rules page) must not run code on the server.
        System.clearProperty("perf.test.ruleCode");
        String call = "\"\".getClass().forName(\"java.lang.System\").setProperty(\"perf.test.ruleCode\", \"ran\")";
        for (String expression : List.of("${" + call + "}", call)) {
            String xml = edited(EXECUTION, "<text>ratio</text>", "<text>" + expression.replace("\"", "&quot;")
                    + "</text>");
            assertThat(problem(EXECUTION, xml)).as(expression).contains("预算执行灯", "输入表达式", "ratio");
        }
        assertThat(problem(EXECUTION, edited(EXECUTION, "<inputExpression ",
                "<inputExpression expressionLanguage=\"juel\" "))).contains("expressionLanguage");
        assertThat(problem(EXECUTION, edited(EXECUTION, "\"GREEN\"", "${'GREEN'}"))).contains("Rule_Execution_Green");
        assertThat(problem(EXECUTION, edited(EXECUTION, "&gt;= 80", "&gt;= ${80}"))).contains("Rule_Execution_Green");
        assertThat(System.getProperty("perf.test.ruleCode")).as("code in the table ran").isNull();
    }

    private String problem(String file, String xml) {
        return check.check(file, xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A file of bpmn/ with texts replaced: text, replacement, text, replacement, … */
    static String edited(String file, String... replacements) {
        String xml = RuleFiles.read(file);
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(xml).contains(replacements[i]);
            xml = xml.replace(replacements[i], replacements[i + 1]);
        }
        return xml;
    }
}
