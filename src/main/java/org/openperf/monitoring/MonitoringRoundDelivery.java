package org.openperf.monitoring;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.openperf.kernel.EngineAccess;
import org.openperf.kernel.RoundPopulation;
import org.openperf.review.department.DepartmentMonitoringRounds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * 监控轮次送达: a round is opened in one short transaction that fixes whom it asks (the year's approved tables) and
 * starts {@value #PROCESS}; the job executor then reaches their lifecycles a batch per transaction, so a province's
 * round neither holds one transaction for minutes nor a node's heap (docs/decisions/round-delivery.md).
 */
@Service
public class MonitoringRoundDelivery {

    public static final String PROCESS = "monitoring-round-delivery";
    static final String ROUND = "roundId";
    static final String MORE = "more";

    /** The business key of a round's delivery (for tools that follow it). */
    public static String businessKey(long roundId) {
        return "monitoring-round-" + roundId;
    }

    private final MonitoringRoundRepository rounds;
    private final RoundPopulation population;
    private final RuntimeService runtime;
    private final EngineAccess engine;
    private final DepartmentMonitoringRounds departmentRounds;

    public MonitoringRoundDelivery(MonitoringRoundRepository rounds, JdbcTemplate jdbc,
                                   PlatformTransactionManager transactions, RuntimeService runtime,
                                   EngineAccess engine, DepartmentMonitoringRounds departmentRounds) {
        this.rounds = rounds;
        this.population = new RoundPopulation(jdbc, transactions, "monitoring_round_project", "round_id");
        this.runtime = runtime;
        this.engine = engine;
        this.departmentRounds = departmentRounds;
    }

    /** Inside the opening transaction: the tables the round asks, and its delivery handed to the job executor. */
    int start(MonitoringRound round) {
        int asked = population.fix(round.getId(), round.getYear());
        engine.asSystem(() -> runtime.startProcessInstanceByKey(PROCESS, businessKey(round.getId()),
                Variables.createVariables().putValue(ROUND, round.getId())));
        return asked;
    }

    /**
     * Reaches the lifecycles of the first {@code max} tables of the round that no batch has handled. The round's row
     * is held meanwhile, so that two batches of one round never run at once.
     *
     * @return whether more may be left (the batch was full)
     */
    @Transactional
    public boolean reachBatch(long roundId, int max) {
        MonitoringRound round = locked(roundId);
        if (round.getDelivery().isDelivered()) {
            return false;
        }
        RoundPopulation.Batch batch = population.reachNext(roundId, label(round), max, id -> reach(id, round));
        round.getDelivery().reachedMore(batch.reached());
        return batch.more();
    }

    /** The last step: the approved department tables get their 监控表 too, and the round is delivered. */
    @Transactional
    public void finish(long roundId) {
        MonitoringRound round = locked(roundId);
        population.requireAllHandled(roundId, label(round));
        if (!round.getDelivery().isDelivered()) {
            round.getDelivery().delivered(departmentRounds.reach(round.getYear(), round.getId(),
                    round.getCutoffMonth(), round.label()), Instant.now());
        }
    }

    private static String label(MonitoringRound round) {
        return round.getYear() + " 年度 " + round.label() + "监控轮次";
    }

    private MonitoringRound locked(long roundId) {
        return rounds.findLocked(roundId)
                .orElseThrow(() -> new IllegalStateException("监控轮次 " + roundId + " 不存在"));
    }

    private int reach(long projectId, MonitoringRound round) {
        Map<String, Object> scope = new HashMap<>();
        scope.put(MonitoringRoundService.ROUND_ID, round.getId());
        scope.put(MonitoringRoundService.CUTOFF, round.getCutoffMonth());
        scope.put(MonitoringRoundService.CUTOFF_LABEL, round.label());
        // Declared in the round's scope, so what its tasks set stays there too.
        scope.put(MonitoringRoundService.REPORT_ID, null);
        scope.put(MonitoringRoundService.REPORT_LIGHT, null);
        scope.put("decision", null);
        scope.put("comment", null);
        scope.put("rectificationRequirement", null);
        return engine.asSystem(() -> runtime.createMessageCorrelation(MonitoringRoundService.MESSAGE)
                .processInstanceBusinessKey(String.valueOf(projectId))
                .setVariablesToTriggeredScope(scope)
                .correlateAllWithResult().size());
    }
}
