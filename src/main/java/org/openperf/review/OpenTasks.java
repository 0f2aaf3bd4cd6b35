package org.openperf.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openperf.kernel.Caller;
import org.springframework.stereotype.Component;

/**
 * The 待办 list's tasks in one statement: those assigned to the caller and the unclaimed ones offered to their groups
 * (or to them by name when they have no group), as {@link TaskAccess} defines them, of the projects' processes,
 * most urgent first.
 *
 * <p>A native task query (the engine's public API) rather than two {@code TaskQuery}s merged: Camunda builds each
 * query's SQL anew with OGNL, about 15% of a node's CPU under the busiest day's load, and its candidate query is a
 * {@code select distinct} over a join, which PostgreSQL sorted in full for finance's 15,000 tasks among 100,000
 * (docs/performance.md). Here the caller's tasks are a set of ids (a union of the assignee index and the group
 * index), which leaves PostgreSQL free to walk the due-date index or to sort only the page.
 */
@Component
class OpenTasks {

    /** Every value is a parameter ({@code #{…}}); the statement's text holds only constants. */
    private static final String TASKS = "select RES.* from ACT_RU_TASK RES where RES.ID_ in ("
            + "select A.ID_ from ACT_RU_TASK A where A.ASSIGNEE_ = #{user} "
            + "union all select I.TASK_ID_ from ACT_RU_IDENTITYLINK I where I.TYPE_ = 'candidate' and %s) "
            + "and (RES.ASSIGNEE_ = #{user} or RES.ASSIGNEE_ is null) "
            + "and RES.PROC_DEF_ID_ in (select D.ID_ from ACT_RE_PROCDEF D where D.KEY_ in (%s))";
    /** A process variable as {@code processVariableValueEquals} matches it: on the instance, not on a task. */
    private static final String VARIABLE = " and exists (select 1 from ACT_RU_VARIABLE V where V.PROC_INST_ID_ = "
            + "RES.PROC_INST_ID_ and V.TASK_ID_ is null and V.NAME_ = '%s' and %s)";
    /** Due date first (tasks without one last), then creation, then id: the order of ix_act_ru_task_due_create. */
    private static final String ORDER = " order by RES.DUE_DATE_ asc nulls last, RES.CREATE_TIME_ asc, RES.ID_ asc";

    private final TaskService tasks;

    OpenTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    /** One page of the caller's open tasks, optionally of one fiscal year and one department's projects. */
    List<Task> page(Caller caller, Integer year, String department, int page, int size) {
        if (caller.userId() == null) {
            return List.of();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("user", caller.userId());
        String offered;
        if (caller.groups().isEmpty()) {
            offered = "I.USER_ID_ = #{user}";
        } else {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < caller.groups().size(); i++) {
                parameters.put("group" + i, caller.groups().get(i));
                names.add("#{group" + i + "}");
            }
            offered = "I.GROUP_ID_ in (" + String.join(", ", names) + ")";
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < ProjectProcesses.ALL.size(); i++) {
            parameters.put("key" + i, ProjectProcesses.ALL.get(i));
            keys.add("#{key" + i + "}");
        }
        StringBuilder sql = new StringBuilder(String.format(TASKS, offered, String.join(", ", keys)));
        if (year != null) {
            parameters.put("year", year.longValue());
            sql.append(String.format(VARIABLE, "year", "V.LONG_ = #{year}"));
        }
        if (department != null && !department.isBlank()) {
            parameters.put("department", department);
            sql.append(String.format(VARIABLE, "departmentCode", "V.TYPE_ = 'string' and V.TEXT_ = #{department}"));
        }
        sql.append(ORDER);
        var query = tasks.createNativeTaskQuery().sql(sql.toString());
        parameters.forEach(query::parameter);
        return query.listPage(page * size, size);
    }
}
