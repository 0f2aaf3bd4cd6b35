package org.openperf.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Instant;

/** 累计支出: what a project had spent in total (万元) as of a date, as a unit or the treasury reported it. */
@Entity
@Table(name = "execution_reading")
public class ExecutionReading {

    public enum Source { API, WORKBOOK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private Long projectId;

    @Column(name = "as_of", nullable = false)
    private LocalDate asOf;

    @Column(nullable = false, precision = 18, scale = 6)
    private BigDecimal spent;

    @Column(nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Source source;

    @Column(name = "recorded_by", length = 100)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected ExecutionReading() {
    }

    public ExecutionReading(Long projectId, LocalDate asOf, BigDecimal spent, Source source, String recordedBy) {
        this.projectId = projectId;
        this.asOf = asOf;
        this.spent = spent;
        this.source = source;
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Long getProjectId() {
        return projectId;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public BigDecimal getSpent() {
        return spent;
    }

    public Source getSource() {
        return source;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
