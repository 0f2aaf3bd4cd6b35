package org.openperf.departments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a department table's history: 提交, 同意 or 退回 with an opinion, 批复 — who, when, what they wrote. */
@Entity
@Table(name = "department_target_opinion")
public class DepartmentTargetOpinion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "table_id", nullable = false)
    private Long tableId;

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

    protected DepartmentTargetOpinion() {
    }

    DepartmentTargetOpinion(Long tableId, String taskId, String step, String action, String userId, String comment,
                            Instant createdAt) {
        this.tableId = tableId;
        this.taskId = taskId;
        this.step = step;
        this.action = action;
        this.userId = userId;
        this.comment = comment;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getTableId() {
        return tableId;
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
