import {
  type SelfAdmissionBody,
  type SelfAdmissionContractBody,
  type SelfAdmissionContractView,
  say,
} from '@bedring/contract';
import {
  type ContractEndRefusal,
  contractEndRefusal,
  type EpisodeState,
  inForceOn,
  type PersonRef,
  placeStay,
  type SelfAdmissionAsker,
  type SelfAdmissionWarning,
  type StayPlacement,
  selfAdmissionWarnings,
  staysInYear,
} from '@bedring/domain';
import type { RequestActor } from '../auth/actor.ts';
import type { Tx } from '../db/transaction.ts';
import { notFound } from '../http/errors.ts';
import { lockEpisode, openEpisode, recordEvent } from './episode.repository.ts';

/** Who records, and when: the actor and the server's clock (or the demo's). */
interface Recorder {
  actor: RequestActor;
  now: Date;
}

/**
 * Records a contract with the person's plan, at a unit of the organisation that holds the record (the
 * pathway lives there). Null, and nothing written, when the unit is not one of its units.
 */
export async function addContract(
  trx: Tx,
  who: Recorder,
  person: PersonRef,
  b: SelfAdmissionContractBody,
): Promise<{ id: string } | null> {
  const unit = await trx
    .selectFrom('unit')
    .select('id')
    .where('tenant_id', '=', person.organisationId)
    .where('id', '=', b.unitId)
    .executeTakeFirst();
  if (!unit) return null;
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
      created_by: who.actor.accountId,
      created_by_name: who.actor.displayName,
      created_at: who.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** One contract of this person, locked for the rest of the transaction (two stays at once count right). */
export function lockContract(trx: Tx, person: PersonRef, contractId: string) {
  return trx
    .selectFrom('self_admission_contract')
    .selectAll()
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('id', '=', contractId)
    .forUpdate()
    .executeTakeFirst();
}

/** The person's brukerstyrt-innleggelse contracts, newest first, each with its stays (oldest first). */
export async function contractsOf(
  trx: Tx,
  person: PersonRef,
  today: string,
): Promise<SelfAdmissionContractView[]> {
  const contracts = await trx
    .selectFrom('self_admission_contract as c')
    .innerJoin('unit as u', 'u.id', 'c.unit_id')
    .selectAll('c')
    .select('u.name as unit_name')
    .where('c.tenant_id', '=', person.organisationId)
    .where('c.person_id', '=', person.id)
    .orderBy('c.valid_from', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute();
  if (contracts.length === 0) return [];
  const stays = await trx
    .selectFrom('self_admission')
    .selectAll()
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .orderBy('admitted_on')
    .orderBy('recorded_at')
    .execute();
  return contracts.map((c) => ({
    id: c.id,
    unit: { id: c.unit_id, name: c.unit_name },
    daysPerStay: c.days_per_stay,
    staysPerYear: c.stays_per_year,
    howToAsk: c.how_to_ask,
    whoToCall: c.who_to_call,
    validFrom: c.valid_from,
    validTo: c.valid_to,
    endedOn: c.ended_on,
    inForce: inForceOn(
      {
        validFrom: c.valid_from,
        validTo: c.valid_to,
        endedOn: c.ended_on,
      },
      today,
    ),
    staysInYear: staysInYear(
      stays.filter((s) => s.contract_id === c.id).map((s) => s.admitted_on),
      today,
    ),
    createdBy: c.created_by_name,
    stays: stays
      .filter((s) => s.contract_id === c.id)
      .map((s) => ({
        id: s.id,
        episodeId: s.episode_id,
        placement: s.placement as StayPlacement['kind'],
        askedBy: s.asked_by as SelfAdmissionAsker,
        admittedOn: s.admitted_on,
        plannedDays: s.planned_days,
        warnings: s.warnings as SelfAdmissionWarning[],
        note: s.note,
        recordedBy: s.recorded_by_name,
      })),
  }));
}

/**
 * The unit's numbers for a period: stays begun under self-admission contracts, by how they were placed.
 * Null when the unit is not one of the organisation's.
 */
export async function unitNumbers(trx: Tx, tenant: string, unitId: string, from: string, to: string) {
  const unit = await trx
    .selectFrom('unit')
    .select('id')
    .where('tenant_id', '=', tenant)
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) return null;
  const row = await trx
    .selectFrom('self_admission')
    .select((eb) => [
      eb.fn.countAll<string>().as('stays'),
      eb.fn.count<string>('person_id').distinct().as('persons'),
      eb.fn.countAll<string>().filterWhere('placement', '=', 'new-round').as('new_rounds'),
      eb.fn.countAll<string>().filterWhere('placement', '=', 'linked-episode').as('linked_episodes'),
      eb.fn.coalesce(eb.fn.sum<string>('planned_days'), eb.lit(0)).as('planned_days'),
    ])
    .where('tenant_id', '=', tenant)
    .where('unit_id', '=', unitId)
    .where('admitted_on', '>=', from)
    .where('admitted_on', '<=', to)
    .executeTakeFirstOrThrow();
  // In force on a day of the period: begun by its end, not past its last day nor ended by its start.
  const contracts = await trx
    .selectFrom('self_admission_contract')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenant)
    .where('unit_id', '=', unitId)
    .where('valid_from', '<=', to)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]))
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', from)]))
    .executeTakeFirstOrThrow();
  return {
    stays: Number(row.stays),
    persons: Number(row.persons),
    newRounds: Number(row.new_rounds),
    linkedEpisodes: Number(row.linked_episodes),
    plannedDays: Number(row.planned_days),
    contracts: Number(contracts.n),
  };
}

export interface StayRecorded {
  id: string;
  episodeId: string;
  placement: StayPlacement['kind'];
  warnings: SelfAdmissionWarning[];
}

/**
 * Records a stay under the contract (docs/decisions/0018-handover-and-self-admission.md): the warnings of the
 * contract's terms, then the stay placed as a new round in the episode under way at the contract's unit or
 * as a short episode linked to the latest, opened as a re-admission — no referral, so no rights deadline.
 * The route and the demo both record a stay here. 404 when the contract is not this person's.
 */
export async function recordStay(
  trx: Tx,
  who: Recorder,
  person: PersonRef,
  contractId: string,
  b: SelfAdmissionBody,
): Promise<StayRecorded> {
  const contract = await lockContract(trx, person, contractId);
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
      recorded_by: who.actor.accountId,
      recorded_by_name: who.actor.displayName,
      recorded_at: who.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, episodeId, placement: placement.kind, warnings };
}

/**
 * Ends the contract from the day given: from then it is not in force, and a stay recorded under it warns
 * `not-in-force` (the unit may still receive the person; U-13). The refusal, if any, comes back for the
 * route to say; the row is then left as it was. 404 when the contract is not this person's.
 */
export async function endContract(
  trx: Tx,
  person: PersonRef,
  contractId: string,
  endedOn: string,
): Promise<ContractEndRefusal | null> {
  const contract = await lockContract(trx, person, contractId);
  if (!contract) throw notFound(say('errors.selfAdmissionContractNotFound'));
  const refusal = contractEndRefusal({ validFrom: contract.valid_from, endedOn: contract.ended_on }, endedOn);
  if (refusal) return refusal;
  await trx
    .updateTable('self_admission_contract')
    .set({ ended_on: endedOn })
    .where('tenant_id', '=', person.organisationId)
    .where('id', '=', contract.id)
    .execute();
  return null;
}
