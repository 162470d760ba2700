import { NoQuery, PersonParams, Text, Uuid } from '@bedring/contract';
import { breakGlassExpiry, isUsableReason, mayBreakGlass } from '@bedring/domain';
import { Type } from '@sinclair/typebox';
import { recordAudit, recordAudits } from '../audit/audit.repository.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, forbidden, notFound } from '../http/errors.ts';
import { asActor } from './as-actor.ts';

/**
 * Break-glass (nødtilgang): time-limited access with a stated reason, for staff of the organisation
 * holding the record, flagged to the unit leader who reviews it.
 */
export async function breakGlassRoutes(app: App) {
  app.post(
    '/api/persons/:personId/break-glass',
    {
      schema: {
        params: PersonParams,
        body: Type.Object({ reason: Text(1000) }, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      if (!isUsableReason(req.body.reason)) {
        throw badRequest('reason_required', 'Skriv en begrunnelse på minst ti tegn.', [{ field: 'reason' }]);
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
          throw forbidden('break_glass_not_allowed', 'Du kan ikke bruke nødtilgang her.');
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
  app.get('/api/break-glass', { schema: { querystring: NoQuery } }, async (req) => {
    const actor = req.actor!;
    if (actor.role !== 'leader') throw forbidden();
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
      await recordAudits(
        trx,
        actor,
        rows.map((r) => ({
          action: 'read',
          tenantId: actor.organisationId,
          personId: r.person_id,
          resourceType: 'BreakGlass',
          resourceId: r.id,
        })),
        now,
      );
      return {
        events: rows.map((r) => ({
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
  });

  app.post(
    '/api/break-glass/:id/review',
    {
      schema: {
        params: Type.Object({ id: Uuid }, { additionalProperties: false }),
        body: Type.Object({ note: Text(1000) }, { additionalProperties: false }),
      },
    },
    async (req) => {
      const actor = req.actor!;
      if (actor.role !== 'leader') throw forbidden();
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
