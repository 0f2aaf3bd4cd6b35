package org.openperf.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 审批意见: one step of a project's history — who did what, when, with which opinion. Written by
 * {@link ReviewService#record}, read here.
 */
@Entity
@Table(name = "review_opinion")
public class ReviewOpinion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Column(name = "task_id", length = 64)
    private String taskId;

    @Column(nullable = false, length = 50)
    private String step;

    @Column(nullable = false, length = 30)
    private String action;

    @Column(name = "user_id", length = 100)
    private String userId;

    @Column(length = 4000)
    private String comment;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ReviewOpinion() {
    }

    public Long getId() {
        return id;
    }

    public Long getProjectId() {
        return projectId;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getStep() {
        return step;
    }

    public String getAction() {
        return action;
    }

    public String getUserId() {
        return userId;
    }

    public String getComment() {
        return comment;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
