import type {
  CapabilityStatement,
  CapabilityStatementRestResource,
  CapabilityStatementRestResourceSearchParam,
} from '@medplum/fhirtypes';

type Param = CapabilityStatementRestResourceSearchParam;
const patient: Param = { name: 'patient', type: 'reference', documentation: 'Patient/<id>; need to know' };
const paging: Param[] = [
  { name: '_count', type: 'number' },
  { name: '_offset', type: 'number' },
];
const readAndSearch: CapabilityStatementRestResource['interaction'] = [
  { code: 'read' },
  { code: 'search-type' },
];

/** What the façade supports; every resource follows need to know (tjenstlig behov), as /api does. */
export function capabilityStatement(): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-22',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    software: { name: 'Bedring', version: '0.1.0' },
    implementation: { description: 'Bedring FHIR R4 façade' },
    rest: [
      {
        mode: 'server',
        security: {
          description:
            'Bearer token from POST /api/auth/login. Access follows need to know (tjenstlig behov) and consent.',
        },
        resource: [
          {
            type: 'Patient',
            interaction: readAndSearch,
            searchParam: [
              { name: 'identifier', type: 'token' },
              { name: 'name', type: 'string' },
              { name: '_count', type: 'number' },
            ],
          },
          {
            type: 'Observation',
            interaction: [{ code: 'search-type' }],
            searchParam: [
              patient,
              {
                name: 'code',
                type: 'token',
                documentation:
                  'A living-condition domain (https://bedring.no/fhir/CodeSystem/living-condition-domain) or an ' +
                  'assessment dimension (https://bedring.no/fhir/CodeSystem/assessment-dimension); a code without ' +
                  'a system matches both',
              },
            ],
          },
          {
            type: 'AuditEvent',
            interaction: [{ code: 'search-type' }],
            searchParam: [{ name: 'patient', type: 'reference' }],
          },
          { type: 'ServiceRequest', interaction: readAndSearch, searchParam: [patient, ...paging] },
          {
            type: 'EpisodeOfCare',
            interaction: readAndSearch,
            searchParam: [
              patient,
              {
                name: 'organization',
                type: 'reference',
                documentation:
                  'The unit (Organization/<unit id>, the managingOrganization) or the whole organisation ' +
                  '(Organization/<organisation id>). Without patient: unit leaders of that organisation only; ' +
                  'every person returned is audited',
              },
              { name: 'status', type: 'token', documentation: 'waitlist, active, finished, cancelled' },
              ...paging,
            ],
          },
          { type: 'ClinicalImpression', interaction: readAndSearch, searchParam: [patient, ...paging] },
          {
            type: 'Task',
            interaction: readAndSearch,
            searchParam: [
              patient,
              {
                name: 'owner',
                type: 'reference',
                documentation:
                  "Practitioner/<the caller's own account id>: the caller's handover and re-engagement tasks",
              },
              { name: 'status', type: 'token', documentation: 'requested (open) or completed' },
              ...paging,
            ],
          },
        ],
      },
    ],
  };
}
