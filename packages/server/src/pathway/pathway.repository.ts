import type { EpisodeView } from '@bedring/contract';
import {
  changeSince,
  type DeadlineKind,
  type DimensionRatings,
  type DischargeChecklist,
  deadlineStatus,
  type EpisodeState,
  type LivingConditionDomain,
  LivingConditionDomains,
  type PersonRef,
  type PlanPart,
  possibleEvents,
  type Rating,
  type ReferralChecklist,
  readiness,
  referralCompleteness,
  type Setting,
  taskStatus,
} from '@bedring/domain';
import type { Tx } from '../db/transaction.ts';

// The rows hold the domain's words as plain text; the answer names them (packages/contract).
type Episode = EpisodeView;
type Referral = NonNullable<Episode['referral']>;
type Event = Episode['events'][number];
type Assessment = Episode['assessments'][number];
type Task = Episode['tasks'][number];

/**
 * The person's pathway as the person page shows it: every episode on the life-long timeline with its
 * referral, events, treatment rounds, deadlines, assessments, discharge checklist, handover and tasks.
 */
export async function pathwayOf(trx: Tx, person: PersonRef, today: string): Promise<EpisodeView[]> {
  const tenant = person.organisationId;
  const byPerson = <
    T extends
      | 'episode'
      | 'pathway_event'
      | 'pathway_deadline'
      | 'assessment'
      | 'discharge_checklist'
      | 'handover'
      | 'pathway_task'
      | 'referral',
  >(
    table: T,
  ) =>
    trx
      .selectFrom(table as 'episode')
      .where('tenant_id', '=', tenant)
      .where('person_id', '=', person.id);
  const [episodes, events, deadlines, assessments, checklists, handovers, tasks, referrals, ratings, units] =
    await Promise.all([
      byPerson('episode').selectAll().orderBy('opened_on').orderBy('version').execute(),
      trx
        .selectFrom('pathway_event')
        .selectAll()
        .where('tenant_id', '=', tenant)
        .where('person_id', '=', person.id)
        .orderBy('position')
        .execute(),
      trx
        .selectFrom('pathway_deadline')
        .selectAll()
        .where('tenant_id', '=', tenant)
        .where('person_id', '=', person.id)
        .orderBy('starts_on')
        .execute(),
      trx
        .selectFrom('assessment')
        .selectAll()
        .where('tenant_id', '=', tenant)
        .where('person_id', '=', person.id)
        .orderBy('assessed_on')
        .orderBy('recorded_at')
        .execute(),
      trx
        .selectFrom('discharge_checklist')
        .selectAll()
        .where('tenant_id', '=', tenant)
        .where('person_id', '=', person.id)
        .execute(),
      trx
        .selectFrom('handover')
        .selectAll()
        .where('tenant_id', '=', tenant)
        .where('person_id', '=', person.id)
        .execute(),
      trx
        .selectFrom('pathway_task')
        .selectAll()
        .where('tenant_id', '=', tenant)
        .where('person_id', '=', person.id)
        .orderBy('created_on')
        .execute(),
      trx
        .selectFrom('referral')
        .selectAll()
        .where('tenant_id', '=', tenant)
        .where('person_id', '=', person.id)
        .execute(),
      trx
        .selectFrom('living_condition_rating')
        .select(['domain', 'rating', 'rated_at'])
        .where('tenant_id', '=', tenant)
        .where('person_id', '=', person.id)
        .orderBy('rated_at')
        .execute(),
      trx.selectFrom('unit').select(['id', 'name']).where('tenant_id', '=', tenant).execute(),
    ]);
  // Names of the staff the pathway mentions (responsible, assessors, task assignees), not the whole directory.
  const staffIds = new Set<string>();
  for (const e of episodes) if (e.responsible_account_id) staffIds.add(e.responsible_account_id);
  for (const r of referrals) if (r.assessed_by) staffIds.add(r.assessed_by);
  for (const h of handovers) staffIds.add(h.municipal_account_id);
  for (const t of tasks) staffIds.add(t.assignee_account_id);
  const staff =
    staffIds.size === 0
      ? []
      : await trx
          .selectFrom('staff_directory')
          .select(['id', 'display_name'])
          .where('id', 'in', [...staffIds])
          .execute();
  const name = (id: string | null) => (id ? (staff.find((s) => s.id === id)?.display_name ?? null) : null);
  const notes = await handoverNotes(
    trx,
    tenant,
    handovers.flatMap((h) => h.journal_note_ids),
  );
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? '';

  return episodes.map((e) => {
    const own = <T extends { episode_id: string }>(rows: T[]) => rows.filter((r) => r.episode_id === e.id);
    const episodeEvents = own(events);
    const referral = referrals.find((r) => r.id === e.referral_id) ?? null;
    const checklist = own(checklists)[0] ?? null;
    const handover = own(handovers)[0] ?? null;
    const episodeAssessments = own(assessments);
    const endOfTreatment =
      episodeEvents.find((ev) => ev.kind === 'discharged' || ev.kind === 'ended')?.date ?? null;
    return {
      id: e.id,
      unit: { id: e.unit_id, name: unitName(e.unit_id) },
      state: e.state as EpisodeState,
      activeSetting: e.active_setting as Setting | null,
      plannedSetting: e.planned_setting as Setting | null,
      openedOn: e.opened_on,
      endedOn: e.ended_on,
      endOutcome: e.end_outcome as Episode['endOutcome'],
      previousEpisodeId: e.previous_episode_id,
      responsible: e.responsible_account_id
        ? { id: e.responsible_account_id, name: name(e.responsible_account_id) }
        : null,
      possibleEvents: possibleEvents({
        state: e.state as EpisodeState,
        activeSetting: e.active_setting as Setting | null,
        hasClinicalDecision: e.has_clinical_decision,
      }),
      referral: referral && {
        id: referral.id,
        referrer: {
          kind: referral.referrer_kind as Referral['referrer']['kind'],
          name: referral.referrer_name,
          organisation: referral.referrer_organisation,
        },
        receivedOn: referral.received_on,
        reason: referral.reason,
        checklist: referral.checklist as ReferralChecklist,
        completeness: referralCompleteness(referral.checklist as ReferralChecklist),
        coordinator: { name: referral.coordinator_name, contact: referral.coordinator_contact },
        assessment: referral.assessed_on
          ? {
              assessedOn: referral.assessed_on,
              outcome: referral.outcome as NonNullable<Referral['assessment']>['outcome'],
              treatmentStartDeadline: referral.treatment_start_deadline,
              note: referral.assessment_note,
              letterToPersonOn: referral.letter_to_person_on,
              letterToReferrerOn: referral.letter_to_referrer_on,
              assessedBy: name(referral.assessed_by),
            }
          : null,
      },
      events: episodeEvents.map((ev) => ({
        id: ev.id,
        kind: ev.kind as Event['kind'],
        date: ev.date,
        setting: ev.setting as Setting | null,
        withPerson: ev.with_person,
        feedbackToolUsed: ev.feedback_tool_used,
        outcome: ev.outcome as Event['outcome'],
        helpNeeded: ev.help_needed as Event['helpNeeded'],
        codes: ev.codes as Event['codes'],
        note: ev.note,
        warnings: ev.warnings as Event['warnings'],
        reason: ev.reason,
        recordedAt: ev.recorded_at.toISOString(),
        recordedBy: { id: ev.recorded_by, name: ev.recorded_by_name },
      })),
      rounds: roundsOf(episodeEvents),
      deadlines: own(deadlines).map((d) => {
        const deadline = {
          kind: d.kind as DeadlineKind,
          startsOn: d.starts_on,
          dueOn: d.due_on,
          metOn: d.met_on,
          closedOn: d.closed_on,
          settingClass: d.setting_class as 'outpatient' | 'inpatient' | null,
          limitDays: d.limit_days,
        };
        return { ...deadline, status: deadlineStatus(deadline, today) };
      }),
      assessments: episodeAssessments.map((a, i) => ({
        id: a.id,
        assessedOn: a.assessed_on,
        personGoals: a.person_goals,
        personResources: a.person_resources,
        ratings: a.ratings as DimensionRatings,
        opioidDependence: a.opioid_dependence,
        recommendation: {
          level: a.recommended_level as Assessment['recommendation']['level'],
          rule: a.recommended_rule as Assessment['recommendation']['rule'],
          drivers: a.drivers as Assessment['recommendation']['drivers'],
        },
        chosenLevel: a.chosen_level as Assessment['chosenLevel'],
        match: a.match as Assessment['match'],
        matchReason: a.match_reason,
        assessedBy: { id: a.assessed_by, name: a.assessed_by_name },
        change:
          i > 0
            ? changeSince(
                episodeAssessments[i - 1]!.ratings as DimensionRatings,
                a.ratings as DimensionRatings,
              )
            : null,
      })),
      dischargeChecklist: checklist && {
        items: checklist.items as DischargeChecklist,
        helpNeeded: checklist.help_needed as Event['helpNeeded'],
        readiness: readiness(checklist.items as DischargeChecklist),
        updatedAt: checklist.updated_at.toISOString(),
        updatedBy: checklist.updated_by_name,
      },
      livingConditions: livingConditionsBeside(ratings, e.opened_on, endOfTreatment),
      handover: handover && {
        id: handover.id,
        municipalWorker: { id: handover.municipal_account_id, name: name(handover.municipal_account_id) },
        summary: handover.summary,
        followUpPlan: handover.follow_up_plan,
        snapshot: handover.snapshot as NonNullable<Episode['handover']>['snapshot'],
        handedOverOn: handover.handed_over_on,
        createdBy: handover.created_by_name,
        firstContactOn: handover.first_contact_on,
        planParts: handover.plan_parts as PlanPart[],
        notes: notes.filter((n) => handover.journal_note_ids.includes(n.id)),
      },
      tasks: own(tasks).map((t) => ({
        id: t.id,
        kind: t.kind as Task['kind'],
        assignee: { id: t.assignee_account_id, name: name(t.assignee_account_id) },
        createdOn: t.created_on,
        escalateOn: t.escalate_on,
        completedOn: t.completed_on,
        outcome: t.outcome as Task['outcome'],
        note: t.note,
        completedBy: t.completed_by_name,
        status: taskStatus({ escalateOn: t.escalate_on, completedOn: t.completed_on }, today),
      })),
    };
  });
}

