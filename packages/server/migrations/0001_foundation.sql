-- Foundation: organisations, accounts, sessions, the person's record, care relations, consent,
-- break-glass, living-condition ratings and the audit trail.
-- Every row carries tenant_id (the organisation that holds it) first in its key (docs/architecture.md,
-- "Tenancy and row-level security"). Row-level security is forced; the application role (bedring_app) owns
-- nothing.

create function app_tenant() returns uuid language sql stable
  as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

create function app_account() returns uuid language sql stable
  as $$ select nullif(current_setting('app.account_id', true), '')::uuid $$;

create table organisation (
  tenant_id uuid not null,
  id uuid not null,
  name text not null,
  kind text not null check (kind in ('tsb', 'municipality')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check (tenant_id = id)
);

create table unit (
  tenant_id uuid not null,
  id uuid not null,
  name text not null,
  kind text not null check (kind in ('inpatient', 'outpatient', 'follow-up', 'administration')),
  primary key (tenant_id, id)
);

create table account (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  username text not null,
  display_name text not null,
  role text not null check (role in ('admin', 'leader', 'clinician', 'milieu', 'municipal', 'peer', 'patient')),
  unit_id uuid,
  person_id uuid,
  password_hash text not null,
  totp_secret text,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check ((role = 'patient') = (person_id is not null))
);
-- Usernames are global so that login can find the account before the tenant is known.
create unique index account_username on account (lower(username));
create index account_by_id on account (id);

create table session (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  account_id uuid not null,
  token_hash text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  idle_minutes integer not null,
  absolute_hours integer not null,
  revoked_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, account_id) references account (tenant_id, id)
);
create unique index session_token on session (token_hash);

