import { asOwner, type ClusterAccess } from './cluster-access.ts';
import { accessCheck, auditInsert, lit, type RequestContext } from './pgbench-scripts.ts';
import type { PreparedRequest } from './prepared-request.ts';

/**
 * The journal (docs/benchmarks.md, docs/decisions/0014-journal.md): the caseload's first person gets a
 * journal of JOURNAL_NOTES signed notes over the years (every 40th amended), written as the owner in one
 * statement; the journal view reads its first page. The note write posts a note signed at once
 * (`POST /api/persons/:id/journal`, `sign: true`), which records its contact too, rotating over the other
 * caseload persons.
 */
export const JOURNAL_NOTES = 2000;

/** What the journal measurements found in the database. */
export interface JournalFacts {
  /** Notes in the journal read, and amendments among them. */
  notes: number;
  amendments: number;
  /** Persons the note write posts for. */
  writePersons: number;
  /** Instruments a contact plans (session feedback): the write reads what is waiting for them. */
  plannedPerContact: number;
}

const NOTE_TEXT =
  'Samtale om uka som gikk. Han har sovet bedre og gått tur hver dag. Vi snakket om hva som hjelper når suget kommer, og om å ta kontakt med sønnen. Avtalt ny samtale om en uke.';

export async function prepareJournal(
  origin: string,
  headers: Record<string, string>,
  access: ClusterAccess,
  context: RequestContext,
): Promise<{ requests: { note: PreparedRequest; journal: PreparedRequest }; facts: JournalFacts }> {
  const [readPersonId, ...writePersonIds] = context.personIds;
  if (!readPersonId || writePersonIds.length === 0) throw new Error('the caseload is too small');
  await asOwner(access, (c) =>
    c.query(
      `with notes as (
         select gen_random_uuid() as contact_id, gen_random_uuid() as note_id, n,
           now() - make_interval(days => n) as at
         from generate_series(1, $4::int) as n),
       contacts as (
         insert into contact (tenant_id, id, person_id, contact_on, kind, account_id, account_name, note, recorded_at)
         select $1, contact_id, $2, (at at time zone 'Europe/Oslo')::date, 'meeting', $3, $5, '', at from notes
         returning id),
       written as (
         insert into journal_note (tenant_id, id, person_id, contact_id, author_account_id, author_name, author_role,
           organisation_id, organisation_name, contact_at, kind, text, status, written_at, changed_at, signed_at)
         select $1, note_id, $2, contact_id, $3, $5, $6, $1, (select name from organisation where id = $1), at,
           'meeting', $7 || ' (' || n || ')', 'signed', at, at, at
         from notes where exists (select 1 from contacts)
         returning id)
       insert into journal_amendment (tenant_id, id, note_id, person_id, author_account_id, author_name, author_role,
         organisation_name, text, written_at)
       select $1, gen_random_uuid(), note_id, $2, $3, $5, $6, (select name from organisation where id = $1),
         'Rettelse: samtalen var på telefon.', at + interval '1 day'
       from notes where n % 40 = 0 and exists (select 1 from written)`,
      [
        context.tenantId,
        readPersonId,
        context.accountId,
        JOURNAL_NOTES,
        context.displayName,
        context.role,
        NOTE_TEXT,
      ],
    ),
  );
  await asOwner(access, (c) => c.query('vacuum analyze contact, journal_note, journal_amendment'));
  const facts = await asOwner(access, (c) =>
    c.query<{ notes: number; amendments: number }>(
      `select (select count(*)::int from journal_note where person_id = $1) as notes,
         (select count(*)::int from journal_amendment where person_id = $1) as amendments`,
      [readPersonId],
    ),
  );
  // One note through the API for each writing person first: a contact plans the organisation's
  // session-feedback instruments once, so from then on the write finds them waiting (the steady state).
  const body = noteBody(new Date(Date.now() - 60 * 60_000));
  let planned: string[] = [];
  for (const id of writePersonIds) {
    const res = await fetch(`${origin}/api/persons/${id}/journal`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
    if (res.status !== 201) throw new Error(`POST a journal note failed: ${res.status} ${await res.text()}`);
    planned = ((await res.json()) as { planned: string[] }).planned;
  }
  return {
    requests: {
      journal: {
        http: { origin, method: 'GET', paths: [`/api/persons/${readPersonId}/journal`], headers },
        script: journalReadScript({ ...context, personIds: [readPersonId] }),
      },
      note: {
        http: {
          origin,
          method: 'POST',
          paths: writePersonIds.map((id) => `/api/persons/${id}/journal`),
          headers,
          body,
        },
        script: noteWriteScript({ ...context, personIds: writePersonIds }, planned),
      },
    },
    facts: {
      notes: facts.rows[0]!.notes,
      amendments: facts.rows[0]!.amendments,
      writePersons: writePersonIds.length,
      plannedPerContact: planned.length,
    },
  };
}

function noteBody(contactAt: Date): string {
  return JSON.stringify({ contactAt: contactAt.toISOString(), kind: 'meeting', text: NOTE_TEXT, sign: true });
}

const visible = (c: RequestContext) =>
  `tenant_id = :pt and person_id = :pid and (status = 'signed' or author_account_id = ${lit(c.accountId)})`;

/**
 * GET /api/persons/:id/journal, the first page (journal.repository.ts): the page of 25 (26 read, to know
 * whether another follows), the amendments of the notes on it, the authors and organisations for the
 * filters, and the audit event.
 */
export function journalReadScript(c: RequestContext): string {
  return [
    ...accessCheck(c),
    `select * from journal_note where ${visible(c)} order by contact_at desc, id desc limit 26;`,
    `select * from journal_amendment where tenant_id = :pt and note_id in (select id from journal_note
    where ${visible(c)} order by contact_at desc, id desc limit 25) order by written_at, id;`,
    `select distinct author_account_id as id, author_name as name from journal_note where ${visible(c)} order by author_name;`,
    `select distinct organisation_id as id, organisation_name as name from journal_note where ${visible(c)}
    order by organisation_name;`,
    `${auditInsert(c, 'read', 'DocumentReference', ':pid')};`,
    'commit;',
  ].join('\n');
}

/**
 * POST /api/persons/:id/journal with `sign: true` (journal.routes.ts, contact.repository.ts): the open
 * episode, the contact (the Encounter), the instruments a contact plans and which of them are waiting,
 * the author's organisation's name, the signed note, and two audit events (the Encounter and the note).
 * The server sends the note, its audits and COMMIT in one message; pgbench cannot prepare a compound
 * command, so here the audits are part of the note's statement and COMMIT goes alone.
 */
export function noteWriteScript(c: RequestContext, planned: readonly string[]): string {
  const waiting = planned.length
    ? [
        `select questionnaire_id from questionnaire_due where tenant_id = :pt and person_id = :pid and done_at is null
    and questionnaire_id in (${planned.map(lit).join(', ')});`,
      ]
    : [];
  return [
    ...accessCheck(c),
    `select coalesce((select id::text from episode where tenant_id = :pt and person_id = :pid and state <> 'ended'
    order by opened_on desc limit 1), '') as eid \\gset`,
    `insert into contact (tenant_id, person_id, episode_id, contact_on, kind, account_id, account_name, note, recorded_at)
  values (:pt, :pid, nullif(:eid, '')::uuid, (now() at time zone 'Europe/Oslo')::date, 'meeting', ${lit(c.accountId)},
    ${lit(c.displayName)}, '', now()) returning id as cid \\gset`,
    `select resource from questionnaire where tenant_id = ${lit(c.tenantId)} order by id;`,
    `select questionnaire_id, visible_to_person, triggers, answered_by from instrument_setting where tenant_id = ${lit(c.tenantId)};`,
    ...waiting,
    `select name as oname from organisation where id = ${lit(c.tenantId)} \\gset`,
    `with noted as (insert into journal_note (tenant_id, id, person_id, episode_id, contact_id, author_account_id,
    author_name, author_role, organisation_id, organisation_name, contact_at, kind, text, plan_entry_ids, status,
    written_at, changed_at, signed_at)
  values (:pt, gen_random_uuid(), :pid, nullif(:eid, '')::uuid, :cid, ${lit(c.accountId)}, ${lit(c.displayName)},
    ${lit(c.role)}, ${lit(c.tenantId)}, :oname, now() - interval '1 hour', 'meeting', ${lit(NOTE_TEXT)}, '{}', 'signed',
    now(), now(), now()) returning id),
  encounter as (${auditInsert(c, 'create', 'Encounter', ':cid')})
  ${auditInsert(c, 'create', 'DocumentReference', '(select id from noted)')};`,
    'commit;',
  ].join('\n');
}
