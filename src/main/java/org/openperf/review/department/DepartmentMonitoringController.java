package org.openperf.review.department;

import java.util.List;
import org.openperf.departments.DepartmentMonitoring;
import org.openperf.kernel.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department table's 监控表 in a round: {@code GET} (those who read the table), {@code PUT} the lines (its
 * department, while the 监控表 is being filled). Submitting and finance's review are the tasks of
 * department-monitoring-round (Tasklist or {@code POST /api/tasks/{id}/complete}).
 */
@RestController
@RequestMapping("/api/department-targets/{id}/monitoring/{roundId}")
public class DepartmentMonitoringController {

    public record LinesRequest(Long version, List<DepartmentMonitoring.LineInput> lines) {
    }

    private final DepartmentMonitoring monitoring;

    public DepartmentMonitoringController(DepartmentMonitoring monitoring) {
        this.monitoring = monitoring;
    }

    @GetMapping
    public DepartmentMonitoring.ReportView get(@PathVariable long id, @PathVariable long roundId) {
        return monitoring.report(id, roundId, Caller.current());
    }

    @PutMapping
    public DepartmentMonitoring.ReportView put(@PathVariable long id, @PathVariable long roundId,
                                               @RequestBody LinesRequest body) {
        return monitoring.save(id, roundId, body == null ? null : body.version(), body == null ? null : body.lines(),
                Caller.current());
    }
}
