package org.openperf.monitoring;

import org.openperf.targets.ProjectMonitoringChanged;
import org.springframework.context.ApplicationEventPublisher;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openperf.review.ReviewService;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The milestone checks of the monitoring phase: which milestone comes next, the execution light when it passes
 * (computed once per project and milestone: a repeated job finds the stored result), and the unit's deviation
 * explanation with the department's review. The monitoring delegates call only this.
 */
@Service
public class MilestoneService {

    private final ProjectService projects;
    private final ExecutionReadingRepository readings;
    private final MilestoneResultRepository results;
    private final MonitoringCalculator calculator;
    private final ReviewService review;

    private final ApplicationEventPublisher events;

    public MilestoneService(ProjectService projects, ExecutionReadingRepository readings,
                            MilestoneResultRepository results,
                            @Qualifier(MonitoringConfiguration.DECIDING) MonitoringCalculator calculator,
                            ReviewService review,
            ApplicationEventPublisher events) {
        this.events = events;
        this.projects = projects;
        this.readings = readings;
        this.results = results;
        this.calculator = calculator;
        this.review = review;
    }

    /**
     * The milestone after {@code lastMonth}; on the first call (no last month) the first one still ahead of
     * {@code now}: milestones that passed before the table was approved are not checked.
     */
    @Transactional(readOnly = true)
    public Optional<Milestone> next(Long projectId, Integer lastMonth, Instant now) {
        Project p = projects.header(projectId);
        List<Milestone> all = calculator.milestones(p);
        return all.stream()
                .filter(m -> lastMonth != null ? m.month() > lastMonth : m.instant().isAfter(now))
                .findFirst();
    }

    @Transactional
    public MilestoneResult check(Long projectId, int month) {
        Optional<MilestoneResult> done = results.findByProjectIdAndMonth(projectId, month);
        if (done.isPresent()) {
            return done.get();
        }
        Project p = projects.header(projectId);
        Milestone milestone = calculator.milestones(p).stream().filter(m -> m.month() == month).findFirst()
                .orElseGet(() -> Milestones.at(p, month));
        List<SpendingReading> spending = readings.findByProjectIdOrderByAsOfAscIdAsc(projectId).stream()
                .map(r -> new SpendingReading(r.getAsOf(), r.getSpent())).toList();
        MilestoneResult result = results.save(new MilestoneResult(projectId, calculator.execution(p, spending,
                milestone)));
        events.publishEvent(new ProjectMonitoringChanged(projectId));
        return result;
    }

    /** The unit's 偏差说明 and the department's decision on it, kept on the milestone and in the history. */
    @Transactional
    public void recordDeviation(Long projectId, int month, String reasons, String reasonText, String measures,
                                String reviewer, String decision, String comment) {
        MilestoneResult r = results.findByProjectIdAndMonth(projectId, month)
                .orElseThrow(() -> new IllegalStateException("项目 " + projectId + " 没有 " + month + "月底的监控结果"));
        r.explain(reasons, reasonText, measures, reviewer, decision);
        events.publishEvent(new ProjectMonitoringChanged(projectId));
        review.record(projectId, null, "审核偏差说明", "approve".equals(decision) ? "approve" : "return", reviewer,
                month + "月底偏差说明（" + reasons + "）：" + reasonText + "；纠偏措施：" + measures
                        + (comment == null || comment.isBlank() ? "" : "；审核意见：" + comment));
    }

    @Transactional(readOnly = true)
    public List<MilestoneResult> results(Long projectId) {
        return results.findByProjectIdOrderByMonthAsc(projectId);
    }
}
