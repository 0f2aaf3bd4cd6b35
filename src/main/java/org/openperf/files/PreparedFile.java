package org.openperf.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file being prepared in the background, or ready. Its content is in the same row but not mapped here: polling
 * reads the status without the file ({@link PreparedFiles#content} reads the file alone).
 */
@Entity
@Table(name = "prepared_file")
public class PreparedFile {

    public enum Status { RUNNING, DONE, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(name = "file_name", nullable = false, length = 300)
    private String fileName;

    @Column(name = "requested_by", nullable = false, length = 100)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.RUNNING;

    @Column(length = 4000)
    private String message;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    protected PreparedFile() {
    }

    PreparedFile(String kind, String fileName, String requestedBy, Instant now) {
        this.kind = kind;
        this.fileName = fileName;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.updatedAt = now;
    }

    void started(Instant now) {
        this.updatedAt = now;
    }

    void done(long size, Instant now) {
        this.status = Status.DONE;
        this.sizeBytes = size;
        this.updatedAt = now;
    }

    void failed(String message, Instant now) {
        this.status = Status.FAILED;
        this.message = message;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getFileName() {
        return fileName;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }

    public Long getSizeBytes() {
        return sizeBytes;
    }
}
