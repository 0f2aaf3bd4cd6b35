package db.migration;

import java.sql.Connection;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indicator library's text search (issue 19) on PostgreSQL: a pg_trgm GIN index on the distinct normalised
 * indicator names ({@code indicator_name}), which serves {@code like '%就业率%'} (trigrams work for Chinese in a UTF-8 database). Other databases (the
 * embedded H2) get nothing: the same query scans. Where the extension cannot be created (no right to), the search
 * still answers the same, without the index; the log says so.
 */
public class V44__indicator_name_trigrams extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V44__indicator_name_trigrams.class);

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            return;
        }
        Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_trgm");
            // On the distinct names (a few thousand), not on every indicator: a GIN entry per imported indicator made
            // an import of 10,000 tables markedly slower, and no search reads indicator names through it.
            s.execute("create index ix_indicator_name_trgm on indicator_name using gin (name_key gin_trgm_ops)");
            c.releaseSavepoint(before);
        } catch (java.sql.SQLException e) {
            c.rollback(before);
            LOG.warn("指标库：无法创建 pg_trgm 索引（{}），指标名称检索将不使用索引", e.getMessage());
        }
    }

}
