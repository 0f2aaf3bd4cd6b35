package org.openperf.pages;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.openperf.review.TaskList;
import org.openperf.review.TaskRow;
import org.openperf.kernel.Caller;
import org.openperf.kernel.DisplayTimes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 我的待办: the caller's open tasks, overdue ones first, each linked into Tasklist and to its project. */
@Controller
public class HomePage {

    static final int TODO_LIMIT = 200;

    private final TaskList tasks;
    private final DisplayTimes times;

    public HomePage(TaskList tasks, DisplayTimes times) {
        this.times = times;
        this.tasks = tasks;
    }

    @GetMapping("/")
    public String home(Model model) {
        Caller caller = Caller.current();
        // The engine's clock, as the due dates it compares with.
        Date now = Date.from(times.now());
        List<TaskRow> todo = tasks.todo(caller, null, null, 0, TODO_LIMIT).stream()
                .sorted(Comparator.comparing((TaskRow t) -> !overdue(t, now))
                        .thenComparing(TaskRow::due, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(TaskRow::created, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        model.addAttribute("todo", todo);
        model.addAttribute("overdueCount", todo.stream().filter(t -> overdue(t, now)).count());
        model.addAttribute("now", now);
        return "home";
    }

    static boolean overdue(TaskRow t, Date now) {
        return t.overdue() || (t.due() != null && t.due().before(now));
    }
}
