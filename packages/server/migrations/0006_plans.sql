-- The person's own plans (docs/decisions/0006-plans.md): the treatment plan, the
-- relapse-prevention plan and the crisis plan with their entries, comments, co-signatures and an
-- append-only change log; lapses; the network map; promises as tasks; and what a consent shares of them.
-- Everything here is part of the person's record: tenant_id is the organisation holding it.

-- What a consent opens of the plans to the grantee organisation. Empty for the consents recorded so far:
-- sharing a plan is a choice the person makes, not a side effect of a handover.
alter table consent add column plan_parts text[] not null default '{}';
alter table consent add constraint consent_plan_parts
  check (plan_parts <@ array['treatment', 'relapse-prevention', 'crisis', 'network']::text[]);

-- True when the current tenant holds the row's person, or holds an active consent for that person that
-- names this part of the plan. Row-level security of the plan tables, so that no query can show another
-- organisation a plan the person has not shared with it.
create function app_shares_part(row_tenant uuid, row_person uuid, part text) returns boolean
  language sql stable security definer set search_path = public, pg_temp as $$
  select row_tenant = app_tenant() or exists (
    select 1 from consent c
    where c.tenant_id = row_tenant and c.person_id = row_person
      and c.grantee_organisation_id = app_tenant()
      and part = any (c.plan_parts)
      and c.revoked_at is null and (c.expires_at is null or c.expires_at > now()))
$$;

create table care_plan (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  kind text not null check (kind in ('treatment', 'relapse-prevention', 'crisis')),
  -- Bumped by every change of content; a signature names the version it signed.
  version integer not null default 0,
  review_on date,
  created_at timestamptz not null,
  changed_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, person_id, kind),
  unique (tenant_id, id, kind),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index care_plan_by_id on care_plan (id);

create table plan_entry (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  plan_id uuid not null,
  plan_kind text not null,
  section text not null,
  -- The plan's version when the entry was added: the order it was written in (times may be equal).
  position integer not null,
  text text not null,
  success_means text,
  owner_account_id uuid,
  due_on date,
  evaluate_on date,
  phone text,
  contact_before_use boolean,
  network_member_id uuid,
  written_by text not null check (written_by in ('person', 'staff')),
  author_account_id uuid not null,
  author_name text not null,
  author_role text not null,
  created_at timestamptz not null,
  changed_at timestamptz not null,
  retired_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, plan_id, plan_kind) references care_plan (tenant_id, id, kind)
);
create index plan_entry_plan on plan_entry (tenant_id, plan_id, created_at);
create index plan_entry_by_id on plan_entry (id);

create table plan_comment (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  plan_id uuid not null,
  plan_kind text not null,
  entry_id uuid not null,
  text text not null,
  written_by text not null check (written_by in ('person', 'staff')),
  author_account_id uuid not null,
  author_name text not null,
  author_role text not null,
  created_at timestamptz not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, plan_id, plan_kind) references care_plan (tenant_id, id, kind),
  foreign key (tenant_id, entry_id) references plan_entry (tenant_id, id)
);
create index plan_comment_plan on plan_comment (tenant_id, plan_id, created_at);

create table plan_signature (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  plan_id uuid not null,
  plan_kind text not null,
  plan_version integer not null,
  signed_by uuid not null,
  signed_by_name text not null,
  signed_at timestamptz not null,
  primary key (tenant_id, id),
  unique (tenant_id, plan_id, plan_version, signed_by),
  foreign key (tenant_id, plan_id, plan_kind) references care_plan (tenant_id, id, kind)
);

-- The version history: who changed what, when, before and after. Append-only (insert and read only).
create table plan_change (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  plan_id uuid not null,
  plan_kind text not null,
  plan_version integer not null,
  action text not null check (action in ('add-entry', 'change-entry', 'retire-entry', 'set-review-date')),
  entry_id uuid,
  before jsonb,
  after jsonb,
  changed_by uuid not null,
  changed_by_name text not null,
  changed_by_role text not null,
  changed_at timestamptz not null,
  primary key (tenant_id, id),
  unique (tenant_id, plan_id, plan_version),
  foreign key (tenant_id, plan_id, plan_kind) references care_plan (tenant_id, id, kind)
);

