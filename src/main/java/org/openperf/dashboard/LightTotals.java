package org.openperf.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openperf.kernel.Databases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's counts and curve sums per unit and year ({@code unit_light_totals}, V55), kept by
 * {@link LightRefresh} in the transactions that write the projects' rows. A unit's row is added up again from its
 * projects' rows, not adjusted by a difference: it cannot drift from them.
 *
 * <p>The rows are locked in key order, after the projects' rows: two transactions never wait for each other
 * crosswise. Once locked, a unit's sums are read in a statement of their own, which sees what every transaction
 * that locked the unit before committed (PostgreSQL's and H2's read committed).
 */
@Component
class LightTotals {

    /** A unit's row of a year; {@code unit} 0 for the projects without a unit. */
    record Key(int year, long unit) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return year != o.year ? Integer.compare(year, o.year) : Long.compare(unit, o.unit);
        }
    }

    private static final String SUMS = """
            select count(*),
                   sum(case when l.light = 'RED' then 1 else 0 end),
                   sum(case when l.light = 'YELLOW' then 1 else 0 end),
                   sum(case when l.light = 'GREEN' then 1 else 0 end),
                   sum(case when l.light = 'BLUE' then 1 else 0 end),
                   sum(case when l.light is null then 1 else 0 end),
                   sum(case when l.project_id is null or l.stale = true or l.rules is null then 1 else 0 end),
                   min(case when l.stale = false then l.rules end), max(case when l.stale = false then l.rules end),
                   count(l.curve_budget), sum(l.curve_budget), max(l.as_of_month),
                   %s,
                   %s
              from project p left join project_light l on l.project_id = p.id
             where p.version >= 1 and p.fiscal_year = ? and\s""".formatted(
            String.join(", ", months("sum(l.planned_%d)")), String.join(", ", months("sum(l.spent_%d)")));

    private static final String UPDATE = "update unit_light_totals set projects = ?, red = ?, yellow = ?, green = ?,"
            + " blue = ?, unmonitored = ?, flagged = ?, rules = ?, curve_count = ?, curve_budget = ?, as_of_month = ?, "
            + String.join(", ", months("planned_%d = ?")) + ", " + String.join(", ", months("spent_%d = ?"))
            + " where fiscal_year = ? and unit_key = ?";

    private static final String ENSURE = "fiscal_year, unit_key, projects, red, yellow, green, blue, unmonitored,"
            + " flagged, curve_count";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private Boolean postgres;

    LightTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Locks these units' rows (made where missing) and adds each up again from its approved projects' rows as this
     * transaction sees them. Called with the projects' rows written and still locked.
     */
    void recompute(SortedSet<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        // H2 has no "on conflict": a merge of zeros, added up again below before anyone else can read it.
        jdbc.batchUpdate(postgres() ? "insert into unit_light_totals (" + ENSURE + ") values (?, ?, 0, 0, 0, 0, 0,"
                        + " 0, 0, 0) on conflict do nothing"
                        : "merge into unit_light_totals (" + ENSURE + ") key (fiscal_year, unit_key)"
                        + " values (?, ?, 0, 0, 0, 0, 0, 0, 0, 0)",
                new ArrayList<>(keys), keys.size(), (ps, k) -> {
                    ps.setInt(1, k.year());
                    ps.setLong(2, k.unit());
                });
        Map<Integer, List<Long>> byYear = new TreeMap<>();
        keys.forEach(k -> byYear.computeIfAbsent(k.year(), y -> new ArrayList<>()).add(k.unit()));
        byYear.forEach((year, units) -> named.query("select unit_key from unit_light_totals where fiscal_year = :year"
                + " and unit_key in (:units) order by unit_key for update", Map.of("year", year, "units", units),
                rs -> { }));
        for (Key k : keys) {
            Object[] sums = k.unit() == 0
                    ? jdbc.queryForObject(SUMS + "p.unit_id is null", LightTotals::columns, k.year())
                    : jdbc.queryForObject(SUMS + "p.unit_id = ?", LightTotals::columns, k.year(), k.unit());
            jdbc.update(UPDATE, values(sums, k));
        }
    }

    private static Object[] columns(ResultSet rs, int row) throws SQLException {
        Object[] c = new Object[rs.getMetaData().getColumnCount()];
        for (int i = 0; i < c.length; i++) {
            c[i] = rs.getObject(i + 1);
        }
        return c;
    }

    /** The statement's columns as the update's: one rules version, '*' when they differ, null when none. */
    private static Object[] values(Object[] sums, Key k) {
        List<Object> v = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            v.add(sums[i] == null ? 0 : ((Number) sums[i]).intValue());
        }
        Object min = sums[7];
        Object max = sums[8];
        v.add(max == null ? null : max.equals(min) ? max : "*");
        v.add(((Number) sums[9]).intValue());
        for (int i = 10; i < sums.length; i++) {
            v.add(sums[i]);
        }
        v.add(k.year());
        v.add(k.unit());
        return v.toArray();
    }

    private static List<String> months(String pattern) {
        List<String> m = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            m.add(pattern.formatted(i));
        }
        return m;
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = Databases.isPostgres(jdbc.getDataSource());
        }
        return postgres;
    }
}
