package org.openperf.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 批复版本: the table as finance approved it, frozen; monitoring and evaluation measure against the latest. */
@Entity
@Table(name = "target_version")
public class TargetVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Column(nullable = false)
    private int version;

    @Column(name = "approved_at", nullable = false)
    private Instant approvedAt;

    @Column(name = "approved_by", length = 100)
    private String approvedBy;

    /** The whole table as JSON (the API's project view), so a version reads the same whatever changes later. */
    @Column(nullable = false, length = 1000000)
    private String snapshot;

    protected TargetVersion() {
    }

    public TargetVersion(Long projectId, int version, Instant approvedAt, String approvedBy, String snapshot) {
        this.projectId = projectId;
        this.version = version;
        this.approvedAt = approvedAt;
        this.approvedBy = approvedBy;
        this.snapshot = snapshot;
    }

    public Long getProjectId() {
        return projectId;
    }

    public int getVersion() {
        return version;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getSnapshot() {
        return snapshot;
    }
}
