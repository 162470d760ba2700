import { say, Uuid } from '@bedring/contract';
import { osloDate, type PersonRef } from '@bedring/domain';
import type { Resource } from '@medplum/fhirtypes';
import { type TProperties, Type } from '@sinclair/typebox';
import { asActor, personWork, withPerson } from '../access/as-actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { RequestActor } from '../auth/actor.ts';
import type { Tx } from '../db/transaction.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, forbidden, notFound } from '../http/errors.ts';
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
import { toClinicalImpression } from './assessment-fhir.mapping.ts';
import { PathwayAccess } from './pathway.access.ts';
import { toEpisodeOfCare, toServiceRequest, toTask } from './pathway-fhir.mapping.ts';
import {
  assessmentsOf,
  type EpisodeStatusFilter,
  episodesOf,
  ownerOf,
  type PathwayTable,
  referralsOf,
  unitEpisodes,
} from './pathway-fhir-read.repository.ts';
import { fhirRiskAssessmentRoutes } from './risk-assessment-fhir.routes.ts';
import { ownerTasks, tasksOf } from './task-fhir-read.repository.ts';

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const Closed = <T extends TProperties>(props: T) =>
  Type.Object({ ...FormatParams, ...props }, { additionalProperties: false });
const PatientSearch = Closed({ patient: ReferenceParam('Patient'), ...PageParams });
const tokenList = (values: string[]) =>
  Type.String({ pattern: `^(${values.join('|')})(,(${values.join('|')}))*$` });
const EpisodeSearch = Closed({
  patient: Type.Optional(ReferenceParam('Patient')),
  organization: Type.Optional(ReferenceParam('Organization')),
  status: Type.Optional(
    tokenList(['planned', 'waitlist', 'active', 'onhold', 'finished', 'cancelled', 'entered-in-error']),
  ),
  ...PageParams,
});
const TaskSearch = Closed({
  patient: Type.Optional(ReferenceParam('Patient')),
  owner: Type.Optional(ReferenceParam('Practitioner')),
  status: Type.Optional(
    tokenList([
      'draft',
      'requested',
      'received',
      'accepted',
      'rejected',
      'ready',
      'cancelled',
      'in-progress',
      'on-hold',
      'failed',
      'completed',
      'entered-in-error',
    ]),
  ),
  ...PageParams,
});

/**
 * Reads one pathway resource by id: whose record it is first, then need to know for that person
 * (404 when the caller's organisation cannot see the row, 403 without need to know), then the read,
 * audited in the same transaction — withPerson for a resource addressed by its own id.
 */
function readOne<T extends Resource>(
  app: App,
  actor: RequestActor,
  table: PathwayTable,
  id: string,
  load: (trx: Tx, person: PersonRef, now: Date) => Promise<T[]>,
): Promise<T> {
  return asActor(app, actor, async (trx, now) => {
    const owner = await ownerOf(trx, table, id);
    if (!owner) throw notFound();
    const { person, audit } = await personWork(trx, now, actor, owner.person_id);
    const found = (await load(trx, person, now)).find((r) => r.id === id);
    if (!found) throw notFound();
    await audit('read', found.resourceType, id);
    return found;
  });
}

/** Reads the resources of one person's record (need to know, one audit event for the search). */
function searchPerson<T extends Resource>(
  app: App,
  actor: RequestActor,
  patient: string,
  resourceType: string,
  load: (trx: Tx, person: PersonRef, now: Date) => Promise<T[]>,
): Promise<T[]> {
  return withPerson(app, actor, idOf(patient), async ({ trx, now, person, audit }) => {
    const found = await load(trx, person, now);
    await audit('read', resourceType);
    return found;
  });
}

const page = <T>(items: T[], p: { count: number; offset: number }) => ({
  total: items.length,
  ...p,
  items: items.slice(p.offset, p.offset + p.count),
});

/** Each pathway resource type of one person's record: the searches by patient and $everything read these. */
export const pathwayResources = {
  ServiceRequest: async (trx: Tx, person: PersonRef) =>
    (await referralsOf(trx, person)).map(toServiceRequest),
  EpisodeOfCare: async (trx: Tx, person: PersonRef) => (await episodesOf(trx, person)).map(toEpisodeOfCare),
  ClinicalImpression: async (trx: Tx, person: PersonRef) =>
    (await assessmentsOf(trx, person)).map(toClinicalImpression),
  Task: async (trx: Tx, person: PersonRef, now: Date) =>
    (await tasksOf(trx, person)).map((t) => toTask(t, osloDate(now))),
};

/**
 * The care pathway in FHIR R4 (docs/api.md, docs/domain/fhir.md): referrals, episodes, level-of-care
 * decisions and tasks, under the same access rules as /api. Dimension ratings are Observations (see
 * fhir/fhir.routes.ts).
 */
