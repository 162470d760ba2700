import { say } from '@bedring/contract';
import {
  type AccessDecision,
  type CareRelation,
  decideAccess,
  type PersonRef,
  type Role,
  StaffRoles,
} from '@bedring/domain';
import type { AliasedExpression, CompiledQuery, ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { RequestActor } from '../auth/actor.ts';
import { compileOnce } from '../db/compile-once.ts';
import type { DB } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { recordUseOf } from './record-use.ts';

/**
 * The roles that can have need to know for a person's record: staff through a care relation, consent or
 * break-glass, and the person for their own (domain access.rules.ts; an administrator never has it). The
 * declared access of a route whose work is on one person's record (declared-access.ts).
 */
export const RecordRoles: readonly Role[] = [...StaffRoles, 'patient'];

export interface PersonAccess {
  person: PersonRef;
  decision: Extract<AccessDecision, { allowed: true }>;
}

/** What the access rule reads of one person: the row's key, and this actor's relations, consents and break-glass. */
function accessColumns(eb: PersonExpressions, accountId: string, organisationId: string, now: Date) {
  return [
    eb.ref('p.tenant_id').as('tenant_id'),
    eb.ref('p.id').as('id'),
    jsonArrayFrom(
      eb
        .selectFrom('care_relation as r')
        .select(['r.kind', 'r.organisation_id', 'r.from_at', 'r.to_at'])
        .whereRef('r.tenant_id', '=', 'p.tenant_id')
        .whereRef('r.person_id', '=', 'p.id')
        .where('r.account_id', '=', accountId),
    ).as('relations'),
    jsonArrayFrom(
      eb
        .selectFrom('consent as c')
        .select(['c.purpose', 'c.expires_at', 'c.revoked_at'])
        .whereRef('c.tenant_id', '=', 'p.tenant_id')
        .whereRef('c.person_id', '=', 'p.id')
        .where('c.grantee_organisation_id', '=', organisationId),
    ).as('consents'),
    jsonArrayFrom(
      eb
        .selectFrom('break_glass as b')
        .select(['b.reason', 'b.expires_at'])
        .whereRef('b.tenant_id', '=', 'p.tenant_id')
        .whereRef('b.person_id', '=', 'p.id')
        .where('b.account_id', '=', accountId)
        .where('b.expires_at', '>', now),
    ).as('breakGlass'),
  ] as const;
}

/** Expressions on the person row (`person as p`), for columns read with the access check. */
export type PersonExpressions = ExpressionBuilder<DB & { p: DB['person'] }, 'p'>;

interface AccessRow {
  tenant_id: string;
  id: string;
  relations: { kind: string; organisation_id: string; from_at: Date | string; to_at: Date | string | null }[];
  consents: { purpose: string; expires_at: Date | string | null; revoked_at: Date | string | null }[];
  breakGlass: { reason: string; expires_at: Date | string }[];
}

/**
 * The access check's statement with more columns of the person (`more`, with its own arguments), compiled
 * once: it runs on every request, and a request's first read can travel in it instead of costing a round
 * trip of its own.
 */
function accessQueryWith<A extends unknown[]>(
  more: (eb: PersonExpressions, ...args: A) => readonly AliasedExpression<unknown, string>[],
) {
  return compileOnce(
    (trx: Tx, accountId: string, organisationId: string, now: Date, personId: string, ...args: A) =>
      trx
        .selectFrom('person as p')
        .select((eb) => [...accessColumns(eb, accountId, organisationId, now), ...more(eb, ...args)])
        .where('p.id', '=', personId),
  );
}

const accessQuery = accessQueryWith(() => []);

/** More of a person to read in the access check's statement (see readWithAccess). */
export interface AlsoRead<M> {
  query(trx: Tx, actor: RequestActor, now: Date, personId: string): CompiledQuery<unknown>;
  /** Only to carry M: what the columns read. */
  readonly columns?: M;
}

/**
 * Columns of the person row, with their arguments, to read in the access check's statement: one round
 * trip for both. The database reads them before the rule decides; they are handed on only when access is
 * granted, and row-level security applies to them as to every read. M is what the columns read.
 */
export function readWithAccess<M, A extends unknown[]>(
  columns: (eb: PersonExpressions, ...args: A) => readonly AliasedExpression<unknown, string>[],
): (...args: A) => AlsoRead<M> {
  const query = accessQueryWith(columns);
  return (...args) => ({
    query: (trx, actor, now, personId) =>
      query(trx, actor.accountId, actor.organisationId, now, personId, ...args),
  });
}

/**
 * The one gate to a person's record: loads what the domain rule needs — in one query, since it runs
 * on every request — and asks it. A person the actor's organisation cannot see at all (row-level
 * security) is 404; a person it can see but the actor has no need to know about is 403. With `also`, the
 * same statement reads more of the person, which comes back as `also`.
 */
export async function requirePersonAccess<M = undefined>(
  trx: Tx,
  actor: RequestActor,
  personId: string,
  now: Date,
  also?: AlsoRead<M>,
): Promise<PersonAccess & { also: M }> {
  const compiled = also
    ? also.query(trx, actor, now, personId)
    : accessQuery(trx, actor.accountId, actor.organisationId, now, personId);
  const row = (await trx.executeQuery(compiled)).rows[0] as AccessRow | undefined;
  if (!row) throw notFound();
  const person: PersonRef = { id: row.id, organisationId: row.tenant_id };
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  const decision = decideAccess({
    actor,
    person,
    now,
    use: recordUseOf(actor),
    relations: row.relations.map((r) => ({
      kind: r.kind as CareRelation['kind'],
      accountId: actor.accountId,
      organisationId: r.organisation_id,
      personId: person.id,
      from: new Date(r.from_at),
      to: date(r.to_at),
    })),
    consents: row.consents.map((c) => ({
      personId: person.id,
      granteeOrganisationId: actor.organisationId,
      purpose: c.purpose,
      expiresAt: date(c.expires_at),
      revokedAt: date(c.revoked_at),
    })),
    breakGlass: row.breakGlass.map((b) => ({
      accountId: actor.accountId,
      personId: person.id,
      reason: b.reason,
      expiresAt: new Date(b.expires_at),
    })),
  });
  if (!decision.allowed && decision.reason === 'break-glass-does-not-allow-this') throw breakGlassLimited();
  if (!decision.allowed) throw forbidden('no_need_to_know', say('errors.noNeedToKnow'));
  return { person, decision, also: (also ? row : undefined) as M };
}

/** The answer to a change that break-glass alone does not allow (docs/user-guide.md, "No access?"). */
export const breakGlassLimited = () => forbidden('break_glass_limited', say('errors.breakGlassOnlyAcute'));

/** Whether the actor has ever broken the glass for this person, expired or not. */
export async function brokeGlassFor(trx: Tx, actor: RequestActor, personId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('break_glass')
    .select('id')
    .where('tenant_id', '=', actor.organisationId)
    .where('person_id', '=', personId)
    .where('account_id', '=', actor.accountId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Who may read a person's access log: the person themself, or a leader of the holding organisation. */
export async function personForAccessLog(
  trx: Tx,
  actor: RequestActor,
  personId: string,
  now: Date,
): Promise<PersonRef> {
  if (actor.role === 'patient') return (await requirePersonAccess(trx, actor, personId, now)).person;
  if (actor.role !== 'leader') throw forbidden();
  const row = await trx
    .selectFrom('person')
    .select(['tenant_id', 'id'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!row || row.tenant_id !== actor.organisationId) throw notFound();
  return { id: row.id, organisationId: row.tenant_id };
}
