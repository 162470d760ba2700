import { randomUUID } from 'node:crypto';
import { NoQuery, PersonParams, Text } from '@bedring/contract';
import type { LivingConditionDomain } from '@bedring/domain';
import { LivingConditionDomains, mayRate, Ratings } from '@bedring/domain';
import { Type } from '@sinclair/typebox';
import { personForAccessLog } from '../access/access.guard.ts';
import { asActor, withPerson } from '../access/as-actor.ts';
import { accessLog, recordAudit } from '../audit/audit.repository.ts';
import { type JsonRow, jsonLiteral } from '../db/json-rows.ts';
import { writeAtCommit } from '../db/transaction.ts';
import type { App } from '../http/app.type.ts';
import { forbidden } from '../http/errors.ts';
import { caseload, personOverview, ratingHistory } from './record.repository.ts';

const Domain = Type.Union(LivingConditionDomains.map((d) => Type.Literal(d)));

const RatingBody = Type.Object(
  {
    domain: Domain,
    rating: Type.Union(Ratings.map((r) => Type.Literal(r))),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

const AboutBody = Type.Object(
  { aboutMe: Text(4000), strengths: Text(4000) },
  { additionalProperties: false },
);

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
      return asActor(app, actor, async (trx, now) => {
        const persons = await caseload(trx, actor.accountId, now, req.query.q?.trim() || undefined);
        const entry = {
          action: 'search',
          tenantId: actor.organisationId,
          personId: null,
          resourceType: 'Caseload',
          resourceId: null,
        } as const;
        await recordAudit(trx, actor, entry, now);
        return { persons };
      });
    },
  );

  app.get('/api/persons/:personId', { schema: { params: PersonParams, querystring: NoQuery } }, async (req) =>
    withPerson(app, req.actor!, req.params.personId, async ({ trx, now, person, decision, audit }) => {
      const overview = await personOverview(trx, person, now);
      await audit('read', 'PersonOverview', person.id);
      return { person: overview, access: { basis: decision.basis, viaConsent: decision.viaConsent } };
    }),
  );

  app.put(
    '/api/persons/:personId/about',
    { schema: { params: PersonParams, body: AboutBody } },
    async (req) => {
      const actor = req.actor!;
      if (actor.role === 'peer') throw forbidden();
      return withPerson(app, actor, req.params.personId, async ({ trx, now, person, audit }) => {
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
        await audit('update', 'AboutMe', person.id);
        return { ok: true };
      });
    },
  );

  app.get(
    '/api/persons/:personId/ratings',
    {
      schema: {
        params: PersonParams,
        querystring: Type.Object({ domain: Type.Optional(Domain) }, { additionalProperties: false }),
      },
    },
    async (req) =>
      withPerson(app, req.actor!, req.params.personId, async ({ trx, person, audit }) => {
        const ratings = await ratingHistory(
          trx,
          person,
          req.query.domain as LivingConditionDomain | undefined,
        );
        await audit('read', 'LivingConditionRating');
        return { ratings };
      }),
  );

  app.post(
    '/api/persons/:personId/ratings',
    { schema: { params: PersonParams, body: RatingBody } },
    async (req, reply) => {
      const actor = req.actor!;
      const result = await withPerson(
        app,
        actor,
        req.params.personId,
        async ({ trx, now, person, audit }) => {
          if (!mayRate(actor.role))
            throw forbidden('role_cannot_rate', 'Din rolle kan ikke vurdere levekår.');
          // The id is made here so that the insert can travel with COMMIT (writeAtCommit; rating_write,
          // migrations/0008_writes_with_commit.sql).
          const id = randomUUID();
          const rating: JsonRow<'living_condition_rating'> = {
            tenant_id: person.organisationId,
            id,
            person_id: person.id,
            domain: req.body.domain,
            rating: req.body.rating,
            note: req.body.note ?? '',
            rated_at: now,
            rated_by: actor.accountId,
            rated_by_name: actor.displayName,
            rated_by_role: actor.role,
          };
          await writeAtCommit(trx, `select rating_write(${jsonLiteral(rating)})`);
          await audit('create', 'LivingConditionRating', id);
          return { id };
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
      return asActor(app, actor, async (trx, now) => {
        // The access log is itself personal data: the person reads their own; the unit leader reads the
        // logs of records the organisation holds, to follow up access (Normen).
        const person = await personForAccessLog(trx, actor, req.params.personId, now);
        const entries = await accessLog(trx, person.organisationId, person.id);
        const entry = {
          action: 'read',
          tenantId: person.organisationId,
          personId: person.id,
          resourceType: 'AccessLog',
          resourceId: null,
        } as const;
        await recordAudit(trx, actor, entry, now);
        return { entries };
      });
    },
  );
}
