package org.openperf.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * One project's 自评表 as users read it (the API's figures and the exported files'): 年初预算数, 全年预算数,
 * 全年执行数, 分值 10, 执行率, 得分; 年度总体目标 with 实际完成情况; per indicator 年度指标值, 实际完成值, 分值, 得分,
 * 偏差原因分析及改进措施; 总分 and 等级 — after finance's changes, with the scores the rules gave kept beside them.
 *
 * @param initialBudget 年初预算数: the 预算数 as first approved (version 1), before any 目标调整
 * @param budget        全年预算数 as the unit reported it
 */
public record SelfEvaluationReport(Long projectId, int year, String projectName, String unitCode, String unitName,
                                   String departmentCode, String departmentName, BigDecimal initialBudget,
                                   BigDecimal budget, BigDecimal spent, BigDecimal executionWeight,
                                   BigDecimal executionRate, BigDecimal executionScore, String goal,
                                   String goalAchievement, List<Line> lines, BigDecimal total, String grade,
                                   BigDecimal scoredTotal, String scoredGrade, String status) {

    /**
     * @param score         得分 as it stands (changed by finance, or as scored)
     * @param originalScore 得分 as the rules gave it, when finance changed it; null otherwise
     */
    public record Line(int index, String level1, String level2, String name, String target, String actual,
                       BigDecimal weight, BigDecimal score, BigDecimal originalScore, String rule,
                       String deviationExplanation, String recheckComment) {
    }
}
