package org.openperf.departments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A department table as its page sends it to replace the stored content (PUT): everything but who and when it is
 * for, which come from the stored table (a department or year in the body is not read). {@code version} is the one
 * the page read; bands are keyed 优, 良, 中, 差 as the API gives them.
 */
public record DepartmentTargetForm(Long version, String overallGoal, BigDecimal totalBudget, List<GoalInput> goals,
                                   List<ActivityInput> activities) {

    public record GoalInput(String title, String goal, String indicators) {
    }

    public record ActivityInput(String code, String name, String description, Integer budgetYear, String goal,
                                List<IndicatorInput> indicators) {
    }

    public record IndicatorInput(String name, String description, BigDecimal weight, Map<String, String> bands) {
    }

    /** A new, empty draft: the department (its code) and the fiscal year. */
    public record NewTable(String department, Integer year) {
    }
}
