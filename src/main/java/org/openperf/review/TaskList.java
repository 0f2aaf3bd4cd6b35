package org.openperf.review;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.openperf.security.Caller;
import org.openperf.security.EngineAccess;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectRepository;
import org.openperf.targets.ProjectView;
import org.openperf.targets.Unit;
import org.openperf.validation.ValidationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The task lists approvers work from: 待办 (todo), 已办 (done) and 我发起的 (started), newest or most urgent first. */
@Service
public class TaskList {

    private final TaskService tasks;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final ProjectRepository projects;
    private final ValidationService validation;
    private final EngineAccess engine;

    public TaskList(TaskService tasks, HistoryService history, RuntimeService runtime, ProjectRepository projects,
                    ValidationService validation, EngineAccess engine) {
        this.engine = engine;
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.projects = projects;
        this.validation = validation;
    }

    @Transactional(readOnly = true)
    public List<TaskRow> todo(Caller caller, Integer year, String department, int page, int size) {
        // The query itself is scoped to the caller's groups; the project details need the system's reads.
        return engine.asSystem(() -> todoRows(caller, year, department, page, size));
    }

    private List<TaskRow> todoRows(Caller caller, Integer year, String department, int page, int size) {
        TaskQuery q = tasks.createTaskQuery().processDefinitionKeyIn("target-approval", "target-lifecycle");
        // Candidate through a group, or assigned to the caller (claimed, transferred or delegated).
        q = caller.groups().isEmpty()
                ? q.or().taskCandidateUser(caller.userId()).taskAssignee(caller.userId()).endOr()
                : q.or().taskCandidateGroupIn(caller.groups()).taskAssignee(caller.userId()).endOr();
        if (year != null) {
            q.processVariableValueEquals("year", year);
        }
        if (department != null && !department.isBlank()) {
            q.processVariableValueEquals("departmentCode", department);
        }
        return rows(q.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(page * size, size));
    }

    /**
     * The rows of a page of open tasks. Another reviewer may complete one of them while the page is built: it is
     * still shown (the next click on it answers 409), and reading it must not fail, so the reminder flags come
     * from one variable query for the page (a completed task simply has none left) rather than a read per task.
     */
    List<TaskRow> rows(List<Task> page) {
        Map<Long, Project> byId = load(page.stream().map(t -> projectId(t.getProcessInstanceId())).toList());
        Map<String, Set<String>> flags = new HashMap<>();
        if (!page.isEmpty()) {
            for (VariableInstance v : runtime.createVariableInstanceQuery()
                    .taskIdIn(page.stream().map(Task::getId).toArray(String[]::new))
                    .variableNameIn(ReviewReminders.REMINDED, ReviewReminders.OVERDUE).list()) {
                if (Boolean.TRUE.equals(v.getValue())) {
                    flags.computeIfAbsent(v.getTaskId(), k -> new HashSet<>()).add(v.getName());
                }
            }
        }
        List<TaskRow> rows = new ArrayList<>();
        for (Task t : page) {
            Set<String> set = flags.getOrDefault(t.getId(), Set.of());
            rows.add(row(t.getId(), byId.get(projectId(t.getProcessInstanceId())), Steps.name(t.getTaskDefinitionKey()),
                    t.getAssignee(), t.getCreateTime(), t.getDueDate(), null, set.contains(ReviewReminders.REMINDED),
                    set.contains(ReviewReminders.OVERDUE)));
        }
        return rows;
    }

    @Transactional(readOnly = true)
    public List<TaskRow> done(Caller caller, Integer year, String department, int page, int size) {
        return engine.asSystem(() -> doneRows(caller, year, department, page, size));
    }

    private List<TaskRow> doneRows(Caller caller, Integer year, String department, int page, int size) {
        HistoricTaskInstanceQuery q = history.createHistoricTaskInstanceQuery()
                // Every process here is a project's (target-approval, target-lifecycle): no definition filter, as
                // an or-query keeps only one processDefinitionKey.
                .taskAssignee(caller.userId()).finished();
        if (year != null) {
            q.processVariableValueEquals("year", year);
        }
        if (department != null && !department.isBlank()) {
            q.processVariableValueEquals("departmentCode", department);
        }
        List<HistoricTaskInstance> list = q.orderByHistoricTaskInstanceEndTime().desc().listPage(page * size, size);
        Map<Long, Project> byId = load(list.stream().map(t -> projectId(t.getProcessInstanceId())).toList());
        return list.stream().map(t -> row(t.getId(), byId.get(projectId(t.getProcessInstanceId())),
                Steps.name(t.getTaskDefinitionKey()), t.getAssignee(), t.getStartTime(), t.getDueDate(),
                t.getEndTime(), false, false)).toList();
    }

    /** 我发起的: the tables the caller submitted, wherever they are now. */
    @Transactional(readOnly = true)
    public List<TaskRow> started(Caller caller, Integer year, String department, int page, int size) {
        return engine.asSystem(() -> startedRows(caller, year, department, page, size));
    }

    private List<TaskRow> startedRows(Caller caller, Integer year, String department, int page, int size) {
        return projects.findBySubmittedBy(caller.userId(), org.springframework.data.domain.PageRequest.of(page, size))
                .stream()
                .filter(p -> year == null || p.getYear() == year)
                .filter(p -> department == null || department.isBlank() || (p.getUnit() != null
                        && department.equals(p.getUnit().getDepartment().getCode())))
                .map(p -> {
                    Task current = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(p.getId()))
                            .processDefinitionKey("target-approval").singleResult();
                    return row(current == null ? null : current.getId(), p,
                            current == null ? "已批复" : Steps.name(current.getTaskDefinitionKey()),
                            current == null ? null : current.getAssignee(),
                            current == null ? null : current.getCreateTime(),
                            current == null ? null : current.getDueDate(), null, false, false);
                }).toList();
    }

    private TaskRow row(String taskId, Project p, String step, String assignee, Date created, Date due, Date ended,
                        boolean reminded, boolean overdue) {
        Unit u = p == null ? null : p.getUnit();
        long warnings = p == null ? 0 : validation.validate(p).stream().filter(f -> !f.isError()).count();
        return new TaskRow(taskId, p == null ? null : p.getId(), p == null ? null : p.getName(),
                p == null ? 0 : p.getYear(), u == null ? null : new ProjectView.UnitRef(u.getCode(), u.getName()),
                p == null ? null : ProjectView.amount(p.getBudget()), step, assignee, created, due, ended, warnings,
                reminded, overdue, p == null ? null : p.getStatus().name());
    }

    private Map<Long, Project> load(List<Long> ids) {
        return projects.findAllById(ids).stream().collect(Collectors.toMap(Project::getId, Function.identity()));
    }

    private Long projectId(String processInstanceId) {
        Object v = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName("projectId").singleResult().getValue();
        return ((Number) v).longValue();
    }
}
