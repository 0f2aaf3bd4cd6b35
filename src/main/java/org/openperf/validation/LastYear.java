package org.openperf.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
 * @param handLinks  indicators matched by hand: this year's 三级 name key → last year's ({@code ProjectNames})
 */
public record LastYear(int year, String projectName, BigDecimal budget, String grade, String source,
                       List<Row> indicators, Map<String, String> handLinks) {

    public LastYear {
        indicators = List.copyOf(indicators);
        handLinks = Map.copyOf(handLinks);
    }

    /** Without hand links: every indicator is matched by its name. */
    public LastYear(int year, String projectName, BigDecimal budget, String grade, String source,
                    List<Row> indicators) {
        this(year, projectName, budget, grade, source, indicators, Map.of());
    }

    /** The same results with the table's hand links of indicators (this year's name key → last year's). */
    public LastYear withHandLinks(Map<String, String> links) {
        return new LastYear(year, projectName, budget, grade, source, indicators, links);
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
