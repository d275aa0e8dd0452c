-- Deliveries are claimed atomically before a send (one consumer, on one hub instance, wins), and
-- the sweeper can tell a delivery in progress from one stuck or lost by its last activity.
alter table delivery
    add column claimed_at  timestamptz,
    add column claimed_by  text,
    add column redrives    integer     not null default 0,
    add column updated_at  timestamptz not null default now();

-- A receiver's backlog and its oldest waiting delivery, for operators and metrics.
create index delivery_recipient_state_idx on delivery (recipient_id, state, created_at);

-- Inbound messages are swept when their request died before it ended (RECEIVED for too long).
alter table inbound_message add column swept_at timestamptz;
