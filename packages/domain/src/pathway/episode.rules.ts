import type { IsoDate } from './calendar.ts';

/**
 * The episode (behandlingsepisode) state machine (docs/domain/pathway.md, P-01, P-30, P-58). An episode is
 * one round trip through the specialist service and into municipal follow-up; a person's life-long
 * timeline is the row of their episodes. Re-admission opens a new episode linked to the last one,
 * it never reopens an ended one (P-58: part of a long pathway, not a failure).
 */
export const EpisodeStates = [
  'referred',
  'assessed',
  'waiting',
  'in-treatment',
  'discharged',
  'follow-up',
  'ended',
] as const;
export type EpisodeState = (typeof EpisodeStates)[number];

/** Treatment settings (P-03, P-28, P-29, P-33). A treatment round has one setting. */
export const Settings = ['outpatient', 'day', 'inpatient', 'detox', 'lar'] as const;
export type Setting = (typeof Settings)[number];

/** The pathway time limits differ for outpatient and inpatient care (docs/domain/pathway.md). */
export type SettingClass = 'outpatient' | 'inpatient';
export function settingClass(setting: Setting): SettingClass {
  return setting === 'inpatient' || setting === 'detox' ? 'inpatient' : 'outpatient';
}

/** How an episode ends. A drop-out is recorded without penalty (P-30, P-56). */
export const EndOutcomes = ['planned', 'drop-out', 'transferred', 'other'] as const;
export type EndOutcome = (typeof EndOutcomes)[number];

/** What can happen to an episode, in the words staff use for it. */
export const EventKinds = [
  'referral-received',
  'readmitted',
  'referral-assessed',
  'waiting',
  'first-attendance',
  'round-started',
  'round-ended',
  'clinical-decision',
  'evaluation',
  'discharged',
  'follow-up-started',
  'ended',
] as const;
export type EventKind = (typeof EventKinds)[number];

/** Events staff record directly; the others come from the referral, assessment and handover forms. */
export const RecordableEventKinds = [
  'waiting',
  'first-attendance',
  'round-started',
  'round-ended',
  'clinical-decision',
  'evaluation',
  'discharged',
  'ended',
] as const satisfies readonly EventKind[];
export type RecordableEventKind = (typeof RecordableEventKinds)[number];

/** Help the person needs at discharge, the national code "hjelpebehov ved avslutning". */
export const HelpNeeded = ['none', 'municipal', 'specialist', 'municipal-and-specialist'] as const;
export type HelpNeededAtDischarge = (typeof HelpNeeded)[number];

export interface PathwayEvent {
  kind: EventKind;
  /** The day it happened (deadlines are counted in days). */
  date: IsoDate;
  setting?: Setting | null;
  /** Evaluation: did the person take part, was a feedback tool used (national codes). */
  withPerson?: boolean | null;
  feedbackToolUsed?: boolean | null;
  outcome?: EndOutcome | null;
  helpNeeded?: HelpNeededAtDischarge | null;
}

/** What the state machine needs to know about an episode. */
export interface EpisodeSnapshot {
  state: EpisodeState;
  /** The setting of the treatment round under way, null between rounds. */
  activeSetting: Setting | null;
  hasClinicalDecision: boolean;
}

const allowedFrom: Record<EventKind, readonly EpisodeState[]> = {
  'referral-received': [],
  readmitted: [],
  'referral-assessed': ['referred'],
  waiting: ['assessed'],
  'first-attendance': ['assessed', 'waiting'],
  'round-started': ['in-treatment'],
  'round-ended': ['in-treatment'],
  'clinical-decision': ['in-treatment'],
  evaluation: ['in-treatment'],
  discharged: ['in-treatment'],
  'follow-up-started': ['discharged'],
  ended: ['referred', 'assessed', 'waiting', 'in-treatment', 'discharged', 'follow-up'],
};

export type Transition =
  | { ok: true; next: EpisodeSnapshot }
  | {
      ok: false;
      reason: 'illegal-transition' | 'no-active-round' | 'clinical-decision-exists';
      message: string;
    };

/**
 * Applies one event to an episode. Illegal transitions are refused (the API answers 409); everything
 * that is only unwise (late, incomplete) is allowed and warned about elsewhere
 * (docs/domain/care-principles.md, U-13: warn, don't block).
 */
