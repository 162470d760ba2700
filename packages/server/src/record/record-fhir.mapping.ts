import type { Observation, Patient } from '@medplum/fhirtypes';
import type { RatingView } from './record.repository.ts';

/** Synthetic national identity numbers in the demo use the official fødselsnummer system URI. */
export const NATIONAL_ID_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.1';

export interface PersonRow {
  tenant_id: string;
  id: string;
  national_id: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  gender: string;
}

export function toPatient(p: PersonRow): Patient {
  return {
    resourceType: 'Patient',
    id: p.id,
    identifier: [{ system: NATIONAL_ID_SYSTEM, value: p.national_id }],
    name: [{ family: p.family_name, given: [p.given_name], text: `${p.given_name} ${p.family_name}` }],
    gender: p.gender as Patient['gender'],
    birthDate: p.birth_date,
    managingOrganization: { reference: `Organization/${p.tenant_id}` },
  };
}

/** Bedring's own code systems: the 8 living-condition domains and the three ratings. */
export const LIVING_CONDITION_SYSTEM = 'https://bedring.no/fhir/CodeSystem/living-condition-domain';
export const RATING_SYSTEM = 'https://bedring.no/fhir/CodeSystem/living-condition-rating';

/** A living-condition rating as an Observation about the person, performed by the staff member who rated. */
export function toObservation(r: RatingView, personId: string): Observation {
  return {
    resourceType: 'Observation',
    id: r.id,
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'social-history' },
        ],
      },
    ],
    code: { coding: [{ system: LIVING_CONDITION_SYSTEM, code: r.domain }], text: r.domain },
    subject: { reference: `Patient/${personId}` },
    effectiveDateTime: r.ratedAt.toISOString(),
    performer: [{ display: `${r.ratedBy.name} (${r.ratedBy.role})` }],
    valueCodeableConcept: { coding: [{ system: RATING_SYSTEM, code: r.rating }], text: r.rating },
    ...(r.note ? { note: [{ text: r.note }] } : {}),
  };
}
