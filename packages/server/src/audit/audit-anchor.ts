import { appendFile, readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type AuditVerification, sealAuditHeads, type TenantHead } from './audit.repository.ts';

/**
 * Anchors for the audit chain's tail (docs/operator-guide.md "Audit"). The hash chain shows any change
 * to a sealed event and any event removed from the middle, but its head lives in the same database:
 * someone who can delete rows can delete the newest events and leave a shorter chain that verifies.
 * A head written down elsewhere — in an append-only file the server writes at each seal, or given to
 * `bedring audit verify --expect-head` — shows that: the chain must still contain that position with
 * that hash. A line holds the organisation's id, a position and a hash: no personal data.
 */

/** Seals pending events and appends each new head to the anchor file, when there is one. */
export async function sealAndAnchor(owner: Kysely<DB>, anchorFile: string | null): Promise<number> {
  const { sealed, heads } = await sealAuditHeads(owner);
  // After the commit: a head in the file that the database never committed would read as tampering.
  if (anchorFile && heads.length > 0) await appendAnchors(anchorFile, heads, new Date());
  return sealed;
}

export async function appendAnchors(file: string, heads: readonly TenantHead[], at: Date) {
  const lines = heads
    .map(
      (h) =>
        `${JSON.stringify({ at: at.toISOString(), tenant: h.tenantId, position: h.position, hash: h.hash })}\n`,
    )
    .join('');
  // One append (O_APPEND) per seal, so lines from two processes never interleave.
  await appendFile(file, lines, { flag: 'a', mode: 0o640 });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HASH = /^[0-9a-f]{64}$/;

function checkedHead(tenant: unknown, position: unknown, hash: unknown): TenantHead | null {
  if (typeof tenant !== 'string' || !UUID.test(tenant)) return null;
  if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 1) return null;
  if (typeof hash !== 'string' || !HASH.test(hash)) return null;
  return { tenantId: tenant.toLowerCase(), position, hash };
}

/** `<tenant>:<position>:<hash>`, as `bedring audit verify` prints a head. */
export function parseExpectedHead(text: string): TenantHead {
  const [tenant, position, hash, ...more] = text.trim().split(':');
  const head =
    more.length === 0 && position !== undefined && /^\d+$/.test(position)
      ? checkedHead(tenant, Number(position), hash)
      : null;
  if (!head)
    throw new AnchorError(`--expect-head must be <organisation-id>:<position>:<hash>, got "${text}"`);
  return head;
}

/** The newest head per organisation in an anchor file (the highest position: files may be merged). */
export async function readAnchorFile(file: string): Promise<TenantHead[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new AnchorError(`cannot read the anchor file ${file}: ${(err as Error).message}`);
  }
  const newest = new Map<string, TenantHead>();
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let head: TenantHead | null = null;
    try {
      const o = JSON.parse(line) as { tenant?: unknown; position?: unknown; hash?: unknown };
      head = checkedHead(o.tenant, o.position, o.hash);
    } catch {
      head = null;
    }
    // The last line may be cut short by a crash while writing; any other bad line is not ours.
    if (!head) {
      if (i === lines.length - 1) continue;
      throw new AnchorError(`the anchor file ${file} has a line that is not an anchor (line ${i + 1})`);
    }
    const known = newest.get(head.tenantId);
    if (!known || head.position > known.position) newest.set(head.tenantId, head);
  }
  return [...newest.values()];
}

/**
 * Problems with the chains against the anchors, one message each; none when every anchored head is
 * still in its chain. Run it after verifyAudit: a chain that verifies up to the anchored position
 * and has the anchored hash there has lost nothing up to that point.
 */
export async function checkAnchors(
  owner: Kysely<DB>,
  results: readonly AuditVerification[],
  anchors: readonly TenantHead[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const a of anchors) {
    const r = results.find((x) => x.tenantId === a.tenantId);
    const at = `tenant ${a.tenantId}: anchored head at chain position ${a.position}`;
    if (!r) {
      problems.push(`${at}, but there are no audit events at all: the chain was deleted`);
      continue;
    }
    if (r.ok && r.head.position < a.position) {
      problems.push(
        `${at}, but the chain ends at position ${r.head.position}: ${a.position - r.head.position} events or more were deleted from its end`,
      );
      continue;
    }
    const event = await owner
      .selectFrom('audit_event')
      .select('hash')
      .where('tenant_id', '=', a.tenantId)
      .where('chain_position', '=', String(a.position))
      .executeTakeFirst();
    if (!event) problems.push(`${at}, but there is no event at that position: events were deleted`);
    else if (event.hash !== a.hash)
      problems.push(
        `${at} has hash ${a.hash}, the chain has ${event.hash}: the chain was rewritten or events were deleted and replaced`,
      );
  }
  return problems;
}

/** A bad `--expect-head` or anchor file: the check could not be made. */
export class AnchorError extends Error {}
