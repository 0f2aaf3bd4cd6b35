package org.openperf.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openperf.monitoring.ExecutionService;
import org.openperf.kernel.Caller;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.kernel.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo mode only, after {@link DemoData}: a handful of Qingdao 2024 tables taken through approval by the demo users
 * (unit402001 / unit402004 submit, dept402 and finance approve) and spending readings that give the monitoring
 * dashboard red, yellow and green projects, and one approved project without a reading (未监控). Done on the first
 * start only: once any of these tables is approved, nothing is loaded again.
 */
@Component
@ConditionalOnProperty(name = "perf.demo.monitoring", havingValue = "true")
public class DemoMonitoring {

    private static final Logger log = LoggerFactory.getLogger(DemoMonitoring.class);
    static final int YEAR = 2024;

    /** A reading: cumulative spent (万元) as of a date. */
    record Spent(String asOf, String amount) {
    }

    /** A Qingdao 2024 table of a demo unit, and its readings (no plan in the fixture: the linear 序时进度 applies). */
    record DemoProject(String unit, String name, List<Spent> readings) {
    }

    static final List<DemoProject> PROJECTS = List.of(
            // 835 万元: 23.95% spent by 6月底 against 50%: 47.90% of schedule, red.
            new DemoProject("402001", "人力资源和社会保障经费",
                    List.of(new Spent("2024-03-31", "100"), new Spent("2024-06-30", "200"))),
            // 16000 万元: 78.13% by 9月底 against 75%, green.
            new DemoProject("402001", "博士后资助资金", List.of(new Spent("2024-03-31", "4200"),
                    new Spent("2024-06-30", "8800"), new Spent("2024-09-30", "12500"))),
            // 12 万元: 35% by 6月底 against 50%: 70%, yellow.
            new DemoProject("402001", "财源建设工作经费", List.of(new Spent("2024-06-30", "4.2"))),
            // approved, no reading yet: 未监控.
            new DemoProject("402001", "院士服务经费", List.of()),
            // 763 万元: 52.42% by 6月底, green.
            new DemoProject("402004", "就业人才专项业务费", List.of(new Spent("2024-06-30", "400"))),
            // 200 万元: 20% by 6月底 against 50%: 40%, red.
            new DemoProject("402004", "创业补贴及创业服务补贴", List.of(new Spent("2024-06-30", "40"))),
            // 50 万元: 36% by 6月底: 72%, yellow.
            new DemoProject("402004", "公益性招聘会", List.of(new Spent("2024-06-30", "18"))));

    private final ProjectService projects;
    private final ExecutionService execution;
    private final DemoWorkflow workflow;

    public DemoMonitoring(ProjectService projects, ExecutionService execution, DemoWorkflow workflow) {
        this.workflow = workflow;
        this.projects = projects;
        this.execution = execution;
    }

    public void run() {
        List<Project> qingdao = projects.tables(YEAR, null, Scope.ALL);
        if (qingdao.stream().anyMatch(p -> p.getVersion() >= 1 && PROJECTS.stream()
                .anyMatch(d -> d.name().equals(p.getName())))) {
            log.info("Demo monitoring data: already loaded");
            return;
        }
        int approved = 0;
        for (DemoProject d : PROJECTS) {
            Project p = qingdao.stream()
                    .filter(q -> q.getUnit() != null && d.unit().equals(q.getUnit().getCode())
                            && d.name().equals(q.getName()))
                    .findFirst().orElse(null);
            if (p == null) {
                log.warn("Demo monitoring data: no {} table “{}” of unit {}", YEAR, d.name(), d.unit());
                continue;
            }
            try {
                if (workflow.approve(p)) {
                    approved++;
                    Caller unit = DemoWorkflow.unit(d.unit());
                    for (Spent s : d.readings()) {
                        execution.record(p.getId(), LocalDate.parse(s.asOf()), new BigDecimal(s.amount()),
                                unit.scope(), unit.userId());
                    }
                }
            } catch (RuntimeException e) {
                // Another node starting at the same moment got there first, or a user already works on the table:
                // the demo leaves it as it is rather than failing the start.
                log.warn("Demo monitoring data: “{}” left as it is: {}", d.name(), e.getMessage());
            }
        }
        log.info("Demo monitoring data: {} Qingdao {} tables approved, with their spending readings", approved, YEAR);
    }
}
