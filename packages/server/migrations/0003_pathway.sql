-- The care pathway (docs/decisions/0004-care-pathway.md; docs/domain/pathway.md): referrals and their
-- assessment, episodes with their events, the deadlines computed from them, the dimensional assessment,
-- discharge readiness, the handover to the municipality and the tasks that close loops. Every row is part of
-- the person's record: tenant_id is the organisation holding it and row-level security is the same as for the
-- rest of the record.

-- National pathway time limits: configuration with effective dates (docs/domain/pathway.md), not tenant data.
-- A change is a new row with a later effective_from; intervals keep the limit in force when they started.
create table time_limit (
  key text not null,
  setting_class text not null check (setting_class in ('outpatient', 'inpatient', 'any')),
  days integer not null check (days >= 0),
  unit text not null check (unit in ('days', 'working-days')),
  effective_from date not null,
  source text not null default '',
  primary key (key, setting_class, effective_from)
);

insert into time_limit (key, setting_class, days, unit, effective_from, source) values
  ('referral-assessment', 'any', 10, 'working-days', '2019-01-01', 'pasient- og brukerrettighetsloven § 2-2'),
  ('clinical-decision', 'outpatient', 21, 'days', '2019-01-01', 'Pakkeforløp TSB, forløpstider'),
  ('clinical-decision', 'inpatient', 7, 'days', '2019-01-01', 'Pakkeforløp TSB, forløpstider'),
  ('next-treatment-after-detox', 'outpatient', 3, 'days', '2019-01-01', 'Pakkeforløp TSB, forløpstider'),
  ('next-treatment-after-detox', 'inpatient', 0, 'days', '2019-01-01', 'Pakkeforløp TSB, forløpstider'),
  ('first-evaluation', 'any', 7, 'days', '2019-01-01', 'Pakkeforløp TSB, forløpstider'),
  ('next-evaluation', 'outpatient', 56, 'days', '2019-01-01', 'Pakkeforløp TSB, forløpstider'),
  ('next-evaluation', 'inpatient', 42, 'days', '2019-01-01', 'Pakkeforløp TSB, forløpstider'),
  ('handover-first-contact', 'any', 7, 'days', '2019-01-01', 'Bedring default; set locally'),
  ('re-engagement', 'any', 3, 'days', '2019-01-01', 'Bedring default; set locally');

