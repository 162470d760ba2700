import {
  BreakGlassBody,
  BreakGlassList,
  BreakGlassOpened,
  BreakGlassReviewBody,
  BreakGlassReviewed,
  BreakGlassReviewParams,
  NoQuery,
  PersonParams,
  say,
} from '@bedring/contract';
import { breakGlassExpiry, isUsableReason, mayBreakGlass } from '@bedring/domain';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Tx } from '../db/transaction.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, forbidden, notFound } from '../http/errors.ts';
import { asActor } from './as-actor.ts';
import { auditWorklist } from './worklist.ts';

/** The staff who may break the glass (domain mayBreakGlass: besides, only in their own organisation). */
const BREAKS_GLASS = { roles: ['leader', 'clinician', 'milieu', 'municipal'] as const };
/** The unit leader reviews every break-glass event of the organisation (docs/user-guide.md, "No access?"). */
const REVIEWS = { roles: ['leader'] as const };

/**
 * Break-glass (nødtilgang): time-limited access with a stated reason, for staff of the organisation
 * holding the record, flagged to the unit leader who reviews it.
 */
export async function breakGlassRoutes(app: App) {
  app.post(
    '/api/persons/:personId/break-glass',
    {
      schema: { params: PersonParams, body: BreakGlassBody, response: { 201: BreakGlassOpened } },
      // The code the web app knows for a refusal (access/no-access.component.tsx).
      config: {
        access: {
          ...BREAKS_GLASS,
          refusal: { code: 'break_glass_not_allowed', words: 'errors.breakGlassNotAllowed' },
        },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      if (!isUsableReason(req.body.reason)) {
        throw badRequest('reason_required', say('errors.breakGlassReasonRequired'), [{ field: 'reason' }]);
      }
      const result = await asActor(app, actor, async (trx, now) => {
        const row = await trx
          .selectFrom('person')
          .select(['tenant_id', 'id'])
          .where('id', '=', req.params.personId)
          .executeTakeFirst();
        if (!row) throw notFound();
        const person = { id: row.id, organisationId: row.tenant_id };
        if (!mayBreakGlass(actor, person))
          throw forbidden('break_glass_not_allowed', say('errors.breakGlassNotAllowed'));
        const expiresAt = breakGlassExpiry(now);
        const bg = await trx
          .insertInto('break_glass')
          .values({
            tenant_id: person.organisationId,
            person_id: person.id,
            account_id: actor.accountId,
            reason: req.body.reason.trim(),
            opened_at: now,
            expires_at: expiresAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(
          trx,
          actor,
          {
            action: 'break-glass',
            tenantId: person.organisationId,
            personId: person.id,
            resourceType: 'BreakGlass',
            resourceId: bg.id,
            breakGlassReason: req.body.reason.trim(),
          },
          now,
        );
        return { id: bg.id, expiresAt };
      });
      return reply.code(201).send(result);
    },
  );
  app.get(
    '/api/break-glass',
    { schema: { querystring: NoQuery, response: { 200: BreakGlassList } }, config: { access: REVIEWS } },
    async (req) => {
      const actor = req.actor!;
      return asActor(app, actor, async (trx, now) => {
        const rows = await trx
          .selectFrom('break_glass as b')
          .innerJoin('staff_directory as s', 's.id', 'b.account_id')
          .innerJoin('person as p', (j) =>
            j.onRef('p.tenant_id', '=', 'b.tenant_id').onRef('p.id', '=', 'b.person_id'),
          )
          .select([
            'b.id',
            'b.reason',
            'b.opened_at',
            'b.expires_at',
            'b.reviewed_at',
            'b.review_note',
            'b.tenant_id',
            'b.person_id',
            's.display_name',
            'p.id as person_id',
            'p.given_name',
            'p.family_name',
          ])
          .where('b.tenant_id', '=', actor.organisationId)
          .orderBy('b.opened_at', 'desc')
          .limit(200)
          .execute();
        // Each listed event names a person: the leader's view of it belongs in that person's access log.
        // The list is the whole organisation's, not only the leader's unit (mineOrMyUnit): break-glass is
        // opened on a person, not in a unit, and the holding organisation answers for it.
        await auditWorklist(trx, actor, now, 'BreakGlass', rows);
        const reads = await readsUnder(trx, rows);
        return {
          events: rows.map((r) => ({
            reads: reads.get(r.id) ?? [],
            id: r.id,
            reason: r.reason,
            openedAt: r.opened_at,
            expiresAt: r.expires_at,
            reviewedAt: r.reviewed_at,
            reviewNote: r.review_note,
            staffName: r.display_name,
            person: { id: r.person_id, givenName: r.given_name, familyName: r.family_name },
          })),
        };
      });
    },
  );

  app.post(
    '/api/break-glass/:id/review',
    {
      schema: {
        params: BreakGlassReviewParams,
        body: BreakGlassReviewBody,
        response: { 200: BreakGlassReviewed },
      },
      config: { access: REVIEWS },
    },
    async (req) => {
      const actor = req.actor!;
      return asActor(app, actor, async (trx, now) => {
        const row = await trx
          .updateTable('break_glass')
          .set({ reviewed_at: now, reviewed_by: actor.accountId, review_note: req.body.note })
          .where('tenant_id', '=', actor.organisationId)
          .where('id', '=', req.params.id)
          .returning(['id', 'person_id'])
          .executeTakeFirst();
        if (!row) throw notFound();
        await recordAudit(
          trx,
          actor,
          {
            action: 'update',
            tenantId: actor.organisationId,
            personId: row.person_id,
            resourceType: 'BreakGlass',
            resourceId: row.id,
          },
          now,
        );
        return { ok: true };
      });
    },
  );
}

/** At most this many reads are listed under one opening: the review is of the pattern, the full log is there. */
const READS_PER_OPENING = 100;

/**
 * What each opener did with the record while the glass was broken: their audit events on that person
 * between opening and expiry (the opening itself left out), in one statement for the whole list, by the
 * actor index of migrations/0012_worklists.sql (docs/decisions/0016-worklists.md).
 */
async function readsUnder(
  trx: Tx,
  openings: readonly { id: string }[],
): Promise<Map<string, { id: string; at: Date; action: string; resourceType: string }[]>> {
  const out = new Map<string, { id: string; at: Date; action: string; resourceType: string }[]>();
  if (openings.length === 0) return out;
  const rows = await trx
    .selectFrom('break_glass as b')
    .innerJoin('audit_event as e', (j) =>
      j
        .onRef('e.tenant_id', '=', 'b.tenant_id')
        .onRef('e.actor_account_id', '=', 'b.account_id')
        .onRef('e.person_id', '=', 'b.person_id')
        .onRef('e.at', '>=', 'b.opened_at')
        .onRef('e.at', '<=', 'b.expires_at'),
    )
    .select(['b.id', 'e.id as event_id', 'e.at', 'e.action', 'e.resource_type'])
    .where(
      'b.id',
      'in',
      openings.map((o) => o.id),
    )
    .where('e.resource_type', '<>', 'BreakGlass')
    .orderBy('b.id')
    .orderBy('e.at')
    .orderBy('e.seq')
    .execute();
  for (const r of rows) {
    const list = out.get(r.id) ?? [];
    if (list.length < READS_PER_OPENING)
      list.push({ id: r.event_id, at: r.at, action: r.action, resourceType: r.resource_type });
    out.set(r.id, list);
  }
  return out;
}
