package org.openperf.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A year's self-evaluation round, opened once by finance; its seed makes finance's re-check sample reproducible. */
@Entity
@Table(name = "self_evaluation_round")
public class SelfEvaluationRound {

    @Id
    @Column(name = "fiscal_year")
    private Integer year;

    @Column(name = "opened_at", nullable = false)
    private LocalDateTime openedAt;

    @Column(name = "opened_by", length = 100)
    private String openedBy;

    @Column(name = "sample_seed", nullable = false)
    private long sampleSeed;

    protected SelfEvaluationRound() {
    }

    SelfEvaluationRound(int year, String openedBy, long sampleSeed) {
        this.year = year;
        this.openedBy = openedBy;
        this.sampleSeed = sampleSeed;
        this.openedAt = LocalDateTime.now();
    }

    public Integer getYear() {
        return year;
    }

    public long getSampleSeed() {
        return sampleSeed;
    }
}
