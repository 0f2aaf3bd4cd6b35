package org.openperf.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.openperf.kernel.Caller;
import org.openperf.kernel.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "任务（待办/已办/我发起的）")
public class TaskController {

    private final TaskList list;
    private final ReviewTasks work;

    public TaskController(TaskList list, ReviewTasks work) {
        this.list = list;
        this.work = work;
    }

    /** Rows up to the end of a page (page × size): 待办 reads both of its lists from the first row. */
    static final int MAX_ROWS = 100_000;

    @GetMapping
    @Operation(summary = "任务列表：view=todo（待办）| done（已办）| started（我发起的）")
    public List<TaskRow> tasks(@RequestParam(defaultValue = "todo") String view,
                               @RequestParam(required = false) Integer year,
                               @RequestParam(required = false) String department,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        Caller caller = Caller.current();
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 200);
        if (((long) p + 1) * s > MAX_ROWS) {
            // A page's lists are read from the first row on: a page beyond every real list would read them all.
            throw new InvalidInputException("页码 " + page + " 超出范围：每页 " + s + " 条时最多 " + MAX_ROWS / s + " 页");
        }
        return switch (view) {
            case "todo" -> list.todo(caller, year, department, p, s);
            case "done" -> list.done(caller, year, department, p, s);
            case "started" -> list.started(caller, year, department, p, s);
            default -> throw new IllegalArgumentException("view 必须为 todo、done 或 started");
        };
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "签收任务")
    public void claim(@PathVariable String id) {
        work.claim(id, Caller.current());
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "办理任务：decision=approve|return，退回须填 comment；财政可 returnTo=unit|department")
    public void complete(@PathVariable String id, @RequestBody Decision decision) {
        work.complete(id, decision, Caller.current());
    }

    @PostMapping("/batch-complete")
    @Operation(summary = "批量同意：所选任务逐个办理，返回每个任务的结果")
    public List<BatchResult> batch(@RequestBody BatchRequest request) {
        if (request.taskIds() == null || request.taskIds().isEmpty()) {
            throw new IllegalArgumentException("请选择要办理的任务 taskIds");
        }
        Caller caller = Caller.current();
        List<BatchResult> results = new ArrayList<>();
        for (String taskId : request.taskIds()) {
            try {
                work.complete(taskId, new Decision("approve", request.comment(), null), caller);
                results.add(new BatchResult(taskId, true, null));
            } catch (RuntimeException e) {
                results.add(new BatchResult(taskId, false, e.getMessage()));
            }
        }
        return results;
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "转办")
    public void transfer(@PathVariable String id, @RequestBody Handover h) {
        work.transfer(id, h.userId(), h.comment(), Caller.current());
    }

    @PostMapping("/{id}/delegate")
    @Operation(summary = "委派")
    public void delegate(@PathVariable String id, @RequestBody Handover h) {
        work.delegate(id, h.userId(), h.comment(), Caller.current());
    }

    public record BatchRequest(List<String> taskIds, String comment) {
    }

    public record BatchResult(String taskId, boolean succeeded, String message) {
    }

    public record Handover(String userId, String comment) {
    }
}
