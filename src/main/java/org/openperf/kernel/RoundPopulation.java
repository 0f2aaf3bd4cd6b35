package org.openperf.kernel;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approved tables a round asks, kept as rows (round, project, reached) and worked through in batches in project
 * order. {@code reached} is null until a batch has handled the table, then whether its lifecycle got the task. A
 * batch reads the first tables no batch has handled and marks them in its own transaction, so a retried batch takes
 * up exactly the tables it had and a second delivery of the round reaches nobody twice
 * (docs/decisions/round-delivery.md). A table whose lifecycle fails to take the message for good is marked not
 * reached.
 */
public final class RoundPopulation {

    private static final Logger log = LoggerFactory.getLogger(RoundPopulation.class);

    /** One batch: how many lifecycles it reached, and whether more may be left (it was full). */
    public record Batch(int reached, boolean more) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate apart;
    private final String table;
    private final String roundColumn;

    /** @param table and roundColumn are the feature's own constants, never input */
    public RoundPopulation(JdbcTemplate jdbc, PlatformTransactionManager transactions, String table,
                           String roundColumn) {
        this.jdbc = jdbc;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.table = table;
        this.roundColumn = roundColumn;
    }

    /** Inside the opening transaction: the year's approved tables; how many. */
    public int fix(Object round, int year) {
        return jdbc.update("insert into " + table + " (" + roundColumn + ", project_id) "
                + "select ?, id from project where fiscal_year = ? and version >= 1", round, year);
    }

    /**
     * Reaches the first {@code max} tables no batch has handled, in project order, and marks them in the caller's
     * transaction: each reached, or not (its lifecycle did not wait for the round, logged).
     *
     * @param reach reaches one table's lifecycle: how many executions the round's message reached
     * @param round the round's key; {@code label} names it in the log
     */
    public Batch reachNext(Object round, String label, int max, ToIntFunction<Long> reach) {
        List<Long> ids = jdbc.queryForList("select project_id from " + table + " where " + roundColumn + " = ? "
                + "and reached is null order by project_id fetch first " + max + " rows only", Long.class, round);
        List<Long> notWaiting = new ArrayList<>();
        for (Long id : ids) {
            int reached;
            try {
                reached = reach.applyAsInt(id);
            } catch (RuntimeException e) {
                if (!retryMayReach(e)) {
                    passBy(round, label, id, e);
                }
                throw e;
            }
            if (reached == 0) {
                notWaiting.add(id);
            }
        }
        if (!ids.isEmpty()) {
            jdbc.update("update " + table + " set reached = true where " + roundColumn + " = ? and reached is null "
                    + "and project_id <= ?", round, ids.get(ids.size() - 1));
        }
        for (Long id : notWaiting) {
            jdbc.update("update " + table + " set reached = false where " + roundColumn + " = ? and project_id = ?",
                    round, id);
        }
        if (!notWaiting.isEmpty()) {
            log.warn("{}: {} tables got no task, their lifecycle does not wait for the round: {}", label,
                    notWaiting.size(), notWaiting.subList(0, Math.min(20, notWaiting.size())));
        }
        return new Batch(ids.size() - notWaiting.size(), ids.size() == max);
    }

    /**
     * A table whose lifecycle fails to take the round's message fails its batch, which rolls back and is retried. The
     * table is marked not reached apart from that transaction first, so that the retry passes it by: one broken table
     * costs the round one retry, not its delivery.
     */
    private void passBy(Object round, String label, long projectId, RuntimeException e) {
        log.error("{}: table {} could not be reached and is passed by; its batch is retried without it", label,
                projectId, e);
        apart.executeWithoutResult(t -> jdbc.update("update " + table + " set reached = false where " + roundColumn
                + " = ? and project_id = ?", round, projectId));
    }

    /** A conflict or a lost connection: the retry may well reach the table, so it is not passed by. */
    static boolean retryMayReach(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof TransientDataAccessException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    /** For the delivery's last step: refuses while any table is unhandled (a step moved on early by hand). */
    public void requireAllHandled(Object round, String label) {
        Integer n = jdbc.queryForObject("select count(*) from " + table + " where " + roundColumn + " = ? "
                + "and reached is null", Integer.class, round);
        if (n != null && n > 0) {
            throw new IllegalStateException(label + "：还有 " + n + " 张目标表未送达");
        }
    }
}
