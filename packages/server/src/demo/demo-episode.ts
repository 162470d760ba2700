import { randomUUID } from 'node:crypto';
import {
  addDays,
  applyEvent,
  type DeadlineKind,
  type DimensionRatings,
  type DischargeChecklist,
  DischargeItems,
  deadlinesFor,
  type EpisodeSnapshot,
  type EpisodeTimes,
  escalationDate,
  type HelpNeededAtDischarge,
  type IsoDate,
  type Level,
  lateWarnings,
  levelSetting,
  matchOf,
  type OpeningKind,
  openedBy,
  type PathwayEvent,
  pathwayCodes,
  type ReferralOutcome,
  readiness,
  recommendLevel,
  type Setting,
  type TaskKind,
  type TaskOutcome,
} from '@bedring/domain';
import type { Insertable } from 'kysely';
import type { AssessmentTable, HandoverTable, PathwayTaskTable, ReferralTable } from '../db/schema.ts';
import { chosenLevel, demoRatings, MATCH_REASONS } from './demo-assessment.ts';
import {
  at,
  type DemoPathway,
  type DemoPerson,
  type DemoStaff,
  type EpisodeCare,
  handoverSnapshot,
  pickOf,
} from './demo-pathway.ts';

/**
 * One episode of the demo, made as the API makes it: every event goes through the episode state machine
 * (applyEvent) and yields its national codes (pathwayCodes); finish() stores the deadlines deadlinesFor
 * computes from the events, and the warnings lateWarnings gives the events that met a deadline late.
 */

const REASONS_LATE = [
  'Ventet på prøvesvar.',
  'Personen var syk og ba om ny time.',
  'Behandler var på kurs; timen ble flyttet.',
  'Ventet på epikrise fra fastlegen.',
];

export interface TaskDraft {
  row: Insertable<PathwayTaskTable> & { id: string };
}

interface DraftEvent extends PathwayEvent {
  note: string;
  reason: string;
  /** Warnings the route adds beside the late ones (discharge readiness). */
  warnings: readonly unknown[];
}

/** One episode being made: events go through the state machine as POST .../events does. */
export class EpisodeDraft {
  readonly id = randomUUID();
  readonly person: DemoPerson;
  readonly care: EpisodeCare;
  private readonly demo: DemoPathway;
  private readonly openedOn: IsoDate;
  private readonly previousEpisodeId: string | null;
  private readonly referral: Insertable<ReferralTable> | null;
  private snapshot: EpisodeSnapshot;
  private readonly events: DraftEvent[] = [];
  private plannedSetting: Setting | null;
  private treatmentStartDeadline: IsoDate | null = null;
  private checklistHelp: HelpNeededAtDischarge | null = null;
  private checklistItems: DischargeChecklist = {};
  private lastRatings: DimensionRatings | null = null;
  private lastAssessment: Insertable<AssessmentTable> | null = null;
  private handoverRow: Insertable<HandoverTable> | null = null;
  private finished = false;

  constructor(
    demo: DemoPathway,
    person: DemoPerson,
    care: EpisodeCare,
    opening: OpeningKind,
    openedOn: IsoDate,
    o: {
      referral: Insertable<ReferralTable> | null;
      previousEpisodeId: string | null;
      plannedSetting: Setting | null;
    },
  ) {
    this.demo = demo;
    this.person = person;
    this.care = care;
    this.openedOn = openedOn;
    this.snapshot = openedBy(opening);
    this.referral = o.referral;
    this.plannedSetting = o.plannedSetting;
    this.previousEpisodeId = o.previousEpisodeId;
    this.events.push({ kind: opening, date: openedOn, note: '', reason: '', warnings: [] });
    demo.drafts.push(this);
  }

  get state() {
    return this.snapshot.state;
  }

  get lastDate(): IsoDate {
    return this.events.at(-1)!.date;
  }

  /** Records an event; an illegal transition or a date out of order is a bug in the demo. */
  record(event: PathwayEvent & { note?: string; reason?: string; warnings?: readonly unknown[] }): this {
    if (this.finished) throw new Error('demo: the episode is already written');
    if (event.date < this.lastDate || event.date > this.demo.today) {
      throw new Error(`demo: ${event.kind} on ${event.date} is out of order (last ${this.lastDate})`);
    }
    const step = applyEvent(this.snapshot, event);
    if (!step.ok) throw new Error(`demo: ${step.message}`);
    this.snapshot = step.next;
    this.events.push({
      ...event,
      note: event.note ?? '',
      reason: event.reason ?? '',
      warnings: event.warnings ?? [],
    });
    return this;
  }

