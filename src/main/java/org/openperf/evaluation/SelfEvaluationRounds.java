package org.openperf.evaluation;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import org.openperf.evaluation.department.DepartmentSelfEvaluationRounds;
import org.openperf.kernel.Caller;
import org.openperf.kernel.DeliveryProgress;
import org.openperf.kernel.DisplayTimes;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.NotFoundException;
import org.openperf.kernel.RoundDeliveries;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 开启年度自评: finance opens a year's round once. The opening fixes the round's population (the year's approved
 * projects) and the seed of finance's sample; the job executor then gives every one of them its 绩效自评 task, a
 * batch per transaction ({@link SelfEvaluationRoundDelivery}).
 */
@Service
public class SelfEvaluationRounds {

    public static final String MESSAGE = "SelfEvaluationRoundOpened";

    /**
     * The answer to an opening: how many approved projects and department tables the round will reach; the tasks
     * follow within moments (a province's round within minutes), as {@code GET /api/self-evaluation-rounds/{year}}
     * shows.
     */
    public record RoundOpened(int year, int projects, int departmentTables) {
    }

    /**
     * A round as it stands: whom it asks, how many it has reached, when it was delivered, and what holds the
     * delivery up, if anything does.
     */
    public record RoundView(int year, OffsetDateTime openedAt, String openedBy, int projects, int reached,
                            Integer departmentTables, boolean delivered, OffsetDateTime deliveredAt, String problem) {
    }

    private final SelfEvaluationRoundRepository rounds;
    private final SelfEvaluationRoundDelivery delivery;
    private final DepartmentSelfEvaluationRounds departments;
    private final DisplayTimes times;
    private final RoundDeliveries deliveries;

    public SelfEvaluationRounds(SelfEvaluationRoundRepository rounds, SelfEvaluationRoundDelivery delivery,
                                DepartmentSelfEvaluationRounds departments, DisplayTimes times,
                                RoundDeliveries deliveries) {
        this.deliveries = deliveries;
        this.rounds = rounds;
        this.delivery = delivery;
        this.departments = departments;
        this.times = times;
    }

    @Transactional
    public RoundOpened openRound(int year, Caller caller) {
        return openRound(year, null, caller);
    }

    /**
     * Opens the year's round once. The seed of finance's sample is drawn here unless finance gives one (e.g. one
     * announced in advance, for transparency).
     */
    @Transactional
    public RoundOpened openRound(int year, Long seed, Caller caller) {
        if (!caller.isFinance()) {
            throw new ForbiddenException("自评轮次由财政部门开启");
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("请指定预算年度 year（2000–2100）");
        }
        if (rounds.existsById(year)) {
            throw new ConflictException(year + " 年度的自评已经开启");
        }
        SelfEvaluationRound round;
        try {
            // Inserted, never merged: a second opening of the same year at the same moment fails on the key.
            round = rounds.saveAndFlush(new SelfEvaluationRound(year, caller.userId(),
                    seed != null ? seed : new SecureRandom().nextLong()));
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(year + " 年度的自评已经开启");
        }
        round.asks(delivery.start(round));
        return new RoundOpened(year, round.getProjectCount(), departments.toReach(year));
    }

    /** For finance: the round's counts are the province's (departments and units see their own in the sample). */
    @Transactional(readOnly = true)
    public RoundView round(int year, Caller caller) {
        if (!caller.isFinance() && !caller.isAdmin()) {
            throw new ForbiddenException("自评轮次的送达情况由财政部门查看");
        }
        SelfEvaluationRound r = rounds.findById(year)
                .orElseThrow(() -> new NotFoundException(year + " 年度的自评尚未开启"));
        DeliveryProgress d = r.getDelivery();
        String problem = d.isDelivered() ? null
                : deliveries.problem(SelfEvaluationRoundDelivery.PROCESS, SelfEvaluationRoundDelivery.businessKey(year));
        return new RoundView(year, times.offset(r.getOpenedAt()), r.getOpenedBy(), r.getProjectCount(),
                d.getReached(), d.getDepartmentTables(), d.isDelivered(), times.offset(d.getDeliveredAt()), problem);
    }
}
