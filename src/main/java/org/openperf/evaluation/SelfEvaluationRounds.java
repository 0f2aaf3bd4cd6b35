package org.openperf.evaluation;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.openperf.evaluation.department.DepartmentSelfEvaluationRounds;
import org.openperf.kernel.Caller;
import org.openperf.kernel.EngineAccess;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 开启年度自评: finance opens a year's round once, which reaches every approved project's lifecycle waiting for it,
 * and fixes the round's population and the seed of finance's sample.
 */
@Service
public class SelfEvaluationRounds {

    public static final String MESSAGE = "SelfEvaluationRoundOpened";

    /** @param departmentTables the approved department tables of the year, each with its 自评表 now */
    public record RoundOpened(int year, int projects, int departmentTables) {
    }

    private final SelfEvaluationRoundRepository rounds;
    private final RuntimeService runtime;
    private final EngineAccess engine;
    private final DepartmentSelfEvaluationRounds departments;

    public SelfEvaluationRounds(SelfEvaluationRoundRepository rounds, RuntimeService runtime, EngineAccess engine,
                                DepartmentSelfEvaluationRounds departments) {
        this.departments = departments;
        this.rounds = rounds;
        this.runtime = runtime;
        this.engine = engine;
    }

    public RoundOpened openRound(int year, Caller caller) {
        return openRound(year, null, caller);
    }

    /**
     * Opens the year's round once; every approved project of that year gets its 绩效自评 task at once. The seed of
     * finance's sample is drawn here unless finance gives one (e.g. one announced in advance, for transparency).
     */
    @Transactional
    public RoundOpened openRound(int year, Long seed, Caller caller) {
        if (!caller.isFinance()) {
            throw new ForbiddenException("自评轮次由财政部门开启");
        }
        if (rounds.existsById(year)) {
            throw new ConflictException(year + " 年度的自评已经开启");
        }
        SelfEvaluationRound round = new SelfEvaluationRound(year, caller.userId(),
                seed != null ? seed : new SecureRandom().nextLong());
        Set<Long> reached = engine.asSystem(() -> {
            List<MessageCorrelationResult> results = runtime.createMessageCorrelation(MESSAGE)
                    .processInstanceVariableEquals("year", year).correlateAllWithResult();
            Set<String> instanceIds = results.stream().map(r -> r.getExecution().getProcessInstanceId())
                    .collect(Collectors.toSet());
            return instanceIds.isEmpty() ? Set.<Long>of() : runtime.createProcessInstanceQuery()
                    .processInstanceIds(instanceIds).list().stream()
                    .map(pi -> Long.valueOf(pi.getBusinessKey())).collect(Collectors.toSet());
        });
        round.reached(reached);
        // Saved with its population; a second opening of the same year fails on the key and rolls all back.
        rounds.saveAndFlush(round);
        return new RoundOpened(year, reached.size(), departments.reach(year));
    }
}