  /**
   * The assessment of the referral (docs/domain/pathway.md, P-17); no need for specialist treatment ends the
   * episode.
   */
  assessReferral(date: IsoDate, outcome: ReferralOutcome, treatmentStartDeadline: IsoDate | null) {
    this.treatmentStartDeadline = outcome === 'right-to-treatment' ? treatmentStartDeadline : null;
    this.record({ kind: 'referral-assessed', date });
    if (this.referral) {
      Object.assign(this.referral, {
        assessed_on: date,
        outcome,
        treatment_start_deadline: this.treatmentStartDeadline,
        assessment_note:
          outcome === 'no-need'
            ? 'Behovet kan dekkes hos fastlegen og i kommunen.'
            : 'Henvisningen er vurdert.',
        letter_to_person_on: date,
        letter_to_referrer_on: date,
        assessed_by: this.care.responsible.id,
      });
    }
    if (outcome === 'no-need') this.record({ kind: 'ended', date, outcome: 'other', note: 'no-need' });
    return this;
  }

  /**
   * A dimensional assessment (M-01) whose ratings lead the rules to `recommended`; the clinician chooses
   * that level, or with `mismatch` a neighbouring one and says why (P-21). Sets the planned setting.
   */
  assess(date: IsoDate, recommended: Level, mismatch: 'over' | 'under' | null = null): Level {
    const rnd = this.person.rnd;
    const facts = demoRatings(rnd, recommended, this.lastRatings);
    const recommendation = recommendLevel(facts);
    const chosen = chosenLevel(recommendation.level, mismatch);
    const match = matchOf(recommendation.level, chosen);
    const row = {
      tenant_id: this.person.tenantId,
      id: randomUUID(),
      person_id: this.person.id,
      episode_id: this.id,
      assessed_on: date,
      person_goals: pickOf(rnd, [
        'Ha et sted å bo og en jobb å gå til.',
        'Være en god far for barna mine.',
        'Klare meg uten rus i hverdagen.',
        'Komme tilbake til studiene.',
        'Få venner som ikke ruser seg.',
      ]),
      person_resources: pickOf(rnd, ['Søsteren min', 'God på musikk', 'Har en hund', 'Jobbet som snekker']),
      ratings: JSON.stringify(facts.ratings),
      opioid_dependence: facts.opioidDependence,
      recommended_level: recommendation.level,
      recommended_rule: recommendation.rule,
      drivers: recommendation.drivers,
      chosen_level: chosen,
      match,
      match_reason: match === 'matched' ? '' : pickOf(rnd, MATCH_REASONS[mismatch ?? 'over']),
      assessed_by: this.care.responsible.id,
      assessed_by_name: this.care.responsible.display_name,
      recorded_at: at(date, this.demo.now, 11),
    };
    this.demo.rows.assessment.push(row);
    this.lastAssessment = row;
    this.lastRatings = facts.ratings;
    this.plannedSetting = levelSetting[chosen];
    return chosen;
  }

  /** The discharge checklist (P-40): `ready` of the items answered yes, the rest no or not answered. */
  checklist(date: IsoDate, ready: number, helpNeeded: HelpNeededAtDischarge) {
    const items: DischargeChecklist = {};
    DischargeItems.forEach((item, i) => {
      if (i < ready)
        items[item] = { answer: item === 'risk-assessments-shared' ? 'not-relevant' : 'yes', note: '' };
      else if (i < ready + 2) items[item] = { answer: 'no', note: 'Jobber med saken.' };
    });
    this.checklistHelp = helpNeeded;
    this.checklistItems = items;
    this.demo.rows.discharge_checklist.push({
      tenant_id: this.person.tenantId,
      episode_id: this.id,
      person_id: this.person.id,
      items: JSON.stringify(items),
      help_needed: helpNeeded,
      updated_at: at(date, this.demo.now, 14),
      updated_by: this.care.responsible.id,
      updated_by_name: this.care.responsible.display_name,
    });
  }

  /**
   * Discharge as the events route records it: the help needed comes from the checklist, and its gaps are
   * a warning stored with the event (P-40; docs/domain/care-principles.md, U-13).
   */
  discharge(date: IsoDate) {
    const gaps = readiness(this.checklistItems).gaps;
    return this.record({
      kind: 'discharged',
      date,
      helpNeeded: this.checklistHelp,
      warnings: gaps.length > 0 ? [{ code: 'discharge-not-ready', gaps }] : [],
      reason: gaps.length > 0 ? 'Personen ville hjem; det som mangler, følges opp etter utskrivning.' : '',
    });
  }

