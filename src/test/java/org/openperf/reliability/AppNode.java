package org.openperf.reliability;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One app node as production runs it: {@code java -jar} on the built jar, profile prod, its own port, the
 * database and the first administrator from the environment. Its output goes to target/reliability/NAME.log.
 */
final class AppNode implements AutoCloseable {

    static final Path JAR = Path.of("target", "perf-targets-0.1.0-SNAPSHOT.jar");
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "reliability-admin";

    final String name;
    final int port;
    private final String database;
    private final long lockMillis;
    private final List<String> extraArgs = new ArrayList<>();
    private Process process;
    private int starts;

    /** An idle job executor looks for due jobs at least this often (production default: 60000). */
    static final long MAX_WAIT_MILLIS = Long.getLong("reliability.maxWaitMillis", 5000);

    AppNode(String name, int port, String database, long lockMillis) {
        this.name = name;
        this.port = port;
        this.database = database;
        this.lockMillis = lockMillis;
    }

    /** Further settings ({@code --name=value}) for this node, after the common ones: they win. */
    AppNode with(String... args) {
        extraArgs.addAll(List.of(args));
        return this;
    }

    /** The node's operating-system process id (its CPU time is read from /proc). */
    long pid() {
        return process.pid();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process and waits until /actuator/health answers UP. */
    AppNode start() throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the reliability profile (it packages the jar first)");
        }
        starts++;
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC"));
        // -Dbench.nodeJvm="-XX:StartFlightRecording=..." profiles the nodes (%s: the node's name).
        for (String option : System.getProperty("bench.nodeJvm", "").split("\\s+")) {
            if (!option.isBlank()) {
                cmd.add(option.replace("%s", name));
            }
        }
        cmd.addAll(List.of("-jar", JAR.toString(),
                "--server.port=" + port,
                // The job log's HOSTNAME_ tells which node executed a job.
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // A killed node's job locks expire after this; the production default is 5 minutes.
                "--camunda.bpm.job-execution.lock-time-in-millis=" + lockMillis,
                // An idle node backs off up to this long before it looks for due jobs again.
                "--camunda.bpm.job-execution.max-wait=" + MAX_WAIT_MILLIS,
                "--spring.datasource.hikari.maximum-pool-size=20",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN"));
        cmd.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SPRING_PROFILES_ACTIVE", "prod");
        pb.environment().put("PERF_DB_URL", Database.SERVER + database);
        pb.environment().put("PERF_DB_USER", "postgres");
        pb.environment().put("PERF_DB_PASSWORD", "");
        pb.environment().put("PERF_ADMIN_USER", ADMIN);
        pb.environment().put("PERF_ADMIN_PASSWORD", ADMIN_PASSWORD);
        File log = Path.of("target", "reliability", name + ".log").toFile();
        log.getParentFile().mkdirs();
        pb.redirectErrorStream(true);
        pb.redirectOutput(starts == 1 ? ProcessBuilder.Redirect.to(log) : ProcessBuilder.Redirect.appendTo(log));
        process = pb.start();
        awaitHealthy(Duration.ofMinutes(4));
        return this;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see "
                        + "target/reliability/" + name + ".log");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout);
    }

    /** SIGKILL: no shutdown hook runs, open transactions die with their connections. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
