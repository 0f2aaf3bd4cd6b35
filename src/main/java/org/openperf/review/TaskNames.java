package org.openperf.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A task's name says which project it is: {@code 部门审核 · 人社局专户项目 · 青岛市人力资源和社会保障局本级}, so a
 * reviewer with forty tasks in Tasklist tells them apart and finds one by Tasklist's name search (project name,
 * unit, or the project's code where it has one). Set when the task is created, from the stored project.
 */
@Component
public class TaskNames {

    static final String SEPARATOR = " · ";
    /** ACT_RU_TASK.NAME_ and ACT_HI_TASKINST.NAME_ are varchar(255). */
    static final int MAX = 255;

    private final ProjectGroups groups;

    public TaskNames(ProjectGroups groups) {
        this.groups = groups;
    }

    void name(DelegateTask task) {
        groups.routing(ProjectKeys.of(task)).ifPresent(r -> task.setName(
                name(stepName(task.getName(), task.getTaskDefinitionKey()), r)));
    }

    /** The name of an open task once its project has changed (a draft moved or renamed). */
    static String rename(Task task, ProjectRouting r) {
        return name(stepName(task.getName(), task.getTaskDefinitionKey()), r);
    }

    static String name(String step, ProjectRouting r) {
        StringBuilder b = new StringBuilder(step);
        append(b, r.projectName());
        append(b, r.unitName());
        append(b, r.projectCode());
        return b.length() <= MAX ? b.toString() : b.substring(0, MAX - 1) + "…";
    }

    private static void append(StringBuilder b, String part) {
        if (part != null && !part.isBlank()) {
            b.append(SEPARATOR).append(part.strip());
        }
    }

    /** The model's name of the step (its first part, should a task be named twice). */
    private static String stepName(String taskName, String taskDefinitionKey) {
        String name = taskName == null ? Steps.name(taskDefinitionKey) : taskName;
        int cut = name.indexOf(SEPARATOR);
        return cut < 0 ? name : name.substring(0, cut);
    }
}
