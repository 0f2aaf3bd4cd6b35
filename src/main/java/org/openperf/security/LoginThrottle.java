package org.openperf.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every password check of the app (form login, HTTP Basic on /api and on /engine-rest) passes here. Failures are
 * counted per user name (whether or not the user exists, so a lock tells nothing about which names are real) and
 * per client address; reaching a limit locks that name or address for {@link LoginSettings#lockDuration()}, during
 * which not even the right password is checked. Locks always expire: strangers can delay a user, never shut them out
 * for good (Camunda's own permanent lock is switched off, see application.yaml). The counts live in the database so
 * that every node of a cluster applies the same limits. Time is the engine's clock, as for everything else; its
 * columns hold wall time in perf.database-zone like every other timestamp of the app, whatever the JVM's zone.
 */
@Component
@EnableConfigurationProperties(LoginSettings.class)
public class LoginThrottle {

    static final String USER = "user:";
    static final String ADDRESS = "addr:";

    private final JdbcTemplate jdbc;
    private final LoginSettings settings;
    private final Clock clock;
    private final ZoneId databaseZone;

    public LoginThrottle(JdbcTemplate jdbc, LoginSettings settings, Clock clock,
                         @Value("${perf.database-zone:Asia/Shanghai}") ZoneId databaseZone) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.databaseZone = databaseZone;
    }

    /**
     * Checks the password unless the user name or the address is locked; counts a failure.
     *
     * @throws LoginLockedException while locked
     * @return whether the password was right
     */
    public boolean check(String user, String address, BooleanSupplier passwordMatches) {
        String userKey = USER + normalize(user);
        String addressKey = ADDRESS + (address == null ? "unknown" : address);
        Instant now = now();
        // One read per login (every HTTP Basic request is one): the rows of this name and address, if any.
        List<Row> rows = jdbc.query("select subject, locked_until from login_throttle where subject in (?, ?)",
                (rs, i) -> new Row(rs.getString("subject"), instant(rs.getObject("locked_until", LocalDateTime.class))),
                userKey, addressKey);
        Instant until = rows.stream().map(Row::lockedUntil).filter(t -> t != null && t.isAfter(now))
                .max(Instant::compareTo).orElse(null);
        if (until != null) {
            throw new LoginLockedException(Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60));
        }
        if (passwordMatches.getAsBoolean()) {
            // The user's failures are forgiven; the address's stay counted (one right guess must not reset them).
            if (rows.stream().anyMatch(r -> userKey.equals(r.subject()))) {
                jdbc.update("delete from login_throttle where subject = ?", userKey);
            }
            return true;
        }
        fail(userKey, settings.maxFailuresPerUser(), now);
        fail(addressKey, settings.maxFailuresPerAddress(), now);
        return false;
    }

    /** An administrator lifts a user's lock and forgets its failures. */
    public void unlock(String user) {
        jdbc.update("delete from login_throttle where subject = ?", USER + normalize(user));
    }

    /** Whether the user name is locked now (for the administrator's answer). */
    public boolean isLocked(String user) {
        return jdbc.queryForObject("select count(*) from login_throttle where subject = ? and locked_until > ?",
                Long.class, USER + normalize(user), wall(now())) > 0;
    }

    private void fail(String subject, int limit, Instant now) {
        LocalDateTime windowStart = wall(now.minus(settings.window()));
        LocalDateTime lockedUntil = wall(now.plus(settings.lockDuration()));
        LocalDateTime ts = wall(now);
        // A failure within the window adds to the count; an older count starts over. The lock is set in the same
        // statement that reaches the limit, so two nodes counting at once cannot both miss it.
        int updated = jdbc.update("update login_throttle set"
                + " failures = case when window_start > ? then failures + 1 else 1 end,"
                + " window_start = case when window_start > ? then window_start else ? end,"
                + " locked_until = case when (case when window_start > ? then failures + 1 else 1 end) >= ?"
                + " then ? else null end"
                + " where subject = ?", windowStart, windowStart, ts, windowStart, limit, lockedUntil, subject);
        if (updated == 0) {
            try {
                jdbc.update("insert into login_throttle (subject, failures, window_start, locked_until)"
                        + " values (?, 1, ?, ?)", subject, ts, limit <= 1 ? lockedUntil : null);
            } catch (DuplicateKeyException e) {
                fail(subject, limit, now); // another node inserted it a moment ago: count on its row
            }
        }
    }

    static String normalize(String user) {
        String u = user == null ? "" : user.trim().toLowerCase(Locale.ROOT);
        return u.length() > 200 ? u.substring(0, 200) : u;
    }

    private Instant now() {
        return clock.instant();
    }

    /** An instant as the wall time the column holds. */
    private LocalDateTime wall(Instant instant) {
        return LocalDateTime.ofInstant(instant, databaseZone);
    }

    private Instant instant(LocalDateTime wall) {
        return wall == null ? null : wall.atZone(databaseZone).toInstant();
    }

    private record Row(String subject, Instant lockedUntil) {
    }
}
