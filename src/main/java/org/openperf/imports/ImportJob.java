package org.openperf.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An import confirmed on the page, running in the background, with its progress (tables done of total). */
@Entity
@Table(name = "import_job")
public class ImportJob {

    public enum Status { RUNNING, DONE, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_name", nullable = false, length = 500)
    private String fileName;

    @Column(name = "fiscal_year", nullable = false)
    private int year;

    @Column(name = "created_by", length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.RUNNING;

    @Column(name = "tables_total", nullable = false)
    private int tablesTotal;

    @Column(name = "tables_done", nullable = false)
    private int tablesDone;

    @Column(name = "import_id")
    private Long importId;

    @Column(name = "duplicate_of")
    private Long duplicateOf;

    @Column(length = 4000)
    private String message;

    protected ImportJob() {
    }

    public ImportJob(String fileName, int year, String createdBy) {
        this.fileName = fileName;
        this.year = year;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void progress(int done, int total) {
        this.tablesDone = done;
        this.tablesTotal = total;
        this.updatedAt = Instant.now();
    }

    void finished(ImportResult result) {
        this.status = Status.DONE;
        this.importId = result.importId();
        this.duplicateOf = result.duplicateOf();
        this.tablesTotal = result.tableCount();
        this.tablesDone = result.tableCount();
        this.message = result.duplicateOf() != null && !result.problems().isEmpty()
                ? result.problems().get(0).message() : null;
        this.updatedAt = Instant.now();
    }

    void failed(String message) {
        this.status = Status.FAILED;
        this.message = message == null ? "导入失败" : message.length() > 4000 ? message.substring(0, 4000) : message;
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public int getYear() {
        return year;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Status getStatus() {
        return status;
    }

    public int getTablesTotal() {
        return tablesTotal;
    }

    public int getTablesDone() {
        return tablesDone;
    }

    public Long getImportId() {
        return importId;
    }

    public Long getDuplicateOf() {
        return duplicateOf;
    }

    public String getMessage() {
        return message;
    }
}