  /**
   * The handover to the municipal worker as POST .../handover makes it: a consent for the municipality
   * (here for a year), a follow-up relation for the worker, the package with a snapshot, and the task for
   * the first contact. A consent that has expired ended the worker's relation with it.
   */
  handover(date: IsoDate, worker: DemoStaff): TaskDraft {
    if (this.state !== 'in-treatment' && this.state !== 'discharged') {
      throw new Error(`demo: no handover for an episode that is "${this.state}"`);
    }
    const rows = this.demo.rows;
    const consentId = randomUUID();
    const given = addDays(date, -1);
    const expires = addDays(given, 365);
    const ended = expires < this.demo.today ? new Date(`${expires}T23:59:59Z`) : null;
    rows.consent.push({
      tenant_id: this.person.tenantId,
      id: consentId,
      person_id: this.person.id,
      grantee_organisation_id: worker.tenant_id,
      purpose: 'handover',
      given_at: new Date(`${given}T12:00:00Z`),
      expires_at: new Date(`${expires}T23:59:59Z`),
      recorded_by: this.care.responsible.id,
    });
    rows.care_relation.push({
      tenant_id: this.person.tenantId,
      person_id: this.person.id,
      account_id: worker.id,
      organisation_id: worker.tenant_id,
      kind: 'follow-up',
      unit_id: null,
      from_at: at(date, this.demo.now),
      to_at: ended,
    });
    this.handoverRow = {
      tenant_id: this.person.tenantId,
      id: randomUUID(),
      person_id: this.person.id,
      episode_id: this.id,
      municipal_account_id: worker.id,
      municipal_organisation_id: worker.tenant_id,
      consent_id: consentId,
      summary: 'Oppsummering av behandlingen: mål, hva som har hjulpet og hva som gjenstår.',
      follow_up_plan: pickOf(this.person.rnd, [
        'Hjemmebesøk to ganger i uka den første måneden.',
        'Samtaler hver uke og hjelp med bolig og NAV.',
        'Følges til aktivitetstilbud; erfaringskonsulent deltar.',
      ]),
      snapshot: JSON.stringify(handoverSnapshot(this.person, date, this.lastAssessment)),
      handed_over_on: date,
      created_by: this.care.responsible.id,
      created_by_name: this.care.responsible.display_name,
      created_at: at(date, this.demo.now, 13),
      first_contact_on: null,
    };
    rows.handover.push(this.handoverRow);
    return this.task('handover', date, worker);
  }

  /** Drop-out (P-30, P-56): the episode ends without penalty and a re-engagement task reaches out. */
  dropOut(date: IsoDate): TaskDraft {
    this.record({ kind: 'ended', date, outcome: 'drop-out', note: 'Møtte ikke til tre avtaler.' });
    return this.task('re-engagement', date, this.care.responsible);
  }

  /** Completes a task; a first contact starts municipal follow-up (the episode moves on with it). */
  complete(task: TaskDraft, date: IsoDate, outcome: TaskOutcome, by: DemoStaff, note = '') {
    Object.assign(task.row, {
      completed_on: date,
      outcome,
      note,
      completed_by: by.id,
      completed_by_name: by.display_name,
    });
    if (outcome === 'first-contact') {
      if (this.handoverRow) this.handoverRow.first_contact_on = date;
      if (this.state === 'discharged') this.record({ kind: 'follow-up-started', date, note });
    }
  }

  /** A new round after a drop-out: the task is completed and a re-admitted episode opens, linked to this one. */
  readmit(task: TaskDraft, date: IsoDate): EpisodeDraft {
    this.complete(task, date, 'new-round', this.care.responsible, 'Personen ønsker en ny runde.');
    return new EpisodeDraft(this.demo, this.person, this.care, 'readmitted', date, {
      referral: null,
      previousEpisodeId: this.id,
      plannedSetting: this.plannedSetting,
    });
  }

  private task(kind: TaskKind, createdOn: IsoDate, assignee: DemoStaff): TaskDraft {
    // As openTask: the escalation day comes from the limit in force on the task's first day.
    const key = kind === 'handover' ? 'handover-first-contact' : 're-engagement';
    const limit = this.demo.limit(key, 'outpatient', createdOn);
    const row = {
      tenant_id: this.person.tenantId,
      id: randomUUID(),
      person_id: this.person.id,
      episode_id: this.id,
      handover_id: kind === 'handover' ? (this.handoverRow?.id ?? null) : null,
      kind,
      assignee_account_id: assignee.id,
      assignee_organisation_id: assignee.tenant_id,
      unit_id: this.care.unitId,
      created_on: createdOn,
      escalate_on: escalationDate(createdOn, limit.days),
      completed_on: null,
      outcome: null,
      note: '',
      completed_by: null,
      completed_by_name: null,
    };
    this.demo.rows.pathway_task.push(row);
    return { row };
  }

