package org.openperf.targets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A hand link of a project to last year's (issue 19): who linked it and when. {@code previousProjectId} null means
 * "explicitly none": the automatic match does not apply to this project.
 */
@Entity
@Table(name = "project_previous_link")
public class PreviousLink {

    @Id
    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "previous_project_id")
    private Long previousProjectId;

    @Column(name = "linked_by", nullable = false, length = 100)
    private String linkedBy;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    protected PreviousLink() {
    }

    PreviousLink(Long projectId) {
        this.projectId = projectId;
    }

    void set(Long previousProjectId, String linkedBy, Instant linkedAt) {
        this.previousProjectId = previousProjectId;
        this.linkedBy = linkedBy;
        this.linkedAt = linkedAt;
    }

    public Long getProjectId() {
        return projectId;
    }

    public Long getPreviousProjectId() {
        return previousProjectId;
    }

    public String getLinkedBy() {
        return linkedBy;
    }

    public Instant getLinkedAt() {
        return linkedAt;
    }
}
