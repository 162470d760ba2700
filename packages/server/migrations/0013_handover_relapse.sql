-- A handover that hands over, and relapse without losing one's place
-- (docs/decisions/0018-handover-and-self-admission.md).

-- What the handover says it shares: the parts of the plans its consent opens (set in the same transaction,
-- plan_parts on the consent) and the journal notes that go with it, as the form named them.
alter table handover add column plan_parts text[] not null default '{}';
alter table handover add constraint handover_plan_parts
  check (plan_parts <@ array['treatment', 'relapse-prevention', 'crisis', 'network']::text[]);
alter table handover add column journal_note_ids uuid[] not null default '{}';

-- A lapse recorded anywhere opens a task for the specialist team that still holds the person.
alter table pathway_task add column lapse_id uuid;
alter table pathway_task drop constraint pathway_task_kind_check;
alter table pathway_task add constraint pathway_task_kind_check
  check (kind in ('handover', 're-engagement', 'promise', 'lapse'));
alter table pathway_task drop constraint pathway_task_outcome_check;
alter table pathway_task add constraint pathway_task_outcome_check
  check (outcome in ('first-contact', 'new-round', 'declined', 'not-reached', 'kept', 'withdrawn', 'followed-up'));
alter table pathway_task add constraint pathway_task_lapse_check check ((kind = 'lapse') = (lapse_id is not null));

-- Brukerstyrt innleggelse: the contract, recorded with the person's plan (part of the record: tenant_id is
-- the organisation holding it).
create table self_admission_contract (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  unit_id uuid not null,
  days_per_stay integer not null check (days_per_stay between 1 and 30),
  stays_per_year integer not null check (stays_per_year between 1 and 52),
  how_to_ask text not null check (length(btrim(how_to_ask)) > 0),
  who_to_call text not null check (length(btrim(who_to_call)) > 0),
  valid_from date not null,
  valid_to date,
  ended_on date,
  created_by uuid not null,
  created_by_name text not null,
  created_at timestamptz not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id),
  check (valid_to is null or valid_to >= valid_from)
);
create index self_admission_contract_person on self_admission_contract (tenant_id, person_id);

-- A stay under the contract: a new round in the episode under way, or a short episode linked to the last.
create table self_admission (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  contract_id uuid not null,
  episode_id uuid not null,
  unit_id uuid not null,
  placement text not null check (placement in ('new-round', 'linked-episode')),
  asked_by text not null check (asked_by in ('person', 'helper')),
  admitted_on date not null,
  planned_days integer not null check (planned_days between 1 and 365),
  warnings text[] not null default '{}',
  note text not null default '',
  recorded_by uuid not null,
  recorded_by_name text not null,
  recorded_at timestamptz not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id),
  foreign key (tenant_id, contract_id) references self_admission_contract (tenant_id, id)
);
create index self_admission_person on self_admission (tenant_id, person_id, admitted_on);
-- The unit's numbers: stays per unit and period.
create index self_admission_unit on self_admission (tenant_id, unit_id, admitted_on);

do $$
declare t text;
begin
  foreach t in array array['self_admission_contract', 'self_admission'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy owner_all on %I to %I using (true) with check (true)', t, current_user);
    execute format('create policy app_shared on %I to bedring_app '
      'using (tenant_id = (select app_tenant()) or app_shares(tenant_id, person_id)) '
      'with check (tenant_id = (select app_tenant()) or app_shares(tenant_id, person_id))', t);
  end loop;
end $$;

grant select, insert, update on self_admission_contract to bedring_app;
grant select, insert on self_admission to bedring_app;
