package org.openperf.review.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.openperf.kernel.DisplayTimes;
import org.openperf.kernel.NotFoundException;
import org.openperf.review.HistoryAction;
import org.openperf.review.ProjectProcesses;
import org.openperf.review.ReviewOpinion;
import org.openperf.review.ReviewService;
import org.openperf.review.Steps;
import org.openperf.kernel.EngineAccess;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectView;
import org.openperf.targets.Unit;
import org.openperf.kernel.Finding;
import org.openperf.validation.ValidationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the Camunda Forms of target-approval (and of 部门审核自评 and 财政复核) show: the project block, the indicator
 * table, the validation findings and the opinion history, as form variables computed when the form is opened
 * ({@link TaskFormVariablesFilter}), so a form always shows the table and the history as they are now.
 *
 * <p>Tables are Spin JSON values ({@code Json} in the REST API): Tasklist parses them into arrays that the form's
 * {@code table} components read through {@code dataSource: "=indicators"}.
 */
@Service
public class TaskFormVariables {

    /** The user tasks whose forms show the table: target-approval's three, 部门审核自评 and 财政复核. */
    static final Set<String> FORM_STEPS = Set.of(Steps.DRAFTING, Steps.DEPARTMENT_REVIEW, Steps.FINANCE_REVIEW,
            "UserTask_SelfEvaluationReview", "UserTask_FinanceRecheck");

    /** The processes whose business key is a project id. */
    static final List<String> PROJECT_PROCESSES = ProjectProcesses.ALL;

    private final ProjectService projects;
    private final ValidationService validation;
    private final ReviewService review;
    private final IdentityService identity;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final EngineAccess engine;
    private final ObjectMapper json;
    private final org.camunda.bpm.engine.FormService formService;
    private final DisplayTimes times;
    private final org.springframework.beans.factory.ObjectProvider<LastYearResults> lastYear;

    public TaskFormVariables(ProjectService projects, ValidationService validation, ReviewService review,
                             IdentityService identity, TaskService tasks, RuntimeService runtime,
                             EngineAccess engine, ObjectMapper json, org.camunda.bpm.engine.FormService formService,
                             DisplayTimes times,
                             org.springframework.beans.factory.ObjectProvider<LastYearResults> lastYear) {
        this.lastYear = lastYear;
        this.times = times;
        this.formService = formService;
        this.tasks = tasks;
        this.runtime = runtime;
        this.engine = engine;
        this.projects = projects;
        this.validation = validation;
        this.review = review;
        this.identity = identity;
        this.json = json;
    }

    /**
     * The table's form variables for an open task, in the REST API's shape ({@code {"type": …, "value": …}}), or
     * none when the task's form does not show a table. Only {@code names} when given. The caller has already been
     * allowed to read the task's variables; the lookup itself runs on the system's authority.
     */
    @Transactional(readOnly = true)
    public ObjectNode forTask(String taskId, Set<String> names) {
        ObjectNode out = json.createObjectNode();
        Task task = engine.asSystem(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
        if (task == null || task.getProcessDefinitionId() == null || PROJECT_PROCESSES.stream()
                .noneMatch(key -> task.getProcessDefinitionId().startsWith(key + ":"))) {
            return out;
        }
        Long projectId = engine.asSystem(() -> {
            ProcessInstance pi = runtime.createProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId()).singleResult();
            return pi == null || pi.getBusinessKey() == null ? null : Long.valueOf(pi.getBusinessKey());
        });
        if (projectId == null) {
            return out;
        }
        VariableMap vars;
        try {
            // The other forms of a project (监控表, 偏差说明, 自评…) show its name, as it is now.
            vars = FORM_STEPS.contains(task.getTaskDefinitionKey()) ? of(projectId)
                    : Variables.createVariables().putValueTyped("projectName",
                            Variables.stringValue(projects.table(projectId).getName()));
        } catch (NotFoundException e) {
            return out; // deleted while its task was open: the form shows what the engine has
        }
        if (Steps.FINANCE_REVIEW.equals(task.getTaskDefinitionKey())) {
            financeReview(projectId, names, vars);
        }
        // The forms link to the project's pages: its id is the business key, no process variable.
        vars.putValueTyped("projectId", Variables.longValue(projectId));
        for (String name : vars.keySet()) {
            if (names == null || names.contains(name)) {
                out.set(name, rest(vars.getValueTyped(name)));
            }
        }
        return out;
    }

