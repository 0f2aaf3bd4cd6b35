package org.openperf.review.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.openperf.review.ReviewOpinion;
import org.openperf.review.ReviewService;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectView;
import org.openperf.targets.Unit;
import org.openperf.validation.Finding;
import org.openperf.validation.ValidationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the Camunda Forms of target-approval show: the project block, the indicator table, the validation findings
 * and the opinion history, as task-local variables written when the task is created. Task-local, so every new
 * task (after a return and resubmission too) shows the table and the history as they are now, and the finished
 * task keeps in its history what its reviewer saw.
 *
 * <p>Tables are Spin JSON values ({@code Json} in the REST API): Tasklist parses them into arrays that the form's
 * {@code table} components read through {@code dataSource: "=indicators"}.
 */
@Service
public class TaskFormVariables {

    /** The fields the forms submit; read by the gateways after the task, cleared when the next task starts. */
    static final List<String> DECISION_FIELDS = List.of("decision", "comment", "returnTo");

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("submit", "提交"),
            Map.entry("approve", "同意"),
            Map.entry("return", "退回"),
            Map.entry("return-department", "退回部门"),
            Map.entry("withdraw", "撤回"),
            Map.entry("validation-failed", "校验未通过"),
            Map.entry("approved", "批复"),
            Map.entry("remind", "催办"),
            Map.entry("escalate", "逾期上报"),
            Map.entry("transfer", "转办"),
            Map.entry("delegate", "委派"),
            Map.entry("adjust", "申请调整"),
            Map.entry("sampled", "抽中复核"),
            Map.entry("not-sampled", "未抽中"),
            Map.entry("score-change", "调整得分"),
            Map.entry("published", "公开"),
            Map.entry("rectify", "下达整改要求"),
            Map.entry("answer", "整改反馈"));

    private final ProjectService projects;
    private final ValidationService validation;
    private final ReviewService review;
    private final IdentityService identity;
    private final ObjectMapper json;

    public TaskFormVariables(ProjectService projects, ValidationService validation, ReviewService review,
                             IdentityService identity, ObjectMapper json) {
        this.projects = projects;
        this.validation = validation;
        this.review = review;
        this.identity = identity;
        this.json = json;
    }

    /**
     * Writes the form's variables on a task that has just been created, and empties the previous step's decision,
     * so that Tasklist does not show the last reviewer's choice and opinion as this reviewer's.
     */
    @Transactional
    public void prepare(DelegateTask task) {
        Long projectId = ((Number) task.getVariable("projectId")).longValue();
        task.setVariablesLocal(of(projectId));
        for (String field : DECISION_FIELDS) {
            if (task.hasVariable(field)) {
                // Not task-local: the form submits into the scope that holds the variable, and the gateway reads
                // the process's. Null rather than removed, so a gateway condition naming it still resolves.
                task.setVariable(field, null);
            }
        }
    }

    /** The form variables of one project as it is now. */
    @Transactional(readOnly = true)
    public VariableMap of(Long projectId) {
        Project p = projects.table(projectId);
        List<Finding> findings = validation.validate(p);
        Unit unit = p.getUnit();
        long errors = findings.stream().filter(Finding::isError).count();
        return Variables.createVariables()
                .putValue("projectName", p.getName())
                .putValue("projectCode", text(p.getCode()))
                .putValue("unitName", unit == null ? "—" : unit.getName())
                .putValue("departmentName", unit == null ? "—" : unit.getDepartment().getName())
                .putValue("year", p.getYear())
                .putValue("budget", amount(p.getBudget()))
                .putValue("fiscalFunds", amount(p.getFiscalFunds()))
                .putValue("otherFunds", amount(p.getOtherFunds()))
                .putValue("purpose", text(p.getPurpose()))
                .putValue("goal", text(p.getGoal()))
                .putValue("indicators", array(p.getIndicators().stream().map(TaskFormVariables::indicator).toList()))
                .putValue("findings", array(findings.stream().map(TaskFormVariables::finding).toList()))
                .putValue("opinions", array(opinions(projectId)))
                .putValue("errorCount", errors)
                .putValue("warningCount", findings.size() - errors);
    }

    static Map<String, Object> indicator(Indicator i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("level1", text(i.getLevel1()));
        row.put("level2", text(i.getLevel2()));
        row.put("name", text(i.getName()));
        row.put("value", i.getValue() == null ? "" : text(i.getValue().getText()));
        row.put("description", text(i.getDescription()));
        return row;
    }

    static Map<String, Object> finding(Finding f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("severity", f.isError() ? "错误" : "警告");
        row.put("row", f.indicatorIndex() == null ? "" : "第 " + (f.indicatorIndex() + 1) + " 行");
        row.put("field", text(f.field()));
        row.put("message", text(f.message()));
        return row;
    }

    List<Map<String, Object>> opinions(Long projectId) {
        Map<String, String> names = new HashMap<>();
        return review.history(projectId).stream().map(o -> opinion(o, names)).toList();
    }

    private Map<String, Object> opinion(ReviewOpinion o, Map<String, String> names) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", text(o.getStep()));
        row.put("user", o.getUserId() == null ? "系统" : names.computeIfAbsent(o.getUserId(), this::displayName));
        row.put("action", ACTIONS.getOrDefault(o.getAction(), text(o.getAction())));
        row.put("comment", text(o.getComment()));
        row.put("time", o.getCreatedAt() == null ? "" : TIME.format(o.getCreatedAt()));
        return row;
    }

    /** 「青岛市人社局审核人（dept402）」 when the user is known, else the id. */
    private String displayName(String userId) {
        User u = identity.createUserQuery().userId(userId).singleResult();
        if (u == null) {
            return userId;
        }
        String name = (text(u.getFirstName()) + text(u.getLastName())).trim();
        return name.isEmpty() ? userId : name + "（" + userId + "）";
    }

    private Object array(List<Map<String, Object>> rows) {
        try {
            return SpinValues.jsonValue(json.writeValueAsString(rows)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String amount(BigDecimal v) {
        return v == null ? "—" : ProjectView.amount(v).toPlainString();
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
