-- Work lists people can act on (docs/decisions/0016-worklists.md). Indexes only, no new tables:
-- - the caseload counts, per person, the open signals and help requests, the overdue tasks and deadlines,
--   and finds the last contact (contact_person, 0005, already serves that); each count is one short
--   index range per person, so a worker with 60 persons stays one fast query;
-- - the unit leader's access log can be narrowed to one staff member, and the break-glass review lists
--   what the opener read between opening and expiry: both look up audit events by actor and time.
create index signal_person_open on signal (tenant_id, person_id, raised_at)
  where acknowledged_at is null;
create index pathway_task_person_open on pathway_task (tenant_id, person_id, escalate_on)
  where completed_on is null;
create index pathway_deadline_person_open on pathway_deadline (tenant_id, person_id, due_on)
  where met_on is null and closed_on is null;
create index audit_event_actor on audit_event (tenant_id, actor_account_id, at desc);
