import { say } from '@bedring/contract';
import {
  applyEvent,
  deadlinesFor,
  type EpisodeSnapshot,
  type EpisodeState,
  type EpisodeTimes,
  type LateWarning,
  lateWarnings,
  type OpeningKind,
  openedBy,
  type PathwayEvent,
  type PersonRef,
  pathwayCodes,
  type Setting,
  type TimeLimit,
} from '@bedring/domain';
import type { RequestActor } from '../auth/actor.ts';
import type { Tx } from '../db/transaction.ts';
import { conflict, notFound } from '../http/errors.ts';
import { feedbackToolUsedSince } from '../questionnaire/feedback-tool.ts';
import { planInstruments, TRIGGER_OF_EVENT } from '../questionnaire/schedule.ts';
import { timeLimits } from './time-limit.repository.ts';

export interface EpisodeRow {
  id: string;
  personId: string;
  unitId: string;
  state: EpisodeState;
  snapshot: EpisodeSnapshot;
  version: number;
  referralId: string | null;
  responsibleAccountId: string | null;
  times: EpisodeTimes;
}

/** An event as staff record it, with their note and, when a rule warned, why they went on. */
export interface EventInput extends PathwayEvent {
  note?: string;
  reason?: string;
}

/** Loads an episode of this person with its events, locked for the rest of the transaction. */
export async function lockEpisode(trx: Tx, person: PersonRef, episodeId: string): Promise<EpisodeRow> {
  const row = await trx
    .selectFrom('episode as e')
    .leftJoin('referral as r', (j) =>
      j.onRef('r.tenant_id', '=', 'e.tenant_id').onRef('r.id', '=', 'e.referral_id'),
    )
    .select([
      'e.id',
      'e.person_id',
      'e.unit_id',
      'e.state',
      'e.active_setting',
      'e.has_clinical_decision',
      'e.planned_setting',
      'e.version',
      'e.referral_id',
      'e.responsible_account_id',
      'r.received_on',
      'r.treatment_start_deadline',
    ])
    .where('e.tenant_id', '=', person.organisationId)
    .where('e.person_id', '=', person.id)
    .where('e.id', '=', episodeId)
    .forUpdate('e')
    .executeTakeFirst();
  if (!row) throw notFound(say('errors.episodeNotFound'));
  const events = await trx
    .selectFrom('pathway_event')
    .select(['kind', 'date', 'setting', 'with_person', 'feedback_tool_used', 'outcome', 'help_needed'])
    .where('tenant_id', '=', person.organisationId)
    .where('episode_id', '=', episodeId)
    .orderBy('position')
    .execute();
  return {
    id: row.id,
    personId: row.person_id,
    unitId: row.unit_id,
    state: row.state as EpisodeState,
    snapshot: {
      state: row.state as EpisodeState,
      activeSetting: row.active_setting as Setting | null,
      hasClinicalDecision: row.has_clinical_decision,
    },
    version: row.version,
    referralId: row.referral_id,
    responsibleAccountId: row.responsible_account_id,
    times: {
      referralReceivedOn: row.received_on ?? null,
      treatmentStartDeadline: row.treatment_start_deadline ?? null,
      plannedSetting: row.planned_setting as Setting | null,
      events: events.map(
        (e): PathwayEvent => ({
          kind: e.kind as PathwayEvent['kind'],
          date: e.date,
          setting: e.setting as Setting | null,
          withPerson: e.with_person,
          feedbackToolUsed: e.feedback_tool_used,
          outcome: e.outcome as PathwayEvent['outcome'],
          helpNeeded: e.help_needed as PathwayEvent['helpNeeded'],
        }),
      ),
    },
  };
}

interface Recorder {
  actor: RequestActor;
  now: Date;
}

async function insertEvent(
  trx: Tx,
  who: Recorder,
  person: PersonRef,
  episodeId: string,
  position: number,
  event: EventInput,
  warnings: readonly unknown[],
) {
  await trx
    .insertInto('pathway_event')
    .values({
      tenant_id: person.organisationId,
      episode_id: episodeId,
      person_id: person.id,
      position,
      kind: event.kind,
      date: event.date,
      setting: event.setting ?? null,
      with_person: event.withPerson ?? null,
      feedback_tool_used: event.feedbackToolUsed ?? null,
      outcome: event.outcome ?? null,
      help_needed: event.helpNeeded ?? null,
      codes: pathwayCodes(event),
      note: event.note ?? '',
      warnings: JSON.stringify(warnings),
      reason: event.reason ?? '',
      recorded_at: who.now,
      recorded_by: who.actor.accountId,
      recorded_by_name: who.actor.displayName,
    })
    .execute();
}

/** Replaces the stored deadlines of an episode with those the rules compute from its events. */
export async function storeDeadlines(
  trx: Tx,
  person: PersonRef,
  episode: Pick<EpisodeRow, 'id' | 'unitId' | 'responsibleAccountId' | 'times'>,
  limits: readonly TimeLimit[],
) {
  const deadlines = deadlinesFor(episode.times, limits);
  await trx
    .deleteFrom('pathway_deadline')
    .where('tenant_id', '=', person.organisationId)
    .where('episode_id', '=', episode.id)
    .execute();
  if (deadlines.length === 0) return deadlines;
  await trx
    .insertInto('pathway_deadline')
    .values(
      deadlines.map((d) => ({
        tenant_id: person.organisationId,
        episode_id: episode.id,
        kind: d.kind,
        starts_on: d.startsOn,
        person_id: person.id,
        unit_id: episode.unitId,
        responsible_account_id: episode.responsibleAccountId,
        due_on: d.dueOn,
        met_on: d.metOn,
        closed_on: d.closedOn,
        setting_class: d.settingClass,
        limit_days: d.limitDays,
      })),
    )
    // Two deadlines of one kind cannot start the same day (e.g. two evaluations on one day): keep one.
    .onConflict((oc) => oc.columns(['tenant_id', 'episode_id', 'kind', 'starts_on']).doNothing())
    .execute();
  return deadlines;
}

