package org.openperf.monitoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * The 监控表 as the unit sends it (amounts in 万元).
 *
 * @param roundId        the round reported on; needed only while the project has more than one open round
 * @param adjustedBudget 调整后预算数; default the table's 预算数
 * @param spent          1–N月执行数; default the latest execution reading dated up to the cutoff
 * @param forecastSpent  全年预计执行数 (required)
 * @param indicators     one row per indicator of the approved table, by its index (0-based)
 */
public record MonitoringReportInput(Long roundId, BigDecimal adjustedBudget, BigDecimal spent,
                                    BigDecimal forecastSpent, List<Row> indicators) {

    /**
     * One indicator's row. Which value counts depends on the indicator: {@code valueSoFar} (1–N月完成值) for a
     * quantitative one, {@code achievement} (达成/部分达成/未达成) for a qualitative one, {@code done} for a deadline.
     *
     * @param forecast         全年预计完成值
     * @param deviationReasons 偏差原因: 经费保障, 制度保障, 人员保障, 硬件条件保障, 其他 (several allowed)
     * @param deviationText    偏差原因说明
     * @param likelihood       完成目标可能性: 确定能, 有可能, 完全不可能 (required)
     * @param measures         纠偏措施
     * @param remarks          备注
     */
    public record Row(Integer index, BigDecimal valueSoFar, String achievement, Boolean done, String forecast,
                      List<String> deviationReasons, String deviationText, String likelihood, String measures,
                      String remarks) {
    }
}
