package org.openperf.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openperf.kernel.Caller;
import org.springframework.stereotype.Component;

/**
 * The 待办 list's tasks: those assigned to the caller and the unclaimed ones offered to their groups (or to them by
 * name when they have no group), as {@link TaskAccess} defines them, of the projects' processes, most urgent first.
 *
 * <p>Two native task queries (the engine's public API), merged: Camunda builds a {@code TaskQuery}'s SQL anew with
 * OGNL at every call, and its candidate query is a {@code select distinct} over a join, which PostgreSQL sorted in
 * full for a large group. Here the offered tasks are a semi-join on the candidate links, so PostgreSQL walks the
 * list's index for a large group and starts from the links for a small one. One statement for both kinds was
 * slower: under an OR the links became a filter per task, and a union of their ids hid the group's size from the
 * planner (docs/decisions/task-list-queries.md).
 */
@Component
class OpenTasks {

    /** Every value is a parameter ({@link NativeSql}); the statement's text holds only constants. */
    private static final String OFFERED = "select RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ is null and RES.ID_ in "
            + "(select I.TASK_ID_ from ACT_RU_IDENTITYLINK I where I.TYPE_ = 'candidate' and %s)";
    private static final String ASSIGNED = "select RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ = %s";
    private static final String PROCESSES = " and RES.PROC_DEF_ID_ in (select D.ID_ from ACT_RE_PROCDEF D where "
            + "D.KEY_ in (%s))";
    /** A process variable as {@code processVariableValueEquals} matches it: on the instance, not on a task. */
    private static final String VARIABLE = " and exists (select 1 from ACT_RU_VARIABLE V where V.PROC_INST_ID_ = "
            + "RES.PROC_INST_ID_ and V.TASK_ID_ is null and V.NAME_ = '%s' and %s)";
    /** Due date first (tasks without one last), then creation, then id: the order of the list's index. */
    private static final String ORDER = " order by RES.DUE_DATE_ asc nulls last, RES.CREATE_TIME_ asc, RES.ID_ asc";
    static final Comparator<Task> TODO_ORDER = Comparator
            .comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Task::getCreateTime, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Task::getId);

    private final TaskService tasks;

    OpenTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    /** One page of the caller's open tasks, optionally of one fiscal year and one department's projects. */
    List<Task> page(Caller caller, Integer year, String department, int page, int size) {
        if (caller.userId() == null) {
            return List.of();
        }
        // Both lists in the same order up to the page's end: the page is the same slice of their merge.
        int upTo = (page + 1) * size;
        NativeSql sql = new NativeSql();
        String user = sql.value("user", caller.userId());
        String offered = caller.groups().isEmpty() ? "I.USER_ID_ = " + user
                : "I.GROUP_ID_ in (" + sql.list("group", caller.groups()) + ")";
        String filters = filters(year, department, sql);
        List<Task> merged = new ArrayList<>(query(String.format(OFFERED, offered) + filters, sql, upTo));
        Set<String> seen = new HashSet<>(merged.stream().map(Task::getId).toList());
        query(String.format(ASSIGNED, user) + filters, sql, upTo).stream().filter(t -> seen.add(t.getId()))
                .forEach(merged::add);
        merged.sort(TODO_ORDER);
        return merged.subList(Math.min(page * size, merged.size()), Math.min(upTo, merged.size()));
    }

    private static String filters(Integer year, String department, NativeSql sql) {
        StringBuilder where = new StringBuilder(String.format(PROCESSES, sql.list("key", ProjectProcesses.ALL)));
        if (year != null) {
            where.append(String.format(VARIABLE, "year",
                    "V.TYPE_ = 'integer' and V.LONG_ = " + sql.value("year", year.longValue())));
        }
        if (department != null && !department.isBlank()) {
            where.append(String.format(VARIABLE, "departmentCode",
                    "V.TYPE_ = 'string' and V.TEXT_ = " + sql.value("department", department)));
        }
        return where.toString();
    }

    private List<Task> query(String where, NativeSql sql, int upTo) {
        return sql.bind(tasks.createNativeTaskQuery().sql(where + ORDER)).listPage(0, upTo);
    }
}
