-- The audit log (issue 16, docs/audit.md): one append-only log of every event that matters, kept for
-- good, with no victims' data. Callers append to audit_pending in their own transaction (so no event
-- without its change and no change without its event); one sequencer at a time (advisory lock) moves
-- committed pending entries into audit_entry, assigning gap-free indexes in the order it sees them
-- committed, stores the Merkle tree's complete subtree hashes (RFC 9162) and signs checkpoints.

create table audit_pending (
    ticket      bigserial   primary key,
    entry       bytea       not null,          -- the exact entry bytes (RFC 8785 canonical JSON)
    referral_id uuid,
    created_at  timestamptz not null default now()
);

create table audit_entry (
    idx               bigint      primary key check (idx >= 0),
    ticket            bigint      not null unique,
    entry             bytea       not null,     -- the exact bytes the leaf hash is computed over
    -- Copied from the entry bytes by the sequencer, to search by; the bytes are what is verified.
    kind              text        not null,
    at                timestamptz not null,
    referral_id       uuid,
    sender_id         text,
    receiver_id       text,
    agreement_id      text,
    agreement_version integer,
    outcome           text,
    sequenced_at      timestamptz not null default now()
);

create index audit_entry_referral_idx on audit_entry (referral_id, idx);
create index audit_entry_agreement_idx on audit_entry (agreement_id, idx);
create index audit_entry_parties_idx on audit_entry (sender_id, receiver_id, idx);
create index audit_entry_at_idx on audit_entry (at);

-- Hashes of the complete subtrees: level 0 are leaf hashes, node (level, idx) covers the leaves
-- [idx * 2^level, (idx + 1) * 2^level). Any tree size's root and any proof are computed from these.
create table audit_node (
    level smallint not null check (level between 0 and 63),
    idx   bigint   not null check (idx >= 0),
    hash  bytea    not null check (length(hash) = 32),
    primary key (level, idx)
);

-- Signed checkpoints (C2SP tlog-checkpoint on signed-note), one per tree size the hub signed.
create table audit_checkpoint (
    tree_size bigint      primary key check (tree_size >= 0),
    root_hash bytea       not null check (length(root_hash) = 32),
    note      text        not null,            -- the whole signed note, as served
    issued_at timestamptz not null default now()
);

-- Witnesses' cosignatures (C2SP tlog-cosignature, Ed25519, type 0x04) of a checkpoint.
create table audit_cosignature (
    tree_size      bigint      not null references audit_checkpoint (tree_size),
    participant_id text        not null,
    key_name       text        not null,
    cosigned_at    bigint      not null,       -- the cosignature's own timestamp (POSIX seconds)
    line           text        not null,       -- the signature line, as it goes into the note
    received_at    timestamptz not null default now(),
    primary key (tree_size, participant_id, key_name)
);

-- A guard that only slows an honest mistake: whoever owns the database can disable it. The signed
-- checkpoints and the witnesses' cosignatures are what makes a change evident.
create function audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

do $$
declare
    protected text;
begin
    foreach protected in array array['audit_entry', 'audit_node', 'audit_checkpoint', 'audit_cosignature'] loop
        execute format('create trigger %I before update or delete on %I for each row execute function audit_append_only()',
                protected || '_append_only', protected);
        execute format('create trigger %I before truncate on %I for each statement execute function audit_append_only()',
                protected || '_no_truncate', protected);
    end loop;
end;
$$;
