package org.openperf.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A year's self-evaluation round, opened once by finance; its seed makes finance's re-check sample reproducible. */
@Entity
@Table(name = "self_evaluation_round")
public class SelfEvaluationRound {

    @Id
    @Column(name = "fiscal_year")
    private Integer year;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "opened_by", length = 100)
    private String openedBy;

    @Column(name = "sample_seed", nullable = false)
    private long sampleSeed;

    /** The projects the round reached: the population finance's sample share is drawn from. */
    @ElementCollection
    @CollectionTable(name = "self_evaluation_round_project", joinColumns = @JoinColumn(name = "fiscal_year"))
    @Column(name = "project_id")
    private Set<Long> projects = new HashSet<>();

    protected SelfEvaluationRound() {
    }

    SelfEvaluationRound(int year, String openedBy, long sampleSeed) {
        this.year = year;
        this.openedBy = openedBy;
        this.sampleSeed = sampleSeed;
        this.openedAt = Instant.now();
    }

    public Integer getYear() {
        return year;
    }

    public long getSampleSeed() {
        return sampleSeed;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Set<Long> getProjects() {
        return projects;
    }

    void reached(Set<Long> projectIds) {
        projects.addAll(projectIds);
    }
}
