package org.openperf.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;

/**
 * 双监控 at a milestone: budget execution against the spending plan, indicator progress against the targets, and
 * the project's light (the worst of them). A plain class; {@link MonitoringConfiguration} makes it a bean with the
 * settings ({@code perf.monitoring.*}) and the light tables deployed in the engine.
 *
 * <p>Readings: the latest one dated on or before the milestone's last day and not before 1 January of the fiscal
 * year counts (later ones are ignored); of two with the same date the one later in the list (a correction) counts.
 * No reading by the milestone counts as 0 spent and the explanation says 未报执行数.
 *
 * <p>A budget of 0 (an unfunded item) has no execution rate: green, nothing to spend. A missing budget is an error.
 */
public class MonitoringCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final MonitoringSettings settings;
    private final ExecutionLight executionLight;
    private final IndicatorLight indicatorLight;

    public MonitoringCalculator(MonitoringSettings settings, LightTable lightTable) {
        this.settings = settings;
        this.executionLight = new ExecutionLight(lightTable);
        this.indicatorLight = new IndicatorLight(lightTable);
    }

    /** The project's milestones: its plan's months, or the default months when it has none. */
    public List<Milestone> milestones(Project project) {
        return Milestones.of(project, settings.defaultMilestoneMonths());
    }

    /** Budget execution at the milestone from the readings reported so far. */
    public ExecutionResult execution(Project project, Collection<SpendingReading> readings, Milestone milestone) {
        BigDecimal budget = project.getBudget();
        if (budget == null || budget.signum() < 0) {
            throw new IllegalArgumentException("项目 " + project.getName() + " 没有有效的预算数");
        }
        SpendingReading reading = latestReading(readings, milestone);
        BigDecimal spent = reading == null ? BigDecimal.ZERO : reading.cumulativeSpent();
        BigDecimal planned = milestone.plannedPercent();
        StringBuilder text = new StringBuilder("截至").append(milestone.label());
        if (reading == null) {
            text.append("未报执行数，累计支出按 0.00 万元计");
        } else {
            text.append("累计支出 ").append(money(spent)).append(" 万元");
        }
        if (budget.signum() == 0) {
            text.append("，预算数为 0，不计执行率：").append(Light.GREEN.label());
            return new ExecutionResult(milestone, reading, spent, null, planned, null, Light.GREEN, text.toString());
        }
        BigDecimal rate = spent.multiply(HUNDRED).divide(budget, 2, RoundingMode.HALF_UP);
        ExecutionLight.Rating rating = executionLight.rate(rate, planned);
        text.append("，执行率 ").append(rate.toPlainString()).append("%，计划 ").append(planned.toPlainString())
                .append("%，");
        if (rating.nothingDue()) {
            text.append("计划尚无支出（序时进度为 0），不计完成比例");
        } else {
            text.append("完成序时进度的 ").append(rating.ratio().toPlainString()).append("%");
        }
        text.append("：").append(rating.light().label());
        return new ExecutionResult(milestone, reading, spent, rate, planned, rating.ratio(), rating.light(),
                text.toString());
    }

    /** One indicator's progress at the milestone. */
    public IndicatorResult indicator(Indicator indicator, IndicatorProgress progress, Milestone milestone) {
        return indicatorLight.rate(indicator, progress, milestone);
    }

    /** The project's light: the worst of its execution light and its indicators' lights. */
    public Light projectLight(ExecutionResult execution, Collection<IndicatorResult> indicators) {
        List<Light> lights = new ArrayList<>();
        lights.add(execution.light());
        indicators.forEach(r -> lights.add(r.light()));
        return Light.worst(lights);
    }

    /**
     * The reading that counts at the milestone: the latest dated from 1 January of the milestone's year up to its
     * last day; of equal dates the later in the list. Null when there is none.
     */
    public static SpendingReading latestReading(Collection<SpendingReading> readings, Milestone milestone) {
        LocalDate from = LocalDate.of(milestone.year(), 1, 1);
        LocalDate to = milestone.lastDay();
        SpendingReading latest = null;
        for (SpendingReading r : readings) {
            if (r.asOf().isBefore(from) || r.asOf().isAfter(to)) {
                continue;
            }
            if (latest == null || !r.asOf().isBefore(latest.asOf())) {
                latest = r;
            }
        }
        return latest;
    }

    public MonitoringSettings settings() {
        return settings;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
