package org.openperf.library;

import java.util.List;
import org.openperf.targets.ProjectNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills {@code indicator.name_key} for the rows written before V43 (the entity keeps it from then on). Safe on
 * several nodes at once: each computes the same key for a row. Then the names missing from {@code indicator_name}.
 */
@Component
class IndicatorNameKeys {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorNameKeys.class);
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final IndicatorNameTable names;

    IndicatorNameKeys(JdbcTemplate jdbc, IndicatorNameTable names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillMissing() {
        int total = 0;
        long after = -1;
        while (true) {
            List<Object[]> rows = jdbc.query("select id, name from indicator where name_key is null and id > ?"
                    + " order by id limit " + BATCH, (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}, after);
            if (rows.isEmpty()) {
                break;
            }
            jdbc.batchUpdate("update indicator set name_key = ? where id = ?", rows.stream()
                    .map(r -> new Object[] {ProjectNames.normalise((String) r[1]), r[0]}).toList());
            after = (Long) rows.get(rows.size() - 1)[0];
            total += rows.size();
        }
        if (total > 0) {
            LOG.info("指标库：已为 {} 个指标补算名称键", total);
        }
        names.fillFromIndicators();
    }
}
