package org.openperf.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openperf.targets.Project;
import org.openperf.targets.SpendingPlanEntry;

/**
 * The milestones (监控时点) of a project: each month of its 资金支出计划 ({@code 3月底 30 · 6月底 60 · 10月底 90 ·
 * 12月底 100}) with the planned cumulative percent, or, for a table without a plan, the default months
 * ({@link MonitoringSettings#defaultMilestoneMonths()}, 3/6/9/12) with the linear 序时进度 month/12 × 100.
 *
 * <p>"The end of 31 March" is the instant 1 April 00:00 Asia/Shanghai ({@code 2024-04-01T00:00:00+08:00}): a timer
 * set to it fires once the whole of March, including its last millisecond, is over, and no reading dated 31 March
 * is missed. Percents are kept at 2 decimals, half-up, as the tables print them (10月底 linear: 83.33).
 */
public final class Milestones {

    /** Budget years and their month ends are Beijing time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** ISO 8601 with offset, seconds always written: {@code 2024-04-01T00:00:00+08:00}. */
    private static final DateTimeFormatter TIMER_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    /**
     * Each month's end and its timer date, by year × 12 + month - 1: a dashboard asks for twelve per project, and
     * formatting a zoned date is costly. The values depend on nothing else, so any node may keep them.
     */
    private static final Map<Integer, MonthEnd> MONTH_ENDS = new ConcurrentHashMap<>();

    private record MonthEnd(Instant instant, String timerDate) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private Milestones() {
    }

    /** The project's milestones: its plan's months, or the default months when the table has no plan. */
    public static List<Milestone> of(Project project, List<Integer> defaultMonths) {
        List<SpendingPlanEntry> plan = sortedPlan(project);
        List<Milestone> milestones = new ArrayList<>();
        if (plan.isEmpty()) {
            defaultMonths.stream().sorted().distinct()
                    .forEach(m -> milestones.add(milestone(project.getYear(), m, linear(m), false)));
        } else {
            plan.forEach(e -> milestones.add(milestone(project.getYear(), e.getMonth(),
                    percent(e.getCumulativePercent()), true)));
        }
        return milestones;
    }

    public static List<Milestone> of(Project project) {
        return of(project, MonitoringSettings.DEFAULT_MILESTONE_MONTHS);
    }

    /**
     * The milestone at any month end, e.g. for a round finance opens on January–July (7月底). With a plan: the plan's
     * percent at a plan month; between two plan months the straight line between them (from 0% at the start of the
     * year); after the last plan month its percent. Without a plan: the linear month/12.
     */
    public static Milestone at(Project project, int month) {
        checkMonth(month);
        return at(project.getYear(), sortedPlan(project), month);
    }

    /** {@link #at} for every month end, January to December: the plan is read once, not twelve times. */
    public static List<Milestone> monthEnds(Project project) {
        List<SpendingPlanEntry> plan = sortedPlan(project);
        List<Milestone> months = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) {
            months.add(at(project.getYear(), plan, m));
        }
        return months;
    }

    private static Milestone at(int year, List<SpendingPlanEntry> plan, int month) {
        if (plan.isEmpty()) {
            return milestone(year, month, linear(month), false);
        }
        int previousMonth = 0;
        BigDecimal previousPercent = BigDecimal.ZERO;
        for (SpendingPlanEntry e : plan) {
            BigDecimal percent = percent(e.getCumulativePercent());
            if (e.getMonth() == month) {
                return milestone(year, month, percent, true);
            }
            if (e.getMonth() > month) {
                BigDecimal interpolated = previousPercent.add(percent.subtract(previousPercent)
                        .multiply(BigDecimal.valueOf(month - previousMonth))
                        .divide(BigDecimal.valueOf(e.getMonth() - previousMonth), 2, RoundingMode.HALF_UP));
                return milestone(year, month, interpolated, true);
            }
            previousMonth = e.getMonth();
            previousPercent = percent;
        }
        return milestone(year, month, previousPercent, true);
    }

    /** The end of the month in Asia/Shanghai, as the first instant of the next month. */
    public static Instant endOfMonth(int year, int month) {
        checkMonth(month);
        return LocalDate.of(year, month, 1).plusMonths(1).atStartOfDay(ZONE).toInstant();
    }

    /** {@link #endOfMonth} as a Camunda timer date: {@code 2024-04-01T00:00:00+08:00}. */
    public static String timerDate(int year, int month) {
        return TIMER_DATE.format(ZonedDateTime.ofInstant(endOfMonth(year, month), ZONE));
    }

    /** 序时进度 month/12 × 100, 2 decimals half-up. */
    public static BigDecimal linear(int month) {
        checkMonth(month);
        return BigDecimal.valueOf(month).multiply(HUNDRED).divide(TWELVE, 2, RoundingMode.HALF_UP);
    }

    private static Milestone milestone(int year, int month, BigDecimal plannedPercent, boolean fromPlan) {
        MonthEnd end = MONTH_ENDS.computeIfAbsent(year * 12 + month - 1,
                k -> new MonthEnd(endOfMonth(year, month), timerDate(year, month)));
        return new Milestone(year, month, end.instant(), end.timerDate(), plannedPercent, fromPlan);
    }

    private static List<SpendingPlanEntry> sortedPlan(Project project) {
        List<SpendingPlanEntry> plan = project.getSpendingPlan() == null ? List.of() : project.getSpendingPlan();
        plan.forEach(e -> {
            checkMonth(e.getMonth());
            if (e.getCumulativePercent() == null) {
                throw new IllegalArgumentException("资金支出计划 " + e.getMonth() + "月底 has no percent");
            }
        });
        return plan.stream().sorted(Comparator.comparingInt(SpendingPlanEntry::getMonth)).toList();
    }

    private static BigDecimal percent(BigDecimal p) {
        return p.setScale(2, RoundingMode.HALF_UP);
    }

    private static void checkMonth(int month) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException(month + " is not a month 1–12");
        }
    }
}
