import { Uuid } from '@bedring/contract';
import { PlanKinds, type PlanPart } from '@bedring/domain';
import type { Resource } from '@medplum/fhirtypes';
import { type TProperties, Type } from '@sinclair/typebox';
import { asActor, type PersonWork, personWork, withPerson } from '../access/as-actor.ts';
import type { RequestActor } from '../auth/actor.ts';
import type { App } from '../http/app.type.ts';
import { HttpError, notFound } from '../http/errors.ts';
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
import { PlanRoles, requirePlanAction, visibleParts } from './plan.access.ts';
import { plansOf } from './plan.repository.ts';
import {
  CARE_PLAN_CATEGORY_SYSTEM,
  toCarePlan,
  toConsent,
  toGoal,
  toRelatedPerson,
} from './plan-fhir.mapping.ts';
import { consentsOf, membersOf, type PlanTable, planRowOwner } from './plan-fhir-read.repository.ts';

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const Closed = <T extends TProperties>(props: T) =>
  Type.Object({ ...FormatParams, ...props }, { additionalProperties: false });
const PatientSearch = Closed({ patient: ReferenceParam('Patient'), ...PageParams });
const kind = `(${CARE_PLAN_CATEGORY_SYSTEM.replaceAll('.', '\\.')}\\|)?(${PlanKinds.join('|')})`;
const CarePlanSearch = Closed({
  patient: ReferenceParam('Patient'),
  category: Type.Optional(Type.String({ pattern: `^${kind}(,${kind})*$` })),
  ...PageParams,
});

/**
 * Whether the plan rule lets the actor read a part (after need to know): a part not shared with the
 * actor's organisation is, for them, not there — an empty search rather than the /api's 404.
 */
export async function mayRead(w: PersonWork, actor: RequestActor, part: PlanPart) {
  try {
    await requirePlanAction(w, actor, { kind: 'read', part });
    return true;
  } catch (err) {
    if (err instanceof HttpError && err.statusCode === 404) return false;
    throw err;
  }
}

/** What each resource type is made of, read from one person's record under the plan rule ($everything reads these too). */
export const loaders = {
  /** Every plan the caller's organisation may see (as GET /api/persons/{id}/plans), with content. */
  async CarePlan(w: PersonWork, actor: RequestActor) {
    const plans = await plansOf(w.trx, w.person, await visibleParts(w, actor), w.now);
    return plans.flatMap((p) => (p.id ? [toCarePlan(w.person.id, { ...p, id: p.id })] : []));
  },
  /** The treatment plan's goals, the person's first. */
  async Goal(w: PersonWork, actor: RequestActor) {
    const parts = (await visibleParts(w, actor)).filter((p) => p === 'treatment');
    const [plan] = await plansOf(w.trx, w.person, parts, w.now);
    return (plan?.entries ?? []).filter((e) => e.section === 'goal').map((e) => toGoal(w.person.id, e));
  },
  async RelatedPerson(w: PersonWork, actor: RequestActor) {
    if (!(await mayRead(w, actor, 'network'))) return [];
    return (await membersOf(w.trx, w.person)).map(toRelatedPerson);
  },
  /** The consents the caller's organisation may see, each with the plans it opens that the caller sees. */
  async Consent(w: PersonWork, actor: RequestActor) {
    const plans = await plansOf(w.trx, w.person, await visibleParts(w, actor), w.now);
    const planIds = new Map(plans.flatMap((p) => (p.id ? [[p.kind, p.id] as const] : [])));
    return (await consentsOf(w.trx, w.person, w.now)).map((c) => toConsent(c, planIds));
  },
} satisfies Record<string, (w: PersonWork, actor: RequestActor) => Promise<Resource[]>>;
type PlanResource = keyof typeof loaders;

const TABLE: Record<PlanResource, PlanTable> = {
  CarePlan: 'care_plan',
  Goal: 'plan_entry',
  RelatedPerson: 'network_member',
  Consent: 'consent',
};

/**
 * One resource by id: whose record the row is in (row-level security hides a plan part that is not
 * shared: 404), need to know for that person, the resource as the search would give it, audited in the
 * same transaction — readOne of pathway/pathway-fhir.routes.ts for the plans.
 */
function readById(app: App, actor: RequestActor, type: PlanResource, id: string): Promise<Resource> {
  return asActor(app, actor, async (trx, now) => {
    const owner = await planRowOwner(trx, TABLE[type], id);
    if (!owner) throw notFound();
    const work = await personWork(trx, now, actor, owner.person_id);
    const found = (await loaders[type](work, actor)).find((r) => r.id === id);
    if (!found) throw notFound();
    await work.audit('read', type, id);
    return found;
  });
}

/**
 * The person's plans in FHIR R4 (docs/api.md): CarePlan per plan kind, Goal and Consent — under need to know
 * and the plan rule exactly as /api (plan.access.ts), each read audited. The network map's RelatedPersons are
 * read through loaders.RelatedPerson by fhir/related-person.routes.ts; promises are Tasks
 * (pathway/pathway-fhir.routes.ts).
 */
export async function fhirPlanRoutes(app: App) {
  // Who may ask is declared as for the /api plan routes; need to know and the plan rule decide the rest.
  const config = { access: { roles: PlanRoles.record } };
  const read = { schema: { params: IdParams, querystring: ReadQuery }, config };
  for (const type of Object.keys(loaders) as PlanResource[]) {
    // RelatedPerson is the network map and the record's list of children and relatives together: the FHIR
    // façade registers its routes (fhir/related-person.routes.ts, docs/decisions/0019-relatives-and-risk.md).
    if (type === 'RelatedPerson') continue;
    app.get(`/fhir/${type}/:id`, read, async (req, reply) =>
      reply.type(FHIR_JSON).send(await readById(app, req.actor!, type, req.params.id.toLowerCase())),
    );
    if (type === 'CarePlan') continue;
    app.get(`/fhir/${type}`, { schema: { querystring: PatientSearch }, config }, async (req, reply) => {
      const actor = req.actor!;
      const found = await withPerson(app, actor, idOf(req.query.patient), async (w) => {
        const resources = await loaders[type](w, actor);
        await w.audit('read', type);
        return resources;
      });
      const p = pageOf(req.query);
      const items = found.slice(p.offset, p.offset + p.count);
      return reply.type(FHIR_JSON).send(searchset(items, req.url, { total: found.length, ...p }));
    });
  }

  app.get('/fhir/CarePlan', { schema: { querystring: CarePlanSearch }, config }, async (req, reply) => {
    const actor = req.actor!;
    const q = req.query;
    const kinds = q.category ? new Set(q.category.split(',').map((c) => c.slice(c.indexOf('|') + 1))) : null;
    const found = await withPerson(app, actor, idOf(q.patient), async (w) => {
      const plans = await loaders.CarePlan(w, actor);
      await w.audit('read', 'CarePlan');
      return plans.filter((p) => !kinds || p.category?.some((c) => kinds.has(c.coding?.[0]?.code ?? '')));
    });
    const p = pageOf(q);
    const items = found.slice(p.offset, p.offset + p.count);
    return reply.type(FHIR_JSON).send(searchset(items, req.url, { total: found.length, ...p }));
  });
}
