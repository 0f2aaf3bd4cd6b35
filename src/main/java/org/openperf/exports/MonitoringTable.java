package org.openperf.exports;

import java.math.BigDecimal;
import java.util.List;

/**
 * One project's 监控表 (项目支出绩效目标执行监控表) as data for {@link MonitoringWorkbookWriter}: what the system knows
 * is filled in, the rest (forecasts, indicator progress, likelihood) stays null and is left blank to fill by hand.
 * Amounts in 万元.
 *
 * @param month              N of 1–N月: the cutoff the numbers stand at
 * @param initialBudget      年初预算数 (the first approved version), and its 财政资金 / 其他资金
 * @param adjustedBudget     调整后预算数 (the latest approved version), and its 财政资金 / 其他资金
 * @param spent              1–N月执行数
 * @param executionRate      执行率 (%), of the adjusted budget
 * @param plannedPercent     计划（序时）进度 (%) at the end of month N
 * @param forecast           全年预计执行数
 * @param light              监控灯 (红灯 …) or 未监控
 * @param conclusion         the calculator's words on execution at the cutoff
 * @param executionReasons   偏差原因 of budget execution (the unit's 偏差说明)
 * @param executionMeasures  纠偏措施 of budget execution
 */
public record MonitoringTable(int year, int month, String code, String name, String department, String unit,
                              BigDecimal initialBudget, BigDecimal initialFiscal, BigDecimal initialOther,
                              BigDecimal adjustedBudget, BigDecimal adjustedFiscal, BigDecimal adjustedOther,
                              BigDecimal spent, BigDecimal executionRate, BigDecimal plannedPercent,
                              BigDecimal forecast, String light, String conclusion, String executionReasons,
                              String executionMeasures, String goal, List<Line> indicators) {

    /**
     * One indicator row: 年度指标值 from the approved table; 1–N月完成值, 全年预计完成值, 偏差原因, 完成目标可能性,
     * 纠偏措施 and 备注 when a report gave them.
     */
    public record Line(String level1, String level2, String name, String target, String valueSoFar,
                       String forecast, String reasons, String likelihood, String measures, String note) {
    }
}