export function applyEvent(episode: EpisodeSnapshot, event: PathwayEvent): Transition {
  // An unknown kind (bad data, an older version's event) is refused like any illegal transition.
  if (!(allowedFrom[event.kind] ?? []).includes(episode.state)) {
    return {
      ok: false,
      reason: 'illegal-transition',
      message: `"${event.kind}" cannot happen to an episode that is "${episode.state}"`,
    };
  }
  const next: EpisodeSnapshot = { ...episode };
  switch (event.kind) {
    case 'referral-assessed':
      next.state = 'assessed';
      break;
    case 'waiting':
      next.state = 'waiting';
      break;
    case 'first-attendance':
      next.state = 'in-treatment';
      next.activeSetting = event.setting ?? null;
      break;
    case 'round-started':
      next.activeSetting = event.setting ?? null;
      break;
    case 'round-ended':
      if (episode.activeSetting === null) {
        return { ok: false, reason: 'no-active-round', message: 'no treatment round is under way' };
      }
      next.activeSetting = null;
      break;
    case 'clinical-decision':
      if (episode.hasClinicalDecision) {
        return {
          ok: false,
          reason: 'clinical-decision-exists',
          message: 'this episode already has its clinical decision',
        };
      }
      next.hasClinicalDecision = true;
      break;
    case 'evaluation':
      break;
    case 'discharged':
      next.state = 'discharged';
      next.activeSetting = null;
      break;
    case 'follow-up-started':
      next.state = 'follow-up';
      break;
    case 'ended':
      next.state = 'ended';
      next.activeSetting = null;
      break;
    case 'referral-received':
    case 'readmitted':
      break;
  }
  return { ok: true, next };
}

/** The events that may be recorded next, for the UI's buttons. */
export function possibleEvents(episode: EpisodeSnapshot): RecordableEventKind[] {
  return RecordableEventKinds.filter((kind) => {
    if (!allowedFrom[kind].includes(episode.state)) return false;
    if (kind === 'round-ended') return episode.activeSetting !== null;
    if (kind === 'clinical-decision') return !episode.hasClinicalDecision;
    return true;
  });
}

/** How an episode opens: from a referral, or re-admitted after a drop-out (a new round, P-30, P-58). */
export type OpeningKind = 'referral-received' | 'readmitted';

export function openedBy(kind: OpeningKind): EpisodeSnapshot {
  // A re-admission builds on the assessment already made: the person goes straight to waiting.
  return {
    state: kind === 'readmitted' ? 'waiting' : 'referred',
    activeSetting: null,
    hasClinicalDecision: false,
  };
}

/** Replays an episode's events from its opening (events in the order they were recorded). */
export function replay(events: readonly PathwayEvent[]): EpisodeSnapshot {
  const first = events[0]?.kind;
  const opening = first === 'readmitted' || first === 'referral-received';
  let episode = openedBy(first === 'readmitted' ? 'readmitted' : 'referral-received');
  for (const event of opening ? events.slice(1) : events) {
    const step = applyEvent(episode, event);
    if (step.ok) episode = step.next;
  }
  return episode;
}

/**
 * The national pathway codes (forløpskoder, docs/domain/pathway.md) an event yields, as a by-product: staff
 * record what happened, never the codes themselves.
 */
export const PathwayCodes = [
  'pathway-start',
  'first-attendance',
  'clinical-decision',
  'evaluation-with-person',
  'evaluation-without-person',
  'feedback-tool-used',
  'help-needed-at-discharge',
  'pathway-end',
] as const;
export type PathwayCode = (typeof PathwayCodes)[number];

export function pathwayCodes(event: PathwayEvent): PathwayCode[] {
  switch (event.kind) {
    case 'referral-received':
    case 'readmitted':
      return ['pathway-start'];
    case 'first-attendance':
      return ['first-attendance'];
    case 'clinical-decision':
      return ['clinical-decision'];
    case 'evaluation': {
      const codes: PathwayCode[] = [
        event.withPerson ? 'evaluation-with-person' : 'evaluation-without-person',
      ];
      if (event.feedbackToolUsed) codes.push('feedback-tool-used');
      return codes;
    }
    case 'discharged':
      return ['help-needed-at-discharge'];
    case 'ended':
      return ['pathway-end'];
    default:
      return [];
  }
}
