import { randomUUID } from 'node:crypto';
import { osloDate } from '@bedring/domain';
import type { Database } from '../db/database.ts';
import { demoActors } from './demo-actors.ts';

const DAY = 86_400_000;

/**
 * Per Pasient's "Jeg trenger hjelp nå" five days ago, in the evening, taken ("Jeg tar den") by his municipal
 * worker Kim Kommune seven minutes later (docs/decisions/0015-help-requests.md): stored as the help route
 * stores it, so his Min side shows who took it and when, and the care team's history has it. Taken in time,
 * so never escalated.
 */
export async function addPasientHelp(db: Database, now: Date) {
  const o = db.owner;
  const { kommune, pasient: per } = await demoActors(o, ['kommune', 'pasient'] as const);
  const day = osloDate(new Date(now.getTime() - 5 * DAY));
  const madeAt = new Date(`${day}T20:40:00Z`);
  const id = randomUUID();
  const finding = {
    kind: 'help-requested',
    key: id,
    checkinId: null,
    explanation: { key: 'signal.helpRequested', params: { at: madeAt.toISOString(), day } },
  };
  await o
    .insertInto('signal')
    .values((eb) => ({
      tenant_id: per.organisationId,
      person_id: per.personId!,
      kind: 'help-requested',
      key: id,
      finding: JSON.stringify(finding),
      unit_id: eb
        .selectFrom('episode')
        .select('unit_id')
        .where('tenant_id', '=', per.organisationId)
        .where('person_id', '=', per.personId!)
        .where('state', '<>', 'ended')
        .orderBy('opened_on', 'desc')
        .limit(1),
      raised_at: madeAt,
      acknowledged_at: new Date(madeAt.getTime() + 7 * 60_000),
      acknowledged_by: kommune.accountId,
      acknowledged_by_name: kommune.displayName,
      note: '',
    }))
    .execute();
}
