package org.openperf.kernel;

import java.util.List;
import org.openperf.kernel.Scope;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, and in which roles: {@code finance}, {@code dept-<code>} (a department's reviewers),
 * {@code unit-<code>} (a unit's preparers), {@code camunda-admin}.
 */
public record Caller(String userId, List<String> groups) {

    /** A unit's preparers are group {@code unit-<code>}, a department's reviewers {@code dept-<code>}. */
    public static final String UNIT_GROUP_PREFIX = "unit-";
    public static final String DEPARTMENT_GROUP_PREFIX = "dept-";

    public static Caller current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated() || a.getName() == null || "anonymousUser".equals(a.getName())) {
            return new Caller(null, List.of());
        }
        return new Caller(a.getName(), a.getAuthorities().stream().map(Object::toString)
                .filter(s -> s.startsWith("GROUP_")).map(s -> s.substring(6)).toList());
    }

    /** The projects this caller may see and act on. */
    public Scope scope() {
        return new Scope(isFinance() || isAdmin(), unitCodes(), departmentCodes());
    }

    public boolean isFinance() {
        return groups.contains("finance");
    }

    public boolean isAdmin() {
        return groups.contains("camunda-admin");
    }

    public List<String> departmentCodes() {
        return groups.stream().filter(g -> g.startsWith(DEPARTMENT_GROUP_PREFIX))
                .map(g -> g.substring(DEPARTMENT_GROUP_PREFIX.length()))
                .map(g -> g.endsWith("-lead") ? g.substring(0, g.length() - 5) : g).toList();
    }

    public List<String> unitCodes() {
        return groups.stream().filter(g -> g.startsWith(UNIT_GROUP_PREFIX))
                .map(g -> g.substring(UNIT_GROUP_PREFIX.length())).toList();
    }
}
