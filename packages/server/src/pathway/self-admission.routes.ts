import {
  NoQuery,
  PersonParams,
  SelfAdmissionBody,
  SelfAdmissionContractBody,
  SelfAdmissionContractCreated,
  SelfAdmissionContractList,
  SelfAdmissionContractParams,
  SelfAdmissionCreated,
  SelfAdmissionEndBody,
  SelfAdmissionEnded,
  SelfAdmissionNumbers,
  SelfAdmissionNumbersQuery,
  say,
} from '@bedring/contract';
import { osloDate } from '@bedring/domain';
import { asActor } from '../access/as-actor.ts';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { notInFuture } from '../http/day.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { PathwayAccess } from './pathway.access.ts';
import {
  addContract,
  contractsOf,
  endContract,
  recordStay,
  unitNumbers,
} from './self-admission.repository.ts';

/**
 * Brukerstyrt innleggelse — self-admission (docs/decisions/0018-handover-and-self-admission.md; P-30,
 * P-58): the contract is recorded with the person's plan; the person, or a helper for them, uses it
 * without a new referral. A stay is a new round in the episode under way or a short episode linked to the
 * last, opened as a re-admission: no referral, so no new rights deadline. The rules warn, they do not block.
 */
export async function selfAdmissionRoutes(app: App) {
  app.get(
    '/api/persons/:personId/self-admission-contracts',
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: SelfAdmissionContractList } },
      config: { access: PathwayAccess.read, audit: { action: 'read', resource: 'Contract' } },
    },
    async (req) =>
      personRoute(app, req, async ({ trx, now, person }) => {
        const today = osloDate(now);
        return { today, contracts: await contractsOf(trx, person, today) };
      }),
  );

  app.post(
    '/api/persons/:personId/self-admission-contracts',
    {
      schema: {
        params: PersonParams,
        body: SelfAdmissionContractBody,
        response: { 201: SelfAdmissionContractCreated },
      },
      config: {
        access: PathwayAccess.decide,
        audit: { action: 'create', resource: 'Contract', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const b = req.body;
      if (b.validTo && b.validTo < b.validFrom) {
        throw badRequest('valid_to_before_from', say('errors.selfAdmissionValidToBeforeFrom'), [
          { field: 'validTo' },
        ]);
      }
      const result = await personRoute(app, req, async ({ trx, now, person }) => {
        const created = await addContract(trx, { actor, now }, person, b);
        if (!created) {
          throw badRequest('unit_not_ours', say('errors.selfAdmissionUnitNotOurs'), [{ field: 'unitId' }]);
        }
        return created;
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/persons/:personId/self-admission-contracts/:contractId/stays',
    {
      schema: {
        params: SelfAdmissionContractParams,
        body: SelfAdmissionBody,
        response: { 201: SelfAdmissionCreated },
      },
      // The unit receives the person: its clinicians, milieu staff and leader record the stay.
      config: {
        access: PathwayAccess.discharge,
        audit: { action: 'create', resource: 'Encounter', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const b = req.body;
      const result = await personRoute(app, req, async ({ trx, now, person }) => {
        notInFuture(b.admittedOn, now, 'admittedOn');
        return recordStay(trx, { actor, now }, person, req.params.contractId, b);
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/persons/:personId/self-admission-contracts/:contractId/end',
    {
      schema: {
        params: SelfAdmissionContractParams,
        body: SelfAdmissionEndBody,
        response: { 200: SelfAdmissionEnded },
      },
      // Whoever may record a contract may end it: clinicians and leaders of the organisation holding it.
      config: {
        access: PathwayAccess.decide,
        audit: { action: 'update', resource: 'Contract', id: 'params.contractId' },
      },
    },
    async (req) =>
      personRoute(app, req, async ({ trx, now, person }) => {
        const { endedOn } = req.body;
        notInFuture(endedOn, now, 'endedOn');
        const refusal = await endContract(trx, person, req.params.contractId, endedOn);
        if (refusal === 'already-ended') throw conflict('contract_ended', say('errors.selfAdmissionEnded'));
        if (refusal === 'before-valid-from') {
          throw badRequest('ended_before_from', say('errors.selfAdmissionValidToBeforeFrom'), [
            { field: 'endedOn' },
          ]);
        }
        return { id: req.params.contractId, endedOn };
      }),
  );

  app.get(
    '/api/self-admissions',
    {
      schema: { querystring: SelfAdmissionNumbersQuery, response: { 200: SelfAdmissionNumbers } },
      // The unit's numbers: counts only, no person in them, so nothing is audited per person.
      config: { access: { roles: ['leader'] } },
    },
    async (req) => {
      const actor = req.actor!;
      const q = req.query;
      const unitId = q.unitId ?? actor.unitId;
      if (!unitId) throw badRequest('unit_required', say('errors.unitRequired'), [{ field: 'unitId' }]);
      if (q.to < q.from) throw badRequest('to_before_from', say('errors.selfAdmissionValidToBeforeFrom'));
      return asActor(app, actor, async (trx) => {
        const numbers = await unitNumbers(trx, actor.organisationId, unitId, q.from, q.to);
        if (!numbers) throw notFound(say('errors.notYourUnit'));
        return { unitId, from: q.from, to: q.to, ...numbers };
      });
    },
  );
}