    /**
     * The variables the task's Camunda Form shows inside text components ({@code {{name}}} in their markdown), which
     * must be escaped; none for a task without a deployed Camunda Form. Forms do not change within a deployment, so
     * the answer is kept per process definition and step.
     */
    public Set<String> markdownNames(String taskId) {
        Task task = engine.asSystem(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            return Set.of();
        }
        return markdownNames.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                k -> engine.asSystem(() -> {
                    try (java.io.InputStream form = formService.getDeployedTaskForm(taskId)) {
                        return form == null ? Set.<String>of() : templateNames(json.readTree(form));
                    } catch (RuntimeException | java.io.IOException e) {
                        return Set.<String>of(); // no Camunda Form (an embedded or generated form)
                    }
                }));
    }

    /** The {@code {{name}}} placeholders in the text components of a form definition, at any depth. */
    static Set<String> templateNames(com.fasterxml.jackson.databind.JsonNode form) {
        Set<String> names = new java.util.TreeSet<>();
        for (com.fasterxml.jackson.databind.JsonNode c : form.path("components")) {
            if ("text".equals(c.path("type").asText()) || "html".equals(c.path("type").asText())) {
                java.util.regex.Matcher m = PLACEHOLDER.matcher(c.path("text").asText() + c.path("content").asText());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
            names.addAll(templateNames(c));
        }
        return names;
    }

    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private final java.util.Map<String, Set<String>> markdownNames = new java.util.concurrent.ConcurrentHashMap<>();

    /** A value as Camunda's REST API writes it with {@code deserializeValues=false}. */
    ObjectNode rest(TypedValue value) {
        ObjectNode v = json.createObjectNode();
        String type = value.getType().getName();
        v.put("type", Character.toUpperCase(type.charAt(0)) + type.substring(1));
        v.set("value", json.valueToTree(value instanceof SerializableValue s
                ? s.getValueSerialized() : value.getValue()));
        v.set("valueInfo", json.createObjectNode());
        return v;
    }

    /** The form variables of one project as it is now. */
    @Transactional(readOnly = true)
    public VariableMap of(Long projectId) {
        Project p = projects.table(projectId);
        List<Finding> findings = validation.validate(p);
        Unit unit = p.getUnit();
        long errors = findings.stream().filter(Finding::isError).count();
        return Variables.createVariables()
                .putValueTyped("projectName", Variables.stringValue(p.getName()))
                .putValueTyped("projectCode", Variables.stringValue(text(p.getCode())))
                .putValueTyped("unitName", Variables.stringValue(unit == null ? "—" : unit.getName()))
                .putValueTyped("departmentName",
                        Variables.stringValue(unit == null ? "—" : unit.getDepartment().getName()))
                .putValueTyped("year", Variables.integerValue(p.getYear()))
                .putValueTyped("budget", Variables.stringValue(amount(p.getBudget())))
                .putValueTyped("fiscalFunds", Variables.stringValue(amount(p.getFiscalFunds())))
                .putValueTyped("otherFunds", Variables.stringValue(amount(p.getOtherFunds())))
                .putValueTyped("purpose", Variables.stringValue(text(p.getPurpose())))
                .putValueTyped("goal", Variables.stringValue(text(p.getGoal())))
                .putValueTyped("indicators",
                        array(p.getIndicators().stream().map(TaskFormVariables::indicator).toList()))
                .putValueTyped("findings", array(findings.stream().map(TaskFormVariables::finding).toList()))
                .putValueTyped("opinions", array(opinions(projectId)))
                .putValueTyped("errorCount", Variables.longValue(errors))
                .putValueTyped("warningCount", Variables.longValue(findings.size() - errors));
    }

    /**
     * 结果应用 on the 财政审核 form: last year's results beside this year's budget, read when the form is opened (and
     * only when it asks for them), so completing the task costs nothing more.
     */
    void financeReview(Long projectId, Set<String> names, VariableMap vars) {
        LastYearResults results = lastYear.getIfAvailable();
        if (results == null || (names != null && names.stream().noneMatch(RESULT_NAMES::contains))) {
            return;
        }
        results.forFinanceReview(projectId).forEach((k, v) -> vars.putValueTyped(k, Variables.stringValue(v)));
    }

    static final Set<String> RESULT_NAMES = Set.of("lastYear", "lastScore", "lastGrade", "lastExecutionRate",
            "lastRedLights", "lastBudget", "budgetChange", "resultsAdvice");

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
        row.put("action", HistoryAction.label(o.getAction()));
        row.put("comment", text(o.getComment()));
        row.put("time", times.minutes(o.getCreatedAt()));
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

    private TypedValue array(List<Map<String, Object>> rows) {
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
