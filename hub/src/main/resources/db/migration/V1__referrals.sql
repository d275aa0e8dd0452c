-- The system of record for referrals crossing regional borders.
-- Identifying data (names, NIK, phones, chronology) lives only inside canonical and raw payloads.

create table referral (
    id                 uuid primary key,
    sender_id          text        not null,
    source_reference   text        not null,
    revision           integer     not null,
    kind               text        not null,
    urgency            text,
    status             text        not null,
    destination_id     text,
    requested_region   text,
    domicile_region    text,
    incident_region    text,
    reporting_region   text        not null,
    canonical          jsonb       not null,
    reported_at        timestamptz not null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint referral_source_unique unique (sender_id, source_reference)
);

create index referral_destination_idx on referral (destination_id);

-- The life of a referral: every state change and every handoff, oldest first.
create table referral_event (
    id           bigserial primary key,
    referral_id  uuid        not null references referral (id),
    at           timestamptz not null default now(),
    type         text        not null,
    status       text,
    actor        text        not null,
    detail       text
);

create index referral_event_referral_idx on referral_event (referral_id, id);

-- Every message a region sent, kept as received: accepted ones for the trail, rejected ones for diagnosis.
create table inbound_message (
    id            uuid primary key,
    participant_id text       not null,
    channel       text        not null,
    kind          text        not null,
    file_name     text,
    media_type    text,
    content       bytea       not null,
    received_at   timestamptz not null default now(),
    outcome       text        not null,
    errors        jsonb,
    referral_id   uuid
);

create index inbound_message_outcome_idx on inbound_message (outcome, received_at);

-- Transactional outbox: written with the referral, relayed to the broker after commit.
create table delivery (
    id            uuid primary key,
    referral_id   uuid        not null references referral (id),
    recipient_id  text        not null,
    kind          text        not null,
    status        text,
    note          text,
    status_at     timestamptz,
    state         text        not null,
    attempts      integer     not null default 0,
    last_error    text,
    created_at    timestamptz not null default now(),
    enqueued_at   timestamptz,
    delivered_at  timestamptz
);

create index delivery_state_idx on delivery (state, created_at);
create index delivery_referral_idx on delivery (referral_id);
