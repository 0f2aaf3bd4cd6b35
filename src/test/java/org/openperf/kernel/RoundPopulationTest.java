package org.openperf.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

/**
 * Which failures of one table's delivery pass the table by for good: a conflict or a lost connection is retried with
 * its batch and may reach the table then; anything else is the table's own and would fail every retry.
 */
class RoundPopulationTest {

    @Test
    void conflictsAndLostConnectionsAreRetriedWithTheTable() {
        assertThat(RoundPopulation.retryMayReach(new OptimisticLockingException("changed by another transaction")))
                .isTrue();
        assertThat(RoundPopulation.retryMayReach(new QueryTimeoutException("statement timeout"))).isTrue();
        assertThat(RoundPopulation.retryMayReach(new ProcessEngineException("could not execute",
                new SQLTransientConnectionException("connection reset")))).isTrue();
    }

    @Test
    void aTablesOwnFailureIsNot() {
        assertThat(RoundPopulation.retryMayReach(new ProcessEngineException("Unknown property used in expression: "
                + "${noSuchBean.reach()}"))).isFalse();
        assertThat(RoundPopulation.retryMayReach(new IllegalStateException("项目 12 不存在"))).isFalse();
    }
}
