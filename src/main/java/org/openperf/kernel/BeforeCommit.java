package org.openperf.kernel;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work a transaction gathers as it goes and does once, just before it commits (and so still inside it: a failure
 * rolls it back with the rest). Bound to the transaction, never shared between threads or nodes; set aside while
 * an inner transaction of its own ({@code REQUIRES_NEW}) runs.
 */
public final class BeforeCommit {

    /** Bound in place of a collection once it was handed over: whatever comes after would be lost, so it fails. */
    private static final Object HANDED_OVER = new Object();

    private BeforeCommit() {
    }

    /**
     * The open transaction's collection for {@code owner}: made by {@code fresh} on the first call in the
     * transaction, which also arranges for {@code atCommit} to get it just before the commit. Only while a
     * transaction is open ({@link TransactionSynchronizationManager#isSynchronizationActive()}). Asked for once
     * {@code atCommit} has returned (by work of another owner's {@code atCommit}), it refuses: nothing would read it.
     */
    public static <C> C collection(Object owner, Supplier<C> fresh, Consumer<C> atCommit) {
        return collection(owner, fresh, atCommit, Ordered.LOWEST_PRECEDENCE - 1);
    }

    /**
     * {@link #collection(Object, Supplier, Consumer)}, its {@code atCommit} run in {@code order} among the others
     * (lower first; of the same order, the first asked for first). {@link Ordered#LOWEST_PRECEDENCE}: after every
     * other collection's.
     */
    @SuppressWarnings("unchecked")
    public static <C> C collection(Object owner, Supplier<C> fresh, Consumer<C> atCommit, int order) {
        Object bound = TransactionSynchronizationManager.getResource(owner);
        if (bound == HANDED_OVER) {
            throw new IllegalStateException(owner.getClass().getSimpleName()
                    + ": the transaction is committing and its collection was already handed over");
        }
        if (bound != null) {
            return (C) bound;
        }
        C made = fresh.get();
        TransactionSynchronizationManager.bindResource(owner, made);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            private Object suspended;

            @Override
            public int getOrder() {
                return order;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                atCommit.accept(made);
                TransactionSynchronizationManager.unbindResource(owner);
                TransactionSynchronizationManager.bindResource(owner, HANDED_OVER);
            }

            @Override
            public void suspend() {
                suspended = TransactionSynchronizationManager.unbindResourceIfPossible(owner);
            }

            @Override
            public void resume() {
                if (suspended != null) {
                    TransactionSynchronizationManager.bindResource(owner, suspended);
                    suspended = null;
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(owner);
            }
        });
        return made;
    }
}
