import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { OrganisationTable, UnitTable } from '../db/schema.ts';

/**
 * Operators' organisation and unit commands: the first organisation, unit and administrator of a
 * database without the demo (docs/operator-guide.md "First run without the demo"). They run as the
 * database owner, outside any request; an organisation is its own tenant (tenant_id = id,
 * migrations/0001_foundation.sql).
 */

export const ORGANISATION_KINDS: readonly OrganisationTable['kind'][] = ['tsb', 'municipality'];
export const UNIT_KINDS: readonly UnitTable['kind'][] = [
  'inpatient',
  'outpatient',
  'follow-up',
  'administration',
];

/** A mistake in what the operator typed: exit code 2, like other usage errors. */
export class CommandInputError extends Error {}

function checkedName(name: string | undefined, what: string): string {
  const trimmed = (name ?? '').trim();
  if (trimmed.length < 2 || trimmed.length > 200)
    throw new CommandInputError(`the ${what} name is required (2–200 characters)`);
  return trimmed;
}

export async function addOrganisation(db: Database, name: string | undefined, opts: { kind?: string }) {
  const checked = checkedName(name, 'organisation');
  const kind = opts.kind as OrganisationTable['kind'];
  if (!ORGANISATION_KINDS.includes(kind))
    throw new CommandInputError(`--kind must be one of ${ORGANISATION_KINDS.join(', ')}`);
  const id = randomUUID();
  await db.owner.transaction().execute(async (trx) => {
    // The table has no unique name (two organisations may not share one, but the schema does not say
    // so): the lock makes the check and the insert one step when two operators run this at once.
    await sql`lock table organisation in share row exclusive mode`.execute(trx);
    const same = await trx
      .selectFrom('organisation')
      .select('id')
      .where((w) => w(w.fn('lower', ['name']), '=', checked.toLowerCase()))
      .executeTakeFirst();
    if (same) throw new Error(`an organisation named "${checked}" already exists (${same.id})`);
    await trx.insertInto('organisation').values({ tenant_id: id, id, name: checked, kind }).execute();
  });
  console.log(`Organisation "${checked}" (${kind}) created: ${id}`);
}

export async function listOrganisations(db: Database) {
  const rows = await db.owner
    .selectFrom('organisation')
    .select(['id', 'kind', 'name'])
    .orderBy('name')
    .execute();
  if (rows.length === 0) console.log('No organisations yet: add one with `bedring organisation add`.');
  for (const r of rows) console.log(`${r.id}  ${r.kind.padEnd(12)}  ${r.name}`);
}

export async function addUnit(
  db: Database,
  name: string | undefined,
  opts: { organisation?: string; kind?: string },
) {
  const checked = checkedName(name, 'unit');
  const kind = opts.kind as UnitTable['kind'];
  if (!UNIT_KINDS.includes(kind))
    throw new CommandInputError(`--kind must be one of ${UNIT_KINDS.join(', ')}`);
  const organisation = await findOrganisation(db, opts.organisation);
  const id = randomUUID();
  await db.owner.transaction().execute(async (trx) => {
    await sql`lock table unit in share row exclusive mode`.execute(trx);
    const same = await trx
      .selectFrom('unit')
      .select('id')
      .where('tenant_id', '=', organisation.id)
      .where((w) => w(w.fn('lower', ['name']), '=', checked.toLowerCase()))
      .executeTakeFirst();
    if (same) throw new Error(`${organisation.name} already has a unit named "${checked}" (${same.id})`);
    await trx.insertInto('unit').values({ tenant_id: organisation.id, id, name: checked, kind }).execute();
  });
  console.log(`Unit "${checked}" (${kind}) created in ${organisation.name}: ${id}`);
}

export async function listUnits(db: Database, opts: { organisation?: string }) {
  const organisation = opts.organisation ? await findOrganisation(db, opts.organisation) : null;
  let q = db.owner
    .selectFrom('unit as u')
    .innerJoin('organisation as o', 'o.id', 'u.tenant_id')
    .select(['u.id', 'u.kind', 'u.name', 'o.name as organisation_name'])
    .orderBy('o.name')
    .orderBy('u.name');
  if (organisation) q = q.where('u.tenant_id', '=', organisation.id);
  const rows = await q.execute();
  if (rows.length === 0) console.log('No units yet: add one with `bedring unit add`.');
  for (const r of rows) console.log(`${r.id}  ${r.kind.padEnd(14)}  ${r.name}  (${r.organisation_name})`);
}

async function findOrganisation(db: Database, id: string | undefined) {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const org =
    id && uuid.test(id)
      ? await db.owner
          .selectFrom('organisation')
          .select(['id', 'name'])
          .where('id', '=', id)
          .executeTakeFirst()
      : undefined;
  if (org) return org;
  const orgs = await db.owner.selectFrom('organisation').select(['id', 'name']).orderBy('name').execute();
  throw new CommandInputError(
    `--organisation must be one of:\n${orgs.map((o) => `  ${o.id}  ${o.name}`).join('\n') || '  (none yet: add one with `bedring organisation add`)'}`,
  );
}
