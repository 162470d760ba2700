-- The patient portal (docs/decisions/0007-checkins-and-signals.md): daily check-ins, the
-- signals read from them (and the person's "I need help now"), and the person's reminder time.
-- Row-level security as for the rest of the record: the organisation holding it, or a consent.

create table checkin (
  tenant_id uuid not null,
  -- Made on the person's device, so a check-in sent again after being offline is the same check-in.
  id uuid not null,
  person_id uuid not null,
  -- The day in Norway the check-in is about (made_at in Europe/Oslo).
  day date not null,
  mood smallint not null check (mood between 1 and 5),
  craving smallint not null check (craving between 0 and 10),
  sleep smallint not null check (sleep between 1 and 3),
  use text not null check (use in ('none', 'lapse', 'use')),
  substance text,
  amount text,
  risky_situation boolean not null,
  -- Plan entries (early warning signs) ticked; their words at the time are in the plan's history.
  warning_signs uuid[] not null default '{}',
  note text not null default '',
  made_at timestamptz not null,
  received_at timestamptz not null,
  author_account_id uuid not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index checkin_person on checkin (tenant_id, person_id, day);
create index checkin_by_id on checkin (id);

create table signal (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  kind text not null,
  -- Which occurrence (the first day of a streak, the day of a lapse…): raised once per occurrence.
  key text not null,
  finding jsonb not null,
  checkin_id uuid,
  -- The unit of the person's open episode when raised: the unit leader's worklist shows the unit's;
  -- the care team (care_relation) sees the signals of the persons they follow.
  unit_id uuid,
  raised_at timestamptz not null,
  acknowledged_at timestamptz,
  acknowledged_by uuid,
  acknowledged_by_name text,
  note text,
  primary key (tenant_id, id),
  unique (tenant_id, person_id, kind, key),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index signal_unit_open on signal (tenant_id, unit_id, raised_at) where acknowledged_at is null;
create index signal_person on signal (tenant_id, person_id, raised_at);
create index signal_by_id on signal (id);

-- An organisation's signal rules; absent = the defaults in the domain (signal.rules.ts).
create table signal_rule (
  tenant_id uuid not null,
  rules jsonb not null,
  updated_by uuid not null,
  updated_at timestamptz not null,
  primary key (tenant_id)
);

-- When the person wants to be reminded to check in (their own choice; none = no reminder).
create table checkin_reminder (
  tenant_id uuid not null,
  person_id uuid not null,
  remind_at time not null,
  -- The last day a reminder went out (one a day, and none on a day with a check-in).
  reminded_on date,
  updated_at timestamptz not null,
  primary key (tenant_id, person_id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);

do $$
declare t text;
begin
  foreach t in array array['signal_rule'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy owner_all on %I to %I using (true) with check (true)', t, current_user);
    execute format('create policy app_tenant on %I to bedring_app '
      'using (tenant_id = (select app_tenant())) with check (tenant_id = (select app_tenant()))', t);
  end loop;
  foreach t in array array['checkin', 'signal', 'checkin_reminder'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy owner_all on %I to %I using (true) with check (true)', t, current_user);
    execute format('create policy app_shared on %I to bedring_app '
      'using (tenant_id = (select app_tenant()) or app_shares(tenant_id, person_id)) '
      'with check (tenant_id = (select app_tenant()) or app_shares(tenant_id, person_id))', t);
  end loop;
end $$;

grant select, insert, update, delete on signal_rule, checkin_reminder to bedring_app;
grant select, insert on checkin to bedring_app;
grant select, insert, update on signal to bedring_app;
