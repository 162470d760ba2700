-- The journal (docs/decisions/0014-journal.md): every contact with the person is a note in the record,
-- written by a named helper, a draft until signed; a signed note is never changed, only amended
-- (pasientjournalforskriften, docs/domain/law.md). Row-level security as for the rest of the record:
-- the organisation holding it, or a consent.

-- "Not at home / did not come" is a contact too: it is written down like the others.
alter table contact drop constraint contact_kind_check;
alter table contact add constraint contact_kind_check
  check (kind in ('meeting', 'phone', 'video', 'group', 'home-visit', 'not-met'));

create table journal_note (
  tenant_id uuid not null,
  -- Made in the server.
  id uuid not null,
  person_id uuid not null,
  episode_id uuid,
  -- The contact (the Encounter) the note is about; every note belongs to one.
  contact_id uuid not null,
  author_account_id uuid not null,
  author_name text not null,
  author_role text not null,
  -- The author's organisation at the time, by id and name (the record says who wrote it, and where).
  organisation_id uuid not null,
  organisation_name text not null,
  contact_at timestamptz not null,
  kind text not null check (kind in ('meeting', 'phone', 'video', 'group', 'home-visit', 'not-met')),
  text text not null,
  -- The person's goals and plan entries the contact was about.
  plan_entry_ids uuid[] not null default '{}',
  status text not null check (status in ('draft', 'signed')),
  written_at timestamptz not null,
  changed_at timestamptz not null,
  signed_at timestamptz,
  -- Withheld from the person (the right of access has exceptions): only with a stated reason.
  withheld_reason text,
  withheld_by uuid,
  withheld_by_name text,
  withheld_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id),
  foreign key (tenant_id, contact_id) references contact (tenant_id, id),
  check ((status = 'signed') = (signed_at is not null)),
  check ((withheld_reason is null) = (withheld_at is null)),
  check (withheld_reason is null or length(btrim(withheld_reason)) > 0)
);
-- The journal view: newest first, a page at a time (keyset on contact_at, id).
create index journal_note_person on journal_note (tenant_id, person_id, contact_at desc, id desc);
create index journal_note_by_id on journal_note (id);

-- An amendment to a signed note: shown beside it, with who and when. Never changed.
create table journal_amendment (
  tenant_id uuid not null,
  id uuid not null,
  note_id uuid not null,
  person_id uuid not null,
  author_account_id uuid not null,
  author_name text not null,
  author_role text not null,
  organisation_name text not null,
  text text not null,
  written_at timestamptz not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, note_id) references journal_note (tenant_id, id),
  foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index journal_amendment_note on journal_amendment (tenant_id, note_id, written_at);

-- A signed note is final: the database refuses a change to anything but whether it is withheld from the
-- person, whatever the application does.
create function journal_note_signed_is_final() returns trigger language plpgsql as $$
begin
  if old.status = 'signed' and
     (to_jsonb(new) - array['withheld_reason', 'withheld_by', 'withheld_by_name', 'withheld_at'])
       is distinct from
     (to_jsonb(old) - array['withheld_reason', 'withheld_by', 'withheld_by_name', 'withheld_at']) then
    raise exception 'a signed journal note is not changed; it is amended' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger journal_note_signed_is_final before update on journal_note
  for each row execute function journal_note_signed_is_final();

do $$
declare t text;
begin
  foreach t in array array['journal_note', 'journal_amendment'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy owner_all on %I to %I using (true) with check (true)', t, current_user);
    execute format('create policy app_shared on %I to bedring_app '
      'using (tenant_id = (select app_tenant()) or app_shares(tenant_id, person_id)) '
      'with check (tenant_id = (select app_tenant()) or app_shares(tenant_id, person_id))', t);
  end loop;
end $$;

-- No delete: a note, once written, stays in the record.
grant select, insert, update on journal_note to bedring_app;
grant select, insert on journal_amendment to bedring_app;
