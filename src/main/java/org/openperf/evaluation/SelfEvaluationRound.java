package org.openperf.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.openperf.kernel.DeliveryProgress;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.SQLRestriction;
import org.springframework.data.domain.Persistable;

/** A year's self-evaluation round, opened once by finance; its seed makes finance's re-check sample reproducible. */
@Entity
@Table(name = "self_evaluation_round")
public class SelfEvaluationRound implements Persistable<Integer> {

    @Id
    @Column(name = "fiscal_year")
    private Integer year;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "opened_by", length = 100)
    private String openedBy;

    @Column(name = "sample_seed", nullable = false)
    private long sampleSeed;

    /**
     * The population finance's sample share is drawn from: the approved projects the round asks, fixed when it is
     * opened, less those its delivery found could not take part (their lifecycle did not wait for the round, or failed
     * to take it). Written by {@link SelfEvaluationRoundDelivery}, never through this collection.
     */
    @ElementCollection
    @CollectionTable(name = "self_evaluation_round_project", joinColumns = @JoinColumn(name = "fiscal_year"))
    @Column(name = "project_id")
    @SQLRestriction("reached is null or reached = true")
    @Immutable
    private Set<Long> projects = new HashSet<>();

    /** How many projects the round asks. */
    @Column(name = "projects", nullable = false)
    private int projectCount;

    @Embedded
    private DeliveryProgress delivery = new DeliveryProgress();

    /** Its id is the year, assigned: saved as new, so a second round of the year fails on the key, never merges. */
    @Transient
    private boolean isNew = true;

    protected SelfEvaluationRound() {
    }

    @PostLoad
    @PostPersist
    void stored() {
        isNew = false;
    }

    @Override
    public Integer getId() {
        return year;
    }

    @Override
    public boolean isNew() {
        return isNew;
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
        return Collections.unmodifiableSet(projects);
    }

    public int getProjectCount() {
        return projectCount;
    }

    public DeliveryProgress getDelivery() {
        return delivery;
    }

    void asks(int projectCount) {
        this.projectCount = projectCount;
    }
}
