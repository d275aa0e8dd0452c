-- Identifying data encrypted at field level (issue #5): AES-256-GCM values with the id of their key.
-- Rows written before this version keep their clear value in the old column until the re-encryption
-- job (id.lintas.hub.protect.Reencryption) moves it into the encrypted one and clears the old.
alter table referral alter column canonical drop not null;
alter table referral add column canonical_enc bytea, add column canonical_key integer;
create index referral_canonical_key_idx on referral (canonical_key);

alter table inbound_message alter column content drop not null;
alter table inbound_message add column content_enc bytea, add column content_key integer;
create index inbound_message_content_key_idx on inbound_message (content_key);

-- Status notes are free text written by staff: they may name people.
alter table delivery add column note_enc bytea, add column note_key integer;

-- Keyed hashes (HMAC-SHA256, key outside the database) of each victim's NIK: the same victim referred
-- twice is found without storing the NIK.
create table referral_identity (
    referral_id uuid  not null references referral (id),
    nik_hash    bytea not null,
    primary key (referral_id, nik_hash)
);
create index referral_identity_hash_idx on referral_identity (nik_hash);
