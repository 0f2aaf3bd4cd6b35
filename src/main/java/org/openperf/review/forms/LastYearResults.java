package org.openperf.review.forms;

import java.util.Map;

/**
 * 结果应用 on the 财政审核 form: last year's score, grade, execution rate, red lights and the budget's change of the
 * project a table continues. Evaluation implements it (it sits above review: docs/architecture.md); computed when
 * the form is opened, never when a task is completed.
 */
public interface LastYearResults {

    /** The form's text variables by name ({@code lastYear}, {@code lastGrade}, {@code budgetChange} …). */
    Map<String, String> forFinanceReview(Long projectId);
}