/**
 * Treatment rounds (docs/domain/pathway.md, P-30: several rounds) from the events: a round runs from its
 * start to the next change.
 */
function roundsOf(events: { kind: string; date: string; setting: string | null }[]) {
  const rounds: Episode['rounds'] = [];
  for (const ev of events) {
    const current = rounds.at(-1);
    if (ev.kind === 'first-attendance' || ev.kind === 'round-started') {
      if (current && current.to === null) current.to = ev.date;
      rounds.push({ setting: (ev.setting as Setting | null) ?? 'outpatient', from: ev.date, to: null });
    } else if (
      (ev.kind === 'round-ended' || ev.kind === 'discharged' || ev.kind === 'ended') &&
      current &&
      current.to === null
    ) {
      current.to = ev.date;
    }
  }
  return rounds;
}

/**
 * The 8 living-condition domains at the start of an episode beside those at its end (or now), P-40:
 * at start, the latest rating up to the opening day, or else the first one after it.
 */
function livingConditionsBeside(
  ratings: { domain: string; rating: string; rated_at: Date }[],
  openedOn: string,
  endedOn: string | null,
) {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return LivingConditionDomains.map((domain: LivingConditionDomain) => {
    const mine = ratings.filter((r) => r.domain === domain);
    const before = mine.filter((r) => day(r.rated_at) <= openedOn).at(-1);
    const start = before ?? mine.find((r) => day(r.rated_at) > openedOn) ?? null;
    const end = mine.filter((r) => endedOn === null || day(r.rated_at) <= endedOn).at(-1) ?? null;
    return {
      domain,
      atStart: (start?.rating ?? null) as Rating | null,
      atEnd: (end && end !== start ? end.rating : (start?.rating ?? null)) as Rating | null,
    };
  });
}

/**
 * The journal notes handovers named (docs/decisions/0018-handover-and-self-admission.md): signed and not
 * withheld from the person, so that whoever reads the pathway may read them.
 */
async function handoverNotes(trx: Tx, tenant: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('journal_note')
    .select(['id', 'contact_at', 'author_name', 'text'])
    .where('tenant_id', '=', tenant)
    .where('id', 'in', ids)
    .where('status', '=', 'signed')
    .where('withheld_reason', 'is', null)
    .orderBy('contact_at')
    .execute();
  return rows.map((n) => ({
    id: n.id,
    contactAt: n.contact_at.toISOString(),
    authorName: n.author_name,
    text: n.text,
  }));
}
