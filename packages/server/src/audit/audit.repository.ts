import {
  type AuditFacts,
  auditHash,
  type ChainHead,
  GENESIS_HASH,
  type SealedAuditEvent,
  verifyChain,
} from '@bedring/domain';
import { type Kysely, sql } from 'kysely';
import type { RequestActor } from '../auth/actor.ts';
import { jsonLiteral } from '../db/json-rows.ts';
import type { DB } from '../db/schema.ts';
import { type Tx, writeAtCommit } from '../db/transaction.ts';

export type AuditAction =
  | 'read'
  | 'search'
  | 'create'
  | 'update'
  | 'login'
  | 'logout'
  | 'break-glass'
  | 'escalate';

/** Who wrote an audit event: a signed-in account, or the system itself (a timer job: no account). */
export type AuditActor =
  | Pick<RequestActor, 'accountId' | 'organisationId' | 'role'>
  | { accountId: null; organisationId: null; role: 'system' };

/**
 * The server acting on its own, outside any request: the help escalation sweep (checkin/help-escalation.ts,
 * docs/decisions/0015-help-requests.md). Its events name no account; the access logs show them as Bedring's.
 */
export const SYSTEM_ACTOR: AuditActor = { accountId: null, organisationId: null, role: 'system' };

export interface AuditEntry {
  action: AuditAction;
  /** The organisation holding the record; the event is kept with the record so the person sees it. */
  tenantId: string;
  personId: string | null;
  resourceType: string;
  resourceId: string | null;
  purpose?: string | null;
  breakGlassReason?: string | null;
}

/**
 * Writes the audit event in the caller's transaction: no read or write of personal data without one.
 * Inside a request's transaction the insert travels with COMMIT (one round trip fewer per request);
 * it is still part of the transaction, so a failed request leaves neither data nor audit event.
 */
export async function recordAudit(
  trx: Tx,
  actor: Pick<RequestActor, 'accountId' | 'organisationId' | 'role'>,
  e: AuditEntry,
  at: Date,
) {
  await recordAudits(trx, actor, [e], at);
}

/** Several audit events (a list that shows several persons) as one insert. */
export async function recordAudits(trx: Tx, actor: AuditActor, entries: readonly AuditEntry[], at: Date) {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    tenant_id: e.tenantId,
    at,
    actor_account_id: actor.accountId,
    actor_organisation_id: actor.organisationId,
    actor_role: actor.role,
    action: e.action,
    person_id: e.personId,
    resource_type: e.resourceType,
    resource_id: e.resourceId,
    purpose: e.purpose ?? null,
    break_glass_reason: e.breakGlassReason ?? null,
  }));
  // audit_write: migrations/0008_writes_with_commit.sql.
  await writeAtCommit(trx, `select audit_write(${jsonLiteral(rows)})`);
}

export interface AccessLogEntry {
  id: string;
  at: Date;
  action: string;
  resourceType: string;
  actorName: string | null;
  actorRole: string;
  organisationName: string | null;
  purpose: string | null;
  breakGlassReason: string | null;
}

/** Who has looked at or changed this person's record, newest first (Normen; the person's right to know). */
export async function accessLog(
  trx: Tx,
  tenantId: string,
  personId: string,
  limit = 200,
): Promise<AccessLogEntry[]> {
  const rows = await trx
    .selectFrom('audit_event as e')
    .leftJoin('staff_directory as s', 's.id', 'e.actor_account_id')
    .leftJoin('organisation as o', 'o.id', 'e.actor_organisation_id')
    .select([
      'e.id',
      'e.at',
      'e.action',
      'e.resource_type',
      'e.actor_role',
      'e.purpose',
      'e.break_glass_reason',
      's.display_name',
      'o.name as organisation_name',
    ])
    .where('e.tenant_id', '=', tenantId)
    .where('e.person_id', '=', personId)
    .orderBy('e.at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    resourceType: r.resource_type,
    actorName: r.actor_role === 'patient' ? null : r.display_name,
    actorRole: r.actor_role,
    organisationName: r.organisation_name,
    purpose: r.purpose,
    breakGlassReason: r.break_glass_reason,
  }));
}

type AuditRow = {
  id: string;
  tenant_id: string;
  at: Date;
  actor_account_id: string | null;
  actor_organisation_id: string | null;
  actor_role: string;
  action: string;
  person_id: string | null;
  resource_type: string;
  resource_id: string | null;
  purpose: string | null;
  break_glass_reason: string | null;
};

function facts(r: AuditRow): AuditFacts {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    at: r.at,
    actorAccountId: r.actor_account_id,
    actorOrganisationId: r.actor_organisation_id,
    actorRole: r.actor_role,
    action: r.action,
    personId: r.person_id,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    purpose: r.purpose,
    breakGlassReason: r.break_glass_reason,
  };
}

