import { type IsoDate, limitOn, type TimeLimit, type TimeLimitKey } from '@bedring/domain';
import type { Insertable, Kysely } from 'kysely';
import type {
  AssessmentTable,
  CareRelationTable,
  ConsentTable,
  DB,
  DischargeChecklistTable,
  EpisodeTable,
  HandoverTable,
  PathwayDeadlineTable,
  PathwayEventTable,
  PathwayTaskTable,
  ReferralTable,
} from '../db/schema.ts';

/**
 * The care pathway of the demo, made by the rules production uses (docs/domain/pathway.md, P-01, P-30, P-58):
 * every event goes through the episode state machine (applyEvent), yields its national codes (pathwayCodes),
 * the stored deadlines are deadlinesFor over the episode's events with the time limits read from the
 * time_limit table, late events carry the warnings lateWarnings gives, recommendations come from
 * recommendLevel and tasks escalate after the configured limit. Rows are collected here and written with
 * multi-row inserts.
 */

export interface DemoStaff {
  id: string;
  tenant_id: string;
  display_name: string;
  role: string;
  unit_id: string | null;
}

/** A person of the demo as the pathway needs them: their record and their ratings (for handovers). */
export interface DemoPerson {
  tenantId: string;
  id: string;
  rnd: () => number;
  ratings: readonly { domain: string; rating: string; note: string; rated_at: Date; rated_by_name: string }[];
}

/** The rows of one batch, per table, in the order they are inserted. */
export class PathwayRows {
  consent: Insertable<ConsentTable>[] = [];
  care_relation: Insertable<CareRelationTable>[] = [];
  referral: Insertable<ReferralTable>[] = [];
  episode: Insertable<EpisodeTable>[] = [];
  pathway_event: Insertable<PathwayEventTable>[] = [];
  pathway_deadline: Insertable<PathwayDeadlineTable>[] = [];
  assessment: Insertable<AssessmentTable>[] = [];
  discharge_checklist: Insertable<DischargeChecklistTable>[] = [];
  handover: Insertable<HandoverTable>[] = [];
  pathway_task: Insertable<PathwayTaskTable>[] = [];
}

const TABLES = [
  'consent',
  'care_relation',
  'referral',
  'episode',
  'pathway_event',
  'pathway_deadline',
  'assessment',
  'discharge_checklist',
  'handover',
  'pathway_task',
] as const satisfies readonly (keyof PathwayRows & keyof DB)[];

/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 60_000;

export async function insertRows(db: Kysely<DB>, rows: PathwayRows) {
  for (const table of TABLES) {
    const values = rows[table] as Insertable<DB[typeof table]>[];
    if (values.length === 0) continue;
    const columns = new Set(values.flatMap((v) => Object.keys(v))).size;
    const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
    for (let i = 0; i < values.length; i += size) {
      await db
        .insertInto(table)
        .values(values.slice(i, i + size) as never)
        .execute();
    }
  }
}

/** A time during the demo day (clamped to the demo's now, so nothing is recorded in the future). */
export function at(date: IsoDate, now: Date, hour = 9): Date {
  const t = new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  return t > now ? now : t;
}

/** Where an episode belongs and who is responsible: the unit and the clinician. */
export interface EpisodeCare {
  unitId: string;
  responsible: DemoStaff;
}

/**
 * An episode in the making (EpisodeDraft in demo-episode.ts), as the pathway keeps it: something to write
 * once the person's pathway is complete. Named here by what the pathway needs of it, so that this file
 * does not import demo-episode.ts, which builds on it (no import circles: docs/architecture.md).
 */
export interface PendingEpisode {
  finish(): void;
}

/** The pathway of the demo: the limits in force and "today", and the rows made so far. */
export class DemoPathway {
  readonly rows: PathwayRows;
  readonly limits: readonly TimeLimit[];
  readonly now: Date;
  readonly today: IsoDate;
  /** Every episode made, to be written by finish() once the person's pathway is complete. */
  readonly drafts: PendingEpisode[] = [];
  constructor(rows: PathwayRows, limits: readonly TimeLimit[], now: Date, today: IsoDate) {
    this.rows = rows;
    this.limits = limits;
    this.now = now;
    this.today = today;
  }

  limit(key: TimeLimitKey, cls: 'outpatient' | 'inpatient', on: IsoDate = this.today): TimeLimit {
    const limit = limitOn(this.limits, key, cls, on);
    if (!limit) throw new Error(`demo: no time limit "${key}" (${cls}) is configured for ${on}`);
    return limit;
  }

  /** Writes every episode made so far. */
  finish() {
    for (const draft of this.drafts.splice(0)) draft.finish();
  }
}

/** What the municipality receives at a handover: the latest living-condition ratings and assessment. */
export function handoverSnapshot(
  person: DemoPerson,
  date: IsoDate,
  assessment: Insertable<AssessmentTable> | null,
) {
  const latest = new Map<string, DemoPerson['ratings'][number]>();
  for (const r of person.ratings) {
    if (r.rated_at.toISOString().slice(0, 10) > date) continue;
    const seen = latest.get(r.domain);
    if (!seen || seen.rated_at < r.rated_at) latest.set(r.domain, r);
  }
  return {
    livingConditions: [...latest.values()].map((r) => ({
      domain: r.domain,
      rating: r.rating,
      note: r.note,
      ratedAt: r.rated_at,
      ratedBy: r.rated_by_name,
    })),
    assessment: assessment
      ? {
          assessedOn: assessment.assessed_on,
          ratings: JSON.parse(assessment.ratings as string),
          level: assessment.chosen_level,
          personGoals: assessment.person_goals,
          assessedBy: assessment.assessed_by_name,
        }
      : null,
  };
}

export function pickOf<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}