export interface OpenEpisode {
  person: PersonRef;
  unitId: string;
  opening: OpeningKind;
  date: string;
  referral: { id: string; receivedOn: string } | null;
  previousEpisodeId: string | null;
  responsibleAccountId: string | null;
  plannedSetting: Setting | null;
}

/** Opens an episode (from a referral, or a re-admission) with its first event and deadlines. */
export async function openEpisode(trx: Tx, who: Recorder, o: OpenEpisode): Promise<string> {
  const snapshot = openedBy(o.opening);
  const { id } = await trx
    .insertInto('episode')
    .values({
      tenant_id: o.person.organisationId,
      person_id: o.person.id,
      unit_id: o.unitId,
      referral_id: o.referral?.id ?? null,
      previous_episode_id: o.previousEpisodeId,
      state: snapshot.state,
      responsible_account_id: o.responsibleAccountId,
      planned_setting: o.plannedSetting,
      opened_on: o.date,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const event: EventInput = { kind: o.opening, date: o.date };
  await insertEvent(trx, who, o.person, id, 1, event, []);
  const times: EpisodeTimes = {
    referralReceivedOn: o.referral?.receivedOn ?? null,
    treatmentStartDeadline: null,
    plannedSetting: o.plannedSetting,
    events: [event],
  };
  await storeDeadlines(
    trx,
    o.person,
    { id, unitId: o.unitId, responsibleAccountId: o.responsibleAccountId, times },
    await timeLimits(trx),
  );
  return id;
}

export interface Recorded {
  state: EpisodeState;
  warnings: LateWarning[];
}

/**
 * Records one event on an episode: the state machine decides (illegal → 409), deadlines are recomputed
 * in the same transaction, and deadlines met late come back as warnings — the event is kept
 * (docs/domain/care-principles.md, U-13). `times` lets the caller change facts the deadlines depend on (the
 * rights deadline, the planned setting); `otherWarnings` are the caller's own warnings (discharge readiness),
 * stored with the event beside the late ones, so the reason staff gave is kept with what it answers.
 */
export async function recordEvent(
  trx: Tx,
  who: Recorder,
  person: PersonRef,
  episode: EpisodeRow,
  given: EventInput,
  times: Partial<Pick<EpisodeTimes, 'treatmentStartDeadline' | 'plannedSetting'>> = {},
  otherWarnings: readonly unknown[] = [],
): Promise<Recorded> {
  const event = await withFeedbackToolUse(trx, who, person, episode, given);
  const step = applyEvent(episode.snapshot, event);
  if (!step.ok) throw conflict(step.reason.replaceAll('-', '_'), step.message);
  const last = episode.times.events.at(-1);
  if (last && event.date < last.date) {
    throw conflict('event_before_previous', `the episode's last event is from ${last.date}`);
  }
  const limits = await timeLimits(trx);
  const before = deadlinesFor(episode.times, limits);
  const after: EpisodeRow = {
    ...episode,
    times: { ...episode.times, ...times, events: [...episode.times.events, event] },
  };
  const stored = await storeDeadlines(trx, person, after, limits);
  const warnings = lateWarnings(before, stored);
  await insertEvent(trx, who, person, episode.id, episode.version + 1, event, [
    ...otherWarnings,
    ...warnings,
  ]);
  const next = step.next;
  const updated = await trx
    .updateTable('episode')
    .set({
      state: next.state,
      active_setting: next.activeSetting,
      has_clinical_decision: next.hasClinicalDecision,
      version: episode.version + 1,
      ...(times.plannedSetting !== undefined ? { planned_setting: times.plannedSetting } : {}),
      ...(next.state === 'ended' ? { ended_on: event.date, end_outcome: event.outcome ?? 'other' } : {}),
    })
    .where('tenant_id', '=', person.organisationId)
    .where('id', '=', episode.id)
    .where('version', '=', episode.version)
    .executeTakeFirst();
  if (updated.numUpdatedRows !== 1n)
    throw conflict('episode_changed', 'the episode was changed by someone else');
  const trigger = TRIGGER_OF_EVENT[event.kind];
  if (trigger) {
    await planInstruments(trx, person, trigger, event.date, {
      organisationId: who.actor.organisationId,
      now: who.now,
      episodeId: episode.id,
    });
  }
  return { state: next.state, warnings };
}

/**
 * An evaluation after feedback given with a feedback instrument carries the code for use of the
 * feedback tool, whether or not the clinician ticked it (docs/domain/questionnaires.md).
 */
async function withFeedbackToolUse(
  trx: Tx,
  who: Recorder,
  person: PersonRef,
  episode: EpisodeRow,
  event: EventInput,
): Promise<EventInput> {
  if (event.kind !== 'evaluation' || event.feedbackToolUsed) return event;
  const since =
    episode.times.events.findLast((e) => e.kind === 'evaluation')?.date ?? episode.times.events[0]?.date;
  if (!since) return event;
  const used = await feedbackToolUsedSince(trx, who.actor.organisationId, person, episode.id, since);
  return used ? { ...event, feedbackToolUsed: true } : event;
}
