import { say } from '@bedring/contract';
import {
  applyEvent,
  type EpisodeSnapshot,
  type EpisodeState,
  type EventKind,
  EventKinds,
  openedBy,
  type PathwayEvent,
  promiseStatus,
  type ReferralOutcome,
  ReferralOutcomes,
  taskStatus,
} from '@bedring/domain';
import type {
  Coding,
  EpisodeOfCare,
  EpisodeOfCareStatusHistory,
  Extension,
  Organization,
  Practitioner,
  Reference,
  ServiceRequest,
  Task,
} from '@medplum/fhirtypes';
import type { EpisodeView, ReferralView } from './pathway-fhir-read.repository.ts';
import type { TaskView } from './task-fhir-read.repository.ts';

/**
 * The care pathway as FHIR R4 (docs/domain/fhir.md): referral → ServiceRequest, episode → EpisodeOfCare,
 * handover and re-engagement → Task. Bedring's own codes live in code systems under
 * https://bedring.no/fhir/CodeSystem/ (as the living-condition domains do), and what FHIR has no element
 * for travels in extensions under https://bedring.no/fhir/StructureDefinition/.
 */
const CS = 'https://bedring.no/fhir/CodeSystem';
const SD = 'https://bedring.no/fhir/StructureDefinition';

export const EPISODE_TYPE_SYSTEM = `${CS}/episode-type`;
export const EPISODE_STATE_SYSTEM = `${CS}/episode-state`;
export const END_OUTCOME_SYSTEM = `${CS}/episode-end-outcome`;
export const REFERRAL_OUTCOME_SYSTEM = `${CS}/referral-outcome`;
export const REFERRER_KIND_SYSTEM = `${CS}/referrer-kind`;
export const TASK_KIND_SYSTEM = `${CS}/task-kind`;
export const TASK_BUSINESS_STATUS_SYSTEM = `${CS}/task-business-status`;
export const TASK_OUTCOME_SYSTEM = `${CS}/task-outcome`;
export const TASK_OUTPUT_SYSTEM = `${CS}/task-output`;
export const PROMISE_STATUS_SYSTEM = `${CS}/promise-status`;

export const EXT = {
  referralAssessment: `${SD}/referral-assessment`,
  referrerKind: `${SD}/referrer-kind`,
  episodeState: `${SD}/episode-state`,
  endOutcome: `${SD}/episode-end-outcome`,
  previousEpisode: `${SD}/previous-episode`,
  episodeOfCare: `${SD}/episode-of-care`,
  levelOfCare: `${SD}/level-of-care`,
} as const;

/** The TSB pathway (pakkeforløp for rusbehandling): EpisodeOfCare.type and ServiceRequest.code. */
export const TSB_PATHWAY: Coding = {
  system: EPISODE_TYPE_SYSTEM,
  code: 'tsb-pathway',
  display: say('fhir.tsbPathway'),
};

const coding = (system: string, code: string, display?: string): Coding => ({
  system,
  code,
  ...(display ? { display } : {}),
});
const practitioner = (who: { id: string; name: string | null }): Reference<Practitioner> => ({
  reference: `Practitioner/${who.id}`,
  ...(who.name ? { display: who.name } : {}),
});
const unitRef = (unit: { id: string; name: string | null }): Reference<Organization> => ({
  reference: `Organization/${unit.id}`,
  ...(unit.name ? { display: unit.name } : {}),
});

const referralOutcomeText = (outcome: string) =>
  (ReferralOutcomes as readonly string[]).includes(outcome)
    ? say(`fhir.referralOutcome.${outcome as ReferralOutcome}`)
    : outcome;

/**
 * A referral (docs/domain/pathway.md, P-11–P-17). Status: active until assessed, completed when assessed with
 * a need for treatment, revoked when assessed as no need. The assessment outcome, its date, the rights
 * deadline (frist for start) and the letters are the complex extension `referral-assessment`, and a note says
 * the same in words for readers that do not know the extension.
 */
