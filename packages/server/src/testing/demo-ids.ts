import type { Database } from '../db/database.ts';
import { KOMMUNE, TSB } from '../demo/demo-accounts.ts';

/** Ids tests need from the demo: the demo patient, and persons inside and outside each caseload. */
export async function demoIds(db: Database) {
  const o = db.owner;
  const account = async (username: string) =>
    (await o.selectFrom('account').select('id').where('username', '=', username).executeTakeFirstOrThrow())
      .id;
  const pasient = (
    await o
      .selectFrom('account')
      .select('person_id')
      .where('username', '=', 'pasient')
      .executeTakeFirstOrThrow()
  ).person_id!;
  const behandler = await account('behandler');
  const kommune = await account('kommune');
  // A TSB person with no relation to any demo login: outside everyone's reach.
  const stranger = await o
    .selectFrom('person as p')
    .select('p.id')
    .where('p.tenant_id', '=', TSB)
    .where((w) =>
      w.not(
        w.exists(
          w
            .selectFrom('care_relation as r')
            .innerJoin('account as a', 'a.id', 'r.account_id')
            .select('r.id')
            .whereRef('r.person_id', '=', 'p.id')
            .where('a.username', 'in', ['behandler', 'kommune', 'miljo', 'leder', 'likeperson']),
        ),
      ),
    )
    .where((w) =>
      w.not(w.exists(w.selectFrom('consent as c').select('c.id').whereRef('c.person_id', '=', 'p.id'))),
    )
    .limit(1)
    .executeTakeFirstOrThrow();
  const municipalOnly = await o
    .selectFrom('person')
    .select('id')
    .where('tenant_id', '=', KOMMUNE)
    .limit(1)
    .executeTakeFirstOrThrow();
  return { pasient, behandler, kommune, stranger: stranger.id, municipalOnly: municipalOnly.id };
}
