import type { JournalNoteView, JournalQuery, SharedNoteView } from '@bedring/contract';
import type { JournalKind, PersonRef } from '@bedring/domain';
import { type Selectable, sql } from 'kysely';
import type { JournalAmendmentTable, JournalNoteTable } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';

/**
 * The journal's rows (docs/decisions/0014-journal.md). Notes are kept with the organisation holding the
 * person's record, like the contacts, so a consent opens them to the municipality (migration 0010).
 */

export type NoteRow = Selectable<JournalNoteTable>;
export type AmendmentRow = Selectable<JournalAmendmentTable>;

/** One page: the view's default, and never more than the contract allows. */
export const PAGE_SIZE = 25;

/** The cursor of a page: the last note's time of contact and id (keyset, newest first). */
export function cursorOf(row: Pick<NoteRow, 'contact_at' | 'id'>): string {
  return `${new Date(row.contact_at).toISOString()}_${row.id}`;
}

function parseCursor(cursor: string): { at: Date; id: string } | null {
  const [at, id] = cursor.split('_');
  const when = new Date(at ?? '');
  return id && !Number.isNaN(when.getTime()) ? { at: when, id } : null;
}

/** Text search: the words as typed, wildcards taken literally. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A page of the person's journal as one helper sees it: signed notes and their own drafts, newest first,
 * filtered; one more row than the page is read to know whether another page follows. The index
 * journal_note_person (tenant, person, contact_at desc, id desc) serves the order and the cursor.
 */
export async function journalPage(
  trx: Tx,
  person: PersonRef,
  viewerAccountId: string,
  query: JournalQuery,
): Promise<{ rows: NoteRow[]; next: string | null }> {
  const limit = query.limit ? Number(query.limit) : PAGE_SIZE;
  let q = trx
    .selectFrom('journal_note')
    .selectAll()
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where((eb) => eb.or([eb('status', '=', 'signed'), eb('author_account_id', '=', viewerAccountId)]));
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.author) q = q.where('author_account_id', '=', query.author);
  if (query.organisation) q = q.where('organisation_id', '=', query.organisation);
  // A period is in days in Norway: from the start of `from` to the end of `to`, Oslo time.
  if (query.from)
    q = q.where(sql<boolean>`contact_at >= (${query.from}::date::timestamp at time zone 'Europe/Oslo')`);
  if (query.to)
    q = q.where(sql<boolean>`contact_at < ((${query.to}::date + 1)::timestamp at time zone 'Europe/Oslo')`);
  if (query.q) q = q.where('text', 'ilike', likePattern(query.q));
  const cursor = query.after ? parseCursor(query.after) : null;
  if (cursor) q = q.where(sql<boolean>`(contact_at, id) < (${cursor.at}, ${cursor.id}::uuid)`);
  const rows = await q
    .orderBy('contact_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { rows: page, next: more ? cursorOf(page[page.length - 1]!) : null };
}

/** Who has written in the person's journal, and from which organisations (the view's filters). */
export async function journalWriters(trx: Tx, person: PersonRef, viewerAccountId: string) {
  const visible = trx
    .selectFrom('journal_note')
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where((eb) => eb.or([eb('status', '=', 'signed'), eb('author_account_id', '=', viewerAccountId)]));
  const authors = await visible
    .select(['author_account_id as id', 'author_name as name'])
    .distinct()
    .orderBy('author_name')
    .execute();
  const organisations = await visible
    .select(['organisation_id as id', 'organisation_name as name'])
    .distinct()
    .orderBy('organisation_name')
    .execute();
  return { authors, organisations };
}

