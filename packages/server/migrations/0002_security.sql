-- Row-level security, forced, on every table with tenant data, and the grants of the application role.
-- The owner keeps a policy of its own (migrations, the operator's CLI, the audit sealer).

-- The role is cluster-wide: another database in the same cluster may create it at the same moment.
do $$ begin
  create role bedring_app login nosuperuser nocreatedb nocreaterole noinherit;
exception when duplicate_object or unique_violation then null;
end $$;

grant usage on schema public to bedring_app;

do $$
declare t text;
begin
  foreach t in array array['organisation', 'unit', 'account', 'session', 'person', 'care_relation', 'consent',
                           'break_glass', 'living_condition_rating', 'audit_event'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy owner_all on %I to %I using (true) with check (true)', t, current_user);
  end loop;
end $$;

-- Organisations and units are not personal data: everyone signed in may read their names.
create policy app_read on organisation for select to bedring_app using (true);
create policy app_read on unit for select to bedring_app using (true);

create policy app_own_tenant on account to bedring_app
  using (tenant_id = app_tenant()) with check (tenant_id = app_tenant());
create policy app_own_tenant on session to bedring_app
  using (tenant_id = app_tenant()) with check (tenant_id = app_tenant());
create policy app_own_tenant on break_glass to bedring_app
  using (tenant_id = app_tenant()) with check (tenant_id = app_tenant());

create policy app_holder_or_grantee on consent to bedring_app
  using (tenant_id = app_tenant() or grantee_organisation_id = app_tenant())
  with check (tenant_id = app_tenant());

create policy app_shared on person to bedring_app
  using (app_shares(tenant_id, id)) with check (app_shares(tenant_id, id));
create policy app_shared on care_relation to bedring_app
  using (app_shares(tenant_id, person_id)) with check (app_shares(tenant_id, person_id));
create policy app_shared on living_condition_rating to bedring_app
  using (app_shares(tenant_id, person_id)) with check (app_shares(tenant_id, person_id));

create policy app_read on audit_event for select to bedring_app
  using (app_shares(tenant_id, person_id) or (person_id is null and tenant_id = app_tenant()));
create policy app_append on audit_event for insert to bedring_app
  with check (app_shares(tenant_id, person_id) or (person_id is null and tenant_id = app_tenant()));

grant select on organisation, unit, staff_directory to bedring_app;
grant select, insert, update on account, session, person, care_relation, consent, break_glass,
  living_condition_rating to bedring_app;
grant select, insert on audit_event to bedring_app;
grant usage on sequence audit_event_seq_seq to bedring_app;
grant execute on function app_tenant(), app_account(), app_shares(uuid, uuid), auth_find_account(text),
  auth_find_session(text), rate_limit_hit(text, integer), rate_limit_clear(text) to bedring_app;
revoke all on bedring_secret, rate_limit from bedring_app;
