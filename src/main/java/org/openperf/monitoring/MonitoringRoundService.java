package org.openperf.monitoring;

import java.util.List;
import org.openperf.kernel.Caller;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.ForbiddenException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 监控轮次: finance opens a round for a year and a cutoff month; every project of that year approved by then gets a
 * 填报监控表 task (message {@value #MESSAGE} into its target-lifecycle, a non-interrupting event subprocess, so
 * milestone timers and the other phases carry on untouched). The opening fixes whom the round asks; the job executor
 * delivers it in batches ({@link MonitoringRoundDelivery}).
 */
@Service
public class MonitoringRoundService {

    public static final String MESSAGE = "MonitoringRoundOpened";

    /** Variables of one round's event subprocess: kept there, so two open rounds of a project do not mix. */
    static final String ROUND_ID = "monitoringRoundId";
    static final String CUTOFF = "cutoffMonth";
    static final String CUTOFF_LABEL = "cutoffLabel";
    static final String REPORT_ID = "monitoringReportId";
    static final String REPORT_LIGHT = "monitoringReportLight";

    private final MonitoringRoundRepository rounds;
    private final MonitoringRoundDelivery delivery;

    public MonitoringRoundService(MonitoringRoundRepository rounds, MonitoringRoundDelivery delivery) {
        this.rounds = rounds;
        this.delivery = delivery;
    }

    /**
     * @param cutoffMonth the last month the round covers: 7 asks for 1–7月 (execution and indicator values as of the
     *                    end of 31 July)
     */
    @Transactional
    public MonitoringRound open(Integer year, Integer cutoffMonth, Caller caller) {
        if (!caller.isFinance()) {
            throw new ForbiddenException("监控轮次由财政部门开启");
        }
        if (year == null || year < 2000 || year > 2100) {
            throw new IllegalArgumentException("请指定预算年度 year（2000–2100）");
        }
        if (cutoffMonth == null || cutoffMonth < 1 || cutoffMonth > 12) {
            throw new IllegalArgumentException("截止月份 cutoff 须为 1–12 的月份（如 7 表示 1–7月）");
        }
        if (rounds.existsByYearAndCutoffMonth(year, cutoffMonth)) {
            throw new ConflictException(year + " 年度 1–" + cutoffMonth + "月的监控轮次已经开启");
        }
        MonitoringRound round;
        try {
            round = rounds.saveAndFlush(new MonitoringRound(year, cutoffMonth, caller.userId()));
        } catch (DataIntegrityViolationException e) {
            // Opened a moment ago by another request or node: the unique index tells.
            throw new ConflictException(year + " 年度 1–" + cutoffMonth + "月的监控轮次已经开启");
        }
        round.asks(delivery.start(round));
        return round;
    }

    @Transactional(readOnly = true)
    public List<MonitoringRound> list(Integer year) {
        return year == null ? rounds.findAllByOrderByYearAscCutoffMonthAsc()
                : rounds.findByYearOrderByCutoffMonthAsc(year);
    }

    @Transactional(readOnly = true)
    public MonitoringRound round(Long id) {
        return rounds.findById(id).orElseThrow(() -> new IllegalStateException("监控轮次 " + id + " 不存在"));
    }
}