/** The notes the person reads (signed, not withheld), newest first, a page at a time. */
export async function sharedPage(
  trx: Tx,
  person: PersonRef,
  after: string | undefined,
): Promise<{ rows: NoteRow[]; next: string | null }> {
  let q = trx
    .selectFrom('journal_note')
    .selectAll()
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('status', '=', 'signed')
    .where('withheld_at', 'is', null);
  const cursor = after ? parseCursor(after) : null;
  if (cursor) q = q.where(sql<boolean>`(contact_at, id) < (${cursor.at}, ${cursor.id}::uuid)`);
  const rows = await q
    .orderBy('contact_at', 'desc')
    .orderBy('id', 'desc')
    .limit(PAGE_SIZE + 1)
    .execute();
  const more = rows.length > PAGE_SIZE;
  const page = more ? rows.slice(0, PAGE_SIZE) : rows;
  return { rows: page, next: more ? cursorOf(page[page.length - 1]!) : null };
}

export async function findNote(trx: Tx, person: PersonRef, noteId: string): Promise<NoteRow | undefined> {
  return trx
    .selectFrom('journal_note')
    .selectAll()
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('id', '=', noteId)
    .executeTakeFirst();
}

/** The amendments of these notes, oldest first, by note. */
export async function amendmentsOf(
  trx: Tx,
  person: PersonRef,
  noteIds: readonly string[],
): Promise<Map<string, AmendmentRow[]>> {
  const byNote = new Map<string, AmendmentRow[]>();
  if (noteIds.length === 0) return byNote;
  const rows = await trx
    .selectFrom('journal_amendment')
    .selectAll()
    .where('tenant_id', '=', person.organisationId)
    .where('note_id', 'in', noteIds)
    .orderBy('written_at')
    .orderBy('id')
    .execute();
  for (const r of rows) byNote.set(r.note_id, [...(byNote.get(r.note_id) ?? []), r]);
  return byNote;
}

/** Plan entry ids that are not the person's (a link to a goal must be to one of their own). */
export async function unknownPlanEntries(
  trx: Tx,
  person: PersonRef,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await trx
    .selectFrom('plan_entry')
    .select('id')
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('id', 'in', ids)
    .execute();
  const known = new Set(found.map((f) => f.id));
  return ids.filter((id) => !known.has(id));
}

export async function organisationName(trx: Tx, organisationId: string): Promise<string> {
  const row = await trx
    .selectFrom('organisation')
    .select('name')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.name ?? '';
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function noteView(r: NoteRow, amendments: readonly AmendmentRow[]): JournalNoteView {
  return {
    id: r.id,
    contactId: r.contact_id,
    episodeId: r.episode_id,
    kind: r.kind as JournalKind,
    contactAt: iso(r.contact_at),
    text: r.text,
    planEntryIds: r.plan_entry_ids,
    author: { id: r.author_account_id, name: r.author_name, role: r.author_role },
    organisation: { id: r.organisation_id, name: r.organisation_name },
    status: r.status,
    writtenAt: iso(r.written_at),
    changedAt: iso(r.changed_at),
    signedAt: r.signed_at ? iso(r.signed_at) : null,
    withheld:
      r.withheld_at && r.withheld_reason
        ? { reason: r.withheld_reason, byName: r.withheld_by_name ?? '', at: iso(r.withheld_at) }
        : null,
    amendments: amendments.map((a) => ({
      id: a.id,
      text: a.text,
      author: { id: a.author_account_id, name: a.author_name, role: a.author_role },
      organisationName: a.organisation_name,
      writtenAt: iso(a.written_at),
    })),
  };
}

/** What the person reads: no drafts, no withholding, nothing but the note and its amendments. */
export function sharedView(r: NoteRow, amendments: readonly AmendmentRow[]): SharedNoteView {
  return {
    id: r.id,
    kind: r.kind as JournalKind,
    contactAt: iso(r.contact_at),
    text: r.text,
    authorName: r.author_name,
    authorRole: r.author_role,
    organisationName: r.organisation_name,
    signedAt: iso(r.signed_at ?? r.changed_at),
    planEntryIds: r.plan_entry_ids,
    amendments: amendments.map((a) => ({
      text: a.text,
      authorName: a.author_name,
      writtenAt: iso(a.written_at),
    })),
  };
}