create table referral (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  unit_id uuid not null,
  referrer_kind text not null,
  referrer_name text not null,
  referrer_organisation text not null default '',
  received_on date not null,
  reason text not null default '',
  checklist jsonb not null default '{}',
  coordinator_name text not null default '',
  coordinator_contact text not null default '',
  registered_by uuid not null,
  registered_at timestamptz not null,
  assessed_on date,
  outcome text check (outcome in ('right-to-treatment', 'treatment-without-right', 'no-need')),
  treatment_start_deadline date,
  assessment_note text not null default '',
  letter_to_person_on date,
  letter_to_referrer_on date,
  assessed_by uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index referral_person on referral (tenant_id, person_id);
create index referral_by_id on referral (id);

create table episode (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  unit_id uuid not null,
  referral_id uuid,
  previous_episode_id uuid,
  state text not null check (state in ('referred', 'assessed', 'waiting', 'in-treatment', 'discharged',
    'follow-up', 'ended')),
  active_setting text check (active_setting in ('outpatient', 'day', 'inpatient', 'detox', 'lar')),
  has_clinical_decision boolean not null default false,
  planned_setting text check (planned_setting in ('outpatient', 'day', 'inpatient', 'detox', 'lar')),
  responsible_account_id uuid,
  opened_on date not null,
  ended_on date,
  end_outcome text check (end_outcome in ('planned', 'drop-out', 'transferred', 'other')),
  -- Bumped by every event: two staff recording at once cannot both move the episode on.
  version integer not null default 0,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index episode_person on episode (tenant_id, person_id, opened_on);
create index episode_by_id on episode (id);
create index episode_unit_open on episode (tenant_id, unit_id) where state <> 'ended';

create table pathway_event (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  episode_id uuid not null,
  person_id uuid not null,
  position integer not null,
  kind text not null,
  date date not null,
  setting text,
  with_person boolean,
  feedback_tool_used boolean,
  outcome text,
  help_needed text,
  -- National pathway codes (forløpskoder) yielded by the event, as a by-product.
  codes text[] not null default '{}',
  note text not null default '',
  -- Warnings the event met (late, incomplete) and the reason staff gave for going on
  -- (docs/domain/care-principles.md, U-13).
  warnings jsonb not null default '[]',
  reason text not null default '',
  recorded_at timestamptz not null,
  recorded_by uuid not null,
  recorded_by_name text not null,
  primary key (tenant_id, id),
  unique (tenant_id, episode_id, position),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);

-- Deadlines are computed by the domain rules from the events and stored, so that the deadline board is
-- one indexed query however many episodes a unit has. They are recomputed whenever an episode changes.
create table pathway_deadline (
  tenant_id uuid not null,
  episode_id uuid not null,
  kind text not null,
  starts_on date not null,
  person_id uuid not null,
  unit_id uuid not null,
  responsible_account_id uuid,
  due_on date not null,
  met_on date,
  closed_on date,
  setting_class text,
  limit_days integer,
  primary key (tenant_id, episode_id, kind, starts_on)
);
create index pathway_deadline_unit_open on pathway_deadline (tenant_id, unit_id, due_on)
  where met_on is null and closed_on is null;
create index pathway_deadline_responsible_open on pathway_deadline (tenant_id, responsible_account_id, due_on)
  where met_on is null and closed_on is null;

create table assessment (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  episode_id uuid not null,
  assessed_on date not null,
  person_goals text not null,
  person_resources text not null default '',
  ratings jsonb not null,
  opioid_dependence boolean not null default false,
  recommended_level text not null,
  recommended_rule text not null,
  drivers text[] not null,
  chosen_level text not null,
  match text not null check (match in ('matched', 'over-matched', 'under-matched', 'different-track')),
  match_reason text not null default '',
  assessed_by uuid not null,
  assessed_by_name text not null,
  recorded_at timestamptz not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index assessment_episode on assessment (tenant_id, episode_id, assessed_on);
create index assessment_by_id on assessment (id);

create table discharge_checklist (
  tenant_id uuid not null,
  episode_id uuid not null,
  person_id uuid not null,
  items jsonb not null default '{}',
  help_needed text check (help_needed in ('none', 'municipal', 'specialist', 'municipal-and-specialist')),
  updated_at timestamptz not null,
  updated_by uuid not null,
  updated_by_name text not null,
  primary key (tenant_id, episode_id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);

create table handover (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  episode_id uuid not null,
  municipal_account_id uuid not null,
  municipal_organisation_id uuid not null,
  consent_id uuid not null,
  summary text not null,
  follow_up_plan text not null,
  -- Latest living-condition ratings and dimension ratings at handover, as the municipality received them.
  snapshot jsonb not null,
  handed_over_on date not null,
  created_by uuid not null,
  created_by_name text not null,
  created_at timestamptz not null,
  first_contact_on date,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index handover_episode on handover (tenant_id, episode_id);

create table pathway_task (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  episode_id uuid not null,
  handover_id uuid,
  kind text not null check (kind in ('handover', 're-engagement')),
  assignee_account_id uuid not null,
  assignee_organisation_id uuid not null,
  unit_id uuid not null,
  created_on date not null,
  escalate_on date not null,
  completed_on date,
  outcome text check (outcome in ('first-contact', 'new-round', 'declined', 'not-reached')),
  note text not null default '',
  completed_by uuid,
  completed_by_name text,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index pathway_task_assignee_open on pathway_task (assignee_account_id, escalate_on) where completed_on is null;
create index pathway_task_unit_open on pathway_task (tenant_id, unit_id, escalate_on) where completed_on is null;
create index pathway_task_episode on pathway_task (tenant_id, episode_id);
create index pathway_task_by_id on pathway_task (id);

do $$
declare t text;
begin
  foreach t in array array['referral', 'episode', 'pathway_event', 'pathway_deadline', 'assessment',
                           'discharge_checklist', 'handover', 'pathway_task'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy owner_all on %I to %I using (true) with check (true)', t, current_user);
    -- The own-tenant test first: app_shares is a function call per row, the board reads thousands of rows.
    execute format('create policy app_shared on %I to bedring_app '
      'using (tenant_id = app_tenant() or app_shares(tenant_id, person_id)) '
      'with check (tenant_id = app_tenant() or app_shares(tenant_id, person_id))', t);
  end loop;
end $$;

grant select on time_limit to bedring_app;
grant select, insert, update on referral, episode, assessment, discharge_checklist, handover, pathway_task
  to bedring_app;
grant select, insert on pathway_event to bedring_app;
-- Deadlines are derived data, replaced when an episode's events change.
grant select, insert, update, delete on pathway_deadline to bedring_app;
