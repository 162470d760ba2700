import type { AuditEvent, Observation, Patient } from '@medplum/fhirtypes';
import type { AccessLogEntry } from '../audit/audit.repository.ts';
import type { RatingView } from '../record/record.repository.ts';

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

const ACTION_CODE: Record<string, AuditEvent['action']> = {
  read: 'R',
  search: 'E',
  create: 'C',
  update: 'U',
  'break-glass': 'E',
  login: 'E',
  logout: 'E',
};

export function toAuditEvent(e: AccessLogEntry, personId: string): AuditEvent {
  return {
    resourceType: 'AuditEvent',
    id: e.id,
    type: {
      system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
      code: 'rest',
      display: 'RESTful Operation',
    },
    action: ACTION_CODE[e.action] ?? 'E',
    recorded: e.at.toISOString(),
    outcome: '0',
    agent: [
      {
        requestor: true,
        who: { display: e.actorName ?? (e.actorRole === 'patient' ? 'Personen selv' : e.actorRole) },
        role: [{ text: e.actorRole }],
        ...(e.breakGlassReason ? { purposeOfUse: [{ text: `Nødtilgang: ${e.breakGlassReason}` }] } : {}),
      },
    ],
    source: { observer: { display: e.organisationName ?? 'Bedring' } },
    entity: [{ what: { reference: `Patient/${personId}` }, type: { code: e.resourceType } }],
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
