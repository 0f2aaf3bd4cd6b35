package org.openperf;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Stands in for the job executor in the Spring tests, where it is off (application-test.yaml): after a transaction
 * commits, the jobs due now that are not timers (the async continuations after a person's decision: 校验, 批复,
 * 评分, 抽样复核判定, 结果公开, 记录偏差说明) run at once, one after another, as the executor would a moment
 * later; the caller goes on when they are done, so a test sees the effect of a decision it made, and sees it come
 * after the decision's own commit. Timers stay with the tests, which move the clock and run them by hand.
 *
 * <p>They run on a thread of their own: the committed transaction is still bound to the caller's thread until it
 * is cleaned up. A job that fails is left as the executor would leave it (retries counted down, due later).
 * {@link #hold} lets a test look at the state between the commit and the job.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "false")
public class EngineWorkAfterCommit {

    private static final Logger log = LoggerFactory.getLogger(EngineWorkAfterCommit.class);
    private static final AtomicBoolean PAUSED = new AtomicBoolean();
    private static final ThreadLocal<Boolean> RUNNING_JOBS = ThreadLocal.withInitial(() -> false);

    /**
     * Until closed, jobs wait (for a test of the state between a decision and the engine's work after it); every
     * engine call commits, so the hold lasts for the whole look.
     */
    public static AutoCloseable hold() {
        PAUSED.set(true);
        return () -> PAUSED.set(false);
    }

    @Bean
    RunJobsAfterCommit runJobsAfterCommit() {
        return new RunJobsAfterCommit();
    }

    /** Listens to every transaction of the context's transaction manager (Spring Boot adds it there). */
    static class RunJobsAfterCommit implements TransactionExecutionListener, ApplicationListener<ContextRefreshedEvent> {

        private final ExecutorService worker = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(() -> {
                RUNNING_JOBS.set(true);
                r.run();
            }, "test-job-runner");
            t.setDaemon(true);
            return t;
        });
        /** Set once the context is up: the engine's own start-up transactions run no jobs. */
        private volatile ManagementService management;

        @Override
        public void onApplicationEvent(ContextRefreshedEvent event) {
            management = event.getApplicationContext().getBean(ManagementService.class);
        }

        @Override
        public void afterCommit(TransactionExecution transaction, Throwable failure) {
            ManagementService engine = management;
            if (engine == null || failure != null || RUNNING_JOBS.get() || PAUSED.get()
                    || !transaction.isNewTransaction()) {
                return;
            }
            try {
                worker.submit(() -> runDueJobs(engine)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * One runner at a time, as the executor's job locks allow: two commits on two threads (a background import and
     * a request polling it) would otherwise execute the same job twice at once, which the executor never does.
     */
    static synchronized void runDueJobs(ManagementService management) {
        for (int round = 0; round < 1000; round++) {
            List<Job> due = management.createJobQuery().messages().executable().listPage(0, 50);
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    // As the executor: retries counted down, due again later (or an incident); the test sees it.
                    // Never the caller's failure: its transaction has committed.
                    log.info("job {} of {} failed: {}", job.getId(), job.getProcessInstanceId(), e.toString());
                }
            }
        }
    }
}
