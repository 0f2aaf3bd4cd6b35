package org.openperf.imports;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openperf.kernel.Caller;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.NotFoundException;
import org.openperf.kernel.RejectedFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports confirmed on the /imports page run in the background so the page can show progress. The import itself
 * is the same all-or-nothing {@link ImportService#importFile}; its progress is written to the job's row in short
 * transactions of its own, so any node can answer the page's polling.
 */
@Service
public class ImportJobs {

    /** A running job not heard of for this long was cut off (its node stopped): the page says so. */
    static final Duration STALE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final long PROGRESS_INTERVAL_MS = 300;

    private final ImportService imports;
    private final ImportJobRepository jobs;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService runner = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "import-job");
        t.setDaemon(true);
        return t;
    });

    public ImportJobs(ImportService imports, ImportJobRepository jobs, PlatformTransactionManager transactions) {
        this.imports = imports;
        this.jobs = jobs;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public ImportJob start(byte[] content, String fileName, int year, String departmentCode, Caller caller) {
        return start(content, fileName, year, departmentCode, false, caller);
    }

    /** @param approved 补录已批复目标 (finance and administrators only, refused here before any job is made) */
    public ImportJob start(byte[] content, String fileName, int year, String departmentCode, boolean approved,
                           Caller caller) {
        if (approved) {
            ImportService.mayImportApproved(caller);
        }
        if (content == null || content.length == 0) {
            throw new RejectedFileException("上传的文件为空");
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("预算年度 " + year + " 不在 2000–2100 之间");
        }
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName;
        ImportJob job = ownTransaction.execute(s -> jobs.save(new ImportJob(
                name.length() > 500 ? name.substring(name.length() - 500) : name, year, caller.userId())));
        runner.submit(() -> run(job.getId(), content, fileName, year, departmentCode, approved, caller));
        return job;
    }

    private void run(Long jobId, byte[] content, String fileName, int year, String departmentCode, boolean approved,
                     Caller caller) {
        long[] last = {0};
        try {
            ImportResult result = imports.importFile(content, fileName, year, false, departmentCode, caller, approved,
                    (done, total) -> {
                        long now = System.currentTimeMillis();
                        if (done == total || now - last[0] >= PROGRESS_INTERVAL_MS) {
                            last[0] = now;
                            update(jobId, job -> job.progress(done, total));
                        }
                    });
            update(jobId, job -> job.finished(result));
        } catch (RuntimeException e) {
            // Refusals carry their Chinese reason; anything else is logged and reported without internals.
            // (a rejected file and any other invalid input are IllegalArgumentExceptions)
            boolean known = e instanceof IllegalArgumentException || e instanceof ForbiddenException;
            if (!known) {
                log.error("import job {} failed", jobId, e);
            }
            update(jobId, job -> job.failed(known ? e.getMessage() : "导入失败：服务器处理文件时出错，未导入任何内容"));
        }
    }

    private void update(Long jobId, java.util.function.Consumer<ImportJob> change) {
        ownTransaction.executeWithoutResult(s -> jobs.findById(jobId).ifPresent(change));
    }

    /** The caller's own job (finance and administrators see every job); anyone else's answers as not found. */
    public ImportJob find(Long id, Caller caller) {
        ImportJob job = jobs.findById(id).orElseThrow(() -> new NotFoundException("导入任务 " + id + " 不存在"));
        if (!mayRead(job.getCreatedBy(), caller)) {
            throw new NotFoundException("导入任务 " + id + " 不存在");
        }
        return job;
    }

    /**
     * An upload (its job, its batch, the file itself) is read only by who uploaded it, finance and administrators;
     * to anyone else it does not exist.
     */
    static boolean mayRead(String uploadedBy, Caller caller) {
        boolean uploader = caller.userId() != null && caller.userId().equals(uploadedBy);
        return uploader || caller.isFinance() || caller.isAdmin();
    }

    public static boolean stale(ImportJob job) {
        return job.getStatus() == ImportJob.Status.RUNNING
                && job.getUpdatedAt().isBefore(Instant.now().minus(STALE));
    }

    @PreDestroy
    void stop() {
        runner.shutdown();
    }
}
