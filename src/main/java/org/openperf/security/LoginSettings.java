package org.openperf.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed logins are throttled, {@code perf.security.login.*}.
 *
 * @param maxFailuresPerUser    wrong passwords for one user name within {@code window} before it is locked (5)
 * @param maxFailuresPerAddress wrong logins from one client address within {@code window}, whatever the user
 *                              names, before that address is locked (20)
 * @param window                how long failures are counted from the first one (15 minutes)
 * @param lockDuration          how long a lock lasts (15 minutes); an administrator can lift a user's lock earlier
 */
@ConfigurationProperties(prefix = "perf.security.login")
public record LoginSettings(@DefaultValue("5") int maxFailuresPerUser,
                            @DefaultValue("20") int maxFailuresPerAddress,
                            @DefaultValue("PT15M") Duration window,
                            @DefaultValue("PT15M") Duration lockDuration) {

    public LoginSettings {
        if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("perf.security.login.max-failures-per-user / -per-address 须至少为 1");
        }
        if (window == null || window.isNegative() || window.isZero()
                || lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("perf.security.login.window / lock-duration 须为正的时长，如 PT15M");
        }
    }
}
