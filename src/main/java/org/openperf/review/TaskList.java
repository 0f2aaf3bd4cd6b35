package org.openperf.review;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jakarta.persistence.EntityManager;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hibernate.Session;
import org.openperf.kernel.Caller;
import org.openperf.kernel.EngineAccess;
import org.openperf.kernel.Finding;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectRepository;
import org.openperf.targets.ProjectView;
import org.openperf.targets.Unit;
import org.openperf.validation.ValidationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The task lists approvers work from: 待办 (todo, the caller's tasks as {@link TaskAccess} defines them), 已办 (done) and 我发起的 (started), newest or most urgent first. */
@Service
public class TaskList {

    private final TaskService tasks;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final ProjectRepository projects;
    private final ValidationService validation;
    private final EngineAccess engine;
    private final TaskListPlans plans;
    private final OpenTasks open;
    private final EntityManager entities;

    public TaskList(TaskService tasks, HistoryService history, RuntimeService runtime, ProjectRepository projects,
                    ValidationService validation, EngineAccess engine, TaskListPlans plans, OpenTasks open,
                    EntityManager entities) {
        this.open = open;
        this.entities = entities;
        this.plans = plans;
        this.runtime = runtime;
        this.engine = engine;
        this.tasks = tasks;
        this.history = history;
        this.projects = projects;
        this.validation = validation;
    }

    @Transactional(readOnly = true)
    public List<TaskRow> todo(Caller caller, Integer year, String department, int page, int size) {
        // The query itself is scoped to the caller's groups; the project details need the system's reads.
        plans.planForTheseValues();
        return engine.asSystem(() -> todoRows(caller, year, department, page, size));
    }

    private List<TaskRow> todoRows(Caller caller, Integer year, String department, int page, int size) {
        return rows(open.page(caller, year, department, page, size));
    }

    /**
     * The rows of a page of open tasks. Another reviewer may complete one of them while the page is built: it is
     * still shown (the next click on it answers 409), and reading it must not fail, so nothing is read per task.
     */
    List<TaskRow> rows(List<Task> page0) {
        if (page0.isEmpty()) {
            return List.of();
        }
        // One query each for the pages' project ids and reminder flags, one for the projects (not one per row).
        Map<String, Long> projectIds = runtimeProjectIds(page0.stream().map(Task::getProcessInstanceId)
                .distinct().toArray(String[]::new));
        Map<String, Set<String>> flags = new HashMap<>();
        runtime.createVariableInstanceQuery().taskIdIn(page0.stream().map(Task::getId).toArray(String[]::new))
                .variableNameIn(ReviewReminders.REMINDED, ReviewReminders.OVERDUE).list().stream()
                .filter(v -> Boolean.TRUE.equals(v.getValue()))
                .forEach(v -> flags.computeIfAbsent(v.getTaskId(), k -> new HashSet<>()).add(v.getName()));
        Map<Long, Project> byId = load(projectIds.values().stream().distinct().toList());
        Map<Long, Long> warnings = warnings(byId.values());
        List<TaskRow> rows = new ArrayList<>();
        for (Task t : page0) {
            Long id = projectIds.get(t.getProcessInstanceId());
            if (id == null || !byId.containsKey(id)) {
                continue; // its instance ended (completed meanwhile) or its project is gone: a row always has one
            }
            Set<String> f = flags.getOrDefault(t.getId(), Set.of());
            rows.add(row(t.getId(), byId.get(id), warnings.get(id), Steps.name(t.getTaskDefinitionKey()),
                    t.getAssignee(), t.getCreateTime(), t.getDueDate(), null, f.contains(ReviewReminders.REMINDED),
                    f.contains(ReviewReminders.OVERDUE)));
        }
        return rows;
    }

    /**
     * The project of each running process instance: its business key, which no user can write. A native query (a
     * page has at most 200 instances): a ProcessInstanceQuery's SQL is built with OGNL at every call.
     */
    private Map<String, Long> runtimeProjectIds(String[] processInstanceIds) {
        Map<String, Long> ids = new HashMap<>();
        if (processInstanceIds.length == 0) {
            return ids;
        }
        NativeSql sql = new NativeSql();
        String in = sql.list("p", List.of(processInstanceIds));
        for (ProcessInstance pi : sql.bind(runtime.createNativeProcessInstanceQuery().sql("select RES.* from "
                + "ACT_RU_EXECUTION RES where RES.ID_ = RES.PROC_INST_ID_ and RES.ID_ in (" + in + ")")).list()) {
            projectId(pi.getBusinessKey()).ifPresent(id -> ids.put(pi.getId(), id));
        }
        return ids;
    }

    static Optional<Long> projectId(String businessKey) {
        return businessKey != null && businessKey.matches("\\d{1,18}") ? Optional.of(Long.valueOf(businessKey))
                : Optional.empty();
    }

    @Transactional(readOnly = true)
    public List<TaskRow> done(Caller caller, Integer year, String department, int page, int size) {
        plans.planForTheseValues();
        return engine.asSystem(() -> doneRows(caller, year, department, page, size));
    }

    private List<TaskRow> doneRows(Caller caller, Integer year, String department, int page, int size) {
        HistoricTaskInstanceQuery q = history.createHistoricTaskInstanceQuery()
                // Every process here is a project's (ProjectProcesses): no definition filter, as
                // an or-query keeps only one processDefinitionKey.
                .taskAssignee(caller.userId()).finished();
        if (year != null) {
            q.processVariableValueEquals("year", year);
        }
        if (department != null && !department.isBlank()) {
            q.processVariableValueEquals("departmentCode", department);
        }
        List<HistoricTaskInstance> list = q.orderByHistoricTaskInstanceEndTime().desc().listPage(page * size, size);
        Map<String, Long> projectIds = historicProjectIds(list.stream().map(HistoricTaskInstance::getProcessInstanceId)
                .distinct().toArray(String[]::new));
        Map<Long, Project> byId = load(projectIds.values().stream().distinct().toList());
        Map<Long, Long> warnings = warnings(byId.values());
        // Like the 待办 list: a row always carries its project, or is left out (a project deleted since).
        return list.stream().filter(t -> byId.containsKey(projectIds.get(t.getProcessInstanceId())))
                .map(t -> row(t.getId(), byId.get(projectIds.get(t.getProcessInstanceId())),
                        warnings.get(projectIds.get(t.getProcessInstanceId())), Steps.name(t.getTaskDefinitionKey()),
                        t.getAssignee(), t.getStartTime(), t.getDueDate(), t.getEndTime(), false, false)).toList();
    }

    /** 我发起的: the tables the caller submitted, wherever they are now. */
    @Transactional(readOnly = true)
    public List<TaskRow> started(Caller caller, Integer year, String department, int page, int size) {
        return engine.asSystem(() -> startedRows(caller, year, department, page, size));
    }

    private List<TaskRow> startedRows(Caller caller, Integer year, String department, int page, int size) {
        List<Project> submitted = projects.findBySubmittedBy(caller.userId(),
                        org.springframework.data.domain.PageRequest.of(page, size)).stream()
                .filter(p -> year == null || p.getYear() == year)
                .filter(p -> department == null || department.isBlank() || (p.getUnit() != null
                        && department.equals(p.getUnit().getDepartment().getCode())))
                .toList();
        Map<Long, Long> warnings = warnings(submitted);
        return submitted.stream()
                .map(p -> {
                    Task current = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(p.getId()))
                            .processDefinitionKey(ProjectProcesses.APPROVAL).singleResult();
                    // No task: approved, or between a decision and the engine's work after it (校验, 批复 run
                    // as jobs a moment later), when the table's own status says where it is.
                    return row(current == null ? null : current.getId(), p, warnings.get(p.getId()),
                            current == null ? p.getStatus().label() : Steps.name(current.getTaskDefinitionKey()),
                            current == null ? null : current.getAssignee(),
                            current == null ? null : current.getCreateTime(),
                            current == null ? null : current.getDueDate(), null, false, false);
                }).toList();
    }

    /** Each project's count of warnings, last year's results read once for the whole page. */
    private Map<Long, Long> warnings(java.util.Collection<Project> page) {
        List<Project> list = List.copyOf(page);
        List<List<Finding>> findings = validation.validateAll(list);
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            out.put(list.get(i).getId(), findings.get(i).stream().filter(f -> !f.isError()).count());
        }
        return out;
    }

    private TaskRow row(String taskId, Project p, long warnings, String step, String assignee, Date created, Date due,
                        Date ended, boolean reminded, boolean overdue) {
        Unit u = p == null ? null : p.getUnit();
        return new TaskRow(taskId, p == null ? null : p.getId(), p == null ? null : p.getName(),
                p == null ? 0 : p.getYear(), u == null ? null : new ProjectView.UnitRef(u.getCode(), u.getName()),
                p == null ? null : ProjectView.amount(p.getBudget()), step, assignee, created, due, ended, warnings,
                reminded, overdue, p == null ? null : p.getStatus().name());
    }

    /**
     * The page's projects. Hibernate's multi-id load binds the ids as one array; {@code findAllById}'s list of ids
     * was translated afresh on every call (docs/decisions/scope-as-arrays.md).
     */
    private Map<Long, Project> load(List<Long> ids) {
        return entities.unwrap(Session.class).byMultipleIds(Project.class).multiLoad(ids).stream()
                .filter(Objects::nonNull).collect(Collectors.toMap(Project::getId, Function.identity()));
    }

    /** The project of each (running or finished) process instance, from its business key, in one query. */
    private Map<String, Long> historicProjectIds(String[] processInstanceIds) {
        Map<String, Long> ids = new HashMap<>();
        if (processInstanceIds.length == 0) {
            return ids;
        }
        for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery()
                .processInstanceIds(Set.of(processInstanceIds)).list()) {
            projectId(pi.getBusinessKey()).ifPresent(id -> ids.put(pi.getId(), id));
        }
        return ids;
    }
}
