import { addDays, type IsoDate } from './calendar.ts';
import type { EpisodeState } from './episode.rules.ts';

/**
 * Brukerstyrt innleggelse — self-admission (docs/decisions/0018-handover-and-self-admission.md; P-30,
 * P-58): a contract recorded with the person's plan says at which unit, for how many days a stay, how often,
 * how the person asks and whom they call. The person, or a helper on their behalf, uses it without a new
 * referral: no new queue and no new rights deadline. The rules warn, they do not block (U-13).
 */
export interface SelfAdmissionTerms {
  unitId: string;
  daysPerStay: number;
  staysPerYear: number;
  validFrom: IsoDate;
  /** The last day the contract may be used, or null when it runs until it is ended. */
  validTo: IsoDate | null;
  /** The day staff ended the contract, or null. */
  endedOn: IsoDate | null;
}

export const SelfAdmissionWarnings = ['not-in-force', 'stays-used-up', 'longer-than-agreed'] as const;
export type SelfAdmissionWarning = (typeof SelfAdmissionWarnings)[number];

/**
 * What is unusual about a stay under the contract: used outside its days, more stays in the year before
 * it than agreed, or planned longer than a stay may be. `earlierStays` are the days earlier stays began.
 */
export function selfAdmissionWarnings(
  terms: SelfAdmissionTerms,
  earlierStays: readonly IsoDate[],
  stay: { admittedOn: IsoDate; plannedDays: number },
): SelfAdmissionWarning[] {
  const warnings: SelfAdmissionWarning[] = [];
  const day = stay.admittedOn;
  if (!inForceOn(terms, day)) warnings.push('not-in-force');
  if (staysInYear(earlierStays, day) >= terms.staysPerYear) warnings.push('stays-used-up');
  if (stay.plannedDays > terms.daysPerStay) warnings.push('longer-than-agreed');
  return warnings;
}

/** Whether the contract may be used on the day: begun, not past its last day, and not ended by then. */
export function inForceOn(
  terms: Pick<SelfAdmissionTerms, 'validFrom' | 'validTo' | 'endedOn'>,
  day: IsoDate,
): boolean {
  const ended = terms.endedOn !== null && terms.endedOn <= day;
  return day >= terms.validFrom && (terms.validTo === null || day <= terms.validTo) && !ended;
}

/**
 * The stays begun in the year up to the day (the 365 days before it and the day itself): the year the
 * contract's "stays per year" counts, for the warning and for what the person is shown on Min side.
 */
export function staysInYear(stayDays: readonly IsoDate[], day: IsoDate): number {
  const yearBefore = addDays(day, -365);
  return stayDays.filter((d) => d > yearBefore && d <= day).length;
}

/**
 * Why a contract cannot be ended on the day (docs/decisions/0018-handover-and-self-admission.md): it was
 * ended already, or the day is before it began. A day after `validTo` is allowed: ending an expired contract
 * only says so. Whether the day is in the future is the server's check, with its clock.
 */
export type ContractEndRefusal = 'already-ended' | 'before-valid-from';
export function contractEndRefusal(
  terms: Pick<SelfAdmissionTerms, 'validFrom' | 'endedOn'>,
  endedOn: IsoDate,
): ContractEndRefusal | null {
  if (terms.endedOn !== null) return 'already-ended';
  if (endedOn < terms.validFrom) return 'before-valid-from';
  return null;
}

/** The person's latest episode, as far as placing a stay needs it. */
export interface LatestEpisode {
  id: string;
  unitId: string;
  state: EpisodeState;
}

/**
 * Where the stay goes: a new round in the episode under way at the contract's unit, or else a short episode
 * linked to the latest one — opened as a re-admission, without a referral and so without the rights
 * deadlines a referral starts (time-limits.rules.ts: referral-assessment and treatment-start need one).
 */
export const SelfAdmissionPlacements = ['new-round', 'linked-episode'] as const;
export type StayPlacement =
  | { kind: 'new-round'; episodeId: string }
  | { kind: 'linked-episode'; previousEpisodeId: string | null };

export function placeStay(latest: LatestEpisode | null, unitId: string): StayPlacement {
  if (latest && latest.state === 'in-treatment' && latest.unitId === unitId) {
    return { kind: 'new-round', episodeId: latest.id };
  }
  return { kind: 'linked-episode', previousEpisodeId: latest?.id ?? null };
}

/** Who asked for the stay: the person, or a helper (municipal worker, relative) on the person's behalf. */
export const SelfAdmissionAskers = ['person', 'helper'] as const;
export type SelfAdmissionAsker = (typeof SelfAdmissionAskers)[number];
