package org.openperf.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.ProcessFixture;
import org.openperf.dashboard.MonitoringOverview.LightCounts;
import org.openperf.dashboard.MonitoringOverview.ProjectRow;
import org.openperf.kernel.Scope;
import org.openperf.kernel.rules.DeployedRules;
import org.openperf.monitoring.ExecutionService;
import org.openperf.monitoring.LightRules;
import org.openperf.targets.ProjectDraftEdited;
import org.openperf.targets.ProjectMonitoringChanged;
import org.openperf.targets.ProjectView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard shows each project's stored light (project_light). Whatever changes what the light is computed from
 * changes the row in the same transaction, so the dashboard never shows an older light than the project's own page;
 * a row that is missing, marked stale or computed under an older execution-light table is computed again before it
 * is shown. Fiscal year 2081.
 */
@SpringBootTest
@ActiveProfiles("test")
class StoredLightTest {

    static final int YEAR = 2081;

    @Autowired
    ApplicationContext context;
    @Autowired
    MonitoringDashboard dashboard;
    @Autowired
    MonitoringData data;
    @Autowired
    ExecutionService execution;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repository;
    @Autowired
    DeployedRules rules;
    @Autowired
    PlatformTransactionManager transactions;

    ProcessFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ProcessFixture.of(context);
    }

    Long approved(String name) {
        return fixture.approved(ProcessFixture.table(YEAR, name).budget("100"));
    }

    void spent(Long id, String asOf, String amount) {
        execution.record(id, LocalDate.parse(asOf), new BigDecimal(amount), Scope.ALL, "test");
    }

    Map<String, Object> stored(Long id) {
        return jdbc.queryForMap("select stale, light, spent, rules from project_light where project_id = ?", id);
    }

    /** The project's row as the dashboard lists it (stored) and as its records give it now (computed). */
    ProjectRow listed(Long id, String name) {
        return dashboard.projects(YEAR, null, name, null, 0, 10, Scope.ALL).rows().stream()
                .filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    ProjectRow computed(Long id) {
        return dashboard.overview(YEAR, null, id, Scope.ALL).project();
    }

    @Test
    void anApprovalAndEachReadingChangeTheStoredLightAsTheyCommit() {
        Long id = approved("存灯项目一");
        // Approved: a row, nothing monitored yet.
        assertThat(stored(id)).containsEntry("stale", false).containsEntry("light", null);

        // 10 of 100 by 6月底 against 50% due (linear): 20% of schedule, red.
        spent(id, YEAR + "-06-30", "10");
        assertThat(stored(id)).containsEntry("stale", false).containsEntry("light", "RED");
        assertThat((BigDecimal) stored(id).get("spent")).isEqualByComparingTo("10");
        // 45 by then: 90%, green. The list says so without computing anything.
        spent(id, YEAR + "-06-30", "45");
        assertThat(stored(id)).containsEntry("light", "GREEN").containsEntry("rules",
                rules.previewVersion(LightRules.EXECUTION));
        assertThat(listed(id, "存灯项目一")).isEqualTo(computed(id));
    }

    @Test
    void rowsMissingMarkedStaleOrComputedUnderOlderRulesAreComputedBeforeTheyAreShown() {
        Long missing = approved("存灯项目二");
        Long stale = approved("存灯项目三");
        Long olderRules = approved("存灯项目四");
        for (Long id : List.of(missing, stale, olderRules)) {
            spent(id, YEAR + "-06-30", "10");
        }
        // As the tables approved before the rows were kept (V52), and a row of an earlier execution-light table,
        // with their units' totals as V55 adds them up.
        jdbc.update("delete from project_light where project_id = ?", missing);
        jdbc.update("update project_light set stale = true, light = 'BLUE' where project_id = ?", stale);
        jdbc.update("update project_light set rules = 'Decision_ExecutionLight:0:older', light = 'BLUE'"
                + " where project_id = ?", olderRules);
        recount();

        MonitoringOverview o = dashboard.overview(YEAR, null, null, Scope.ALL);
        assertThat(o.total().blue()).isZero();
        assertThat(o.redProjects()).extracting(MonitoringOverview.RedProject::id)
                .contains(missing, stale, olderRules);
        for (Long id : List.of(missing, stale, olderRules)) {
            assertThat(stored(id)).containsEntry("stale", false).containsEntry("light", "RED")
                    .containsEntry("rules", rules.previewVersion(LightRules.EXECUTION));
        }
        // The project search computes them first, too.
        jdbc.update("update project_light set stale = true, light = 'BLUE' where project_id = ?", stale);
        recount();
        assertThat(listed(stale, "存灯项目三").light()).isEqualTo("RED");
    }

    /** Adds up every unit's totals of the year again from the projects' rows, as V55 does at the upgrade. */
    void recount() {
        SortedSet<LightTotals.Key> units = new TreeSet<>();
        jdbc.query("select distinct coalesce(unit_id, 0) from project where fiscal_year = ?",
                rs -> {
                    units.add(new LightTotals.Key(YEAR, rs.getLong(1)));
                }, YEAR);
        new TransactionTemplate(transactions).executeWithoutResult(s -> context.getBean(LightTotals.class)
                .recompute(units));
    }

    /** The year's counts as the records give them: red, yellow, green, blue, unmonitored, all. */
    List<Integer> countedFromRecords(Scope scope) {
        Monitored all = data.approved(YEAR, null, scope);
        Map<Long, ProjectLight> lights = context.getBean(CurrentLights.class).of(all);
        Integer[] n = {0, 0, 0, 0, 0, all.projects().size()};
        for (ProjectLight l : lights.values()) {
            n[l.light() == null ? 4 : l.light().ordinal()]++;
        }
        return List.of(n);
    }

    static List<Integer> counts(LightCounts t) {
        return List.of(t.red(), t.yellow(), t.green(), t.blue(), t.unmonitored(), t.total());
    }

    @Test
    void readingsOfOneUnitsProjectsStoredAtOnceAllCountInItsTotals() throws Exception {
        List<Long> ids = List.of(approved("存灯同单位并发一"), approved("存灯同单位并发二"), approved("存灯同单位并发三"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < ids.size(); t++) {
                Long id = ids.get(t);
                int thread = t;
                done.add(pool.submit(() -> {
                    // Red, yellow, then green (or red for the third): each commit changes the unit's counts.
                    for (String amount : thread == 2 ? List.of("45", "30", "5") : List.of("5", "30", "45")) {
                        spent(id, YEAR + "-06-30", amount);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // Three transactions at once on one unit's row: the counts are what the records give, none lost.
        MonitoringOverview o = dashboard.overview(YEAR, null, null, Scope.ALL);
        assertThat(counts(o.total())).isEqualTo(countedFromRecords(Scope.ALL));
        Monitored all = data.approved(YEAR, null, Scope.ALL);
        assertThat(o.curve()).isEqualTo(ExecutionCurve.of(o.curve().title(), all.projects(), all.readings()));
    }

    @Test
    void aChangeThatWaitedForATablesMoveLeavesItCountedInItsNewUnitOnly() throws Exception {
        Long id = approved("存灯换单位并发项目");
        spent(id, YEAR + "-06-30", "5");
        Scope first = new Scope(false, List.of("402001"), List.of());
        Scope second = new Scope(false, List.of("402004"), List.of());
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The move to the other unit holds the table's row, written, until told to commit.
            Future<?> move = pool.submit(() -> tx.executeWithoutResult(s -> {
                jdbc.update("update project set unit_id = (select id from unit where code = '402004') where id = ?",
                        id);
                context.publishEvent(new ProjectDraftEdited(id));
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public int getOrder() {
                        return Ordered.LOWEST_PRECEDENCE;
                    }

                    @Override
                    public void beforeCommit(boolean readOnly) {
                        locked.countDown();
                        try {
                            commit.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            // Meanwhile another change of its records (as a milestone check, which does not lock the project) waits
            // for the table's row, then must see the move committed.
            Future<?> reading = pool.submit(() -> tx.executeWithoutResult(s ->
                    context.publishEvent(new ProjectMonitoringChanged(id))));
            Thread.sleep(500);
            commit.countDown();
            move.get(30, TimeUnit.SECONDS);
            reading.get(30, TimeUnit.SECONDS);
        } finally {
            commit.countDown();
            pool.shutdown();
        }
        // Moved back: the unit it was in meanwhile no longer counts it, the first one does, once.
        tx.executeWithoutResult(s -> {
            jdbc.update("update project set unit_id = (select id from unit where code = '402001') where id = ?", id);
            context.publishEvent(new ProjectDraftEdited(id));
        });
        assertThat(counts(dashboard.overview(YEAR, null, null, second).total())).isEqualTo(countedFromRecords(second));
        assertThat(counts(dashboard.overview(YEAR, null, null, first).total())).isEqualTo(countedFromRecords(first));
    }

    @Test
    void twoChangesThatBothFindTheirUnitWithoutTotalsMakeOneRow() throws Exception {
        List<Long> ids = List.of(approved("存灯首行项目一"), approved("存灯首行项目二"));
        spent(ids.get(0), YEAR + "-06-30", "5");
        // As for the first changes of a unit's year: no row yet, made by both transactions at once.
        jdbc.update("delete from unit_light_totals where fiscal_year = ?", YEAR);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Long id : ids) {
                done.add(pool.submit(() -> {
                    start.await();
                    tx.executeWithoutResult(s -> context.publishEvent(new ProjectMonitoringChanged(id)));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        Scope first = new Scope(false, List.of("402001"), List.of());
        try {
            assertThat(jdbc.queryForObject("select count(*) from unit_light_totals t join unit u on u.id = t.unit_key"
                    + " where t.fiscal_year = ? and u.code = '402001'", Integer.class, YEAR)).isEqualTo(1);
            assertThat(counts(dashboard.overview(YEAR, null, null, first).total()))
                    .isEqualTo(countedFromRecords(first));
        } finally {
            // The other unit's row, deleted above, for the tests that follow.
            recount();
        }
    }

    @Test
    void theUpgradeAddsUpTheUnitsAsTheAppKeepsThem() throws Exception {
        Long red = approved("存灯升级红灯");
        spent(red, YEAR + "-03-31", "5");
        jdbc.update("update project_light set stale = true where project_id = ?", approved("存灯升级待算"));
        recount();
        // V55's own statement, as it ran at the upgrade, against the rows the app keeps.
        String migration = new String(getClass().getResourceAsStream("/db/migration/V55__unit_light_totals.sql")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String backfill = migration.substring(migration.indexOf("select p.fiscal_year"), migration.lastIndexOf(';'));
        String columns = migration.substring(migration.indexOf("insert into unit_light_totals (") + 31,
                migration.indexOf(")", migration.indexOf("insert into unit_light_totals (")));
        List<Map<String, Object>> upgrade = jdbc.query("select * from (" + backfill + ") b", (rs, n) -> {
            Map<String, Object> row = new java.util.TreeMap<>();
            String[] names = columns.split(",");
            for (int i = 0; i < names.length; i++) {
                row.put(names[i].trim(), normal(rs.getObject(i + 1)));
            }
            return row;
        }).stream().filter(r -> r.get("fiscal_year").equals(String.valueOf(YEAR))).toList();
        List<Map<String, Object>> kept = jdbc.query("select " + columns + " from unit_light_totals"
                + " where fiscal_year = ? and projects > 0", (rs, n) -> {
                    Map<String, Object> row = new java.util.TreeMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT),
                                normal(rs.getObject(i)));
                    }
                    return row;
                }, YEAR);
        assertThat(upgrade).isNotEmpty().containsExactlyInAnyOrderElementsOf(kept);
        assertThat(upgrade.stream().mapToInt(r -> Integer.parseInt((String) r.get("flagged"))).sum()).isPositive();
    }

    /** A value as text, numbers without their scale: the two statements' types differ, their values must not. */
    static String normal(Object v) {
        return v == null ? null : v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                : v instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
                : v.toString();
    }

    @Test
    void totalsThatNoLongerMatchTheirProjectsRowsAreAddedUpAgainWhenShown() {
        Long id = approved("存灯合计修复项目");
        spent(id, YEAR + "-06-30", "5");
        // As a hand-made change in the database might leave them: wrong counts, and a row said to be stale.
        jdbc.update("update unit_light_totals set red = red + 7, flagged = 1 where fiscal_year = ?", YEAR);
        MonitoringOverview o = dashboard.overview(YEAR, null, null, Scope.ALL);
        assertThat(counts(o.total())).isEqualTo(countedFromRecords(Scope.ALL));
        assertThat(jdbc.queryForObject("select sum(flagged) from unit_light_totals where fiscal_year = ?",
                Integer.class, YEAR)).isZero();
    }

    @Test
    void aTableMovedToAnotherUnitIsCountedThereAndNoLongerInTheFirst() {
        Long id = approved("存灯换单位项目");
        spent(id, YEAR + "-06-30", "5");
        Scope first = new Scope(false, List.of("402001"), List.of());
        Scope second = new Scope(false, List.of("402004"), List.of());
        int redInSecond = dashboard.overview(YEAR, null, null, second).total().red();
        int redInFirst = dashboard.overview(YEAR, null, null, first).total().red();

        // An adjustment's edit gives the table to the other unit of the department (ProjectService.update).
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.update("update project set unit_id = (select id from unit where code = '402004') where id = ?", id);
            context.publishEvent(new ProjectDraftEdited(id));
        });

        assertThat(dashboard.overview(YEAR, null, null, first).total().red()).isEqualTo(redInFirst - 1);
        assertThat(dashboard.overview(YEAR, null, null, second).total().red()).isEqualTo(redInSecond + 1);
        assertThat(counts(dashboard.overview(YEAR, null, null, second).total()))
                .isEqualTo(countedFromRecords(second));
        assertThat(counts(dashboard.overview(YEAR, null, null, first).total()))
                .isEqualTo(countedFromRecords(first));
    }

    @Test
    void aNewExecutionLightTableChangesTheLightsShownWithoutAnyNewRecord() throws Exception {
        Long id = approved("存灯项目五");
        // 28 of the 50 due by 6月底: 56% of schedule, red under the table of bpmn/ (red below 60).
        spent(id, YEAR + "-06-30", "28");
        assertThat(listed(id, "存灯项目五").light()).isEqualTo("RED");
        String fifty = Files.readString(Path.of("bpmn/execution-light.dmn"))
                .replace("<text>&lt; 60</text>", "<text>&lt; 50</text>")
                .replace("<text>[60..80[</text>", "<text>[50..80[</text>");
        assertThat(fifty).contains("&lt; 50").contains("[50..80[");
        String deployment = repository.createDeployment().name("存灯测试").addString("execution-light.dmn", fifty)
                .deploy().getId();
        try {
            rules.forgetLatest();
            // The province's bands (red below 50): the same 56% is yellow, on the list and in the counts.
            assertThat(listed(id, "存灯项目五").light()).isEqualTo("YELLOW");
            assertThat(stored(id)).containsEntry("light", "YELLOW");
        } finally {
            repository.deleteDeployment(deployment, true);
            rules.forgetLatest();
        }
        assertThat(listed(id, "存灯项目五").light()).isEqualTo("RED");
    }

    @Test
    void readingsOfOneProjectStoredAtOnceAllCount() throws Exception {
        Long id = approved("存灯并发项目");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 1; i <= 10; i++) {
                        // Each thread's readings on days of its own; the latest decides the light.
                        spent(id, LocalDate.of(YEAR, 6, 1 + thread * 10 + i).toString(),
                                String.valueOf(i * 4 + thread));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // The latest reading (6月21日, 41 万元) is in the stored row, as the records give it.
        assertThat((BigDecimal) stored(id).get("spent")).isEqualByComparingTo("41");
        assertThat(listed(id, "存灯并发项目")).isEqualTo(computed(id));
    }

    @Test
    void aChangeCommittedWhileAnotherTransactionHeldTheProjectIsNotOverwritten() throws Exception {
        Long id = approved("存灯预算调整项目");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        java.util.concurrent.CountDownLatch loaded = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch adjusted = new java.util.concurrent.CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // Meanwhile the budget becomes 200 (as an approved adjustment does), and that change's row is written.
            Future<?> adjustment = other.submit(() -> {
                loaded.await();
                tx.executeWithoutResult(s -> {
                    jdbc.update("update project set budget = 200, fiscal_funds = 200 where id = ?", id);
                    context.publishEvent(new ProjectMonitoringChanged(id));
                });
                adjusted.countDown();
                return null;
            });
            // A reading recorded in a transaction that loaded the project (budget 100) before the adjustment.
            tx.executeWithoutResult(s -> {
                spent(id, YEAR + "-06-30", "60");
                loaded.countDown();
                try {
                    adjusted.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            adjustment.get();
        } finally {
            other.shutdown();
        }
        // 60 of 200 by 6月底: 30%, 60% of what was due; the row knows the new budget, as the project's own view does.
        assertThat(jdbc.queryForObject("select curve_budget from project_light where project_id = ?",
                BigDecimal.class, id)).isEqualByComparingTo("200");
        assertThat(listed(id, "存灯预算调整项目")).isEqualTo(computed(id));
        assertThat(listed(id, "存灯预算调整项目").light()).isEqualTo("YELLOW");
    }

    @Test
    void theYearsCountsAndCurveAreWhatTheRecordsGive() {
        Long red = approved("存灯合计红灯");
        Long green = approved("存灯合计绿灯");
        Long unmonitored = approved("存灯合计未监控");
        spent(red, YEAR + "-03-31", "5");
        spent(green, YEAR + "-06-30", "60");
        assertThat(unmonitored).isNotNull();

        MonitoringOverview o = dashboard.overview(YEAR, null, null, Scope.ALL);
        Monitored all = data.approved(YEAR, null, Scope.ALL);
        assertThat(counts(o.total())).isEqualTo(countedFromRecords(Scope.ALL));
        assertThat(o.curve()).isEqualTo(ExecutionCurve.of(o.curve().title(), all.projects(), all.readings()));
        assertThat(o.curve().budget()).isEqualByComparingTo(ProjectView.amount(new BigDecimal(100L
                * all.projects().size())));
    }
}
