package org.openperf.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements one call sends to PostgreSQL and their plans: Camunda's (MyBatis logs each with its parameters
 * at DEBUG) are bound and run again under EXPLAIN ANALYZE; Hibernate's are counted. Plans go to
 * target/bench/plans.md, a summary to the report.
 */
final class QueryPlans {

    /**
     * MyBatis logs each statement under its mapper's namespace: most are under persistence.entity, but the decision
     * history's (history.event) and the decision definitions' (dmn.entity) are not, so the whole of impl is read.
     */
    private static final String CAMUNDA = "org.camunda.bpm.engine.impl";
    private static final String HIBERNATE = "org.hibernate.SQL";

    private QueryPlans() {
    }

    static void explain(JdbcTemplate jdbc, String what, Runnable call) {
        ListAppender<ILoggingEvent> camunda = capture(CAMUNDA);
        ListAppender<ILoggingEvent> hibernate = capture(HIBERNATE);
        try {
            call.run();
        } finally {
            release(CAMUNDA, camunda);
            release(HIBERNATE, hibernate);
        }
        List<String> bound = new ArrayList<>();
        String sql = null;
        for (ILoggingEvent e : camunda.list) {
            String m = e.getFormattedMessage();
            if (m.contains("Preparing:")) {
                sql = m.substring(m.indexOf("Preparing:") + "Preparing:".length()).trim();
            } else if (m.contains("Parameters:") && sql != null) {
                bound.add(bind(sql, m.substring(m.indexOf("Parameters:") + "Parameters:".length()).trim()));
                sql = null;
            }
        }
        Map<String, String> distinct = new LinkedHashMap<>();
        for (String b : bound) {
            distinct.putIfAbsent(b.replaceAll("'[^']*'|\\b\\d+\\b", "?"), b);
        }
        StringBuilder plans = new StringBuilder("## " + what + "\n\n");
        StringBuilder summary = new StringBuilder(what + ": " + bound.size() + " Camunda statements ("
                + distinct.size() + " distinct) and " + hibernate.list.size() + " Hibernate statements per page.");
        for (String b : distinct.values()) {
            if (!b.trim().toLowerCase().startsWith("select")) {
                continue;
            }
            List<String> plan = jdbc.queryForList("explain (analyze, buffers) " + b, String.class);
            plans.append("```sql\n").append(b).append("\n```\n```\n").append(String.join("\n", plan))
                    .append("\n```\n\n");
            String exec = plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("");
            summary.append(" `").append(b.length() > 70 ? b.substring(0, 70) + "…" : b).append("`: ")
                    .append(exec).append(" (").append(plan.get(0).trim().replaceAll("\\s+\\(cost.*", "")).append(");");
        }
        try {
            Files.createDirectories(BenchReport.DIR);
            Files.writeString(BenchReport.DIR.resolve("plans.md"), plans.toString(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BenchReport.note("Scenario 4 · query plans (EXPLAIN ANALYZE, full plans in target/bench/plans.md)",
                summary.toString());
    }

    /**
     * "Camunda statements + Hibernate statements" that {@code call} sends. Camunda's are counted as executions
     * (MyBatis logs the parameters of each one; in batch mode it prepares a statement once for many rows).
     */
    static String count(Runnable call) {
        return counted(call).total();
    }

    /** What {@code call} sends, with Camunda's statements grouped by verb and table ("insert ACT_RU_VARIABLE"). */
    static Statements counted(Runnable call) {
        ListAppender<ILoggingEvent> camunda = capture(CAMUNDA);
        ListAppender<ILoggingEvent> hibernate = capture(HIBERNATE);
        try {
            call.run();
        } finally {
            release(CAMUNDA, camunda);
            release(HIBERNATE, hibernate);
        }
        Map<String, Integer> byTable = new java.util.TreeMap<>();
        String sql = null;
        int executions = 0;
        for (ILoggingEvent e : camunda.list) {
            String m = e.getFormattedMessage();
            if (m.contains("Preparing:")) {
                sql = m.substring(m.indexOf("Preparing:") + "Preparing:".length()).trim();
            } else if (m.contains("Parameters:") && sql != null) {
                executions++;
                byTable.merge(table(sql), 1, Integer::sum);
            }
        }
        return new Statements(executions, hibernate.list.size(), byTable);
    }

    record Statements(int camunda, int hibernate, Map<String, Integer> byTable) {
        String total() {
            return camunda + "+" + hibernate;
        }

        String breakdown() {
            StringBuilder b = new StringBuilder();
            byTable.forEach((t, n) -> b.append(b.isEmpty() ? "" : ", ").append(t).append(" ").append(n));
            return b.toString();
        }
    }

    /** "insert ACT_RU_VARIABLE", "select ACT_RU_TASK", … from a statement's text. */
    static String table(String sql) {
        String s = sql.trim().replaceAll("\\s+", " ");
        String verb = s.split(" ", 2)[0].toLowerCase();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?i)\\b(?:into|from|update)\\s+([A-Za-z_][\\w.]*)").matcher(s);
        return verb + " " + (m.find() ? m.group(1).toUpperCase() : "?");
    }

    private static ListAppender<ILoggingEvent> capture(String name) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        return appender;
    }

    private static void release(String name, ListAppender<ILoggingEvent> appender) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        logger.detachAppender(appender);
        logger.setLevel(null);
    }

    /** MyBatis' "a(String), 3(Integer), null" into the statement's ? placeholders. */
    static String bind(String sql, String parameters) {
        List<String> values = new ArrayList<>();
        if (!parameters.isEmpty()) {
            for (String p : parameters.split(", (?=[^,]*(\\(\\w+\\)|null)(,|$))")) {
                values.add(literal(p.trim()));
            }
        }
        StringBuilder b = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?' && next < values.size()) {
                b.append(values.get(next++));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String literal(String p) {
        if (p.equals("null")) {
            return "null";
        }
        int open = p.lastIndexOf('(');
        String value = p.substring(0, open);
        String type = p.substring(open + 1, p.length() - 1);
        return switch (type) {
            case "Integer", "Long", "Short", "Double", "BigDecimal" -> value;
            case "Boolean" -> value;
            default -> "'" + value.replace("'", "''") + "'";
        };
    }
}