create table person (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  national_id text not null,
  given_name text not null,
  family_name text not null,
  birth_date date not null,
  gender text not null check (gender in ('female', 'male', 'other', 'unknown')),
  municipality text,
  -- The substance the person and their helpers name as the main one; free to change, never a label.
  primary_substance text check (primary_substance in ('alcohol', 'cannabis', 'opioids', 'stimulants',
    'benzodiazepines', 'several', 'other')),
  about_me text not null default '',
  strengths text not null default '',
  about_me_updated_at timestamptz,
  about_me_updated_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create unique index person_national_id on person (tenant_id, national_id);
-- FHIR and the API address a person by id alone (ids are UUIDs): without this, PostgreSQL before 18
-- scans every person. Not unique, so a future distribution by tenant_id (Citus) can keep it.
create index person_by_id on person (id);
create index person_name on person (tenant_id, lower(family_name), lower(given_name));

alter table account add foreign key (tenant_id, person_id) references person (tenant_id, id);

-- A care relation gives need to know: member of the care team, or assigned to municipal follow-up.
-- tenant_id is the organisation holding the person's record; organisation_id is the staff member's.
create table care_relation (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  account_id uuid not null,
  organisation_id uuid not null,
  kind text not null check (kind in ('care-team', 'follow-up')),
  unit_id uuid,
  from_at timestamptz not null,
  to_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index care_relation_person on care_relation (tenant_id, person_id);
create index care_relation_account on care_relation (account_id, person_id);

create table consent (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  grantee_organisation_id uuid not null,
  purpose text not null,
  given_at timestamptz not null,
  expires_at timestamptz,
  revoked_at timestamptz,
  recorded_by uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index consent_grantee on consent (grantee_organisation_id, tenant_id, person_id);

create table break_glass (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  account_id uuid not null,
  reason text not null,
  opened_at timestamptz not null,
  expires_at timestamptz not null,
  reviewed_at timestamptz,
  reviewed_by uuid,
  review_note text,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index break_glass_account on break_glass (tenant_id, account_id, person_id);

create table living_condition_rating (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  domain text not null check (domain in ('substance-use', 'finances', 'mental-health', 'physical-health',
    'housing', 'social-functioning', 'network', 'meaningful-activity')),
  rating text not null check (rating in ('green', 'yellow', 'red')),
  note text not null default '',
  rated_at timestamptz not null,
  rated_by uuid not null,
  rated_by_name text not null,
  rated_by_role text not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index living_condition_rating_person on living_condition_rating (tenant_id, person_id, rated_at desc);

-- Append-only: the application may insert and read, never update or delete. chain_position,
-- previous_hash and hash are filled in by the sealer (owner role) in commit order.
create table audit_event (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  seq bigserial not null,
  at timestamptz not null,
  actor_account_id uuid,
  actor_organisation_id uuid,
  actor_role text not null,
  action text not null,
  person_id uuid,
  resource_type text not null,
  resource_id text,
  purpose text,
  break_glass_reason text,
  chain_position bigint,
  previous_hash text,
  hash text,
  primary key (tenant_id, id)
);
create index audit_event_person on audit_event (tenant_id, person_id, at desc);
create index audit_event_unsealed on audit_event (tenant_id, seq) where chain_position is null;
create unique index audit_event_chain on audit_event (tenant_id, chain_position);

-- Counters for login throttling live in the database so several servers share them.
-- They are keyed by a hash of the client address or username, before any tenant is known.
create table rate_limit (
  key text primary key,
  window_start timestamptz not null,
  hits integer not null
);

-- Secrets for the operator (e.g. the application role's password); never granted to the application.
create table bedring_secret (
  name text primary key,
  value text not null
);

-- Staff names and roles, readable across organisations (care teams span them); nothing else of account.
create view staff_directory as
  select tenant_id, id, display_name, role, unit_id from account where role <> 'patient';

-- True when the current tenant holds the row's person, or holds an active consent for that person.
create function app_shares(row_tenant uuid, row_person uuid) returns boolean
  language sql stable security definer set search_path = public, pg_temp as $$
  select row_tenant = app_tenant() or exists (
    select 1 from consent c
    where c.tenant_id = row_tenant and c.person_id = row_person
      and c.grantee_organisation_id = app_tenant()
      and c.revoked_at is null and (c.expires_at is null or c.expires_at > now()))
$$;

-- Login needs the account before the tenant is known: this is the one way to find it.
create function auth_find_account(login text) returns setof account
  language sql stable security definer set search_path = public, pg_temp as $$
  select * from account where lower(username) = lower(login)
$$;

-- Each request finds its session by the token's hash, again before the tenant is known.
create function auth_find_session(hash text)
  returns table (tenant_id uuid, session_id uuid, account_id uuid, role text, display_name text,
                 person_id uuid, unit_id uuid, created_at timestamptz, last_seen_at timestamptz,
                 idle_minutes integer, absolute_hours integer, revoked_at timestamptz, disabled_at timestamptz)
  language sql stable security definer set search_path = public, pg_temp as $$
  select s.tenant_id, s.id, s.account_id, a.role, a.display_name, a.person_id, a.unit_id, s.created_at,
         s.last_seen_at, s.idle_minutes, s.absolute_hours, s.revoked_at, a.disabled_at
  from session s join account a on a.tenant_id = s.tenant_id and a.id = s.account_id
  where s.token_hash = hash
$$;

-- One hit on a throttle key; returns the hits in the current window.
create function rate_limit_hit(hit_key text, window_seconds integer) returns integer
  language sql volatile security definer set search_path = public, pg_temp as $$
  insert into rate_limit as r (key, window_start, hits) values (hit_key, now(), 1)
  on conflict (key) do update set
    hits = case when r.window_start < now() - make_interval(secs => window_seconds) then 1 else r.hits + 1 end,
    window_start = case when r.window_start < now() - make_interval(secs => window_seconds) then now() else r.window_start end
  returning hits
$$;

create function rate_limit_clear(hit_key text) returns void
  language sql volatile security definer set search_path = public, pg_temp as $$
  delete from rate_limit where key = hit_key
$$;
