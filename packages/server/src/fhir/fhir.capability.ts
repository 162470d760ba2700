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
const date: Param = {
  name: 'date',
  type: 'date',
  documentation:
    'eq, gt, lt, ge, le; repeat for a range (date=ge2026-11-01&date=le2026-11-30). A date without a time ' +
    'is a day in Europe/Oslo; a time needs a zone',
};
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
            operation: [
              {
                name: 'everything',
                definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything',
                documentation:
                  'GET /fhir/Patient/<id>/$everything: a searchset Bundle of all the caller may see of the ' +
                  "person's record, under each type's own rules (need to know, plan parts by consent, risk " +
                  'assessments by consent only those shared with the handover; the AuditEvents only for the person ' +
                  'and the unit leader); _type narrows it. One audit event',
              },
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
                  'A living-condition domain (https://bedring.no/fhir/CodeSystem/living-condition-domain), an ' +
                  'assessment dimension (https://bedring.no/fhir/CodeSystem/assessment-dimension) or a ' +
                  "questionnaire score (LOINC or https://bedring.no/fhir/CodeSystem/score, as the instrument's " +
                  'score item is coded); a code without a system matches all. An unknown code is a 400',
              },
              date,
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
              {
                name: 'status',
                type: 'token',
                documentation:
                  'requested (open), completed, or cancelled (a withdrawn promise). A promise (code promise) has ' +
                  'businessStatus open, overdue, kept or withdrawn (https://bedring.no/fhir/CodeSystem/promise-status)',
              },
              ...paging,
            ],
          },
          {
            type: 'CarePlan',
            interaction: readAndSearch,
            documentation:
              "One per plan kind the caller's organisation may see: another organisation only the parts the " +
              "person's consent names. Entries are activities (detail.code a section of " +
              'https://bedring.no/fhir/CodeSystem/plan-section), comments their progress, goals Goal references',
            searchParam: [
              patient,
              {
                name: 'category',
                type: 'token',
                documentation:
                  'treatment, relapse-prevention or crisis (https://bedring.no/fhir/CodeSystem/care-plan-category)',
              },
              ...paging,
            ],
          },
          {
            type: 'Goal',
            interaction: readAndSearch,
            documentation:
              "The treatment plan's goals in the person's words; expressedBy the Patient where they wrote it",
            searchParam: [patient, ...paging],
          },
          {
            type: 'RelatedPerson',
            interaction: readAndSearch,
            documentation:
              "The network map (meta.tag network-map; only where the network is shared with the caller) and the record's " +
              'children and relatives (meta.tag relatives, https://bedring.no/fhir/CodeSystem/related-person-list; not for peers)',
            searchParam: [
              patient,
              {
                name: '_tag',
                type: 'token',
                documentation:
                  'network-map or relatives, with or without the system https://bedring.no/fhir/CodeSystem/related-person-list',
              },
              ...paging,
            ],
          },
          {
            type: 'RiskAssessment',
            interaction: readAndSearch,
            documentation:
              'Suicide- and violence-risk assessments; another organisation (by consent) sees those shared with the handover',
            searchParam: [patient, ...paging],
          },
          {
            type: 'Flag',
            interaction: readAndSearch,
            documentation:
              'Signals from the daily check-ins and "I need help now": active until acknowledged, the explanation in words in code.text',
            searchParam: [patient, { name: 'status', type: 'token' }, ...paging],
          },
          {
            type: 'Encounter',
            interaction: readAndSearch,
            documentation:
              'The contacts with the person (conversation, phone, video, group, home visit); "not met" is cancelled',
            searchParam: [patient, ...paging],
          },
          {
            type: 'DocumentReference',
            interaction: readAndSearch,
            documentation:
              'Journal notes (docStatus preliminary while a draft, only to its author; final when signed; amended), ' +
              'and each amendment as a DocumentReference that appends to its note (relatesTo). The person reads ' +
              'the signed notes not withheld from them',
            searchParam: [patient, ...paging],
          },
          {
            type: 'Consent',
            interaction: readAndSearch,
            documentation:
              'Consents to share with another organisation; nested provisions name the plan parts they open',
            searchParam: [patient, ...paging],
          },
          {
            type: 'Questionnaire',
            interaction: readAndSearch,
            documentation:
              "The organisation's instruments: shipped with Bedring and imported by its administrator",
            searchParam: [
              { name: 'url', type: 'uri' },
              { name: 'version', type: 'token' },
              { name: 'name', type: 'string' },
              { name: 'title', type: 'string' },
              ...paging,
            ],
          },
          {
            type: 'QuestionnaireResponse',
            interaction: [...(readAndSearch ?? []), { code: 'create' }],
            documentation:
              "create: questionnaire (url or url|version) must be one of the organisation's instruments, subject " +
              'Patient/<id> under need to know, status in-progress or completed. The answers are checked against ' +
              'the Questionnaire (an answer that does not fit is a 400 OperationOutcome naming the linkId), a ' +
              'completed response is scored into Observations (derivedFrom the response). author and authored ' +
              'are recorded as the caller and the time received',
            searchParam: [
              patient,
              date,
              {
                name: 'questionnaire',
                type: 'reference',
                documentation: 'A canonical url (optionally |version) or Questionnaire/<id>',
              },
              { name: 'status', type: 'token', documentation: 'in-progress or completed' },
              ...paging,
            ],
          },
        ],
      },
    ],
  };
}
