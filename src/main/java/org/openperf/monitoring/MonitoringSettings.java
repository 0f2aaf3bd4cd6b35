package org.openperf.monitoring;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of monitoring ({@code perf.monitoring.*}).
 *
 * @param defaultMilestoneMonths the month ends monitored for a table without 资金支出计划 (default 3, 6, 9, 12:
 *                               the quarters). The light bands are not here: they are the DMN tables in {@code bpmn/}.
 */
@ConfigurationProperties(prefix = "perf.monitoring")
public record MonitoringSettings(@DefaultValue({"3", "6", "9", "12"}) List<Integer> defaultMilestoneMonths) {

    public static final List<Integer> DEFAULT_MILESTONE_MONTHS = List.of(3, 6, 9, 12);

    public MonitoringSettings {
        defaultMilestoneMonths = defaultMilestoneMonths == null || defaultMilestoneMonths.isEmpty()
                ? DEFAULT_MILESTONE_MONTHS
                : defaultMilestoneMonths.stream().sorted().distinct().toList();
        for (int month : defaultMilestoneMonths) {
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("perf.monitoring.default-milestone-months: " + month
                        + " is not a month 1–12");
            }
        }
    }

    public static MonitoringSettings defaults() {
        return new MonitoringSettings(DEFAULT_MILESTONE_MONTHS);
    }
}
