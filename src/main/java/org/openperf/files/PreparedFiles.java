package org.openperf.files;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openperf.kernel.Caller;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files prepared in the background (docs/decisions/prepared-files.md): the request that asks for one answers at
 * once with its number, the page polls {@code GET /api/files/{id}} on whichever node, and fetches the file from
 * {@code /api/files/{id}/content} when it is ready. The work runs on the node that took the request, as the
 * requester (the caller and scope it was asked with); the row and the finished file are in the database. A file is
 * kept for {@link #KEPT}, and only its requester can read it.
 */
@Service
public class PreparedFiles {

    /** How long a file is kept after it was asked for; older ones are deleted when the next is asked for. */
    static final Duration KEPT = Duration.ofDays(1);
    /** A file still being prepared after this long was cut off (its node stopped): the page says so. */
    static final Duration STALE = Duration.ofMinutes(10);
    /** How many files one user may have in preparation at once: each holds a workbook in memory. */
    static final int PER_USER = 2;
    static final int QUEUED = 8;
    private static final Logger log = LoggerFactory.getLogger(PreparedFiles.class);

    private final PreparedFileRepository files;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    /** Two files at a time, and at most {@link #QUEUED} waiting: each holds a workbook in memory while it is made. */
    private final ThreadPoolExecutor runner = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED), r -> {
                Thread t = new Thread(r, "prepared-file");
                t.setDaemon(true);
                return t;
            });
    /** The files this node took and has not finished: marked failed if the node stops first. */
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    PreparedFiles(PreparedFileRepository files, JdbcTemplate jdbc, Clock clock,
                  PlatformTransactionManager transactions) {
        this.files = files;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Starts preparing a file: {@code work} makes its content, in the background. Whatever the request can check
     * (its parameters, the caller's rights) the caller checks before, so that a mistake is answered at once.
     */
    public PreparedFile start(String kind, String fileName, Caller caller, Supplier<byte[]> work) {
        if (caller.userId() == null) {
            throw new ForbiddenException("准备下载文件须先登录");
        }
        Instant now = clock.instant();
        PreparedFile file = ownTransaction.execute(s -> {
            files.deleteRequestedBefore(now.minus(KEPT));
            if (files.countRunning(caller.userId(), PreparedFile.Status.RUNNING, now.minus(STALE)) >= PER_USER) {
                throw new ConflictException("已有 " + PER_USER + " 个文件正在生成，请等它们完成后再导出");
            }
            return files.save(new PreparedFile(kind, fileName, caller.userId(), now));
        });
        pending.add(file.getId());
        try {
            runner.execute(() -> prepare(file.getId(), work));
        } catch (RejectedExecutionException e) {
            pending.remove(file.getId());
            ownTransaction.executeWithoutResult(s -> files.deleteById(file.getId()));
            throw new ConflictException("服务器正在生成的文件已满，请稍后再导出");
        }
        return file;
    }

    private void prepare(Long id, Supplier<byte[]> work) {
        try {
            // Started: a file that waited its turn is not taken for one its node dropped.
            ownTransaction.executeWithoutResult(s -> files.findById(id).ifPresent(f -> f.started(clock.instant())));
            byte[] content = work.get();
            ownTransaction.executeWithoutResult(s -> {
                jdbc.update("update prepared_file set content = ? where id = ?", content, id);
                files.findById(id).ifPresent(f -> f.done(content.length, clock.instant()));
            });
        } catch (Throwable e) {
            // Refusals carry their Chinese reason; anything else is logged and reported without internals.
            boolean known = e instanceof InvalidInputException || e instanceof ForbiddenException
                    || e instanceof NotFoundException || e instanceof ConflictException;
            if (!known) {
                log.error("prepared file {} failed", id, e);
            }
            failed(id, known ? e.getMessage() : "文件生成失败：服务器处理时出错，请稍后重试");
        } finally {
            pending.remove(id);
        }
    }

    private void failed(Long id, String message) {
        try {
            ownTransaction.executeWithoutResult(s -> files.findById(id)
                    .ifPresent(f -> f.failed(message, clock.instant())));
        } catch (RuntimeException e) {
            log.error("prepared file {} could not be marked failed; it shows as interrupted in {}", id, STALE, e);
        }
    }

    /** The caller's own file; anyone else's answers as not found, as does one deleted after {@link #KEPT}. */
    public PreparedFile find(Long id, Caller caller) {
        PreparedFile file = files.findById(id).orElseThrow(() -> new NotFoundException("文件 " + id + " 不存在或已过期"));
        if (caller.userId() == null || !caller.userId().equals(file.getRequestedBy())) {
            throw new NotFoundException("文件 " + id + " 不存在或已过期");
        }
        return file;
    }

    /**
     * The finished file ({@code file} as {@link #find} gave it to its requester); 409 while it is being prepared or
     * when preparing it failed, 404 when it expired meanwhile.
     */
    public byte[] content(PreparedFile file) {
        if (file.getStatus() == PreparedFile.Status.FAILED) {
            throw new ConflictException(file.getMessage());
        }
        if (file.getStatus() != PreparedFile.Status.DONE) {
            throw new ConflictException(stale(file) ? interrupted() : "文件“" + file.getFileName() + "”还在生成中");
        }
        List<byte[]> content = jdbc.query("select content from prepared_file where id = ?",
                (rs, n) -> rs.getBytes(1), file.getId());
        if (content.isEmpty()) {
            throw new NotFoundException("文件 " + file.getId() + " 不存在或已过期");
        }
        return content.get(0);
    }

    public boolean stale(PreparedFile file) {
        return file.getStatus() == PreparedFile.Status.RUNNING
                && file.getUpdatedAt().isBefore(clock.instant().minus(STALE));
    }

    static String interrupted() {
        return "文件生成已中断（处理它的服务器停止了），请重新导出";
    }

    /** The files this node had not finished are marked failed, so their pages say so at once. */
    @PreDestroy
    void stop() {
        runner.shutdownNow();
        for (Long id : List.copyOf(pending)) {
            failed(id, interrupted());
        }
    }
}
