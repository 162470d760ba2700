import { randomUUID } from 'node:crypto';
import {
  NoQuery,
  PersonParams,
  RelativeBody,
  RelativeList,
  RelativeParams,
  RelativeSaved,
  RelativeUpdateBody,
  say,
} from '@bedring/contract';
import { isPlausibleBirthYear, osloDate, type Role } from '@bedring/domain';
import { personRoute } from '../access/declared-access.ts';
import type { RouteAccess } from '../access/route-access.type.ts';
import type { App } from '../http/app.type.ts';
import { notInFuture } from '../http/day.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { insertRelative, relativesOf, updateRelative } from './relatives.repository.ts';

/**
 * Who reads and who records the person's children and relatives (docs/decisions/0019-relatives-and-risk.md):
 * the care team records (the specialist service's duty to ask, docs/domain/law.md); the municipal worker
 * reads under the person's consent; the person reads their own. A peer worker builds the network map with
 * the person (plan/) and does not read this list.
 */
export const RelativesAccess = {
  read: {
    roles: ['leader', 'clinician', 'milieu', 'municipal', 'patient'] as Role[],
    refusal: { code: 'role_cannot_do_this', words: 'errors.roleCannotSeeRelatives' },
  },
  write: {
    roles: ['leader', 'clinician', 'milieu'] as Role[],
    refusal: { code: 'role_cannot_do_this', words: 'errors.roleCannotRecordRelatives' },
  },
} as const satisfies Record<string, RouteAccess>;

/** A child has a birth year (not in the future), a relative a role; a talk with the child is not in the future. */
function check(body: RelativeBody, now: Date) {
  if (body.kind === 'child') {
    if (body.birthYear === undefined)
      throw badRequest('child_needs_birth_year', say('errors.childNeedsBirthYear'), [{ field: 'birthYear' }]);
    if (!isPlausibleBirthYear(body.birthYear, now))
      throw badRequest('birth_year_in_future', say('errors.birthYearInFuture'), [{ field: 'birthYear' }]);
    if (body.spokenWithOn) notInFuture(body.spokenWithOn, now, 'spokenWithOn');
  } else if (body.role === undefined) {
    throw badRequest('relative_needs_role', say('errors.relativeNeedsRole'), [{ field: 'role' }]);
  }
}

export async function relativesRoutes(app: App) {
  app.get(
    '/api/persons/:personId/relatives',
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: RelativeList } },
      config: { access: RelativesAccess.read, audit: { action: 'read', resource: 'RelatedPerson' } },
    },
    async (req) =>
      personRoute(app, req, async ({ trx, now, person }) => ({
        relatives: await relativesOf(trx, person, new Date(`${osloDate(now)}T12:00:00Z`)),
      })),
  );

  app.post(
    '/api/persons/:personId/relatives',
    {
      schema: { params: PersonParams, body: RelativeBody, response: { 201: RelativeSaved } },
      config: {
        access: RelativesAccess.write,
        audit: { action: 'create', resource: 'RelatedPerson', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const saved = await personRoute(app, req, async ({ trx, now, person }) => {
        check(req.body, now);
        const id = randomUUID();
        await insertRelative(trx, person, req.actor!, id, req.body, now);
        return { id };
      });
      return reply.code(201).send(saved);
    },
  );

  app.put(
    '/api/persons/:personId/relatives/:relativeId',
    {
      schema: { params: RelativeParams, body: RelativeUpdateBody, response: { 200: RelativeSaved } },
      config: {
        access: RelativesAccess.write,
        audit: { action: 'update', resource: 'RelatedPerson', id: 'params.relativeId' },
      },
    },
    async (req) =>
      personRoute(app, req, async ({ trx, now, person }) => {
        const { removed, ...body } = req.body;
        if (!removed) check(body, now);
        const id = req.params.relativeId;
        if (!(await updateRelative(trx, person, req.actor!, id, removed ? null : body, now)))
          throw notFound(say('errors.relativeNotFound'));
        return { id };
      }),
  );
}
