-- Children and relatives, and suicide- and violence-risk assessments (docs/decisions/0019-relatives-and-risk.md).
-- Both are part of the person's record: tenant_id is the organisation holding it.

-- The record's structured list for the duty to ask about the person's minor children and to see to their
-- needs (barn som pårørende, docs/domain/law.md), and the relatives with their role and the person's consent.
-- A child is recorded by birth year, never by national id. The person's own network map (network_member) is
-- their picture in their own words; this list is the service's.
create table relative (
  tenant_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  kind text not null check (kind in ('child', 'relative')),
  name text not null,
  -- A relative's role; a child has none (the kind says it).
  role text check (role in ('partner', 'parent', 'sibling', 'friend', 'other')),
  -- A child's birth year; a relative has none.
  birth_year smallint check (birth_year between 1900 and 2099),
  -- A child: who cares for the child now; whether and when the child was spoken with; the follow-up agreed;
  -- whether the unit's barneansvarlig is informed.
  cared_for_by text not null default '',
  spoken_with boolean,
  spoken_with_on date,
  follow_up text not null default '',
  coordinator_informed boolean not null default false,
  -- The person's consent: may the service contact them, and may they be given information.
  may_contact boolean not null default false,
  may_inform boolean not null default false,
  note text not null default '',
  recorded_by uuid not null,
  recorded_by_name text not null,
  recorded_at timestamptz not null,
  changed_by uuid not null,
  changed_by_name text not null,
  changed_at timestamptz not null,
  removed_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id),
  check ((kind = 'child') = (birth_year is not null)),
  check ((kind = 'relative') = (role is not null))
);
create index relative_person on relative (tenant_id, person_id, kind) where removed_at is null;
create index relative_by_id on relative (id);

-- A risk assessment is a dated, signed note: a new assessment follows an old one, nothing is edited.
create table risk_assessment (
  tenant_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  kind text not null check (kind in ('suicide', 'violence')),
  assessed_on date not null,
  level text not null check (level in ('low', 'moderate', 'high', 'acute')),
  factors text not null,
  plan text not null,
  -- Told to the GP and the municipality with the handover (the closing checklist, P-40 in
  -- docs/domain/pathway.md): only these are visible to another organisation, and only under consent.
  share_at_handover boolean not null,
  assessor_account_id uuid not null,
  assessor_name text not null,
  assessor_role text not null,
  recorded_at timestamptz not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index risk_assessment_person on risk_assessment (tenant_id, person_id, assessed_on);
create index risk_assessment_by_id on risk_assessment (id);

do $$
declare t text;
begin
  foreach t in array array['relative', 'risk_assessment'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy owner_all on %I to %I using (true) with check (true)', t, current_user);
  end loop;
end $$;

create policy app_shared on relative to bedring_app
  using (tenant_id = (select app_tenant()) or app_shares(tenant_id, person_id))
  with check (tenant_id = (select app_tenant()) or app_shares(tenant_id, person_id));
-- Another organisation sees an assessment only when it goes with the handover, and only under consent.
create policy app_shared on risk_assessment to bedring_app
  using (tenant_id = (select app_tenant()) or (share_at_handover and app_shares(tenant_id, person_id)))
  with check (tenant_id = (select app_tenant()));

grant select, insert, update on relative to bedring_app;
grant select, insert on risk_assessment to bedring_app;
