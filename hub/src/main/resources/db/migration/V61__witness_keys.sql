-- Audit log witnesses (issue 16): a participant's system cosigns the log's checkpoints with a WITNESS
-- key (Ed25519), registered and approved as client keys are.
alter table participant_key drop constraint participant_key_purpose_check;
alter table participant_key add constraint participant_key_purpose_check check (purpose in ('SIGNING', 'CLIENT', 'WITNESS'));
