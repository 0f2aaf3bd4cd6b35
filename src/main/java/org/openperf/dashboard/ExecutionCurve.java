package org.openperf.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openperf.monitoring.ExecutionReading;
import org.openperf.monitoring.Milestone;
import org.openperf.monitoring.Milestones;
import org.openperf.monitoring.MonitoringCalculator;
import org.openperf.monitoring.SpendingReading;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectView;

/**
 * 计划与实际累计执行进度 by month (1–12月底), for one project or several together.
 *
 * <p>Planned: the spending plan at each month end (between plan months the straight line, without a plan the linear
 * 序时进度), as {@link Milestones#at} gives it for the milestone checks. Actual: the latest reading dated by the
 * month end (none yet counts 0, as at a milestone), up to the month of the latest reading; later months have no
 * actual value yet. Several projects are weighted by budget: Σ planned amounts ÷ Σ budgets and Σ spent ÷ Σ budgets.
 * Projects with a budget of 0 have nothing to spend and are left out.
 *
 * @param title          what the curve is of (a project's name, a department's, 合计)
 * @param budget         the budget (万元) the percents are of
 * @param months         1 … 12
 * @param planned        planned cumulative percent at each month end
 * @param actual         actual cumulative percent at each month end; null after {@code asOfMonth}
 * @param plannedAmount  planned cumulative amount (万元) at each month end
 * @param actualAmount   spent (万元) by each month end; null after {@code asOfMonth}
 * @param asOfMonth      the month of the latest reading, null when there is none
 * @param projectCount   how many projects the curve adds up
 */
public record ExecutionCurve(String title, BigDecimal budget, List<Integer> months, List<BigDecimal> planned,
                             List<BigDecimal> actual, List<BigDecimal> plannedAmount,
                             List<BigDecimal> actualAmount, Integer asOfMonth, int projectCount) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final List<Integer> MONTHS = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

    static ExecutionCurve of(String title, List<Project> projects, Map<Long, List<ExecutionReading>> readings) {
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal[] plannedAmount = zeros();
        BigDecimal[] spent = zeros();
        Integer asOfMonth = null;
        int count = 0;
        for (Project p : projects) {
            if (p.getBudget() == null || p.getBudget().signum() <= 0) {
                continue;
            }
            count++;
            budget = budget.add(p.getBudget());
            List<SpendingReading> spending =
                    MonitoringData.spending(p, readings.getOrDefault(p.getId(), List.of()));
            List<Milestone> monthEnds = Milestones.monthEnds(p);
            for (int m = 1; m <= 12; m++) {
                Milestone at = monthEnds.get(m - 1);
                plannedAmount[m - 1] = plannedAmount[m - 1].add(p.getBudget().multiply(at.plannedPercent()));
                SpendingReading r = MonitoringCalculator.latestReading(spending, at);
                if (r != null) {
                    spent[m - 1] = spent[m - 1].add(r.cumulativeSpent());
                }
            }
            for (SpendingReading r : spending) {
                if (r.asOf().getYear() == p.getYear()) {
                    asOfMonth = asOfMonth == null ? r.asOf().getMonthValue()
                            : Math.max(asOfMonth, r.asOf().getMonthValue());
                }
            }
        }
        List<BigDecimal> planned = new ArrayList<>();
        List<BigDecimal> actual = new ArrayList<>();
        List<BigDecimal> plannedMoney = new ArrayList<>();
        List<BigDecimal> actualMoney = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            boolean known = asOfMonth != null && m <= asOfMonth;
            boolean any = budget.signum() > 0;
            // plannedAmount holds Σ budget × percent: ÷ 100 gives 万元, ÷ Σ budget gives the weighted percent.
            planned.add(any ? plannedAmount[m - 1].divide(budget, 2, RoundingMode.HALF_UP) : null);
            plannedMoney.add(any ? ProjectView.amount(plannedAmount[m - 1].divide(HUNDRED, 2, RoundingMode.HALF_UP))
                    : null);
            actual.add(known && any ? spent[m - 1].multiply(HUNDRED).divide(budget, 2, RoundingMode.HALF_UP) : null);
            actualMoney.add(known && any ? ProjectView.amount(spent[m - 1]) : null);
        }
        return new ExecutionCurve(title, ProjectView.amount(budget), MONTHS, Collections.unmodifiableList(planned),
                Collections.unmodifiableList(actual), Collections.unmodifiableList(plannedMoney),
                Collections.unmodifiableList(actualMoney), asOfMonth, count);
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] a = new BigDecimal[12];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }
}
