import type { PersonRef } from '@bedring/domain';
import type { Tx } from '../db/transaction.ts';
import type { PersonRow } from './record-fhir.mapping.ts';

/** The columns of a person that the Patient resource shows (GET /fhir/Patient/{id} and $everything). */
export async function patientRowOf(trx: Tx, person: PersonRef): Promise<PersonRow> {
  return trx
    .selectFrom('person')
    .select(['tenant_id', 'id', 'national_id', 'given_name', 'family_name', 'birth_date', 'gender'])
    .where('tenant_id', '=', person.organisationId)
    .where('id', '=', person.id)
    .executeTakeFirstOrThrow();
}
