import { Uuid } from '@bedring/contract';
import { JournalWriters, type Role, seesNote, sharedWithPerson } from '@bedring/domain';
import type { DocumentReference, Encounter } from '@medplum/fhirtypes';
import { type TProperties, Type } from '@sinclair/typebox';
import type { PersonWork } from '../access/as-actor.ts';
import { asActor, personWork, withPerson } from '../access/as-actor.ts';
import type { RequestActor } from '../auth/actor.ts';
import type { App } from '../http/app.type.ts';
import { notFound } from '../http/errors.ts';
import { searchset } from '../http/fhir-bundle.ts';
import {
  FHIR_JSON,
  FormatParams,
  idOf,
  PageParams,
  pageOf,
  ReadQuery,
  ReferenceParam,
} from '../http/fhir-schemas.ts';
import { amendmentsOf, type NoteRow } from './journal.repository.ts';
import { type ContactRow, toAmendmentDocument, toEncounter, toNoteDocument } from './journal-fhir.mapping.ts';

/** The helpers who write the journal, and the person, who reads what is shared with them. */
const READERS: readonly Role[] = [...JournalWriters, 'patient'];

const Search = Type.Object(
  { ...FormatParams, patient: ReferenceParam('Patient'), ...PageParams } as TProperties,
  { additionalProperties: false },
);
const ById = Type.Object({ id: Uuid }, { additionalProperties: false });

/** May this actor read this note: the staff view's rule, or for the person, shared with them. */
const mayRead = (actor: RequestActor, n: NoteRow) => {
  const facts = { authorAccountId: n.author_account_id, status: n.status, withheldReason: n.withheld_reason };
  return actor.role === 'patient' ? sharedWithPerson(facts) : seesNote(actor, facts);
};

/**
 * The person's journal as DocumentReferences (notes, then each note's amendments), as the actor may read
 * it: the same rules as /api (decision 0014). A peer worker reads none.
 */
export async function journalDocuments(w: PersonWork, actor: RequestActor): Promise<DocumentReference[]> {
  if (!READERS.includes(actor.role)) return [];
  const notes = (
    await w.trx
      .selectFrom('journal_note')
      .selectAll()
      .where('tenant_id', '=', w.person.organisationId)
      .where('person_id', '=', w.person.id)
      .orderBy('contact_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
  ).filter((n) => mayRead(actor, n));
  const amendments = await amendmentsOf(
    w.trx,
    w.person,
    notes.map((n) => n.id),
  );
  return notes.flatMap((n) => {
    const own = amendments.get(n.id) ?? [];
    return [toNoteDocument(n, own), ...own.map((a) => toAmendmentDocument(n, a))];
  });
}

/** The person's contacts as Encounters, newest first. */
export async function journalEncounters(w: PersonWork, actor: RequestActor): Promise<Encounter[]> {
  if (!READERS.includes(actor.role)) return [];
  const rows: ContactRow[] = await w.trx
    .selectFrom('contact')
    .select(['id', 'person_id', 'episode_id', 'contact_on', 'kind', 'account_name'])
    .where('tenant_id', '=', w.person.organisationId)
    .where('person_id', '=', w.person.id)
    .orderBy('contact_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
  return rows.map(toEncounter);
}

export async function fhirJournalRoutes(app: App) {
  for (const [type, load] of [
    ['DocumentReference', journalDocuments],
    ['Encounter', journalEncounters],
  ] as const) {
    app.get(
      `/fhir/${type}`,
      { schema: { querystring: Search }, config: { access: { roles: READERS } } },
      async (req, reply) => {
        const actor = req.actor!;
        const q = req.query as { patient: string; _count?: string; _offset?: string };
        const found = await withPerson(app, actor, idOf(q.patient), async (w) => {
          const all = await load(w, actor);
          await w.audit('read', type);
          return all;
        });
        const p = pageOf(q);
        return reply
          .type(FHIR_JSON)
          .send(searchset(found.slice(p.offset, p.offset + p.count), req.url, { total: found.length, ...p }));
      },
    );
  }

  app.get(
    '/fhir/DocumentReference/:id',
    { schema: { params: ById, querystring: ReadQuery }, config: { access: { roles: READERS } } },
    async (req, reply) => {
      const actor = req.actor!;
      const id = req.params.id.toLowerCase();
      const doc = await asActor(app, actor, async (trx, now) => {
        const amendment = await trx
          .selectFrom('journal_amendment')
          .select(['note_id'])
          .where('id', '=', id)
          .executeTakeFirst();
        const note = await trx
          .selectFrom('journal_note')
          .selectAll()
          .where('id', '=', amendment?.note_id ?? id)
          .executeTakeFirst();
        if (!note) throw notFound();
        const w = await personWork(trx, now, actor, note.person_id);
        if (!mayRead(actor, note)) throw notFound();
        await w.audit('read', 'DocumentReference', id);
        const own = (await amendmentsOf(trx, w.person, [note.id])).get(note.id) ?? [];
        const a = own.find((x) => x.id === id);
        return a ? toAmendmentDocument(note, a) : toNoteDocument(note, own);
      });
      return reply.type(FHIR_JSON).send(doc);
    },
  );

  app.get(
    '/fhir/Encounter/:id',
    { schema: { params: ById, querystring: ReadQuery }, config: { access: { roles: READERS } } },
    async (req, reply) => {
      const actor = req.actor!;
      const id = req.params.id.toLowerCase();
      const encounter = await asActor(app, actor, async (trx, now) => {
        const row = await trx
          .selectFrom('contact')
          .select(['id', 'person_id', 'episode_id', 'contact_on', 'kind', 'account_name'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) throw notFound();
        const w = await personWork(trx, now, actor, row.person_id);
        await w.audit('read', 'Encounter', row.id);
        return toEncounter(row);
      });
      return reply.type(FHIR_JSON).send(encounter);
    },
  );
}
