-- Failed logins, counted per user name and per client address, so that guessing is slowed down and an account is
-- locked for a while, never for good. Kept here, not in one node's memory: every node of the cluster sees the
-- same counts and locks (security/LoginThrottle).
create table login_throttle (
    subject      varchar(300) not null primary key,
    failures     integer      not null,
    window_start timestamp    not null,
    locked_until timestamp
);
