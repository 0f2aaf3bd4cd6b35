package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Projects and indicators take their ids from sequences that hand out 50 at a time, instead of identity columns:
 * Hibernate cannot batch inserts into an identity column (it needs each id back at once), and an import stores
 * ten indicators per table. A migration in Java because the sequences start after the ids already stored, which
 * H2 and PostgreSQL write differently. On PostgreSQL the column's default becomes the sequence, so an insert
 * without an id (a DBA's, a script's) takes one from the same sequence and cannot collide with Hibernate's blocks.
 */
public class V12__id_sequences extends BaseJavaMigration {

    static final List<String> TABLES = List.of("project", "indicator");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                long next;
                try (ResultSet r = s.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
                    r.next();
                    next = r.getLong(1);
                }
                s.execute("create sequence " + table + "_seq start with " + next + " increment by 50");
                if (postgres) {
                    s.execute("alter table " + table + " alter column id drop identity");
                    s.execute("alter table " + table + " alter column id set default nextval('" + table + "_seq')");
                }
            }
        }
    }
}
