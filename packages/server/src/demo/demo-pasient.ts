import { addDays, osloDate } from '@bedring/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { timeLimits } from '../pathway/time-limit.repository.ts';
import { DemoPathway, type DemoPerson, type DemoStaff, insertRows, PathwayRows } from './demo-pathway.ts';
import { openReferral } from './demo-steps.ts';
import { seededRandom } from './synthetic.ts';

/**
 * Per Pasient's pathway over several years (docs/domain/pathway.md, P-58: a long pathway, not a failure): an
 * outpatient episode three years ago that ended as planned; a LAR assessment last year that he dropped out
 * of; the re-engagement task that ended in a new round, with an inpatient stay, discharge and a handover to
 * `kommune`, whose first home visit started the municipal follow-up he is in now. The days fit his
 * ratings and care team in demo.ts (admitted ~200 days ago, home ~120 days ago, kommune since ~110).
 */
export async function addPasientPathway(
  o: Kysely<DB>,
  person: Omit<DemoPerson, 'rnd'>,
  unitId: string,
  now: Date,
) {
  const staff = await o
    .selectFrom('account')
    .select(['id', 'tenant_id', 'username', 'role', 'unit_id', 'display_name'])
    .where('username', 'in', ['behandler', 'kommune', 'kollega1'])
    .execute();
  const who = (username: string): DemoStaff => staff.find((s) => s.username === username)!;
  const behandler = who('behandler');
  const kommune = who('kommune');
  const earlier = who('kollega1');
  const today = osloDate(now);
  const ago = (days: number) => addDays(today, -days);
  const rows = new PathwayRows();
  const demo = new DemoPathway(rows, await timeLimits(o), now, today);
  const per: DemoPerson = { ...person, rnd: seededRandom(1990) };

  // 1. Three years ago: referred by his GP, outpatient treatment, a planned end.
  const first = openReferral(demo, per, { unitId, responsible: earlier }, ago(1150));
  first.assessReferral(ago(1144), 'treatment-without-right', null);
  first.record({ kind: 'waiting', date: ago(1144) });
  first.record({ kind: 'first-attendance', date: ago(1120), setting: 'outpatient' });
  first.assess(ago(1120), 'outpatient');
  first.record({ kind: 'clinical-decision', date: ago(1104) });
  first.record({ kind: 'evaluation', date: ago(1098), withPerson: true, feedbackToolUsed: true });
  first.record({ kind: 'evaluation', date: ago(1045), withPerson: true, feedbackToolUsed: true });
  first.record({ kind: 'evaluation', date: ago(990), withPerson: true, feedbackToolUsed: false });
  first.checklist(ago(960), 10, 'none');
  first.discharge(ago(955));
  first.record({ kind: 'ended', date: ago(870), outcome: 'planned', note: 'Klarer seg godt, avslutter.' });

  // 2. Last year: a relapse, a right to treatment, a LAR assessment he stopped coming to.
  const second = openReferral(demo, per, { unitId, responsible: behandler }, ago(340));
  second.assessReferral(ago(333), 'right-to-treatment', ago(288));
  second.record({ kind: 'waiting', date: ago(333) });
  second.record({ kind: 'first-attendance', date: ago(300), setting: 'lar' });
  second.assess(ago(300), 'lar-assessment');
  second.record({ kind: 'clinical-decision', date: ago(285) });
  second.record({ kind: 'evaluation', date: ago(279), withPerson: true, feedbackToolUsed: true });
  const reengage = second.dropOut(ago(236));

  // 3. behandler reached him: a new round, an inpatient stay, home with a handover to kommune.
  const third = second.readmit(reengage, ago(234));
  third.record({ kind: 'first-attendance', date: ago(200), setting: 'inpatient' });
  third.assess(ago(200), 'long-inpatient', 'under');
  third.record({ kind: 'clinical-decision', date: ago(195) });
  third.record({ kind: 'evaluation', date: ago(189), withPerson: true, feedbackToolUsed: true });
  third.record({ kind: 'evaluation', date: ago(150), withPerson: true, feedbackToolUsed: true });
  third.checklist(ago(128), 9, 'municipal');
  third.discharge(ago(121));
  const handover = third.handover(ago(112), kommune);
  third.complete(handover, ago(110), 'first-contact', kommune, 'Hjemmebesøk i den nye leiligheten.');

  demo.finish();
  await insertRows(o, rows);
}
