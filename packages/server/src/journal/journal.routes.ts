import { randomUUID } from 'node:crypto';
import {
  JournalAmendmentBody,
  JournalAmendmentCreated,
  JournalDraftBody,
  JournalNoteBody,
  JournalNoteCreated,
  JournalNoteParams,
  JournalNoteView,
  JournalPage,
  JournalQuery,
  JournalSharingBody,
  NoQuery,
  PersonParams,
  say,
} from '@bedring/contract';
import {
  decideJournalAction,
  type JournalAction,
  type JournalDenial,
  JournalWriters,
  osloDate,
  seesNote,
} from '@bedring/domain';
import type { PersonWork } from '../access/as-actor.ts';
import { personRoute } from '../access/declared-access.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { RequestActor } from '../auth/actor.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, conflict, forbidden, type HttpError, notFound } from '../http/errors.ts';
import { recordContact } from '../questionnaire/contact.repository.ts';
import {
  amendmentsOf,
  findNote,
  journalPage,
  journalWriters,
  type NoteRow,
  noteView,
  organisationName,
  unknownPlanEntries,
} from './journal.repository.ts';

/**
 * The journal, staff side (docs/decisions/0014-journal.md): every contact is a note with its author, role,
 * organisation, time, kind, text and the goals it was about; a draft until its author signs it, then only
 * amended; withheld from the person only with a stated reason. Read by the helpers who have contacts with
 * the person (JournalWriters), under need to know and consent like the rest of the record.
 */

/** A clock a little ahead of the server's is not a typing error; an hour is. */
const CLOCK_SKEW_MS = 5 * 60_000;

const REFUSAL: Record<JournalDenial, () => HttpError> = {
  'not-a-writer': () => forbidden(),
  'not-the-author': () => forbidden('journal_not_author', say('errors.journalNotAuthor')),
  'signed-is-final': () => conflict('journal_signed', say('errors.journalSignedIsFinal')),
  'already-signed': () => conflict('journal_already_signed', say('errors.journalAlreadySigned')),
  'draft-not-amended': () => conflict('journal_draft', say('errors.journalDraftNotAmended')),
  'reason-needed': () =>
    badRequest('reason_needed', say('errors.journalReasonNeeded'), [{ field: 'reason' }]),
  'not-withheld': () => conflict('journal_not_withheld', say('errors.journalNotWithheld')),
};

/** The note the URL names, as this helper may see it (another's draft is not there), and the rule's yes. */
async function noteFor(
  w: PersonWork,
  actor: RequestActor,
  noteId: string,
  action?: JournalAction,
  reason = '',
) {
  const row = await findNote(w.trx, w.person, noteId);
  const facts = row && {
    authorAccountId: row.author_account_id,
    status: row.status,
    withheldReason: row.withheld_reason,
  };
  if (!row || !facts || !seesNote(actor, facts)) throw notFound(say('errors.journalNoteNotFound'));
  if (action) {
    const decision = decideJournalAction(actor, facts, action, reason);
    if (!decision.allowed) throw REFUSAL[decision.denial]();
  }
  return row;
}

async function viewOf(w: PersonWork, row: NoteRow) {
  const amendments = await amendmentsOf(w.trx, w.person, [row.id]);
  return noteView(row, amendments.get(row.id) ?? []);
}

async function requireOwnPlanEntries(w: PersonWork, ids: readonly string[]) {
  const unknown = await unknownPlanEntries(w.trx, w.person, ids);
  if (unknown.length > 0)
    throw badRequest(
      'plan_entry_unknown',
      say('errors.journalPlanEntryUnknown'),
      unknown.map(() => ({ field: 'planEntryIds' })),
    );
}

