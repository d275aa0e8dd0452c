-- Cooperation agreements (PKS): every version as registered, every signature, every change.

-- Public keys that participants registered for their signers (and, later, their systems).
create table participant_key (
    participant_id text        not null,
    kid            text        not null,
    jwk            text        not null,
    registered_at  timestamptz not null default now(),
    registered_by  text        not null,
    revoked_at     timestamptz,
    primary key (participant_id, kid)
);

-- One row per version: the exact RFC 8785 canonical JSON that the parties sign, and its state.
create table agreement_version (
    agreement_id    text        not null,
    version         integer     not null,
    document        text        not null,
    document_sha256 text        not null,
    status          text        not null,
    valid_from      date        not null,
    valid_until     date        not null,
    terminated_from date,
    status_reason   text,
    created_at      timestamptz not null default now(),
    created_by      text        not null,
    activated_at    timestamptz,
    updated_at      timestamptz not null default now(),
    primary key (agreement_id, version)
);

create index agreement_version_status_idx on agreement_version (status);

create table agreement_signature (
    agreement_id   text        not null,
    version        integer     not null,
    participant_id text        not null,
    kid            text        not null,
    jws            text        not null,
    signed_at      timestamptz not null default now(),
    primary key (agreement_id, version, participant_id),
    foreign key (agreement_id, version) references agreement_version (agreement_id, version)
);

-- The agreement's own trail: registered, signed, activated, suspended, resumed, terminated.
create table agreement_event (
    id           bigserial primary key,
    agreement_id text        not null,
    version      integer     not null,
    at           timestamptz not null default now(),
    type         text        not null,
    actor        text        not null,
    detail       text
);

create index agreement_event_agreement_idx on agreement_event (agreement_id, id);

-- What each receiver of a referral was granted, and under which agreement version.
create table referral_route (
    referral_id        uuid        not null references referral (id),
    participant_id     text        not null,
    agreement_id       text        not null,
    agreement_version  integer     not null,
    via                text,
    services           jsonb       not null,
    subject_to_availability jsonb  not null,
    data               jsonb       not null,
    respond_by         timestamptz,
    status             text        not null,
    created_at         timestamptz not null default now(),
    primary key (referral_id, participant_id)
);

create index referral_route_participant_idx on referral_route (participant_id);
