import type { RelativeBody, RelativeView } from '@bedring/contract';
import { ageInYear, childGaps, isMinor, type PersonRef, type RelativeRole } from '@bedring/domain';
import type { RequestActor } from '../auth/actor.ts';
import type { Tx } from '../db/transaction.ts';

/**
 * The person's children and relatives (docs/decisions/0019-relatives-and-risk.md): rows of `relative`
 * (migration 0014), read with what is not yet in place for each minor child.
 */

type Row = {
  id: string;
  kind: 'child' | 'relative';
  name: string;
  role: string | null;
  birth_year: number | null;
  cared_for_by: string;
  spoken_with: boolean | null;
  spoken_with_on: string | null;
  follow_up: string;
  coordinator_informed: boolean;
  may_contact: boolean;
  may_inform: boolean;
  note: string;
  recorded_by_name: string;
  changed_by_name: string;
  changed_at: Date;
};

function view(row: Row, today: Date): RelativeView {
  const child = row.kind === 'child' && row.birth_year !== null;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    role: row.role as RelativeRole | null,
    birthYear: row.birth_year,
    ageThisYear: child ? ageInYear(row.birth_year!, today) : null,
    minor: child ? isMinor(row.birth_year!, today) : false,
    caredForBy: row.cared_for_by,
    spokenWith: row.spoken_with,
    spokenWithOn: row.spoken_with_on,
    followUp: row.follow_up,
    coordinatorInformed: row.coordinator_informed,
    mayContact: row.may_contact,
    mayInform: row.may_inform,
    note: row.note,
    gaps: child
      ? childGaps(
          {
            birthYear: row.birth_year!,
            caredForBy: row.cared_for_by,
            spokenWith: row.spoken_with,
            followUp: row.follow_up,
            coordinatorInformed: row.coordinator_informed,
          },
          today,
        )
      : [],
    recordedBy: row.recorded_by_name,
    changedBy: row.changed_by_name,
    changedAt: row.changed_at.toISOString(),
  };
}

/** Children first (youngest first), then relatives by name; removed rows are not shown. */
export async function relativesOf(trx: Tx, person: PersonRef, today: Date): Promise<RelativeView[]> {
  const rows = await trx
    .selectFrom('relative')
    .select([
      'id',
      'kind',
      'name',
      'role',
      'birth_year',
      'cared_for_by',
      'spoken_with',
      'spoken_with_on',
      'follow_up',
      'coordinator_informed',
      'may_contact',
      'may_inform',
      'note',
      'recorded_by_name',
      'changed_by_name',
      'changed_at',
    ])
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('removed_at', 'is', null)
    .orderBy('kind')
    .orderBy('birth_year', 'desc')
    .orderBy('name')
    .execute();
  return rows.map((row) => view(row, today));
}

/** The columns a body sets: a child keeps no role, a relative no child's facts. */
export function relativeColumns(body: RelativeBody) {
  const child = body.kind === 'child';
  return {
    kind: body.kind,
    name: body.name.trim(),
    role: child ? null : (body.role ?? null),
    birth_year: child ? (body.birthYear ?? null) : null,
    cared_for_by: child ? (body.caredForBy ?? '').trim() : '',
    spoken_with: child ? (body.spokenWith ?? null) : null,
    spoken_with_on: child && body.spokenWith === true ? (body.spokenWithOn ?? null) : null,
    follow_up: child ? (body.followUp ?? '').trim() : '',
    coordinator_informed: child ? (body.coordinatorInformed ?? false) : false,
    may_contact: body.mayContact,
    may_inform: body.mayInform,
    note: (body.note ?? '').trim(),
  };
}

export async function insertRelative(
  trx: Tx,
  person: PersonRef,
  actor: RequestActor,
  id: string,
  body: RelativeBody,
  now: Date,
) {
  await trx
    .insertInto('relative')
    .values({
      tenant_id: person.organisationId,
      id,
      person_id: person.id,
      ...relativeColumns(body),
      recorded_by: actor.accountId,
      recorded_by_name: actor.displayName,
      recorded_at: now,
      changed_by: actor.accountId,
      changed_by_name: actor.displayName,
      changed_at: now,
    })
    .execute();
}

/** Replaces what is recorded; false when the person has no such relative (or it was removed). */
export async function updateRelative(
  trx: Tx,
  person: PersonRef,
  actor: RequestActor,
  id: string,
  body: RelativeBody | null,
  now: Date,
): Promise<boolean> {
  const change = { changed_by: actor.accountId, changed_by_name: actor.displayName, changed_at: now };
  const result = await trx
    .updateTable('relative')
    .set(body ? { ...relativeColumns(body), ...change } : { ...change, removed_at: now })
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** What the discharge checklist asks of the list: how many children and relatives, and minors with gaps. */
export async function relativesForDischarge(trx: Tx, person: PersonRef, today: Date) {
  const all = await relativesOf(trx, person, today);
  return {
    children: all.filter((r) => r.kind === 'child').length,
    relatives: all.filter((r) => r.kind === 'relative').length,
    minorChildrenWithGaps: all.filter((r) => r.minor && r.gaps.length > 0).length,
  };
}

/** Whose record a relative on the list is in, if row-level security lets the caller see the row (else undefined). */
export async function relativeOwner(trx: Tx, id: string) {
  return trx
    .selectFrom('relative')
    .select(['tenant_id', 'person_id'])
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}
