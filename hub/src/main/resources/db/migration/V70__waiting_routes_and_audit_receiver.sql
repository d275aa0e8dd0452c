-- Indexes for two queries whose cost grew with stored history (issue 17, "cost flat with stored referrals").

-- Routes still waiting for the receiver's answer: the overdue gauge (per receiver, on every scrape),
-- GET /api/v1/referrals/overdue (oldest first) and the receivers with overdue answers. Only waiting
-- routes are in it, so it stays the size of the open work, not of the history.
create index referral_route_waiting_idx on referral_route (participant_id, respond_by) where status = 'REQUESTED';
create index referral_route_waiting_due_idx on referral_route (respond_by) where status = 'REQUESTED';

-- A party auditor's trail and export select the entries its region received (audit_entry_parties_idx
-- leads with the sender).
create index audit_entry_receiver_idx on audit_entry (receiver_id, idx);