export async function fhirPathwayRoutes(app: App) {
  await app.register(fhirRiskAssessmentRoutes);
  const {
    EpisodeOfCare: episodes,
    Task: tasks,
    ClinicalImpression: impressions,
    ServiceRequest: referrals,
  } = pathwayResources;

  // Every role may ask; need to know for the person (or the search's own rule below) decides.
  const config = { access: PathwayAccess.fhir };
  const read = { schema: { params: IdParams, querystring: ReadQuery }, config };
  const byPatient = { schema: { querystring: PatientSearch }, config };

  app.get('/fhir/ServiceRequest/:id', read, async (req, reply) =>
    reply.type(FHIR_JSON).send(await readOne(app, req.actor!, 'referral', req.params.id, referrals)),
  );
  app.get('/fhir/ServiceRequest', byPatient, async (req, reply) => {
    const found = await searchPerson(app, req.actor!, req.query.patient, 'ServiceRequest', referrals);
    const paged = page(found, pageOf(req.query));
    return reply.type(FHIR_JSON).send(searchset(paged.items, req.url, paged));
  });

  app.get('/fhir/ClinicalImpression/:id', read, async (req, reply) =>
    reply.type(FHIR_JSON).send(await readOne(app, req.actor!, 'assessment', req.params.id, impressions)),
  );
  app.get('/fhir/ClinicalImpression', byPatient, async (req, reply) => {
    const found = await searchPerson(app, req.actor!, req.query.patient, 'ClinicalImpression', impressions);
    const paged = page(found, pageOf(req.query));
    return reply.type(FHIR_JSON).send(searchset(paged.items, req.url, paged));
  });

  app.get('/fhir/EpisodeOfCare/:id', read, async (req, reply) =>
    reply.type(FHIR_JSON).send(await readOne(app, req.actor!, 'episode', req.params.id, episodes)),
  );
  app.get('/fhir/EpisodeOfCare', { schema: { querystring: EpisodeSearch }, config }, async (req, reply) => {
    const actor = req.actor!;
    const q = req.query;
    const p = pageOf(q);
    const statuses = q.status ? new Set(q.status.split(',')) : null;
    if (q.patient) {
      const unit = q.organization ? idOf(q.organization) : null;
      const found = (await searchPerson(app, actor, q.patient, 'EpisodeOfCare', episodes)).filter(
        (e) =>
          (!statuses || statuses.has(e.status)) &&
          (!unit || e.managingOrganization?.reference === `Organization/${unit}`),
      );
      const paged = page(found, p);
      return reply.type(FHIR_JSON).send(searchset(paged.items, req.url, paged));
    }
    if (!q.organization)
      throw badRequest('search_param_required', say('errors.searchEpisodesBy'), [{ field: 'patient' }]);
    // A unit's episodes are the unit leader's overview (like the deadline board): leaders only, in
    // their own organisation, each person shown audited.
    if (actor.role !== 'leader') throw forbidden('leader_only', say('errors.unitEpisodesLeaderOnly'));
    const orgId = idOf(q.organization);
    const result = await asActor(app, actor, async (trx, now) => {
      let unitIds: string[] | null = null;
      if (orgId !== actor.organisationId) {
        const unit = await trx
          .selectFrom('unit')
          .select('id')
          .where('tenant_id', '=', actor.organisationId)
          .where('id', '=', orgId)
          .executeTakeFirst();
        if (!unit) throw forbidden('not_your_unit', say('errors.notYourUnit'));
        unitIds = [unit.id];
      }
      const wanted = (statuses ? [...statuses] : []).filter((s): s is EpisodeStatusFilter =>
        ['waitlist', 'active', 'finished', 'cancelled'].includes(s),
      );
      if (statuses && wanted.length === 0) return { total: 0, episodes: [] };
      const found = await unitEpisodes(trx, { tenantId: actor.organisationId, unitIds, statuses: wanted }, p);
      for (const e of found.episodes) {
        await recordAudit(
          trx,
          actor,
          {
            action: 'search',
            tenantId: e.tenantId,
            personId: e.personId,
            resourceType: 'EpisodeOfCare',
            resourceId: e.id,
          },
          now,
        );
      }
      return found;
    });
    return reply
      .type(FHIR_JSON)
      .send(searchset(result.episodes.map(toEpisodeOfCare), req.url, { total: result.total, ...p }));
  });

  app.get('/fhir/Task/:id', read, async (req, reply) =>
    reply.type(FHIR_JSON).send(await readOne(app, req.actor!, 'pathway_task', req.params.id, tasks)),
  );
  app.get('/fhir/Task', { schema: { querystring: TaskSearch }, config }, async (req, reply) => {
    const actor = req.actor!;
    const q = req.query;
    const p = pageOf(q);
    const statuses = q.status ? new Set(q.status.split(',')) : null;
    if (q.patient) {
      const owner = q.owner ? `Practitioner/${idOf(q.owner)}` : null;
      const found = (await searchPerson(app, actor, q.patient, 'Task', tasks)).filter(
        (t) => (!statuses || statuses.has(t.status)) && (!owner || t.owner?.reference === owner),
      );
      const paged = page(found, p);
      return reply.type(FHIR_JSON).send(searchset(paged.items, req.url, paged));
    }
    if (!q.owner)
      throw badRequest('search_param_required', say('errors.searchTasksBy'), [{ field: 'patient' }]);
    // Without a patient, a worker lists their own tasks (as /api/tasks does), never someone else's.
    if (actor.role === 'admin' || actor.role === 'patient' || idOf(q.owner) !== actor.accountId)
      throw forbidden('not_your_tasks', say('errors.notYourTasks'));
    const open =
      !statuses || statuses.has('requested') === statuses.has('completed') ? null : statuses.has('requested');
    const none = statuses !== null && !statuses.has('requested') && !statuses.has('completed');
    const result = await asActor(app, actor, async (trx, now) => {
      if (none) return { total: 0, tasks: [], today: osloDate(now) };
      const found = await ownerTasks(trx, actor.accountId, open, p);
      for (const t of found.tasks) {
        await recordAudit(
          trx,
          actor,
          {
            action: 'search',
            tenantId: t.tenantId,
            personId: t.personId,
            resourceType: 'Task',
            resourceId: t.id,
          },
          now,
        );
      }
      return { ...found, today: osloDate(now) };
    });
    const resources = result.tasks.map((t) => toTask(t, result.today));
    return reply.type(FHIR_JSON).send(searchset(resources, req.url, { total: result.total, ...p }));
  });
}
