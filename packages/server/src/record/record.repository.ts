import type { CaseloadFacts, CaseloadUrgency, PersonRef, Role } from '@bedring/domain';
import {
  caseloadUrgency,
  daysWithoutContact,
  type LivingConditionDomain,
  LivingConditionDomains,
  osloDate,
  type Rating,
  sortByUrgency,
} from '@bedring/domain';
import type { Tx } from '../db/transaction.ts';

export interface CaseloadEntry extends CaseloadFacts {
  id: string;
  birthDate: string;
  relation: 'care-team' | 'follow-up';
  organisationName: string;
  urgency: CaseloadUrgency;
  daysWithoutContact: number;
}

/**
 * "Mine pasienter": persons the actor has an active care relation with, across consented organisations,
 * each with what is open for them, most urgent first (domain caseload-urgency.rules.ts). One statement:
 * each count is a lateral look-up on a partial index of the person's open rows (migrations
 * 0012_worklists.sql), so a caseload of 60 is 60 short index ranges, not a query per person.
 */
export async function caseload(
  trx: Tx,
  accountId: string,
  now: Date,
  search?: string,
): Promise<{ today: string; persons: CaseloadEntry[] }> {
  const today = osloDate(now);
  let q = trx
    .selectFrom('care_relation as r')
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.person_id'),
    )
    .innerJoin('organisation as o', 'o.id', 'p.tenant_id')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('signal as s')
          .whereRef('s.tenant_id', '=', 'p.tenant_id')
          .whereRef('s.person_id', '=', 'p.id')
          .where('s.acknowledged_at', 'is', null)
          .select((s) => [
            s.fn.countAll<string>().filterWhere('s.kind', '=', HELP).as('help'),
            s.fn.min('s.raised_at').filterWhere('s.kind', '=', HELP).as('help_oldest'),
            s.fn.countAll<string>().filterWhere('s.kind', '<>', HELP).as('signals'),
          ])
          .as('sg'),
      (j) => j.onTrue(),
    )
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('pathway_task as t')
          .whereRef('t.tenant_id', '=', 'p.tenant_id')
          .whereRef('t.person_id', '=', 'p.id')
          .where('t.completed_on', 'is', null)
          // Overdue = escalated: still open after its escalation day (domain task.rules.ts).
          .where('t.escalate_on', '<', today)
          .select((t) => t.fn.countAll<string>().as('tasks'))
          .as('tk'),
      (j) => j.onTrue(),
    )
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('pathway_deadline as d')
          .whereRef('d.tenant_id', '=', 'p.tenant_id')
          .whereRef('d.person_id', '=', 'p.id')
          .where('d.met_on', 'is', null)
          .where('d.closed_on', 'is', null)
          .where('d.due_on', '<', today)
          .select((d) => d.fn.countAll<string>().as('deadlines'))
          .as('dl'),
      (j) => j.onTrue(),
    )
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('contact as c')
          .whereRef('c.tenant_id', '=', 'p.tenant_id')
          .whereRef('c.person_id', '=', 'p.id')
          .where('c.contact_on', '<=', today)
          .select((c) => c.fn.max('c.contact_on').as('last_contact_on'))
          .as('lc'),
      (j) => j.onTrue(),
    )
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'p.birth_date',
      'r.kind',
      'r.from_at',
      'o.name',
      'sg.help',
      'sg.help_oldest',
      'sg.signals',
      'tk.tasks',
      'dl.deadlines',
      'lc.last_contact_on',
    ])
    .where('r.account_id', '=', accountId)
    .where('r.from_at', '<=', now)
    .where((w) => w.or([w('r.to_at', 'is', null), w('r.to_at', '>', now)]));
  if (search) {
    const like = `%${search.toLowerCase().replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
    q = q.where((w) =>
      w.or([
        w(w.fn('lower', ['p.family_name']), 'like', like),
        w(w.fn('lower', ['p.given_name']), 'like', like),
      ]),
    );
  }
  const rows = await q.orderBy('p.family_name').orderBy('p.given_name').limit(500).execute();
  const persons = rows.map((r) => {
    const facts: CaseloadFacts = {
      givenName: r.given_name,
      familyName: r.family_name,
      since: r.from_at,
      openHelpRequests: Number(r.help),
      oldestHelpRequestAt: r.help_oldest ? new Date(r.help_oldest) : null,
      openSignals: Number(r.signals),
      overdueDeadlines: Number(r.deadlines),
      overdueTasks: Number(r.tasks),
      lastContactOn: r.last_contact_on ? dayOf(r.last_contact_on) : null,
    };
    return {
      ...facts,
      id: r.id,
      birthDate: r.birth_date,
      relation: r.kind,
      organisationName: r.name,
      urgency: caseloadUrgency(facts, today),
      daysWithoutContact: daysWithoutContact(facts, today),
    };
  });
  return { today, persons: sortByUrgency(persons, today) };
}

const HELP = 'help-requested';

/** A date column as the day it names (the pg driver may hand back a string or a Date at midnight UTC). */
function dayOf(v: string | Date): string {
  return typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}

export interface RatingView {
  id: string;
  domain: LivingConditionDomain;
  rating: Rating;
  note: string;
  ratedAt: Date;
  ratedBy: { id: string; name: string; role: Role };
}

export interface PersonOverview {
  id: string;
  organisationId: string;
  nationalId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  gender: string;
  municipality: string | null;
  aboutMe: string;
  strengths: string;
  aboutMeUpdatedAt: Date | null;
  /** Who last wrote "om meg": the person themself, or a named staff member who wrote it with them. */
  aboutMeWrittenBy: { kind: 'person' } | { kind: 'staff'; name: string } | null;
  livingConditions: { domain: LivingConditionDomain; current: RatingView | null }[];
  completeness: { rated: number; of: number };
  careTeam: {
    accountId: string;
    name: string;
    role: Role;
    organisationName: string;
    kind: 'care-team' | 'follow-up';
    from: Date;
    to: Date | null;
  }[];
  organisations: { id: string; name: string; kind: string }[];
}

export async function ratingHistory(
  trx: Tx,
  person: PersonRef,
  domain?: LivingConditionDomain,
): Promise<RatingView[]> {
  let q = trx
    .selectFrom('living_condition_rating')
    .select(['id', 'domain', 'rating', 'note', 'rated_at', 'rated_by', 'rated_by_name', 'rated_by_role'])
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id);
  if (domain) q = q.where('domain', '=', domain);
  const rows = await q.orderBy('rated_at', 'desc').limit(1000).execute();
  return rows.map(toRatingView);
}

function toRatingView(r: {
  id: string;
  domain: string;
  rating: string;
  note: string;
  rated_at: Date;
  rated_by: string;
  rated_by_name: string;
  rated_by_role: string;
}): RatingView {
  return {
    id: r.id,
    domain: r.domain as LivingConditionDomain,
    rating: r.rating as Rating,
    note: r.note,
    ratedAt: r.rated_at,
    ratedBy: { id: r.rated_by, name: r.rated_by_name, role: r.rated_by_role as Role },
  };
}

export async function personOverview(trx: Tx, person: PersonRef, now: Date): Promise<PersonOverview> {
  const p = await trx
    .selectFrom('person as p')
    .leftJoin('staff_directory as s', 's.id', 'p.about_me_updated_by')
    .selectAll('p')
    .select('s.display_name as updated_by_name')
    .where('p.tenant_id', '=', person.organisationId)
    .where('p.id', '=', person.id)
    .executeTakeFirstOrThrow();
  // The newest rating per domain, straight from the index, instead of the whole history.
  const latest = await trx
    .selectFrom('living_condition_rating')
    .distinctOn('domain')
    .select(['id', 'domain', 'rating', 'note', 'rated_at', 'rated_by', 'rated_by_name', 'rated_by_role'])
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .orderBy('domain')
    .orderBy('rated_at', 'desc')
    .execute();
  const current = new Map(latest.map((r) => [r.domain, toRatingView(r)]));
  const team = await trx
    .selectFrom('care_relation as r')
    .innerJoin('staff_directory as s', 's.id', 'r.account_id')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select([
      'r.account_id',
      's.display_name',
      's.role',
      'o.name',
      'r.kind',
      'r.from_at',
      'r.to_at',
      'r.organisation_id',
      'o.kind as org_kind',
    ])
    .where('r.tenant_id', '=', person.organisationId)
    .where('r.person_id', '=', person.id)
    .orderBy('r.from_at')
    .execute();
  const organisations = new Map<string, { id: string; name: string; kind: string }>();
  for (const t of team)
    organisations.set(t.organisation_id, { id: t.organisation_id, name: t.name, kind: t.org_kind });
  const active = team.filter((t) => t.to_at === null || t.to_at.getTime() > now.getTime());
  return {
    id: p.id,
    organisationId: p.tenant_id,
    nationalId: p.national_id,
    givenName: p.given_name,
    familyName: p.family_name,
    birthDate: p.birth_date,
    gender: p.gender,
    municipality: p.municipality,
    aboutMe: p.about_me,
    strengths: p.strengths,
    aboutMeUpdatedAt: p.about_me_updated_at,
    aboutMeWrittenBy: !p.about_me_updated_by
      ? null
      : p.updated_by_name
        ? { kind: 'staff', name: p.updated_by_name }
        : { kind: 'person' },
    livingConditions: LivingConditionDomains.map((domain) => ({
      domain,
      current: current.get(domain) ?? null,
    })),
    completeness: { rated: current.size, of: LivingConditionDomains.length },
    careTeam: active.map((t) => ({
      accountId: t.account_id,
      name: t.display_name,
      role: t.role as Role,
      organisationName: t.name,
      kind: t.kind,
      from: t.from_at,
      to: t.to_at,
    })),
    organisations: [...organisations.values()],
  };
}
