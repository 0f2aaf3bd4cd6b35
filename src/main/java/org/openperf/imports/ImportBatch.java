package org.openperf.imports;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.openperf.kernel.DisplayTimes;

/**
 * One stored import: the file as uploaded (for the error report) and what it produced. A batch imported as
 * approved (补录已批复目标) keeps its file as the evidence of that approval.
 */
@Entity
@Table(name = "import_batch")
public class ImportBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_name", nullable = false, length = 500)
    private String fileName;

    @Column(name = "file_sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "fiscal_year", nullable = false)
    private int year;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 100)
    private String createdBy;

    @Column(name = "table_count", nullable = false)
    private int tableCount;

    @Column(name = "indicator_count", nullable = false)
    private int indicatorCount;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false)
    private byte[] content;

    @Column(name = "problems_json", length = 1000000)
    private String problemsJson;

    @Column(name = "approved", nullable = false)
    private boolean approved;

    protected ImportBatch() {
    }

    public ImportBatch(String fileName, String sha256, int year, String createdBy, byte[] content) {
        this(fileName, sha256, year, createdBy, content, false);
    }

    /** @param approved its tables were approved on paper and are imported as approved version 1 */
    public ImportBatch(String fileName, String sha256, int year, String createdBy, byte[] content, boolean approved) {
        this.approved = approved;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.year = year;
        this.createdBy = createdBy;
        this.content = content;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public String getSha256() {
        return sha256;
    }

    public int getYear() {
        return year;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public int getTableCount() {
        return tableCount;
    }

    public int getIndicatorCount() {
        return indicatorCount;
    }

    public byte[] getContent() {
        return content;
    }

    public boolean isApproved() {
        return approved;
    }

    public String getProblemsJson() {
        return problemsJson;
    }

    /** What a second upload of the same file for the same year is told. */
    public String alreadyImportedMessage(DisplayTimes times) {
        return "该文件已于 " + times.text(createdAt) + (approved ? " 按已批复" : " ")
                + "导入（导入批次 " + id + "，"
                + tableCount + " 张目标表），未重复导入";
    }

    void recordResult(int tables, int indicators, String problemsJson) {
        this.tableCount = tables;
        this.indicatorCount = indicators;
        this.problemsJson = problemsJson;
    }
}
