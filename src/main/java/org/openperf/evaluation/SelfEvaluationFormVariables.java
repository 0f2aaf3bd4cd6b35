package org.openperf.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.openperf.kernel.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the Camunda Forms of the self-evaluation show, written as task-local variables when the task is created:
 * the unit's form the year's budget and the spending the execution data has (pre-filled); finance's 复核 form the
 * score sheet with each indicator's score and rule, and why the project was sampled.
 */
@Service
public class SelfEvaluationFormVariables {

    private final SelfEvaluationSubmissions submissions;
    private final SelfEvaluationReports reports;
    private final SelfEvaluationResults results;
    private final ObjectMapper json;

    public SelfEvaluationFormVariables(SelfEvaluationSubmissions submissions, SelfEvaluationReports reports,
                                       SelfEvaluationResults results, ObjectMapper json) {
        this.submissions = submissions;
        this.reports = reports;
        this.results = results;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public VariableMap report(Long projectId) {
        SelfEvaluationSubmissions.Prefill p = submissions.prefill(projectId, Scope.ALL);
        return Variables.createVariables()
                .putValue("budget", amount(p.budget()))
                .putValue("spent", p.spent() == null ? null : p.spent().stripTrailingZeros().toPlainString())
                .putValue("spentAsOf", p.spentAsOf() == null ? "（预算执行数据中没有支出记录，请填写）"
                        : p.spentAsOf().toString());
    }

    @Transactional(readOnly = true)
    public VariableMap recheck(Long projectId) {
        SelfEvaluationReport r = reports.report(projectId, Scope.ALL);
        SelfEvaluation e = results.result(projectId, Scope.ALL);
        List<Map<String, Object>> rows = r.lines().stream().map(l -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", l.index());
            row.put("level1", text(l.level1()));
            row.put("name", text(l.name()));
            row.put("target", text(l.target()));
            row.put("actual", text(l.actual()));
            row.put("weight", amount(l.weight()));
            row.put("score", amount(l.score()));
            row.put("rule", text(l.rule()));
            row.put("deviation", text(l.deviationExplanation()));
            return row;
        }).toList();
        String reasons = e.getSampleReasons() == null || e.getSampleReasons().isEmpty() ? "" : String.join("、",
                java.util.Arrays.stream(e.getSampleReasons().split(","))
                        .map(s -> RecheckSample.Reason.valueOf(s).label()).toList());
        return Variables.createVariables()
                .putValue("selfEvaluationTotal", amount(r.total()))
                .putValue("selfEvaluationGrade", r.grade())
                .putValue("sampleReasons", reasons)
                .putValue("executionRate", amount(r.executionRate()))
                .putValue("executionScore", amount(r.executionScore()))
                .putValue("scores", array(rows));
    }

    private Object array(List<Map<String, Object>> rows) {
        try {
            return SpinValues.jsonValue(json.writeValueAsString(rows)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String amount(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
