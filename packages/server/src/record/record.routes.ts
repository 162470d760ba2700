import type { LivingConditionDomain } from '@bedring/domain';
import { LivingConditionDomains, Ratings } from '@bedring/domain';
import { Type } from '@sinclair/typebox';
import { personForAccessLog, requirePersonAccess } from '../access/access.guard.ts';
import { accessLog, recordAudit } from '../audit/audit.repository.ts';
import { inTenant } from '../db/transaction.ts';
import type { App } from '../http/app.ts';
import { forbidden } from '../http/errors.ts';
import { NoQuery, PersonParams, Text } from '../http/schemas.ts';
import { caseload, personOverview, ratingHistory } from './record.repository.ts';

const RatingBody = Type.Object(
  {
    domain: Type.Union(LivingConditionDomains.map((d) => Type.Literal(d))),
    rating: Type.Union(Ratings.map((r) => Type.Literal(r))),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

const AboutBody = Type.Object(
  { aboutMe: Text(4000), strengths: Text(4000) },
  { additionalProperties: false },
);

const RATERS = new Set(['leader', 'clinician', 'milieu', 'municipal']);

/** The person's record: caseload, overview, "om meg", living-condition ratings, access log. */
export async function recordRoutes(app: App) {
  app.get(
    '/api/persons',
    {
      schema: { querystring: Type.Object({ q: Type.Optional(Text(100)) }, { additionalProperties: false }) },
    },
    async (req) => {
      const actor = req.actor!;
      if (actor.role === 'patient' || actor.role === 'admin') throw forbidden();
      const now = app.clock();
      return inTenant(
        app.db.app,
        { tenantId: actor.organisationId, accountId: actor.accountId },
        async (trx) => {
          const persons = await caseload(trx, actor.accountId, now, req.query.q?.trim() || undefined);
          await recordAudit(
            trx,
            actor,
            {
              action: 'search',
              tenantId: actor.organisationId,
              personId: null,
              resourceType: 'Caseload',
              resourceId: null,
            },
            now,
          );
          return { persons };
        },
      );
    },
  );

  app.get(
    '/api/persons/:personId',
    { schema: { params: PersonParams, querystring: NoQuery } },
    async (req) => {
      const actor = req.actor!;
      const now = app.clock();
      return inTenant(
        app.db.app,
        { tenantId: actor.organisationId, accountId: actor.accountId },
        async (trx) => {
          const { person, decision } = await requirePersonAccess(trx, actor, req.params.personId, now);
          const overview = await personOverview(trx, person, now);
          await recordAudit(
            trx,
            actor,
            {
              action: 'read',
              tenantId: person.organisationId,
              personId: person.id,
              resourceType: 'PersonOverview',
              resourceId: person.id,
              breakGlassReason: decision.breakGlassReason ?? null,
            },
            now,
          );
          return { person: overview, access: { basis: decision.basis, viaConsent: decision.viaConsent } };
        },
      );
    },
  );

  app.put(
    '/api/persons/:personId/about',
    { schema: { params: PersonParams, body: AboutBody } },
    async (req) => {
      const actor = req.actor!;
      if (actor.role === 'peer') throw forbidden();
      const now = app.clock();
      return inTenant(
        app.db.app,
        { tenantId: actor.organisationId, accountId: actor.accountId },
        async (trx) => {
          const { person, decision } = await requirePersonAccess(trx, actor, req.params.personId, now);
          await trx
            .updateTable('person')
            .set({
              about_me: req.body.aboutMe,
              strengths: req.body.strengths,
              about_me_updated_at: now,
              about_me_updated_by: actor.accountId,
            })
            .where('tenant_id', '=', person.organisationId)
            .where('id', '=', person.id)
            .execute();
          await recordAudit(
            trx,
            actor,
            {
              action: 'update',
              tenantId: person.organisationId,
              personId: person.id,
              resourceType: 'AboutMe',
              resourceId: person.id,
              breakGlassReason: decision.breakGlassReason ?? null,
            },
            now,
          );
          return { ok: true };
        },
      );
    },
  );

  app.get(
    '/api/persons/:personId/ratings',
    {
      schema: {
        params: PersonParams,
        querystring: Type.Object(
          { domain: Type.Optional(Type.Union(LivingConditionDomains.map((d) => Type.Literal(d)))) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const actor = req.actor!;
      const now = app.clock();
      return inTenant(
        app.db.app,
        { tenantId: actor.organisationId, accountId: actor.accountId },
        async (trx) => {
          const { person, decision } = await requirePersonAccess(trx, actor, req.params.personId, now);
          const ratings = await ratingHistory(
            trx,
            person,
            req.query.domain as LivingConditionDomain | undefined,
          );
          await recordAudit(
            trx,
            actor,
            {
              action: 'read',
              tenantId: person.organisationId,
              personId: person.id,
              resourceType: 'LivingConditionRating',
              resourceId: null,
              breakGlassReason: decision.breakGlassReason ?? null,
            },
            now,
          );
          return { ratings };
        },
      );
    },
  );

  app.post(
    '/api/persons/:personId/ratings',
    { schema: { params: PersonParams, body: RatingBody } },
    async (req, reply) => {
      const actor = req.actor!;
      const now = app.clock();
      const result = await inTenant(
        app.db.app,
        { tenantId: actor.organisationId, accountId: actor.accountId },
        async (trx) => {
          const { person, decision } = await requirePersonAccess(trx, actor, req.params.personId, now);
          if (!RATERS.has(actor.role))
            throw forbidden('role_cannot_rate', 'Din rolle kan ikke vurdere levekår.');
          const row = await trx
            .insertInto('living_condition_rating')
            .values({
              tenant_id: person.organisationId,
              person_id: person.id,
              domain: req.body.domain,
              rating: req.body.rating,
              note: req.body.note ?? '',
              rated_at: now,
              rated_by: actor.accountId,
              rated_by_name: actor.displayName,
              rated_by_role: actor.role,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await recordAudit(
            trx,
            actor,
            {
              action: 'create',
              tenantId: person.organisationId,
              personId: person.id,
              resourceType: 'LivingConditionRating',
              resourceId: row.id,
              breakGlassReason: decision.breakGlassReason ?? null,
            },
            now,
          );
          return { id: row.id };
        },
      );
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/persons/:personId/access-log',
    { schema: { params: PersonParams, querystring: NoQuery } },
    async (req) => {
      const actor = req.actor!;
      const now = app.clock();
      return inTenant(
        app.db.app,
        { tenantId: actor.organisationId, accountId: actor.accountId },
        async (trx) => {
          // The access log is itself personal data: the person reads their own; the unit leader reads
          // the logs of records the organisation holds, to follow up access (Normen).
          const person = await personForAccessLog(trx, actor, req.params.personId, now);
          const entries = await accessLog(trx, person.organisationId, person.id);
          await recordAudit(
            trx,
            actor,
            {
              action: 'read',
              tenantId: person.organisationId,
              personId: person.id,
              resourceType: 'AccessLog',
              resourceId: null,
            },
            now,
          );
          return { entries };
        },
      );
    },
  );
}
