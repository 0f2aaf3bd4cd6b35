package org.openperf.library;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openperf.kernel.BeforeCommit;
import org.openperf.kernel.Databases;
import org.openperf.targets.Indicator;
import org.openperf.targets.ProjectDraftCreated;
import org.openperf.targets.ProjectDraftEdited;
import org.openperf.targets.ProjectImportedApproved;
import org.openperf.targets.ProjectNames;
import org.openperf.targets.ProjectService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code indicator_name} (V43), the distinct normalised indicator names the library's search scans: every
 * stored table (created, edited, imported) publishes an event in its transaction, and its names are added when that
 * transaction commits — once per transaction, so a file of thousands of tables writes its few thousand distinct
 * names once, not each table's names in a round trip of its own. Added without a conflict on any node at once
 * ({@code on conflict do nothing} on PostgreSQL, {@code merge} on H2).
 */
@Component
class IndicatorNameTable {

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private volatile String upsert;

    IndicatorNameTable(JdbcTemplate jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    @EventListener
    void created(ProjectDraftCreated e) {
        add(e.projectId());
    }

    @EventListener
    void edited(ProjectDraftEdited e) {
        add(e.projectId());
    }

    @EventListener
    void imported(ProjectImportedApproved e) {
        add(e.projectId());
    }

    private void add(Long projectId) {
        boolean inTransaction = TransactionSynchronizationManager.isSynchronizationActive();
        Set<String> keys = inTransaction ? pending() : new TreeSet<>();
        for (Indicator i : projects.table(projectId).getIndicators()) {
            String k = ProjectNames.normalise(i.getName());
            if (!k.isEmpty()) {
                keys.add(k);
            }
        }
        if (!inTransaction) {
            add(keys);
        }
    }

    /** The names this transaction's tables hold, written just before it commits. */
    private Set<String> pending() {
        // In one order everywhere (a TreeSet): no two nodes lock the same names crosswise.
        return BeforeCommit.collection(this, TreeSet::new, this::add);
    }

    void add(Set<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(upsert(), keys.stream().map(k -> new Object[] {k}).toList());
    }

    private String upsert() {
        if (upsert == null) {
            boolean postgres = Databases.isPostgres(jdbc.getDataSource());
            upsert = postgres ? "insert into indicator_name (name_key) values (?) on conflict do nothing"
                    : "merge into indicator_name (name_key) key (name_key) values (?)";
        }
        return upsert;
    }

    /** At start: the names of rows stored before V43. */
    void fillFromIndicators() {
        List<String> missing = jdbc.queryForList("select distinct i.name_key from indicator i where i.name_key <> ''"
                + " and not exists (select 1 from indicator_name n where n.name_key = i.name_key)", String.class);
        add(new TreeSet<>(missing));
    }
}
