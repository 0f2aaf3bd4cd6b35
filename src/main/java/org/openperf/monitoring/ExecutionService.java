package org.openperf.monitoring;

import org.openperf.targets.ProjectMonitoringChanged;
import org.springframework.context.ApplicationEventPublisher;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openperf.kernel.InvalidInputException;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.kernel.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget execution data: cumulative spending per project as of a date, from units, finance or the treasury's
 * payment exports. Every reading is kept; monitoring takes the latest one on or before a milestone.
 */
@Service
public class ExecutionService {

    private final ProjectService projects;
    private final ExecutionReadingRepository readings;

    private final ApplicationEventPublisher events;

    public ExecutionService(ProjectService projects, ExecutionReadingRepository readings,
            ApplicationEventPublisher events) {
        this.events = events;
        this.projects = projects;
        this.readings = readings;
    }

    @Transactional
    public ExecutionReading record(Long projectId, LocalDate asOf, BigDecimal spent, Scope scope, String user) {
        Project p = projects.table(projectId, scope);
        String problem = problem(p, asOf, spent);
        if (problem != null) {
            throw new InvalidInputException(problem);
        }
        // Every new reading is kept; the same amount for the same day again adds nothing.
        return readings.findFirstByProjectIdAndAsOfAndSpent(projectId, asOf, spent)
                .orElseGet(() -> {
                    ExecutionReading saved = readings.save(new ExecutionReading(projectId, asOf, spent,
                            ExecutionReading.Source.API, user));
                    events.publishEvent(new ProjectMonitoringChanged(projectId));
                    return saved;
                });
    }

    @Transactional(readOnly = true)
    public List<ExecutionReading> readings(Long projectId, Scope scope) {
        projects.table(projectId, scope);
        return readings.findByProjectIdOrderByAsOfAscIdAsc(projectId);
    }

    /**
     * What is wrong with a reading for a project, in words a user can act on, or null. Spending is recorded
     * against approved tables only; its date lies in the fiscal year or the following one (final accounts).
     */
    static String problem(Project p, LocalDate asOf, BigDecimal spent) {
        if (p.getVersion() < 1) {
            return "项目“" + p.getName() + "”的目标表尚未批复，不能录入预算执行数";
        }
        if (asOf == null) {
            return "缺少截至日期 asOf";
        }
        if (asOf.getYear() < p.getYear() || asOf.getYear() > p.getYear() + 1) {
            return "截至日期 " + asOf + " 不在项目预算年度 " + p.getYear() + " 年内（或次年决算期）";
        }
        if (spent == null) {
            return "缺少累计支出 spent（万元）";
        }
        if (spent.signum() < 0) {
            return "累计支出 " + spent.toPlainString() + " 万元不能为负数";
        }
        if (spent.scale() > 6 || spent.precision() - spent.scale() > 12) {
            return "累计支出 " + spent.toPlainString() + " 万元超出可记录的范围";
        }
        return null;
    }
}