export function toServiceRequest(r: ReferralView): ServiceRequest {
  const status: ServiceRequest['status'] =
    r.assessedOn === null ? 'active' : r.outcome === 'no-need' ? 'revoked' : 'completed';
  const assessment: Extension[] = [];
  if (r.assessedOn && r.outcome) {
    assessment.push({ url: 'outcome', valueCoding: coding(REFERRAL_OUTCOME_SYSTEM, r.outcome) });
    assessment.push({ url: 'assessedOn', valueDate: r.assessedOn });
    if (r.treatmentStartDeadline)
      assessment.push({ url: 'treatmentStartDeadline', valueDate: r.treatmentStartDeadline });
    if (r.letterToPersonOn) assessment.push({ url: 'letterToPersonOn', valueDate: r.letterToPersonOn });
    if (r.letterToReferrerOn) assessment.push({ url: 'letterToReferrerOn', valueDate: r.letterToReferrerOn });
  }
  const notes: string[] = [];
  if (r.assessedOn && r.outcome) {
    const deadline = r.treatmentStartDeadline
      ? say('fhir.referralDeadline', { deadline: r.treatmentStartDeadline })
      : '';
    notes.push(
      say('fhir.referralAssessedNote', {
        assessedOn: r.assessedOn,
        outcome: referralOutcomeText(r.outcome),
        deadline,
      }) + (r.assessmentNote ? ` ${r.assessmentNote}` : ''),
    );
  }
  const referrer = `${r.referrer.name} (${r.referrer.kind})${r.referrer.organisation ? `, ${r.referrer.organisation}` : ''}`;
  return {
    resourceType: 'ServiceRequest',
    id: r.id,
    extension: [
      { url: EXT.referrerKind, valueCoding: coding(REFERRER_KIND_SYSTEM, r.referrer.kind) },
      ...(assessment.length > 0 ? [{ url: EXT.referralAssessment, extension: assessment }] : []),
    ],
    status,
    intent: 'order',
    code: { coding: [TSB_PATHWAY], text: TSB_PATHWAY.display },
    subject: { reference: `Patient/${r.personId}` },
    authoredOn: r.receivedOn,
    requester: { display: referrer },
    performer: [unitRef(r.unit)],
    ...(r.reason ? { reasonCode: [{ text: r.reason }] } : {}),
    ...(notes.length > 0 ? { note: notes.map((text) => ({ text })) } : {}),
  };
}

/**
 * EpisodeOfCare.status from the episode state. Before treatment (referred, assessed, waiting) the
 * person is on the waitlist; from the first attendance through discharge and municipal follow-up the
 * episode is active. An ended episode is finished when treatment took place (whatever the end outcome:
 * planned, transferred or a drop-out, which is recorded without penalty, P-30/P-56, and carried in the
 * `episode-end-outcome` extension), and cancelled when it ended before any treatment (a referral
 * assessed as no need, or withdrawn from the waitlist) — FHIR's "withdrawn from service" before it began.
 */
export function episodeOfCareStatus(state: string, treatmentStarted: boolean): EpisodeOfCare['status'] {
  if (state === 'referred' || state === 'assessed' || state === 'waiting') return 'waitlist';
  if (state === 'ended') return treatmentStarted ? 'finished' : 'cancelled';
  return 'active';
}

interface StatePeriod {
  state: EpisodeState;
  start: string;
  end: string | null;
}

/** Replays the events through the domain's state machine: one period per state the episode was in. */
export function statePeriods(events: EpisodeView['events']): StatePeriod[] {
  const [first, ...rest] = events;
  if (!first) return [];
  let snapshot: EpisodeSnapshot = openedBy(first.kind === 'readmitted' ? 'readmitted' : 'referral-received');
  const periods: StatePeriod[] = [{ state: snapshot.state, start: first.date, end: null }];
  for (const e of rest) {
    // A kind this version does not know (data from a later one) moves no state: skip it, never fail.
    if (!(EventKinds as readonly string[]).includes(e.kind)) continue;
    const step = applyEvent(snapshot, { ...e, kind: e.kind as EventKind } as PathwayEvent);
    if (!step.ok) continue;
    snapshot = step.next;
    const current = periods.at(-1)!;
    if (snapshot.state !== current.state) {
      current.end = e.date;
      periods.push({ state: snapshot.state, start: e.date, end: null });
    }
  }
  return periods;
}

/**
 * An episode (behandlingsepisode). statusHistory has one entry per Bedring state, each with its period
 * and the state in the `episode-state` extension (several states share one FHIR status, e.g. referred,
 * assessed and waiting are all `waitlist`; the waitlist entries together give the waiting time). The
 * current state is the last entry, open-ended. managingOrganization is the unit (Organization/<unit id>),
 * which is what `organization=` searches by.
 */
export function toEpisodeOfCare(e: EpisodeView): EpisodeOfCare {
  const started = e.events.some((ev) => ev.kind === 'first-attendance');
  const periods = statePeriods(e.events);
  const statusHistory: EpisodeOfCareStatusHistory[] = periods.map((p) => ({
    extension: [{ url: EXT.episodeState, valueCoding: coding(EPISODE_STATE_SYSTEM, p.state) }],
    status: episodeOfCareStatus(p.state, started),
    period: { start: p.start, ...(p.end ? { end: p.end } : {}) },
  }));
  const extension: Extension[] = [
    { url: EXT.episodeState, valueCoding: coding(EPISODE_STATE_SYSTEM, e.state) },
  ];
  if (e.endOutcome)
    extension.push({ url: EXT.endOutcome, valueCoding: coding(END_OUTCOME_SYSTEM, e.endOutcome) });
  if (e.previousEpisodeId)
    extension.push({
      url: EXT.previousEpisode,
      valueReference: { reference: `EpisodeOfCare/${e.previousEpisodeId}` },
    });
  return {
    resourceType: 'EpisodeOfCare',
    id: e.id,
    extension,
    status: episodeOfCareStatus(e.state, started),
    ...(statusHistory.length > 0 ? { statusHistory } : {}),
    type: [{ coding: [TSB_PATHWAY], text: TSB_PATHWAY.display }],
    patient: { reference: `Patient/${e.personId}` },
    managingOrganization: unitRef(e.unit),
    period: { start: e.openedOn, ...(e.endedOn ? { end: e.endedOn } : {}) },
    ...(e.referralId ? { referralRequest: [{ reference: `ServiceRequest/${e.referralId}` }] } : {}),
    ...(e.responsible ? { careManager: practitioner(e.responsible) } : {}),
  };
}

