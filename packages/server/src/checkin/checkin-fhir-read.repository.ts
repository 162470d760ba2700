import type { PersonRef } from '@bedring/domain';
import type { Flag, QuestionnaireResponse } from '@medplum/fhirtypes';
import type { Tx } from '../db/transaction.ts';
import { CHECKIN_COLUMNS } from './checkin.repository.ts';
import { toCheckinResponse, toFlag } from './checkin-fhir.mapping.ts';

/** Reads of check-ins and signals for the FHIR façade; who may see them is decided by the caller. */

/** A person's check-ins as QuestionnaireResponses, newest first, made within the bounds. */
export async function checkinResponsesOf(
  trx: Tx,
  person: PersonRef,
  made: { from: Date | null; to: Date | null },
): Promise<QuestionnaireResponse[]> {
  let q = trx
    .selectFrom('checkin')
    .select(CHECKIN_COLUMNS)
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id);
  if (made.from) q = q.where('made_at', '>=', made.from);
  if (made.to) q = q.where('made_at', '<', made.to);
  const rows = await q.orderBy('made_at', 'desc').orderBy('id').limit(2000).execute();
  const ids = [...new Set(rows.flatMap((r) => r.warning_signs))];
  const texts =
    ids.length > 0
      ? await trx
          .selectFrom('plan_entry')
          .select(['id', 'text'])
          .where('tenant_id', '=', person.organisationId)
          .where('id', 'in', ids)
          .execute()
      : [];
  const byId = new Map(texts.map((t) => [t.id, t.text]));
  return rows.map((r) => toCheckinResponse(r, byId));
}

/** One check-in by id, if it is the person's. */
export async function checkinResponseById(trx: Tx, person: PersonRef, id: string) {
  const row = await trx
    .selectFrom('checkin')
    .select(CHECKIN_COLUMNS)
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const texts =
    row.warning_signs.length > 0
      ? await trx
          .selectFrom('plan_entry')
          .select(['id', 'text'])
          .where('id', 'in', row.warning_signs)
          .execute()
      : [];
  return toCheckinResponse(row, new Map(texts.map((t) => [t.id, t.text])));
}

/** The person's signals as Flags, newest first. */
export async function flagsOf(trx: Tx, person: PersonRef): Promise<Flag[]> {
  const rows = await trx
    .selectFrom('signal')
    .select(['id', 'person_id', 'kind', 'finding', 'raised_at', 'acknowledged_at'])
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .orderBy('raised_at', 'desc')
    .orderBy('id')
    .limit(1000)
    .execute();
  return rows.map(toFlag);
}
