import { passwordProblem, type Role, Roles, requiresTotp } from '@bedring/domain';
import { hashPassword } from '../auth/password.ts';
import { newTotpSecret, totpUri } from '../auth/totp.ts';
import type { Database } from '../db/database.ts';
import { CommandInputError } from './organisation.commands.ts';

/** Operators' account commands. They run as the database owner, outside any request. */

async function readPassword(): Promise<string> {
  if (process.env.BEDRING_PASSWORD) return process.env.BEDRING_PASSWORD;
  if (process.stdin.isTTY) process.stdout.write('New password: ');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split('\n')[0]!.trim();
}

async function checkedHash(): Promise<string> {
  const password = await readPassword();
  const problem = passwordProblem(password);
  if (problem) throw new Error(`password rejected: ${problem} (at least 10 characters)`);
  return hashPassword(password);
}

export async function addUser(
  db: Database,
  username: string,
  opts: { role?: string; name?: string; organisation?: string; person?: string; unit?: string },
) {
  if (!/^[a-zA-Z0-9._-]{2,100}$/.test(username))
    throw new Error('username: 2–100 letters, digits, dot, dash or underscore');
  const role = opts.role as Role;
  if (!Roles.includes(role)) throw new Error(`--role must be one of ${Roles.join(', ')}`);
  if (!opts.name) throw new Error('--name is required');
  const org = opts.organisation
    ? await db.owner
        .selectFrom('organisation')
        .select('id')
        .where('id', '=', opts.organisation)
        .executeTakeFirst()
    : undefined;
  if (!org) {
    const orgs = await db.owner.selectFrom('organisation').select(['id', 'name']).execute();
    throw new Error(
      `--organisation must be one of:\n${orgs.map((o) => `  ${o.id}  ${o.name}`).join('\n') || '  (none yet: create one with `bedring organisation add`)'}`,
    );
  }
  if ((role === 'patient') !== Boolean(opts.person))
    throw new Error('--person is required for patients, and only for them');
  const passwordHash = await checkedHash();
  const totpSecret = requiresTotp(role) ? newTotpSecret() : null;
  await db.owner
    .insertInto('account')
    .values({
      tenant_id: org.id,
      username,
      display_name: opts.name,
      role,
      unit_id: opts.unit ?? null,
      person_id: opts.person ?? null,
      password_hash: passwordHash,
      totp_secret: totpSecret,
    })
    .execute();
  console.log(`Account ${username} (${role}) created.`);
  if (totpSecret)
    console.log(
      `Two-factor is required. Add this to an authenticator app:\n  ${totpUri(totpSecret, username)}`,
    );
}

export async function setPassword(db: Database, username: string) {
  const passwordHash = await checkedHash();
  const r = await db.owner
    .updateTable('account')
    .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null })
    .where((w) => w(w.fn('lower', ['username']), '=', username.toLowerCase()))
    .returning(['tenant_id', 'id'])
    .executeTakeFirst();
  if (!r) throw new Error(`no account named ${username}`);
  // A new password ends every session that the old one opened.
  await db.owner
    .updateTable('session')
    .set({ revoked_at: new Date() })
    .where('tenant_id', '=', r.tenant_id)
    .where('account_id', '=', r.id)
    .where('revoked_at', 'is', null)
    .execute();
  console.log(`Password for ${username} changed; existing sessions ended.`);
}

export async function disableUser(db: Database, username: string) {
  const now = new Date();
  const r = await db.owner
    .updateTable('account')
    .set({ disabled_at: now })
    .where((w) => w(w.fn('lower', ['username']), '=', username.toLowerCase()))
    .returning(['tenant_id', 'id'])
    .executeTakeFirst();
  if (!r) throw new Error(`no account named ${username}`);
  await db.owner
    .updateTable('session')
    .set({ revoked_at: now })
    .where('tenant_id', '=', r.tenant_id)
    .where('account_id', '=', r.id)
    .where('revoked_at', 'is', null)
    .execute();
  console.log(`Account ${username} disabled; its sessions ended.`);
}

/**
 * Who may be a duty contact (docs/decisions/0015-help-requests.md): staff who can act on help nobody took
 * — the municipality's duty phone or worker, a leader, a clinician. Not the person, a peer worker (who
 * has no record access to follow it up) or an administrator (who runs the system, not the care).
 */
export const DUTY_CONTACT_ROLES: readonly Role[] = ['municipal', 'leader', 'clinician'];

/** Flags or unflags an account as its organisation's duty contact: told when a help request is not taken in time. */
export async function setDutyContact(db: Database, username: string, on: boolean) {
  const a = await db.owner
    .selectFrom('account')
    .select(['id', 'role', 'disabled_at'])
    .where((w) => w(w.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  if (!a) throw new CommandInputError(`no account named ${username}`);
  if (on && !DUTY_CONTACT_ROLES.includes(a.role as Role))
    throw new CommandInputError(
      `${username} is ${a.role === 'admin' ? 'an' : 'a'} ${a.role}; a duty contact must be one of ${DUTY_CONTACT_ROLES.join(', ')}`,
    );
  if (on && a.disabled_at)
    throw new CommandInputError(`${username} is disabled; a duty contact must be able to log in`);
  await db.owner.updateTable('account').set({ duty_contact: on }).where('id', '=', a.id).execute();
  console.log(
    on
      ? `${username} is now a duty contact: told when a help request of a person their organisation follows is not taken in time.`
      : `${username} is no longer a duty contact.`,
  );
}
