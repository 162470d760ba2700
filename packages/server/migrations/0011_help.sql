-- Help that cannot be missed (docs/decisions/0015-help-requests.md). A help request stays a signal of
-- kind 'help-requested' (0007); "Jeg tar den" is its acknowledgement (acknowledged_at/_by/_by_name).
-- New here: when an untaken request was escalated, who is a municipality's duty contact, and indexes so
-- that the pinned block and the escalation sweep read only the open help requests.

-- Set once by the escalation sweep, when nobody took the request within the configured minutes.
alter table signal add column escalated_at timestamptz;

-- The municipality's (or any organisation's) duty contact: told when a help request of a person their
-- organisation follows is not taken in time. A flag on the account, set by the operator.
alter table account add column duty_contact boolean not null default false;

-- The pinned block: a worker's open help requests (per person they follow) and a leader's (per unit).
create index signal_help_open_person on signal (tenant_id, person_id, raised_at)
  where kind = 'help-requested' and acknowledged_at is null;
create index signal_help_open_unit on signal (tenant_id, unit_id, raised_at)
  where kind = 'help-requested' and acknowledged_at is null;
-- The escalation sweep: open help requests not yet escalated, oldest first.
create index signal_help_unescalated on signal (raised_at)
  where kind = 'help-requested' and acknowledged_at is null and escalated_at is null;
