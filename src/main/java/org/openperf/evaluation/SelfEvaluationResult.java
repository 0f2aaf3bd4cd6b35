package org.openperf.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The self-evaluation as it stands: {@code total}/{@code grade} after finance's changes, {@code scoredTotal}/
 * {@code scoredGrade} as the rules gave them; {@code sheet} the rules' score sheet; the changes and the history.
 */
public record SelfEvaluationResult(Long projectId, int year, int targetVersion, String status, BigDecimal total,
                         String grade, BigDecimal scoredTotal, String scoredGrade, String goalAchievement,
                         BigDecimal spent, BigDecimal spentRecorded, String spentReason, String submittedBy,
                         String submittedAt, String reviewedBy, String reviewedAt, List<String> sampleReasons,
                         String recheckedBy, String recheckedAt, String publishedAt, JsonNode sheet,
                         List<SelfEvaluationReport.Line> indicators,
                         List<SelfEvaluationResults.ChangeView> changes,
                         List<SelfEvaluationResults.HistoryEntry> history) {
}
