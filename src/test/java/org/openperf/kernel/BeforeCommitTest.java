package org.openperf.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * A transaction's collection, driven through Spring's own synchronization calls as a transaction manager makes them:
 * handed over once just before the commit, set aside while an inner transaction runs, and refused once handed over
 * (whatever came after would be lost).
 */
class BeforeCommitTest {

    final Object owner = new Object();
    final List<List<String>> committed = new ArrayList<>();

    @BeforeEach
    void open() {
        TransactionSynchronizationManager.initSynchronization();
    }

    @AfterEach
    void close() {
        TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_COMMITTED);
        TransactionSynchronizationManager.clearSynchronization();
        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
    }

    List<String> collection() {
        return BeforeCommit.collection(owner, ArrayList::new, c -> committed.add(List.copyOf(c)));
    }

    @Test
    void theTransactionGathersInOneCollectionHandedOverOnceBeforeTheCommit() {
        collection().add("a");
        collection().add("b");
        assertThat(committed).isEmpty();
        TransactionSynchronizationUtils.triggerBeforeCommit(false);
        assertThat(committed).containsExactly(List.of("a", "b"));
        assertThatThrownBy(this::collection).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already handed over");
    }

    @Test
    void anInnerTransactionOfItsOwnDoesNotSeeTheOuterOnesCollection() {
        collection().add("outer");
        List<TransactionSynchronization> outer = TransactionSynchronizationManager.getSynchronizations();
        outer.forEach(TransactionSynchronization::suspend);
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        collection().add("inner");
        TransactionSynchronizationUtils.triggerBeforeCommit(false);
        TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_COMMITTED);
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        outer.forEach(s -> {
            s.resume();
            TransactionSynchronizationManager.registerSynchronization(s);
        });
        collection().add("outer again");
        TransactionSynchronizationUtils.triggerBeforeCommit(false);
        assertThat(committed).containsExactly(List.of("inner"), List.of("outer", "outer again"));
    }
}
