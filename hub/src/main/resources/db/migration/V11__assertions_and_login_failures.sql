-- Security round 2 (issue #13), shared by every hub instance and kept across restarts.

-- The jti of every client assertion accepted, until it would have expired anyway: a used assertion is
-- refused again on any instance, also after a restart. Purged by the hub once expired.
create table client_assertion_jti (
    participant_id text        not null,
    jti            text        not null,
    expires_at     timestamptz not null,
    primary key (participant_id, jti)
);

create index client_assertion_jti_expiry_idx on client_assertion_jti (expires_at);

-- Failed authentications per account, per client and per remote address ('account:<name>',
-- 'client:<id>', 'address:<ip>'): past a threshold the key is locked, with a lockout that doubles on
-- each further failure, before any password or signature is checked. Purged by the hub once quiet.
create table login_failure (
    key             text        primary key,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz
);
