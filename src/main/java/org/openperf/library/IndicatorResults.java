package org.openperf.library;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether each indicator of a project was met, as its published self-evaluation said (the library's 达成率). Written
 * by {@code evaluation} when it publishes: the score sheet is JSON the library's query cannot read.
 */
@Service
public class IndicatorResults {

    private final JdbcTemplate jdbc;

    IndicatorResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the project's results: position of the indicator → met. */
    @Transactional
    public void record(long projectId, Map<Integer, Boolean> met) {
        jdbc.update("delete from indicator_result where project_id = ?", projectId);
        jdbc.batchUpdate("insert into indicator_result (project_id, position, met) values (?, ?, ?)",
                met.entrySet().stream().map(e -> new Object[] {projectId, e.getKey(), e.getValue()}).toList());
    }
}
