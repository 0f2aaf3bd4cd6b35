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
        Sums sums = Sums.NONE;
        for (Project p : projects) {
            sums = sums.plus(Sums.of(p, readings.getOrDefault(p.getId(), List.of())));
        }
        return of(title, sums);
    }

    static ExecutionCurve of(String title, Sums sums) {
        BigDecimal budget = sums.budget();
        List<BigDecimal> planned = new ArrayList<>();
        List<BigDecimal> actual = new ArrayList<>();
        List<BigDecimal> plannedMoney = new ArrayList<>();
        List<BigDecimal> actualMoney = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            boolean known = sums.asOfMonth() != null && m <= sums.asOfMonth();
            boolean any = budget.signum() > 0;
            BigDecimal plannedAmount = sums.planned()[m - 1];
            // plannedAmount holds Σ budget × percent: ÷ 100 gives 万元, ÷ Σ budget gives the weighted percent.
            planned.add(any ? plannedAmount.divide(budget, 2, RoundingMode.HALF_UP) : null);
            plannedMoney.add(any ? ProjectView.amount(plannedAmount.divide(HUNDRED, 2, RoundingMode.HALF_UP)) : null);
            BigDecimal spent = sums.spent()[m - 1];
            actual.add(known && any ? spent.multiply(HUNDRED).divide(budget, 2, RoundingMode.HALF_UP) : null);
            actualMoney.add(known && any ? ProjectView.amount(spent) : null);
        }
        return new ExecutionCurve(title, ProjectView.amount(budget), MONTHS, Collections.unmodifiableList(planned),
                Collections.unmodifiableList(actual), Collections.unmodifiableList(plannedMoney),
                Collections.unmodifiableList(actualMoney), sums.asOfMonth(), sums.count());
    }

    /**
     * What projects add to a curve before it becomes percents: Σ budget, Σ budget × planned percent and Σ spent at
     * each month end, the latest reading's month, how many projects. One project's is stored with its light.
     */
    record Sums(BigDecimal budget, BigDecimal[] planned, BigDecimal[] spent, Integer asOfMonth, int count) {

        static final Sums NONE = new Sums(BigDecimal.ZERO, zeros(), zeros(), null, 0);

        /** One project's part; nothing for a budget of 0 (nothing to spend). */
        static Sums of(Project p, List<ExecutionReading> readings) {
            if (p.getBudget() == null || p.getBudget().signum() <= 0) {
                return NONE;
            }
            BigDecimal[] plannedAmount = zeros();
            BigDecimal[] spent = zeros();
            List<SpendingReading> spending = MonitoringData.spending(p, readings);
            List<Milestone> monthEnds = Milestones.monthEnds(p);
            for (int m = 1; m <= 12; m++) {
                Milestone at = monthEnds.get(m - 1);
                plannedAmount[m - 1] = p.getBudget().multiply(at.plannedPercent());
                SpendingReading r = MonitoringCalculator.latestReading(spending, at);
                if (r != null) {
                    spent[m - 1] = r.cumulativeSpent();
                }
            }
            Integer asOfMonth = null;
            for (SpendingReading r : spending) {
                if (r.asOf().getYear() == p.getYear()) {
                    asOfMonth = asOfMonth == null ? r.asOf().getMonthValue()
                            : Math.max(asOfMonth, r.asOf().getMonthValue());
                }
            }
            return new Sums(p.getBudget(), plannedAmount, spent, asOfMonth, 1);
        }

        Sums plus(Sums other) {
            BigDecimal[] planned = zeros();
            BigDecimal[] spent = zeros();
            for (int m = 0; m < 12; m++) {
                planned[m] = this.planned[m].add(other.planned[m]);
                spent[m] = this.spent[m].add(other.spent[m]);
            }
            Integer month = asOfMonth == null ? other.asOfMonth
                    : other.asOfMonth == null ? asOfMonth : Integer.valueOf(Math.max(asOfMonth, other.asOfMonth));
            return new Sums(budget.add(other.budget), planned, spent, month, count + other.count);
        }
    }

    static BigDecimal[] zeros() {
        BigDecimal[] a = new BigDecimal[12];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }
}