export async function journalRoutes(app: App) {
  app.get(
    '/api/persons/:personId/journal',
    {
      schema: { params: PersonParams, querystring: JournalQuery, response: { 200: JournalPage } },
      config: { access: { roles: JournalWriters }, audit: { action: 'read', resource: 'DocumentReference' } },
    },
    async (req) => {
      const actor = req.actor!;
      return personRoute(app, req, async (w) => {
        const page = await journalPage(w.trx, w.person, actor.accountId, req.query);
        const amendments = await amendmentsOf(
          w.trx,
          w.person,
          page.rows.map((r) => r.id),
        );
        // The filters' choices come with the first page; the next pages are only the notes (a long journal
        // pages on the index alone).
        const writers = req.query.after
          ? { authors: [], organisations: [] }
          : await journalWriters(w.trx, w.person, actor.accountId);
        return {
          notes: page.rows.map((r) => noteView(r, amendments.get(r.id) ?? [])),
          next: page.next,
          ...writers,
        };
      });
    },
  );

  app.post(
    '/api/persons/:personId/journal',
    {
      schema: { params: PersonParams, body: JournalNoteBody, response: { 201: JournalNoteCreated } },
      config: {
        access: { roles: JournalWriters },
        audit: { action: 'create', resource: 'DocumentReference', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const b = req.body;
      const created = await personRoute(app, req, async (w) => {
        const contactAt = new Date(b.contactAt);
        if (contactAt.getTime() > w.now.getTime() + CLOCK_SKEW_MS)
          throw badRequest('date_in_future', say('errors.dateInFuture', { field: 'contactAt' }), [
            { field: 'contactAt' },
          ]);
        const planEntryIds = b.planEntryIds ?? [];
        await requireOwnPlanEntries(w, planEntryIds);
        let contact: { id: string; episodeId: string | null; planned: string[] };
        if (b.contactId) {
          const known = await w.trx
            .selectFrom('contact')
            .select(['id', 'episode_id'])
            .where('tenant_id', '=', w.person.organisationId)
            .where('person_id', '=', w.person.id)
            .where('id', '=', b.contactId)
            .executeTakeFirst();
          if (!known) throw notFound(say('errors.journalContactNotFound'));
          contact = { id: known.id, episodeId: known.episode_id, planned: [] };
        } else {
          // The contact is the Encounter; the note is what was written about it (decision 0014).
          contact = await recordContact(
            w.trx,
            w.person,
            actor,
            { contactOn: osloDate(contactAt), kind: b.kind, note: '' },
            w.now,
          );
          await w.audit('create', 'Encounter', contact.id);
        }
        const id = randomUUID();
        const sign = b.sign === true;
        await w.trx
          .insertInto('journal_note')
          .values({
            tenant_id: w.person.organisationId,
            id,
            person_id: w.person.id,
            episode_id: contact.episodeId,
            contact_id: contact.id,
            author_account_id: actor.accountId,
            author_name: actor.displayName,
            author_role: actor.role,
            organisation_id: actor.organisationId,
            organisation_name: await organisationName(w.trx, actor.organisationId),
            contact_at: contactAt,
            kind: b.kind,
            text: b.text,
            plan_entry_ids: planEntryIds,
            status: sign ? 'signed' : 'draft',
            written_at: w.now,
            changed_at: w.now,
            signed_at: sign ? w.now : null,
          })
          .execute();
        return {
          id,
          contactId: contact.id,
          status: sign ? ('signed' as const) : ('draft' as const),
          planned: contact.planned,
        };
      });
      reply.code(201);
      return created;
    },
  );

  app.get(
    '/api/persons/:personId/journal/:noteId',
    {
      schema: { params: JournalNoteParams, querystring: NoQuery, response: { 200: JournalNoteView } },
      config: {
        access: { roles: JournalWriters },
        audit: { action: 'read', resource: 'DocumentReference', id: 'params.noteId' },
      },
    },
    async (req) =>
      personRoute(app, req, async (w) => viewOf(w, await noteFor(w, req.actor!, req.params.noteId))),
  );

  app.put(
    '/api/persons/:personId/journal/:noteId',
    {
      schema: { params: JournalNoteParams, body: JournalDraftBody, response: { 200: JournalNoteView } },
      config: {
        access: { roles: JournalWriters },
        audit: { action: 'update', resource: 'DocumentReference', id: 'params.noteId' },
      },
    },
    async (req) =>
      personRoute(app, req, async (w) => {
        const row = await noteFor(w, req.actor!, req.params.noteId, 'edit');
        const planEntryIds = req.body.planEntryIds ?? row.plan_entry_ids;
        await requireOwnPlanEntries(w, planEntryIds);
        const changed = await w.trx
          .updateTable('journal_note')
          .set({ text: req.body.text, plan_entry_ids: planEntryIds, changed_at: w.now })
          .where('tenant_id', '=', row.tenant_id)
          .where('id', '=', row.id)
          .where('status', '=', 'draft')
          .returningAll()
          .executeTakeFirstOrThrow();
        return viewOf(w, changed);
      }),
  );

  app.post(
    '/api/persons/:personId/journal/:noteId/sign',
    {
      schema: { params: JournalNoteParams, response: { 200: JournalNoteView } },
      config: {
        access: { roles: JournalWriters },
        audit: { action: 'update', resource: 'DocumentReference', id: 'params.noteId' },
      },
    },
    async (req) =>
      personRoute(app, req, async (w) => {
        const row = await noteFor(w, req.actor!, req.params.noteId, 'sign');
        const signed = await w.trx
          .updateTable('journal_note')
          .set({ status: 'signed', signed_at: w.now, changed_at: w.now })
          .where('tenant_id', '=', row.tenant_id)
          .where('id', '=', row.id)
          .where('status', '=', 'draft')
          .returningAll()
          .executeTakeFirstOrThrow();
        return viewOf(w, signed);
      }),
  );

  app.post(
    '/api/persons/:personId/journal/:noteId/amendments',
    {
      schema: {
        params: JournalNoteParams,
        body: JournalAmendmentBody,
        response: { 201: JournalAmendmentCreated },
      },
      config: {
        access: { roles: JournalWriters },
        audit: { action: 'create', resource: 'DocumentReference', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const created = await personRoute(app, req, async (w) => {
        const row = await noteFor(w, actor, req.params.noteId, 'amend');
        const id = randomUUID();
        await w.trx
          .insertInto('journal_amendment')
          .values({
            tenant_id: row.tenant_id,
            id,
            note_id: row.id,
            person_id: w.person.id,
            author_account_id: actor.accountId,
            author_name: actor.displayName,
            author_role: actor.role,
            organisation_name: await organisationName(w.trx, actor.organisationId),
            text: req.body.text,
            written_at: w.now,
          })
          .execute();
        return { id };
      });
      reply.code(201);
      return created;
    },
  );

  // Withholding a note from the person is logged with its reason (the audit event's purpose), so the
  // exception to the right of access is on record even after the note is shared again.
  app.put(
    '/api/persons/:personId/journal/:noteId/sharing',
    {
      schema: { params: JournalNoteParams, body: JournalSharingBody, response: { 200: JournalNoteView } },
      config: { access: { roles: JournalWriters } },
    },
    async (req) => {
      const actor = req.actor!;
      const { withheld } = req.body;
      const reason = (req.body.reason ?? '').trim();
      return personRoute(app, req, async (w) => {
        const row = await noteFor(w, actor, req.params.noteId, withheld ? 'withhold' : 'share', reason);
        const changed = await w.trx
          .updateTable('journal_note')
          .set(
            withheld
              ? {
                  withheld_reason: reason,
                  withheld_by: actor.accountId,
                  withheld_by_name: actor.displayName,
                  withheld_at: w.now,
                }
              : { withheld_reason: null, withheld_by: null, withheld_by_name: null, withheld_at: null },
          )
          .where('tenant_id', '=', row.tenant_id)
          .where('id', '=', row.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(
          w.trx,
          actor,
          {
            action: 'update',
            tenantId: w.person.organisationId,
            personId: w.person.id,
            resourceType: 'DocumentReference',
            resourceId: row.id,
            purpose: withheld ? say('journal.withheldPurpose', { reason }) : say('journal.sharedPurpose'),
            breakGlassReason: w.decision.breakGlassReason ?? null,
          },
          w.now,
        );
        return viewOf(w, changed);
      });
    },
  );
}
