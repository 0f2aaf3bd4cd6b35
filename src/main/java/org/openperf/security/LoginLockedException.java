package org.openperf.security;

import org.springframework.security.authentication.LockedException;

/** Too many failed logins for this user name or from this address: refused until the lock expires. */
public class LoginLockedException extends LockedException {

    public LoginLockedException(long minutes) {
        super("登录失败次数过多，已暂时锁定，请 " + minutes + " 分钟后再试，或请管理员解锁");
    }
}
