import { randomUUID } from 'node:crypto';
import {
  AboutBody,
  AboutSaved,
  AccessLog,
  Caseload,
  CaseloadQuery,
  NoQuery,
  PersonAnswer,
  PersonParams,
  RatingBody,
  RatingCreated,
  RatingList,
  RatingsQuery,
} from '@bedring/contract';
import { type LivingConditionDomain, RaterRoles, type Role, Roles } from '@bedring/domain';
import { personForAccessLog } from '../access/access.guard.ts';
import { asActor } from '../access/as-actor.ts';
import { personRoute } from '../access/declared-access.ts';
import { accessLog, recordAudit } from '../audit/audit.repository.ts';
import { type JsonRow, jsonLiteral } from '../db/json-rows.ts';
import { writeAtCommit } from '../db/transaction.ts';
import type { App } from '../http/app.type.ts';
import { caseload, personOverview, ratingHistory } from './record.repository.ts';

/** Any logged-in user may ask; need to know for the person decides (access/access.guard.ts). */
const ANYONE: readonly Role[] = Roles;
/** Staff have a caseload; the person and the administrator do not. */
const WITH_CASELOAD: readonly Role[] = Roles.filter((r) => r !== 'patient' && r !== 'admin');

/** The person's record: caseload, overview, "om meg", living-condition ratings, access log. */
export async function recordRoutes(app: App) {
  app.get(
    '/api/persons',
    {
      schema: { querystring: CaseloadQuery, response: { 200: Caseload } },
      config: { access: { roles: WITH_CASELOAD } },
    },
    async (req) => {
      const actor = req.actor!;
      return asActor(app, actor, async (trx, now) => {
        const { today, persons } = await caseload(
          trx,
          actor.accountId,
          now,
          req.query.q?.trim() || undefined,
        );
        const entry = {
          action: 'search',
          tenantId: actor.organisationId,
          personId: null,
          resourceType: 'Caseload',
          resourceId: null,
        } as const;
        await recordAudit(trx, actor, entry, now);
        return { today, persons };
      });
    },
  );

  // Audited by hand here and in PUT …/about: the id audited is the person's as stored, not as the URL
  // spells it (a declared audit takes params.personId).
  app.get(
    '/api/persons/:personId',
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: PersonAnswer } },
      config: { access: { roles: ANYONE } },
    },
    async (req) =>
      personRoute(app, req, async ({ trx, now, person, decision, audit }) => {
        const overview = await personOverview(trx, person, now);
        await audit('read', 'PersonOverview', person.id);
        return { person: overview, access: { basis: decision.basis, viaConsent: decision.viaConsent } };
      }),
  );

  app.put(
    '/api/persons/:personId/about',
    {
      schema: { params: PersonParams, body: AboutBody, response: { 200: AboutSaved } },
      config: { access: { roles: Roles.filter((r) => r !== 'peer') } },
    },
    async (req) => {
      const actor = req.actor!;
      return personRoute(app, req, async ({ trx, now, person, audit }) => {
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
        return { ok: true as const };
      });
    },
  );

  app.get(
    '/api/persons/:personId/ratings',
    {
      schema: { params: PersonParams, querystring: RatingsQuery, response: { 200: RatingList } },
      config: { access: { roles: ANYONE }, audit: { action: 'read', resource: 'LivingConditionRating' } },
    },
    async (req) =>
      personRoute(app, req, async ({ trx, person }) => {
        const ratings = await ratingHistory(
          trx,
          person,
          req.query.domain as LivingConditionDomain | undefined,
        );
        return { ratings };
      }),
  );

  app.post(
    '/api/persons/:personId/ratings',
    {
      schema: { params: PersonParams, body: RatingBody, response: { 201: RatingCreated } },
      config: {
        access: { roles: RaterRoles, refusal: { code: 'role_cannot_rate', words: 'errors.roleCannotRate' } },
        audit: { action: 'create', resource: 'LivingConditionRating', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const result = await personRoute(app, req, async ({ trx, now, person }) => {
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
        return { id };
      });
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/persons/:personId/access-log',
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: AccessLog } },
      config: { access: { roles: ['patient', 'leader'] } },
    },
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
