package org.openperf.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openperf.monitoring.Light;

/**
 * One source's latest word on a project's monitoring light: a milestone check, the latest spending reading
 * measured now, or a round's 监控表.
 *
 * @param source         what gave the light, in Chinese ({@code 6月底监控节点}, {@code 最新执行数})
 * @param asOf           the date the numbers stand at: the reading's date, the milestone's last day
 * @param light          the execution light (or a report's project light)
 * @param spent          cumulative spent (万元) at {@code asOf}
 * @param executionRate  spent ÷ budget × 100, null for a budget of 0
 * @param plannedPercent what the plan (or the linear 序时进度) expected by then
 * @param ratio          v = executionRate ÷ plannedPercent × 100, null when nothing was due
 * @param explanation    the calculator's words, e.g. {@code 截至6月底累计支出 …：红灯}
 * @param deviation      the unit's latest 偏差说明 known to this source, or null
 */
public record LightSignal(String source, LocalDate asOf, Light light, BigDecimal spent, BigDecimal executionRate,
                          BigDecimal plannedPercent, BigDecimal ratio, String explanation, Deviation deviation) {

    /**
     * 偏差说明: why a project lags and what it does about it.
     *
     * @param month      the milestone (or round cutoff) it explains
     * @param reasons    the categories (经费保障、制度保障、人员保障、硬件条件保障、其他), joined by 、
     * @param text       the unit's explanation
     * @param measures   纠偏措施
     * @param decision   the department's decision on it (approve / return), null while under review
     */
    public record Deviation(int month, String reasons, String text, String measures, String decision) {
    }
}
