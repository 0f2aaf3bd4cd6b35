package org.openperf.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** 复核调整: finance changed one indicator's score in 财政复核, with an opinion; the original score is kept. */
@Entity
@Table(name = "self_evaluation_score_change")
public class ScoreChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "self_evaluation_id", nullable = false)
    private Long selfEvaluationId;

    @Column(name = "indicator_index", nullable = false)
    private int indicatorIndex;

    @Column(name = "indicator_name", length = 500)
    private String indicatorName;

    /** 得分 as the rules gave it (shown, two decimals). */
    @Column(name = "original_score", nullable = false, precision = 12, scale = 6)
    private BigDecimal originalScore;

    @Column(name = "changed_score", nullable = false, precision = 12, scale = 6)
    private BigDecimal changedScore;

    @Column(nullable = false, precision = 12, scale = 6)
    private BigDecimal weight;

    @Column(nullable = false, length = 4000)
    private String comment;

    @Column(name = "changed_by", length = 100)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    /** A later submission (after a return) replaced the report this change was made on. */
    @Column(nullable = false)
    private boolean superseded;

    protected ScoreChange() {
    }

    ScoreChange(Long selfEvaluationId, int indicatorIndex, String indicatorName, BigDecimal originalScore,
                BigDecimal changedScore, BigDecimal weight, String comment, String changedBy) {
        this.selfEvaluationId = selfEvaluationId;
        this.indicatorIndex = indicatorIndex;
        this.indicatorName = indicatorName;
        this.originalScore = originalScore;
        this.changedScore = changedScore;
        this.weight = weight;
        this.comment = comment;
        this.changedBy = changedBy;
        this.changedAt = Instant.now();
    }

    void supersede() {
        this.superseded = true;
    }

    public Long getId() {
        return id;
    }

    public int getIndicatorIndex() {
        return indicatorIndex;
    }

    public String getIndicatorName() {
        return indicatorName;
    }

    public BigDecimal getOriginalScore() {
        return originalScore;
    }

    public BigDecimal getChangedScore() {
        return changedScore;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public String getComment() {
        return comment;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public boolean isSuperseded() {
        return superseded;
    }
}
