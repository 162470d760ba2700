import { Uuid } from '@bedring/contract';
import type { RelatedPerson } from '@medplum/fhirtypes';
import { Type } from '@sinclair/typebox';
import { asActor, type PersonWork, personWork, withPerson } from '../access/as-actor.ts';
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
import { PlanRoles } from '../plan/plan.access.ts';
import { loaders as plans } from '../plan/plan-fhir.routes.ts';
import { planRowOwner } from '../plan/plan-fhir-read.repository.ts';
import { relativeResources } from '../record/record-fhir.routes.ts';
import { relativeOwner } from '../record/relatives.repository.ts';

/** A `_tag` token: [system|]code, e.g. https://bedring.no/fhir/CodeSystem/related-person-list|relatives. */
const TagParam = Type.String({ pattern: '^([^|\\s]{1,200}\\|)?[A-Za-z0-9-]{1,40}$' });
const RelatedPersonSearch = Type.Object(
  { ...FormatParams, patient: ReferenceParam('Patient'), _tag: Type.Optional(TagParam), ...PageParams },
  { additionalProperties: false },
);

/**
 * A person's RelatedPersons come from two rooms (docs/decisions/0019-relatives-and-risk.md): the network map
 * the person draws (plan/, under the plan rule: only where the network part is shared with the caller) and
 * the record's list of children and relatives (record/, for the roles that read it). Each is tagged with its
 * list in `meta.tag`; the façade only puts them together — here, and in Patient/$everything.
 */
export async function relatedPersons(w: PersonWork, actor: RequestActor): Promise<RelatedPerson[]> {
  return [...(await plans.RelatedPerson(w, actor)), ...(await relativeResources(w, actor))];
}

const tagged = (r: RelatedPerson, token: string | undefined) => {
  if (!token) return true;
  const bar = token.indexOf('|');
  const system = bar < 0 ? null : token.slice(0, bar);
  const code = token.slice(bar + 1);
  return (r.meta?.tag ?? []).some((t) => t.code === code && (system === null || t.system === system));
};

/**
 * GET /fhir/RelatedPerson?patient= (both lists, `_tag` for one) and GET /fhir/RelatedPerson/{id}: need to know
 * for the person, then each list's own rule; every read audited in the same transaction. Who may ask is
 * declared as for the plans' FHIR routes (whoever has need to know); a role that may read neither list gets an
 * empty search and a 404 by id, as for a plan part not shared.
 */
export async function fhirRelatedPersonRoutes(app: App) {
  const config = { access: { roles: PlanRoles.record } };
  app.get(
    '/fhir/RelatedPerson/:id',
    {
      schema: { params: Type.Object({ id: Uuid }, { additionalProperties: false }), querystring: ReadQuery },
      config,
    },
    async (req, reply) => {
      const actor = req.actor!;
      const id = req.params.id.toLowerCase();
      const found = await asActor(app, actor, async (trx, now) => {
        // Row-level security hides a network map not shared, and another organisation's rows without consent.
        const owner = (await planRowOwner(trx, 'network_member', id)) ?? (await relativeOwner(trx, id));
        if (!owner) throw notFound();
        const w = await personWork(trx, now, actor, owner.person_id);
        const one = (await relatedPersons(w, actor)).find((r) => r.id === id);
        if (!one) throw notFound();
        await w.audit('read', 'RelatedPerson', id);
        return one;
      });
      return reply.type(FHIR_JSON).send(found);
    },
  );

  app.get(
    '/fhir/RelatedPerson',
    { schema: { querystring: RelatedPersonSearch }, config },
    async (req, reply) => {
      const actor = req.actor!;
      const q = req.query;
      const found = await withPerson(app, actor, idOf(q.patient), async (w) => {
        const all = await relatedPersons(w, actor);
        await w.audit('read', 'RelatedPerson');
        return all.filter((r) => tagged(r, q._tag));
      });
      const p = pageOf(q);
      const items = found.slice(p.offset, p.offset + p.count);
      return reply.type(FHIR_JSON).send(searchset(items, req.url, { total: found.length, ...p }));
    },
  );
}
