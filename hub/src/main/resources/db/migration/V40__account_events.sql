-- People's accounts (issue 15): every change made to an account, by whom and when. Never a password.
create table account_event (
    id         bigserial   primary key,
    username   text        not null,
    event      text        not null check (event in ('CREATED', 'DISABLED', 'ENABLED', 'PASSWORD_RESET', 'ROLES_CHANGED')),
    actor      text        not null,
    detail     text,
    created_at timestamptz not null default now()
);

create index account_event_username_idx on account_event (username, id);
