import type { PersonRef } from '@bedring/domain';
import type { Observation, Resource } from '@medplum/fhirtypes';
import type { PersonWork } from '../access/as-actor.ts';
import { accessLog } from '../audit/audit.repository.ts';
import type { RequestActor } from '../auth/actor.ts';
import { flagsOf } from '../checkin/checkin-fhir-read.repository.ts';
import { journalDocuments, journalEncounters } from '../journal/journal-fhir.routes.ts';
import { toDimensionObservations } from '../pathway/assessment-fhir.mapping.ts';
import { pathwayResources } from '../pathway/pathway-fhir.routes.ts';
import { assessmentsOf } from '../pathway/pathway-fhir-read.repository.ts';
import { riskAssessmentResources } from '../pathway/risk-assessment-fhir.routes.ts';
import { loaders as plans } from '../plan/plan-fhir.routes.ts';
import {
  instrumentsSeen,
  responsesSeen,
  scoreObservations,
} from '../questionnaire/questionnaire-fhir.routes.ts';
import { ratingHistory } from '../record/record.repository.ts';
import { toObservation, toPatient } from '../record/record-fhir.mapping.ts';
import { patientRowOf } from '../record/record-fhir-read.repository.ts';
import { toAuditEvent } from './audit-event.mapping.ts';
import { relatedPersons } from './related-person.routes.ts';

/**
 * One part of the person's record in Patient/$everything: a resource type and how its resources are
 * read from one person's record — by the same functions, under the same rules, as that type's own
 * search (need to know is checked before; plan parts by consent, results by instrument settings).
 */
export interface EverythingPart {
  type: Resource['resourceType'];
  load(w: PersonWork, actor: RequestActor): Promise<Resource[]>;
}

/** Living-condition ratings, assessment dimension ratings and questionnaire scores, as GET /fhir/Observation. */
async function observations(w: PersonWork, actor: RequestActor): Promise<Observation[]> {
  const ratings = (await ratingHistory(w.trx, w.person)).map((r) => toObservation(r, w.person.id));
  const dimensions = (await assessmentsOf(w.trx, w.person)).flatMap(toDimensionObservations);
  const scores = await scoreObservations(w.trx, actor, w.person, { code: null, dates: [] });
  return [...ratings, ...dimensions, ...scores.observations];
}

/**
 * The access log, for whoever may read it (as GET /fhir/AuditEvent): the person themself, or a leader of
 * the organisation holding the record. For anyone else the part is empty, not a refusal.
 */
export const mayReadAccessLog = (actor: RequestActor, person: PersonRef) =>
  actor.role === 'patient' || (actor.role === 'leader' && actor.organisationId === person.organisationId);

async function auditEvents(w: PersonWork, actor: RequestActor) {
  if (!mayReadAccessLog(actor, w.person)) return [];
  const entries = await accessLog(w.trx, w.person.organisationId, w.person.id, 1000);
  return entries.map((e) => toAuditEvent(e, w.person.id));
}

/**
 * The parts of $everything, in the order of the Bundle: the person first, then the pathway, the plans,
 * the results and who has read the record. A new resource type is one line here.
 */
export const EVERYTHING_PARTS: readonly EverythingPart[] = [
  { type: 'Patient', load: async (w) => [toPatient(await patientRowOf(w.trx, w.person))] },
  { type: 'ServiceRequest', load: (w) => pathwayResources.ServiceRequest(w.trx, w.person) },
  { type: 'EpisodeOfCare', load: (w) => pathwayResources.EpisodeOfCare(w.trx, w.person) },
  { type: 'ClinicalImpression', load: (w) => pathwayResources.ClinicalImpression(w.trx, w.person) },
  // Suicide- and violence-risk assessments: another organisation by consent only those shared with the
  // handover, no peer worker (docs/decisions/0019-relatives-and-risk.md).
  { type: 'RiskAssessment', load: riskAssessmentResources },
  { type: 'CarePlan', load: plans.CarePlan },
  { type: 'Goal', load: plans.Goal },
  // The network map (by the plan rule) and the record's list of children and relatives, each tagged.
  { type: 'RelatedPerson', load: relatedPersons },
  { type: 'Consent', load: plans.Consent },
  { type: 'Task', load: (w) => pathwayResources.Task(w.trx, w.person, w.now) },
  { type: 'Encounter', load: journalEncounters },
  { type: 'DocumentReference', load: journalDocuments },
  {
    type: 'QuestionnaireResponse',
    load: async (w, actor) =>
      responsesSeen(w.trx, actor, w.person, await instrumentsSeen(w.trx, actor), {
        questionnaireIds: null,
        statuses: null,
        authored: { from: null, to: null },
        version: null,
      }),
  },
  { type: 'Observation', load: observations },
  {
    type: 'Flag',
    load: (w, actor) => (actor.role === 'peer' ? Promise.resolve([]) : flagsOf(w.trx, w.person)),
  },
  { type: 'AuditEvent', load: auditEvents },
];

export const EVERYTHING_TYPES = EVERYTHING_PARTS.map((p) => p.type);

/** Everything of one person's record the actor may see, of these types (null: all), part by part. */
export async function everything(
  w: PersonWork,
  actor: RequestActor,
  types: ReadonlySet<string> | null = null,
): Promise<Resource[]> {
  const found: Resource[] = [];
  for (const part of EVERYTHING_PARTS) {
    if (types && !types.has(part.type)) continue;
    found.push(...(await part.load(w, actor)));
  }
  return found;
}
