-- Security round 2 (issue #13): a region's client key is the trust anchor of its system, so one
-- operator alone can no longer make a key usable for a region, and a key belongs to one participant.

-- The key's RFC 7638 thumbprint (SHA-256 of its required members), to find the same public key under
-- another kid, participant or purpose. The application computes it with Nimbus; this is the same
-- computation for the keys registered before this migration (EC and RSA are the only types accepted).
alter table participant_key add column thumbprint text;
update participant_key set thumbprint = rtrim(translate(encode(sha256(convert_to(
        case jwk::jsonb ->> 'kty'
            when 'EC' then '{"crv":"' || (jwk::jsonb ->> 'crv') || '","kty":"EC","x":"' || (jwk::jsonb ->> 'x')
                    || '","y":"' || (jwk::jsonb ->> 'y') || '"}'
            when 'RSA' then '{"e":"' || (jwk::jsonb ->> 'e') || '","kty":"RSA","n":"' || (jwk::jsonb ->> 'n') || '"}'
        end, 'UTF8')), 'base64'), E'+/\n', '-_'), '=');

-- A client key is usable once approved: by a signer of its participant, or by a second person (an
-- operator other than the one who registered it). Client keys registered before this migration were
-- registered by one operator alone: they wait for that approval like new ones (README, "Calling the hub").
alter table participant_key add column approved_at timestamptz;
alter table participant_key add column approved_by text;

-- Every registration, approval and revocation of a key, with who did it.
create table participant_key_event (
    id             bigserial   primary key,
    participant_id text        not null,
    kid            text        not null,
    purpose        text        not null,
    type           text        not null check (type in ('REGISTERED', 'APPROVED', 'REVOKED')),
    actor          text        not null,
    at             timestamptz not null default now(),
    detail         text
);

create index participant_key_event_participant_idx on participant_key_event (participant_id, id);

-- The same public key active for two participants (or two purposes) is what issue #13 found: all but
-- the first registration are revoked, on the record.
with ranked as (
    select participant_id, kid, row_number() over (partition by thumbprint order by registered_at, participant_id, kid) as n
    from participant_key where thumbprint is not null and revoked_at is null
)
update participant_key k set revoked_at = now()
from ranked r where r.participant_id = k.participant_id and r.kid = k.kid and r.n > 1;

insert into participant_key_event (participant_id, kid, purpose, type, actor, detail)
select participant_id, kid, purpose, 'REVOKED', 'migration V10', 'the same public key was registered earlier for another participant or purpose'
from participant_key k
where revoked_at = now() -- revoked by the statement above (now() is the migration's transaction time)
  and exists (select 1 from participant_key o where o.thumbprint = k.thumbprint and o.registered_at <= k.registered_at
              and (o.participant_id, o.kid) <> (k.participant_id, k.kid));

-- The application refuses a key whose thumbprint exists in any row (revoked ones too); the index keeps
-- two concurrent registrations of the same key from both becoming active.
create unique index participant_key_thumbprint_idx on participant_key (thumbprint) where revoked_at is null;