  private times(events: readonly PathwayEvent[]): EpisodeTimes {
    return {
      referralReceivedOn: this.referral?.received_on ?? null,
      treatmentStartDeadline: this.treatmentStartDeadline,
      plannedSetting: this.plannedSetting,
      events,
    };
  }

  /** Writes the episode, its events with codes and warnings, and its deadlines as storeDeadlines does. */
  finish() {
    if (this.finished) return;
    this.finished = true;
    const { rows, limits, now } = this.demo;
    const tenant = this.person.tenantId;
    const deadlines = deadlinesFor(this.times(this.events), limits);
    // Warnings of the events that met a deadline late, as recordEvent computes them (before → after).
    const warnings = new Map<number, ReturnType<typeof lateWarnings>>();
    for (const d of deadlines) {
      if (!d.metOn || d.metOn <= d.dueOn) continue;
      const i = this.events.findIndex((e) => e.date === d.metOn && meets(e.kind, d.kind));
      if (i <= 0 || warnings.has(i)) continue;
      const before = deadlinesFor(this.times(this.events.slice(0, i)), limits);
      const after = deadlinesFor(this.times(this.events.slice(0, i + 1)), limits);
      warnings.set(i, lateWarnings(before, after));
    }
    const ended = this.events.find((e) => e.kind === 'ended');
    rows.episode.push({
      tenant_id: tenant,
      id: this.id,
      person_id: this.person.id,
      unit_id: this.care.unitId,
      referral_id: this.referral?.id ?? null,
      previous_episode_id: this.previousEpisodeId,
      state: this.snapshot.state,
      active_setting: this.snapshot.activeSetting,
      has_clinical_decision: this.snapshot.hasClinicalDecision,
      planned_setting: this.plannedSetting,
      responsible_account_id: this.care.responsible.id,
      opened_on: this.openedOn,
      ended_on: ended?.date ?? null,
      end_outcome: ended ? (ended.outcome ?? 'other') : null,
      version: this.events.length,
    });
    this.events.forEach((e, i) => {
      const late = warnings.get(i) ?? [];
      rows.pathway_event.push({
        tenant_id: tenant,
        id: randomUUID(),
        episode_id: this.id,
        person_id: this.person.id,
        position: i + 1,
        kind: e.kind,
        date: e.date,
        setting: e.setting ?? null,
        with_person: e.withPerson ?? null,
        feedback_tool_used: e.feedbackToolUsed ?? null,
        outcome: e.outcome ?? null,
        help_needed: e.helpNeeded ?? null,
        codes: pathwayCodes(e),
        note: e.note,
        // The route's own warnings first, then the late ones, as recordEvent stores them.
        warnings: JSON.stringify([...e.warnings, ...late]),
        reason: late.length > 0 ? e.reason || pickOf(this.person.rnd, REASONS_LATE) : e.reason,
        recorded_at: at(e.date, now, 10),
        recorded_by: this.care.responsible.id,
        recorded_by_name: this.care.responsible.display_name,
      });
    });
    // Two deadlines of one kind cannot start the same day: the first is kept, as storeDeadlines does.
    const seen = new Set<string>();
    for (const d of deadlines) {
      const key = `${d.kind} ${d.startsOn}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.pathway_deadline.push({
        tenant_id: tenant,
        episode_id: this.id,
        kind: d.kind,
        starts_on: d.startsOn,
        person_id: this.person.id,
        unit_id: this.care.unitId,
        responsible_account_id: this.care.responsible.id,
        due_on: d.dueOn,
        met_on: d.metOn,
        closed_on: d.closedOn,
        setting_class: d.settingClass,
        limit_days: d.limitDays,
      });
    }
  }
}

/** The events that meet a kind of deadline (see deadlinesFor). */
function meets(event: PathwayEvent['kind'], deadline: DeadlineKind): boolean {
  switch (deadline) {
    case 'referral-assessment':
      return event === 'referral-assessed';
    case 'treatment-start':
      return event === 'first-attendance';
    case 'clinical-decision':
      return event === 'clinical-decision';
    case 'next-treatment-after-detox':
      return event === 'round-started';
    case 'first-evaluation':
    case 'next-evaluation':
      return event === 'evaluation';
  }
}
