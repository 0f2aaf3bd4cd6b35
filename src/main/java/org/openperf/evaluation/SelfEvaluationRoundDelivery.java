package org.openperf.evaluation;

import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.openperf.evaluation.department.DepartmentSelfEvaluationRounds;
import org.openperf.kernel.EngineAccess;
import org.openperf.kernel.RoundPopulation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * 自评轮次送达: the round is opened in one short transaction that fixes its population (the year's approved
 * projects, which finance's sample is drawn from) and starts {@value #PROCESS}; the job executor then reaches their
 * lifecycles a batch per transaction (docs/decisions/round-delivery.md).
 */
@Service
public class SelfEvaluationRoundDelivery {

    public static final String PROCESS = "self-evaluation-round-delivery";
    static final String YEAR = "roundYear";
    static final String MORE = "more";

    /** The business key of a year's delivery (for tools that follow it, as the demo data does). */
    public static String businessKey(int year) {
        return "self-evaluation-round-" + year;
    }

    private final SelfEvaluationRoundRepository rounds;
    private final RoundPopulation population;
    private final RuntimeService runtime;
    private final EngineAccess engine;
    private final DepartmentSelfEvaluationRounds departments;

    public SelfEvaluationRoundDelivery(SelfEvaluationRoundRepository rounds, JdbcTemplate jdbc,
                                       PlatformTransactionManager transactions, RuntimeService runtime,
                                       EngineAccess engine, DepartmentSelfEvaluationRounds departments) {
        this.rounds = rounds;
        this.population = new RoundPopulation(jdbc, transactions, "self_evaluation_round_project", "fiscal_year");
        this.runtime = runtime;
        this.engine = engine;
        this.departments = departments;
    }

    /** Inside the opening transaction: the round's population, and its delivery handed to the job executor. */
    int start(SelfEvaluationRound round) {
        int asked = population.fix(round.getYear(), round.getYear());
        engine.asSystem(() -> runtime.startProcessInstanceByKey(PROCESS, businessKey(round.getYear()),
                Variables.createVariables().putValue(YEAR, round.getYear())));
        return asked;
    }

    /**
     * Reaches the lifecycles of the first {@code max} projects of the round that no batch has handled. The round's
     * row is held meanwhile, so that two batches of one round never run at once.
     *
     * @return whether more may be left (the batch was full)
     */
    @Transactional
    public boolean reachBatch(int year, int max) {
        SelfEvaluationRound round = locked(year);
        if (round.getDelivery().isDelivered()) {
            return false;
        }
        RoundPopulation.Batch batch = population.reachNext(year, year + " 年度自评", max,
                id -> engine.asSystem(() -> runtime.createMessageCorrelation(SelfEvaluationRounds.MESSAGE)
                        .processInstanceBusinessKey(String.valueOf(id)).correlateAllWithResult().size()));
        round.getDelivery().reachedMore(batch.reached());
        return batch.more();
    }

    /** The last step: the approved department tables get their 自评表, and the round is delivered. */
    @Transactional
    public void finish(int year) {
        SelfEvaluationRound round = locked(year);
        population.requireAllHandled(year, year + " 年度自评");
        if (!round.getDelivery().isDelivered()) {
            round.getDelivery().delivered(departments.reach(year), Instant.now());
        }
    }

    private SelfEvaluationRound locked(int year) {
        return rounds.findLocked(year).orElseThrow(() -> new IllegalStateException(year + " 年度的自评尚未开启"));
    }
}
