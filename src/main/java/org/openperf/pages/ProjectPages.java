package org.openperf.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.openperf.review.Steps;
import org.openperf.kernel.Caller;
import org.openperf.kernel.EngineAccess;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectStatus;
import org.openperf.targets.ProjectView;
import org.openperf.kernel.Finding;
import org.openperf.validation.ValidationService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the project pages show: rows of the list with their current step, and the tasks of one project. */
@Service
public class ProjectPages {

    private final ProjectService projects;
    private final ValidationService validation;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final EngineAccess engine;

    public ProjectPages(ProjectService projects, ValidationService validation, TaskService tasks,
                        RuntimeService runtime, EngineAccess engine) {
        this.projects = projects;
        this.validation = validation;
        this.tasks = tasks;
        this.runtime = runtime;
        this.engine = engine;
    }

    @Transactional(readOnly = true)
    public Page<ProjectRow> list(Integer year, String unit, ProjectStatus status, String text, Caller caller,
                                 Pageable page) {
        Page<Project> found = projects.browse(year, unit, status, text, caller.scope(), page);
        String[] keys = found.stream().map(p -> String.valueOf(p.getId())).toArray(String[]::new);
        Map<String, Task> current = new HashMap<>();
        Set<String> mine = new HashSet<>();
        if (keys.length > 0) {
            // The list is already scoped to the caller's projects; the steps of their tasks are read on the system's
            // authority, and only the caller's own tasks get a link into Tasklist.
            engine.asSystem(() -> {
                List<Task> open = tasks.createTaskQuery().processInstanceBusinessKeyIn(keys).list();
                Map<String, String> keyOf = businessKeys(open);
                for (Task t : open) {
                    current.put(keyOf.get(t.getProcessInstanceId()), t);
                }
                for (Task t : mine(tasks.createTaskQuery().processInstanceBusinessKeyIn(keys), caller).list()) {
                    mine.add(t.getId());
                }
            });
        }
        return found.map(p -> {
            Task t = current.get(String.valueOf(p.getId()));
            List<Finding> findings = validation.validate(p);
            return new ProjectRow(p.getId(), p.getYear(), p.getCode(), p.getName(),
                    p.getUnit() == null ? null : p.getUnit().getCode(), p.getUnit() == null ? null : p.getUnit().getName(),
                    ProjectView.amount(p.getBudget()), p.getStatus().name(),
                    t == null ? stepWithoutTask(p) : Steps.name(t.getTaskDefinitionKey()),
                    t != null && mine.contains(t.getId()) ? t.getId() : null,
                    findings.stream().filter(Finding::isError).count(),
                    findings.stream().filter(f -> !f.isError()).count());
        });
    }

    /** The project's open tasks: which step it is at, and which of them the caller may work on. */
    public ProjectTasks tasksOf(Long projectId, Caller caller) {
        String key = String.valueOf(projectId);
        return engine.asSystem(() -> {
            List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(key).list();
            List<Task> own = caller.userId() == null ? List.of()
                    : mine(tasks.createTaskQuery().processInstanceBusinessKey(key), caller).list();
            return new ProjectTasks(open, own);
        });
    }

    private static TaskQuery mine(TaskQuery q, Caller caller) {
        return caller.groups().isEmpty()
                ? q.or().taskCandidateUser(caller.userId()).taskAssignee(caller.userId()).endOr()
                : q.or().taskCandidateGroupIn(caller.groups()).taskAssignee(caller.userId()).endOr();
    }

    /** The business key (project id) of each task's process instance, in one query for the page. */
    private Map<String, String> businessKeys(List<Task> open) {
        Map<String, String> keys = new HashMap<>();
        if (open.isEmpty()) {
            return keys;
        }
        Set<String> ids = new HashSet<>();
        open.forEach(t -> ids.add(t.getProcessInstanceId()));
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceIds(ids).list()) {
            keys.put(pi.getId(), pi.getBusinessKey());
        }
        return keys;
    }

    private static String stepWithoutTask(Project p) {
        return switch (p.getStatus()) {
            case APPROVED -> "已批复";
            case IN_REVIEW -> "审核中";
            default -> "编制";
        };
    }

    /** The open tasks of one project, and those of them the caller may work on. */
    public record ProjectTasks(List<Task> open, List<Task> mine) {

        public String step() {
            return open.isEmpty() ? null : String.join("、", open.stream()
                    .map(t -> Steps.name(t.getTaskDefinitionKey())).distinct().toList());
        }

        public Task mineAt(String taskKey) {
            return mine.stream().filter(t -> taskKey.equals(t.getTaskDefinitionKey())).findFirst().orElse(null);
        }

        public Task openAt(String taskKey) {
            return open.stream().filter(t -> taskKey.equals(t.getTaskDefinitionKey())).findFirst().orElse(null);
        }

        public List<Task> mineList() {
            return new ArrayList<>(mine);
        }
    }
}
