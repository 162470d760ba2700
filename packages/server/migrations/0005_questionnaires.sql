-- Questionnaires and feedback-informed treatment (docs/decisions/0005-questionnaires.md).
-- Shipped instruments are files, loaded at start; what an organisation imports or configures is here.
-- Everything about a person is part of their record: tenant_id is the organisation holding the record,
-- and row-level security is the same as for the rest of it.

create table questionnaire (
  tenant_id uuid not null,
  id text not null,
  url text not null,
  version text not null,
  resource jsonb not null,
  imported_by uuid not null,
  imported_at timestamptz not null,
  primary key (tenant_id, id)
);

-- An organisation's own choices for an instrument (shipped or imported); absent = the file's defaults.
create table instrument_setting (
  tenant_id uuid not null,
  questionnaire_id text not null,
  visible_to_person boolean not null,
  triggers text[] not null,
  answered_by text[] not null,
  updated_by uuid not null,
  updated_at timestamptz not null,
  primary key (tenant_id, questionnaire_id)
);

-- An organisation's alert rules; absent = the defaults in the domain (feedback-alert.rules.ts).
create table feedback_alert_rule (
  tenant_id uuid not null,
  rules jsonb not null,
  updated_by uuid not null,
  updated_at timestamptz not null,
  primary key (tenant_id)
);

-- A contact between the person and a helper (a conversation, a call, a group): after each one, the
-- person is asked for feedback (session feedback) and how their goals are going.
create table contact (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  episode_id uuid,
  contact_on date not null,
  kind text not null check (kind in ('meeting', 'phone', 'video', 'group', 'home-visit')),
  account_id uuid not null,
  account_name text not null,
  note text not null default '',
  recorded_at timestamptz not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index contact_person on contact (tenant_id, person_id, contact_on);

create table questionnaire_response (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  questionnaire_id text not null,
  questionnaire_version text not null,
  status text not null check (status in ('in-progress', 'completed')),
  item jsonb not null,
  answered_by text not null check (answered_by in ('person', 'staff')),
  author_account_id uuid not null,
  author_name text not null,
  contact_id uuid,
  episode_id uuid,
  started_at timestamptz not null,
  authored_at timestamptz not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index questionnaire_response_person on questionnaire_response (tenant_id, person_id, authored_at);
create index questionnaire_response_by_id on questionnaire_response (id);

-- Scores derived from completed responses, in the same transaction; the trajectories read these.
create table observation (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  response_id uuid not null,
  questionnaire_id text not null,
  link_id text not null,
  code_system text not null,
  code text not null,
  value double precision not null,
  band_code text,
  band_level text,
  effective_at timestamptz not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, response_id) references questionnaire_response (tenant_id, id)
);
create index observation_trajectory on observation (tenant_id, person_id, questionnaire_id, effective_at)
  include (link_id, value, band_code, response_id);
create index observation_by_id on observation (id);

-- What is planned for the person: done by the first completed response of the instrument on or after
-- it was planned.
create table questionnaire_due (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  questionnaire_id text not null,
  trigger text not null check (trigger in ('first-attendance', 'evaluation', 'discharge', 'contact')),
  due_on date not null,
  episode_id uuid,
  contact_id uuid,
  planned_at timestamptz not null,
  response_id uuid,
  done_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index questionnaire_due_open on questionnaire_due (tenant_id, person_id, questionnaire_id, due_on)
  where done_at is null;

create table feedback_alert (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  questionnaire_id text not null,
  score_code text not null,
  rule text not null,
  finding jsonb not null,
  response_id uuid not null,
  -- The unit of the person's open episode when raised: the unit leader's board shows the unit's alerts.
  unit_id uuid,
  assignee_account_id uuid,
  raised_at timestamptz not null,
  acknowledged_at timestamptz,
  acknowledged_by uuid,
  acknowledged_by_name text,
  note text,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index feedback_alert_open on feedback_alert (tenant_id, unit_id, raised_at) where acknowledged_at is null;
create index feedback_alert_assignee_open on feedback_alert (assignee_account_id, raised_at)
  where acknowledged_at is null;
create index feedback_alert_person on feedback_alert (tenant_id, person_id, score_code, rule);
create index feedback_alert_by_id on feedback_alert (id);

do $$
declare t text;
begin
  foreach t in array array['questionnaire', 'instrument_setting', 'feedback_alert_rule'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy owner_all on %I to %I using (true) with check (true)', t, current_user);
    execute format('create policy app_tenant on %I to bedring_app '
      'using (tenant_id = (select app_tenant())) with check (tenant_id = (select app_tenant()))', t);
  end loop;
  foreach t in array array['contact', 'questionnaire_response', 'observation', 'questionnaire_due',
                           'feedback_alert'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy owner_all on %I to %I using (true) with check (true)', t, current_user);
    execute format('create policy app_shared on %I to bedring_app '
      'using (tenant_id = (select app_tenant()) or app_shares(tenant_id, person_id)) '
      'with check (tenant_id = (select app_tenant()) or app_shares(tenant_id, person_id))', t);
  end loop;
end $$;

grant select, insert, update, delete on questionnaire, instrument_setting, feedback_alert_rule to bedring_app;
grant select, insert on contact, observation to bedring_app;
grant select, insert, update on questionnaire_response, questionnaire_due, feedback_alert to bedring_app;
