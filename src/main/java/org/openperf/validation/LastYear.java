package org.openperf.validation;

import java.math.BigDecimal;
import java.util.List;
import org.openperf.targets.TargetValue;

/**
 * Last year's results of the project a table continues (issue 19): its approved targets with the final actuals and
 * scores, the grade and 预算数. Where they come from is the {@link LastYearSource}'s business; {@code source} names
 * it in messages (自评).
 *
 * @param year       last year's 预算年度
 * @param budget     last year's 预算数 in 万元, null when none
 * @param grade      last year's 等级 (优/良/中/差)
 * @param indicators last year's indicators in table order
 */
public record LastYear(int year, String projectName, BigDecimal budget, String grade, String source,
                       List<Row> indicators) {

    public LastYear {
        indicators = List.copyOf(indicators);
    }

    /**
     * One of last year's indicators.
     *
     * @param actual     实际完成值 as a number, null when not numeric or not reported
     * @param actualUnit the actual's unit; null: the target's unit
     * @param weight     分值, null when unknown
     * @param score      得分, null when unknown
     */
    public record Row(String level2, String name, TargetValue target, BigDecimal actual, String actualUnit,
                      BigDecimal weight, BigDecimal score) {
    }
}