/**
 * A task that closes a loop (P-42, P-44; P-30, P-56): the municipal worker's handover task or the
 * clinician's re-engagement task. Bedring has no accept or start step — a task is assigned to a named
 * person when it is made — so status is `requested` until done, then `completed`; whether an open task
 * has passed its escalation day is businessStatus (open | escalated | completed), computed for `today`
 * as /api/tasks does. restriction.period.end is the escalation day; the outcome is the output.
 */
export function toTask(t: TaskView, today: string): Task {
  if (t.kind === 'promise') return toPromiseTask(t, today);
  const business = taskStatus({ escalateOn: t.escalateOn, completedOn: t.completedOn }, today);
  return {
    resourceType: 'Task',
    id: t.id,
    status: t.completedOn ? 'completed' : 'requested',
    businessStatus: { coding: [coding(TASK_BUSINESS_STATUS_SYSTEM, business)], text: business },
    intent: 'order',
    code: { coding: [coding(TASK_KIND_SYSTEM, t.kind)], text: t.kind },
    focus: { reference: `EpisodeOfCare/${t.episodeId}` },
    for: { reference: `Patient/${t.personId}` },
    authoredOn: t.createdOn,
    ...(t.completedOn ? { lastModified: t.completedOn } : {}),
    executionPeriod: { start: t.createdOn, ...(t.completedOn ? { end: t.completedOn } : {}) },
    owner: practitioner(t.owner),
    restriction: { period: { end: t.escalateOn } },
    ...(t.outcome
      ? {
          output: [
            {
              type: { coding: [coding(TASK_OUTPUT_SYSTEM, 'outcome')], text: 'outcome' },
              valueCodeableConcept: { coding: [coding(TASK_OUTCOME_SYSTEM, t.outcome)], text: t.outcome },
            },
          ],
        }
      : {}),
    ...(t.note
      ? { note: [{ text: t.note, ...(t.completedBy ? { authorString: t.completedBy } : {}) }] }
      : {}),
  };
}

/**
 * A promise made to the person (docs/domain/plans.md, U-23, CAP-33; docs/decisions/0006-plans.md): `code`
 * promise, `description` the words of the promise, `requester` who made it, `owner` who keeps it, `for` the
 * person, and the due date as restriction.period.end. status: requested while open (businessStatus open, or
 * overdue past the due date), completed when kept, cancelled when withdrawn — with the note the person reads.
 */
function toPromiseTask(t: TaskView, today: string): Task {
  const status = promiseStatus(
    { dueOn: t.escalateOn, completedOn: t.completedOn, outcome: t.outcome },
    today,
  );
  return {
    resourceType: 'Task',
    id: t.id,
    status: status === 'kept' ? 'completed' : status === 'withdrawn' ? 'cancelled' : 'requested',
    businessStatus: {
      coding: [coding(PROMISE_STATUS_SYSTEM, status)],
      text: say(`fhir.promiseStatus.${status}`),
    },
    intent: 'order',
    code: { coding: [coding(TASK_KIND_SYSTEM, 'promise', say('fhir.promise'))], text: say('fhir.promise') },
    ...(t.promise ? { description: t.promise } : {}),
    focus: { reference: `EpisodeOfCare/${t.episodeId}` },
    for: { reference: `Patient/${t.personId}` },
    authoredOn: t.createdOn,
    ...(t.completedOn ? { lastModified: t.completedOn } : {}),
    executionPeriod: { start: t.createdOn, ...(t.completedOn ? { end: t.completedOn } : {}) },
    ...(t.promisedBy ? { requester: practitioner(t.promisedBy) } : {}),
    owner: practitioner(t.owner),
    restriction: { period: { end: t.escalateOn } },
    ...(t.outcome
      ? {
          output: [
            {
              type: { coding: [coding(TASK_OUTPUT_SYSTEM, 'outcome')], text: 'outcome' },
              valueCodeableConcept: { coding: [coding(TASK_OUTCOME_SYSTEM, t.outcome)], text: t.outcome },
            },
          ],
        }
      : {}),
    ...(t.note
      ? { note: [{ text: t.note, ...(t.completedBy ? { authorString: t.completedBy } : {}) }] }
      : {}),
  };
}
