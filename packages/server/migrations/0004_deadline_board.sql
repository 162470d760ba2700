-- The deadline board (GET /api/deadlines) for a unit with 5,000 open episodes
-- (docs/decisions/0004-care-pathway.md; docs/benchmarks.md). EXPLAIN ANALYZE of its count query showed two
-- costs per request, both growing with the unit:
--
-- 1. Row-level security evaluated app_tenant() (current_setting() and a text-to-uuid cast) once per row,
--    some 5,000 times per count. Written as a scalar subquery it is an InitPlan: evaluated once per
--    statement. The policies mean exactly what they meant.
-- 2. The count read the heap row of every open deadline, for person_id (the policy's consent test). With
--    person_id in the index the count is an index-only scan; episode_id in the key gives the page its
--    order (due_on, episode_id) straight from the index. The same for a clinician's own board.

do $$
declare t text;
begin
  foreach t in array array['referral', 'episode', 'pathway_event', 'pathway_deadline', 'assessment',
                           'discharge_checklist', 'handover', 'pathway_task'] loop
    execute format('alter policy app_shared on %I '
      'using (tenant_id = (select app_tenant()) or app_shares(tenant_id, person_id)) '
      'with check (tenant_id = (select app_tenant()) or app_shares(tenant_id, person_id))', t);
  end loop;
end $$;

drop index pathway_deadline_unit_open;
create index pathway_deadline_unit_open on pathway_deadline (tenant_id, unit_id, due_on, episode_id)
  include (person_id) where met_on is null and closed_on is null;

drop index pathway_deadline_responsible_open;
create index pathway_deadline_responsible_open
  on pathway_deadline (tenant_id, responsible_account_id, due_on, episode_id)
  include (person_id) where met_on is null and closed_on is null;
