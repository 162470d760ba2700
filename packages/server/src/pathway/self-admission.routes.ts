import {
  NoQuery,
  PersonParams,
  SelfAdmissionBody,
  SelfAdmissionContractBody,
  SelfAdmissionContractCreated,
  SelfAdmissionContractList,
  SelfAdmissionContractParams,
  SelfAdmissionCreated,
  SelfAdmissionNumbers,
  SelfAdmissionNumbersQuery,
  say,
} from '@bedring/contract';
import {
  type EpisodeState,
  osloDate,
  placeStay,
  type SelfAdmissionAsker,
  type SelfAdmissionWarning,
  type StayPlacement,
  selfAdmissionWarnings,
} from '@bedring/domain';
import { asActor } from '../access/as-actor.ts';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { notInFuture } from '../http/day.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { lockEpisode, openEpisode, recordEvent } from './episode.repository.ts';
import { PathwayAccess } from './pathway.access.ts';
import { contractsOf, lockContract, unitNumbers } from './self-admission.repository.ts';

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
        // The stay is at a unit of the organisation that holds the record (the pathway lives there).
        const unit = await trx
          .selectFrom('unit')
          .select('id')
          .where('tenant_id', '=', person.organisationId)
          .where('id', '=', b.unitId)
          .executeTakeFirst();
        if (!unit) {
          throw badRequest('unit_not_ours', say('errors.selfAdmissionUnitNotOurs'), [{ field: 'unitId' }]);
        }
        return trx
          .insertInto('self_admission_contract')
          .values({
            tenant_id: person.organisationId,
            person_id: person.id,
            unit_id: unit.id,
            days_per_stay: b.daysPerStay,
            stays_per_year: b.staysPerYear,
            how_to_ask: b.howToAsk.trim(),
            who_to_call: b.whoToCall.trim(),
            valid_from: b.validFrom,
            valid_to: b.validTo ?? null,
            created_by: actor.accountId,
            created_by_name: actor.displayName,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
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
        const contract = await lockContract(trx, person, req.params.contractId);
        if (!contract) throw notFound(say('errors.selfAdmissionContractNotFound'));
        const earlier = await trx
          .selectFrom('self_admission')
          .select('admitted_on')
          .where('tenant_id', '=', person.organisationId)
          .where('contract_id', '=', contract.id)
          .execute();
        const warnings: SelfAdmissionWarning[] = selfAdmissionWarnings(
          {
            unitId: contract.unit_id,
            daysPerStay: contract.days_per_stay,
            staysPerYear: contract.stays_per_year,
            validFrom: contract.valid_from,
            validTo: contract.valid_to,
            endedOn: contract.ended_on,
          },
          earlier.map((s) => s.admitted_on),
          { admittedOn: b.admittedOn, plannedDays: b.plannedDays },
        );
        const latest = await trx
          .selectFrom('episode')
          .select(['id', 'unit_id', 'state', 'responsible_account_id'])
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .orderBy('opened_on', 'desc')
          .orderBy('version', 'desc')
          .executeTakeFirst();
        const placement: StayPlacement = placeStay(
          latest ? { id: latest.id, unitId: latest.unit_id, state: latest.state as EpisodeState } : null,
          contract.unit_id,
        );
        const who = { actor, now };
        const note = b.note?.trim() ?? '';
        let episodeId: string;
        if (placement.kind === 'new-round') {
          episodeId = placement.episodeId;
          const episode = await lockEpisode(trx, person, episodeId);
          await recordEvent(trx, who, person, episode, {
            kind: 'round-started',
            date: b.admittedOn,
            setting: 'inpatient',
            note,
          });
        } else {
          // A re-admission, not a referral: no referral-assessment and no treatment-start deadline.
          episodeId = await openEpisode(trx, who, {
            person,
            unitId: contract.unit_id,
            opening: 'readmitted',
            date: b.admittedOn,
            referral: null,
            previousEpisodeId: placement.previousEpisodeId,
            responsibleAccountId: latest?.responsible_account_id ?? null,
            plannedSetting: 'inpatient',
          });
          const opened = await lockEpisode(trx, person, episodeId);
          await recordEvent(trx, who, person, opened, {
            kind: 'first-attendance',
            date: b.admittedOn,
            setting: 'inpatient',
            note,
          });
        }
        const { id } = await trx
          .insertInto('self_admission')
          .values({
            tenant_id: person.organisationId,
            person_id: person.id,
            contract_id: contract.id,
            episode_id: episodeId,
            unit_id: contract.unit_id,
            placement: placement.kind,
            asked_by: b.askedBy as SelfAdmissionAsker,
            admitted_on: b.admittedOn,
            planned_days: b.plannedDays,
            warnings,
            note,
            recorded_by: actor.accountId,
            recorded_by_name: actor.displayName,
            recorded_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { id, episodeId, placement: placement.kind, warnings };
      });
      return reply.code(201).send(result);
    },
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