const FACT_COLUMNS = [
  'id',
  'tenant_id',
  'at',
  'actor_account_id',
  'actor_organisation_id',
  'actor_role',
  'action',
  'person_id',
  'resource_type',
  'resource_id',
  'purpose',
  'break_glass_reason',
] as const;

/**
 * Links committed, unsealed events into each tenant's hash chain, in the order they are found.
 * Runs as the owner (the application role cannot update audit rows), under a lock so one sealer runs.
 */
export async function sealAudit(owner: Kysely<DB>, batch = 5000): Promise<number> {
  return (await sealAuditHeads(owner, batch)).sealed;
}

/** A tenant's chain head: what audit-anchor.ts keeps outside the database. */
export interface TenantHead extends ChainHead {
  tenantId: string;
}

/** As sealAudit, and the new head of every chain it extended (committed when this resolves). */
export async function sealAuditHeads(
  owner: Kysely<DB>,
  batch = 5000,
): Promise<{ sealed: number; heads: TenantHead[] }> {
  return owner.transaction().execute(async (trx) => {
    const heads: TenantHead[] = [];
    const locked = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(7319002) as ok`.execute(trx);
    if (!locked.rows[0]?.ok) return { sealed: 0, heads };
    const tenants = await trx
      .selectFrom('audit_event')
      .select('tenant_id')
      .distinct()
      .where('chain_position', 'is', null)
      .execute();
    let sealed = 0;
    for (const { tenant_id } of tenants) {
      const head = await trx
        .selectFrom('audit_event')
        .select(['chain_position', 'hash'])
        .where('tenant_id', '=', tenant_id)
        .where('chain_position', 'is not', null)
        .orderBy('chain_position', 'desc')
        .limit(1)
        .executeTakeFirst();
      let position = head ? Number(head.chain_position) : 0;
      let previous = head?.hash ?? GENESIS_HASH;
      const rows = await trx
        .selectFrom('audit_event')
        .select(FACT_COLUMNS)
        .where('tenant_id', '=', tenant_id)
        .where('chain_position', 'is', null)
        .orderBy('seq')
        .limit(batch)
        .execute();
      const ids: string[] = [];
      const positions: number[] = [];
      const previousHashes: string[] = [];
      const hashes: string[] = [];
      for (const r of rows) {
        position += 1;
        const hash = auditHash(facts(r), position, previous);
        ids.push(r.id);
        positions.push(position);
        previousHashes.push(previous);
        hashes.push(hash);
        previous = hash;
      }
      if (ids.length > 0) {
        await sql`update audit_event a set chain_position = v.pos, previous_hash = v.prev, hash = v.hash
          from unnest(${ids}::uuid[], ${positions}::bigint[], ${previousHashes}::text[], ${hashes}::text[]) as v(id, pos, prev, hash)
          where a.tenant_id = ${tenant_id} and a.id = v.id`.execute(trx);
      }
      sealed += ids.length;
      if (ids.length > 0) heads.push({ tenantId: tenant_id, position, hash: previous });
    }
    return { sealed, heads };
  });
}

export interface AuditVerification {
  tenantId: string;
  checked: number;
  ok: boolean;
  /** The last event that verified (position 0 and GENESIS_HASH when none did). */
  head: ChainHead;
  brokenAt?: number;
  eventId?: string;
  problem?: string;
}

/** Re-computes every tenant's chain and reports the first broken link of each. */
export async function verifyAudit(owner: Kysely<DB>, page = 10_000): Promise<AuditVerification[]> {
  const tenants = await owner.selectFrom('audit_event').select('tenant_id').distinct().execute();
  const results: AuditVerification[] = [];
  for (const { tenant_id } of tenants) {
    let head: ChainHead = { position: 0, hash: GENESIS_HASH };
    let checked = 0;
    let failure: AuditVerification | null = null;
    for (;;) {
      const rows = await owner
        .selectFrom('audit_event')
        .select([...FACT_COLUMNS, 'chain_position', 'previous_hash', 'hash'])
        .where('tenant_id', '=', tenant_id)
        .where('chain_position', '>', String(head.position))
        .orderBy('chain_position')
        .limit(page)
        .execute();
      if (rows.length === 0) break;
      const events: SealedAuditEvent[] = rows.map((r) => ({
        ...facts(r),
        chainPosition: Number(r.chain_position),
        previousHash: r.previous_hash ?? '',
        hash: r.hash ?? '',
      }));
      const check = verifyChain(events, head);
      checked += check.checked;
      if (!check.ok) {
        const lastGood = events[check.checked - 1];
        failure = {
          tenantId: tenant_id,
          ok: false,
          checked,
          head: lastGood ? { position: lastGood.chainPosition, hash: lastGood.hash } : head,
          brokenAt: check.brokenAt,
          eventId: check.eventId,
          problem: check.problem,
        };
        break;
      }
      const last = events[events.length - 1]!;
      head = { position: last.chainPosition, hash: last.hash };
    }
    results.push(failure ?? { tenantId: tenant_id, checked, ok: true, head });
  }
  return results;
}
