package org.openperf.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.openperf.library.IndicatorResults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The indicator library's 达成 figures for self-evaluations published before V43 (publication writes them since):
 * at start, each published self-evaluation without results gets them from its score sheet. Safe on several nodes at
 * once: {@link IndicatorResults#record} replaces a project's rows.
 */
@Component
class IndicatorResultsBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorResultsBackfill.class);

    private final JdbcTemplate jdbc;
    private final IndicatorResults results;
    private final ObjectMapper json;

    IndicatorResultsBackfill(JdbcTemplate jdbc, IndicatorResults results, ObjectMapper json) {
        this.jdbc = jdbc;
        this.results = results;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillMissing() {
        List<Object[]> missing = jdbc.query("select e.project_id, e.sheet_json from self_evaluation e"
                + " join project p on p.id = e.project_id and p.fiscal_year = e.fiscal_year"
                + " where e.status = 'PUBLISHED' and e.sheet_json is not null"
                + " and not exists (select 1 from indicator_result r where r.project_id = e.project_id)",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)});
        for (Object[] m : missing) {
            try {
                results.record((Long) m[0], SelfEvaluationLifecycle.met(json, (String) m[1]));
            } catch (RuntimeException e) {
                LOG.warn("指标库：项目 {} 的自评结果无法补记（{}）", m[0], e.getMessage());
            }
        }
        if (!missing.isEmpty()) {
            LOG.info("指标库：已补记 {} 份已公开自评的指标完成情况", missing.size());
        }
    }
}
