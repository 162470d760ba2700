import type { Kysely } from 'kysely';
import type { RequestActor } from '../auth/actor.ts';
import type { DB } from '../db/schema.ts';

/**
 * Demo logins as the request actors the repositories take, so the demo writes through the same code as
 * the routes (only the session is made up: demo data is not written over HTTP).
 */
export async function demoActors<U extends string>(o: Kysely<DB>, usernames: readonly U[]) {
  const rows = await o
    .selectFrom('account')
    .select(['id', 'tenant_id', 'username', 'role', 'unit_id', 'display_name', 'person_id'])
    .where('username', 'in', usernames)
    .execute();
  return Object.fromEntries(
    usernames.map((username) => {
      const a = rows.find((r) => r.username === username);
      if (!a) throw new Error(`demo: no account ${username}`);
      const actor: RequestActor = {
        accountId: a.id,
        role: a.role as RequestActor['role'],
        organisationId: a.tenant_id,
        personId: a.person_id,
        displayName: a.display_name,
        sessionId: 'demo',
        unitId: a.unit_id,
        viaCookie: false,
      };
      return [username, actor];
    }),
  ) as Record<U, RequestActor>;
}
