package org.openperf.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.openperf.kernel.BeforeCommit;
import org.openperf.kernel.EngineAccess;
import org.openperf.targets.Project;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts target-lifecycle instances, on the system's authority. A table stored on its own starts its lifecycle at
 * once. The tables of an import start theirs together, up to {@link #BATCH} at a time, inside one engine command
 * (the {@code target-lifecycle-starts} process, whose one service task starts them): the engine writes what every
 * start makes in one flush, a few multi-row statements for all of them instead of a score of statements for each
 * (docs/performance.md). They still start in the storing transaction: the last ones just before it commits, and a
 * start that fails rolls the whole file back.
 */
@Service
public class LifecycleStarts {

    static final String PROCESS = "target-lifecycle-starts";
    static final int BATCH = 50;

    /**
     * The batch the service task is to start, handed over in this thread for the one call that starts the process:
     * not a process variable, so the engine never stores or serializes it and nobody can send one.
     */
    private final ThreadLocal<List<Start>> handedOver = new ThreadLocal<>();

    private final RuntimeService runtime;
    private final EngineAccess engine;

    public LifecycleStarts(RuntimeService runtime, EngineAccess engine) {
        this.runtime = runtime;
        this.engine = engine;
    }

    /**
     * One lifecycle to start: the project id as business key, its start variables, and the activity it starts
     * before ({@code null}: at its start event).
     */
    private record Start(String businessKey, Map<String, Object> variables, String startBefore) {
    }

    /**
     * Starts the stored project's lifecycle before {@code startBefore} ({@code null}: at its start event): now, or
     * with the transaction's other starts when {@code oneOfMany} and a transaction is open.
     */
    void start(Project p, String startBefore, boolean oneOfMany) {
        Start start = new Start(String.valueOf(p.getId()), variables(p), startBefore);
        if (!oneOfMany || !TransactionSynchronizationManager.isSynchronizationActive()) {
            engine.asSystem(() -> startEach(List.of(start)));
            return;
        }
        List<Start> pending = pending();
        pending.add(start);
        if (pending.size() >= BATCH) {
            startPending(pending);
        }
    }

    /**
     * What a target-lifecycle instance is started with, however it starts: the year 自评's round correlates on. The
     * project is the business key; what the processes it calls need of the project, they read from the stored
     * project as they start ({@link ProjectVariables}, {@link ProjectGroups}).
     */
    static Map<String, Object> variables(Project p) {
        return Map.of("year", p.getYear());
    }

    /**
     * For the service task of {@code target-lifecycle-starts}: starts the batch handed over for it, in the task's
     * engine command. The process started any other way (through /engine-rest) has none, and is refused.
     */
    void startHandedOver() {
        List<Start> batch = handedOver.get();
        if (batch == null) {
            throw new IllegalStateException("批量启动目标表全过程只能由导入发起：没有交给它的目标表");
        }
        handedOver.remove();
        startEach(batch);
    }

    /** Starts each of them in the engine command that calls this, or one command each outside the engine. */
    private void startEach(List<Start> starts) {
        for (Start s : starts) {
            if (s.startBefore() == null) {
                runtime.startProcessInstanceByKey(ProjectProcesses.LIFECYCLE, s.businessKey(), s.variables());
            } else {
                runtime.createProcessInstanceByKey(ProjectProcesses.LIFECYCLE).businessKey(s.businessKey())
                        .setVariables(s.variables()).startBeforeActivity(s.startBefore()).execute();
            }
        }
    }

    private void startPending(List<Start> pending) {
        List<Start> batch = List.copyOf(pending);
        pending.clear();
        if (batch.isEmpty()) {
            return;
        }
        engine.asSystem(() -> {
            if (batch.size() == 1) {
                startEach(batch);
            } else {
                handedOver.set(batch);
                try {
                    runtime.startProcessInstanceByKey(PROCESS);
                    if (handedOver.get() != null) {
                        // A version of the model deployed since (asynchronous, or around the task) must not
                        // leave tables stored without their lifecycle: the file is refused instead.
                        throw new IllegalStateException("批量启动目标表全过程（" + PROCESS + "）没有启动交给它的 "
                                + batch.size() + " 张目标表的全过程，导入已撤销；请检查该流程模型");
                    }
                } finally {
                    handedOver.remove();
                }
            }
        });
    }

    /** This transaction's starts not yet made; the rest start just before it commits. */
    private List<Start> pending() {
        return BeforeCommit.collection(this, ArrayList::new, pending -> {
            while (!pending.isEmpty()) {
                startPending(pending); // a start may add more (none does today)
            }
        });
    }
}