-- A lapse: an event with the person's own look at the chain (docs/domain/plans.md, M-04), never a reset of
-- anything.
create table lapse (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  occurred_on date not null,
  situation text not null default '',
  thoughts_feelings text not null default '',
  what_happened text not null default '',
  what_helped text not null default '',
  -- The relapse-prevention plan's version when the lapse was recorded: until the plan has a later
  -- version, the lapse prompts looking at it together.
  plan_version integer not null default 0,
  written_by text not null check (written_by in ('person', 'staff')),
  author_account_id uuid not null,
  author_name text not null,
  author_role text not null,
  recorded_at timestamptz not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index lapse_person on lapse (tenant_id, person_id, occurred_on);

create table network_member (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  name text not null,
  relation text not null check (relation in ('family', 'child', 'friend', 'peer', 'self-help-group',
    'helper', 'other')),
  quality text not null check (quality in ('supportive', 'strained', 'risky', 'lost-contact')),
  crisis_role text not null default '',
  phone text,
  contact_consent boolean not null default false,
  -- Which of the person's plans they may see (e.g. a relative given the crisis plan).
  may_see text[] not null default '{}'
    check (may_see <@ array['treatment', 'relapse-prevention', 'crisis']::text[]),
  note text not null default '',
  written_by text not null check (written_by in ('person', 'staff')),
  author_account_id uuid not null,
  author_name text not null,
  author_role text not null,
  created_at timestamptz not null,
  changed_at timestamptz not null,
  removed_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index network_member_person on network_member (tenant_id, person_id);
create index network_member_by_id on network_member (id);

-- Promises (U-23) are tasks: what was promised and who made the promise. A promise belongs to the
-- person's episode, whose unit leader sees it when it is overdue.
alter table pathway_task add column promise text;
alter table pathway_task add column promised_by uuid;
alter table pathway_task add column promised_by_name text;
alter table pathway_task drop constraint pathway_task_kind_check;
alter table pathway_task add constraint pathway_task_kind_check
  check (kind in ('handover', 're-engagement', 'promise'));
alter table pathway_task drop constraint pathway_task_outcome_check;
alter table pathway_task add constraint pathway_task_outcome_check
  check (outcome in ('first-contact', 'new-round', 'declined', 'not-reached', 'kept', 'withdrawn'));
alter table pathway_task add constraint pathway_task_promise_check check ((kind = 'promise') = (promise is not null));
create index pathway_task_person_promise on pathway_task (tenant_id, person_id, escalate_on) where kind = 'promise';
-- The unit leader of the promise's owner sees it overdue, also when the record is held elsewhere.
create index pathway_task_assignee_organisation_open on pathway_task (assignee_organisation_id, escalate_on)
  where completed_on is null;

do $$
declare t text;
begin
  foreach t in array array['care_plan', 'plan_entry', 'plan_comment', 'plan_signature', 'plan_change',
                           'lapse', 'network_member'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy owner_all on %I to %I using (true) with check (true)', t, current_user);
  end loop;
  foreach t in array array['care_plan'] loop
    execute format('create policy app_shared on %I to bedring_app '
      'using (tenant_id = (select app_tenant()) or app_shares_part(tenant_id, person_id, kind)) '
      'with check (tenant_id = (select app_tenant()) or app_shares_part(tenant_id, person_id, kind))', t);
  end loop;
  foreach t in array array['plan_entry', 'plan_comment', 'plan_signature', 'plan_change'] loop
    execute format('create policy app_shared on %I to bedring_app '
      'using (tenant_id = (select app_tenant()) or app_shares_part(tenant_id, person_id, plan_kind)) '
      'with check (tenant_id = (select app_tenant()) or app_shares_part(tenant_id, person_id, plan_kind))', t);
  end loop;
end $$;

create policy app_shared on lapse to bedring_app
  using (tenant_id = (select app_tenant()) or app_shares_part(tenant_id, person_id, 'relapse-prevention'))
  with check (tenant_id = (select app_tenant()) or app_shares_part(tenant_id, person_id, 'relapse-prevention'));
create policy app_shared on network_member to bedring_app
  using (tenant_id = (select app_tenant()) or app_shares_part(tenant_id, person_id, 'network'))
  with check (tenant_id = (select app_tenant()) or app_shares_part(tenant_id, person_id, 'network'));

grant execute on function app_shares_part(uuid, uuid, text) to bedring_app;
grant select, insert, update on care_plan, plan_entry, network_member to bedring_app;
grant select, insert on plan_comment, plan_signature, plan_change, lapse to bedring_app;
