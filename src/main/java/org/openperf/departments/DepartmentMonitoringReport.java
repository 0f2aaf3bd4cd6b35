package org.openperf.departments;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 部门整体绩效目标's 监控表 in one monitoring round: one line per activity indicator of the approved table, in the
 * table's order. DRAFT while the department fills it, SUBMITTED while finance reviews it, APPROVED after.
 */
@Entity
@Table(name = "department_monitoring_report")
public class DepartmentMonitoringReport {

    public static final String DRAFT = "DRAFT";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String APPROVED = "APPROVED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "table_id", nullable = false)
    private Long tableId;

    @Column(name = "round_id", nullable = false)
    private Long roundId;

    @Column(name = "cutoff_month", nullable = false)
    private int cutoffMonth;

    @Column(nullable = false, length = 20)
    private String status = DRAFT;

    @Column(name = "submitted_by", length = 100)
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "updated_by", length = 100)
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    @Column(nullable = false)
    private long version;

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<DepartmentMonitoringLine> lines = new ArrayList<>();

    protected DepartmentMonitoringReport() {
    }

    DepartmentMonitoringReport(Long tableId, Long roundId, int cutoffMonth) {
        this.tableId = tableId;
        this.roundId = roundId;
        this.cutoffMonth = cutoffMonth;
    }

    void addLine(String activityName, String indicatorName) {
        lines.add(new DepartmentMonitoringLine(this, lines.size(), activityName, indicatorName));
    }

    void edited(String by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    void submitted(String by, Instant at) {
        this.status = SUBMITTED;
        this.submittedBy = by;
        this.submittedAt = at;
    }

    void returned() {
        this.status = DRAFT;
    }

    void approved() {
        this.status = APPROVED;
    }

    public Long getId() {
        return id;
    }

    public Long getTableId() {
        return tableId;
    }

    public Long getRoundId() {
        return roundId;
    }

    public int getCutoffMonth() {
        return cutoffMonth;
    }

    public String getStatus() {
        return status;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public long getVersion() {
        return version;
    }

    public List<DepartmentMonitoringLine> getLines() {
        return lines;
    }
}
