import type { SelfAdmissionContractView } from '@bedring/contract';
import type { PersonRef, SelfAdmissionAsker, SelfAdmissionWarning, StayPlacement } from '@bedring/domain';
import type { Tx } from '../db/transaction.ts';

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
    inForce: c.valid_from <= today && (c.valid_to === null || c.valid_to >= today) && c.ended_on === null,
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
  return {
    stays: Number(row.stays),
    persons: Number(row.persons),
    newRounds: Number(row.new_rounds),
    linkedEpisodes: Number(row.linked_episodes),
    plannedDays: Number(row.planned_days),
  };
}
