import { Uuid } from '@bedring/contract';
import { RiskReaderRoles } from '@bedring/domain';
import type { RiskAssessment } from '@medplum/fhirtypes';
import { type TProperties, Type } from '@sinclair/typebox';
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
import { riskAssessmentsOf } from './risk-assessment.repository.ts';
import { toRiskAssessment } from './risk-assessment-fhir.mapping.ts';

const Closed = <T extends TProperties>(props: T) =>
  Type.Object({ ...FormatParams, ...props }, { additionalProperties: false });
const RiskSearch = Closed({ patient: ReferenceParam('Patient'), ...PageParams });

/**
 * One person's assessments as RiskAssessments, newest first, under the rules of the search below: a reader
 * who came by consent those shared with the handover, a role that may not read them (a peer worker) none —
 * an empty part of Patient/$everything, not a refusal (fhir/everything.ts).
 */
export async function riskAssessmentResources(w: PersonWork, actor: RequestActor): Promise<RiskAssessment[]> {
  if (!(RiskReaderRoles as readonly string[]).includes(actor.role)) return [];
  const found = await riskAssessmentsOf(w.trx, w.person, { sharedOnly: w.decision.viaConsent });
  return found.map((a) => toRiskAssessment(a, w.person.id));
}

/**
 * Suicide- and violence-risk assessments as FHIR RiskAssessments, under the same rules as /api
 * (docs/decisions/0019-relatives-and-risk.md): a reader who came by consent sees those shared with the
 * handover; a peer worker none.
 */
export async function fhirRiskAssessmentRoutes(app: App) {
  app.get(
    '/fhir/RiskAssessment',
    { schema: { querystring: RiskSearch }, config: { access: { roles: RiskReaderRoles } } },
    async (req, reply) => {
      const q = req.query;
      const personId = idOf(q.patient);
      const all = await withPerson(app, req.actor!, personId, async (w) => {
        const found = await riskAssessmentResources(w, req.actor!);
        await w.audit('read', 'RiskAssessment');
        return found;
      });
      const p = pageOf(q);
      const items = all.slice(p.offset, p.offset + p.count);
      return reply.type(FHIR_JSON).send(searchset(items, req.url, { total: all.length, ...p }));
    },
  );

  app.get(
    '/fhir/RiskAssessment/:id',
    {
      schema: { params: Type.Object({ id: Uuid }, { additionalProperties: false }), querystring: ReadQuery },
      config: { access: { roles: RiskReaderRoles } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const id = req.params.id.toLowerCase();
      const resource = await asActor(app, actor, async (trx, now) => {
        // Row-level security shows another organisation only the rows shared with the handover.
        const row = await trx
          .selectFrom('risk_assessment')
          .select('person_id')
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) throw notFound();
        const { person, decision, audit } = await personWork(trx, now, actor, row.person_id);
        const found = await riskAssessmentsOf(trx, person, { sharedOnly: decision.viaConsent });
        const one = found.find((a) => a.id === id);
        if (!one) throw notFound();
        await audit('read', 'RiskAssessment', id);
        return toRiskAssessment(one, person.id);
      });
      return reply.type(FHIR_JSON).send(resource);
    },
  );
}
