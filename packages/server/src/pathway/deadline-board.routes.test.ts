import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { UNITS } from '../demo/demo.ts';
import { accountId, expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { assessReferral, type Ref, registerReferral } from './pathway.fixtures.ts';

/**
 * The deadline board ("frister"). Today is Sunday 2026-11-22; a referral's assessment is due ten working
 * days after it came: received 5 November → due 19 November (overdue), 11 November → 25 November (due
 * within three days), 20 November → 4 December (open).
 */
let t: TestApp;
let clinician: Headers;
let leader: Headers;
let behandlerId: string;
let lederId: string;
let baseline: { leader: Counts; clinician: Counts };
let p: Record<'overdue' | 'dueSoon' | 'open' | 'leaders' | 'inpatient' | 'met', Ref>;

interface Counts {
  open: number;
  overdue: number;
  dueSoon: number;
}
interface Board {
  today: string;
  unitId: string | null;
  accountId: string | null;
  counts: Counts;
  deadlines: {
    kind: string;
    dueOn: string;
    status: string;
    episodeId: string;
    person: { id: string; givenName: string; familyName: string };
    responsible: { id: string; name: string } | null;
  }[];
}

const board = (headers: Headers, query = '') =>
  expectStatus<Board>(send(t, 'GET', `/api/deadlines?limit=200${query}`, headers), 200);
const persons = (b: Board) => b.deadlines.map((d) => d.person.id);

before(async () => {
  t = await testApp({ persons: 20 });
  clinician = await login(t, 'behandler');
  leader = await login(t, 'leder');
  behandlerId = await accountId(t, 'behandler');
  lederId = await accountId(t, 'leder');
  // Whatever the demo holds already: the tests count what they add.
  baseline = { leader: (await board(leader)).counts, clinician: (await board(clinician)).counts };
  p = {
    overdue: await registerReferral(t, clinician, { receivedOn: '2026-11-05' }),
    dueSoon: await registerReferral(t, clinician, { receivedOn: '2026-11-11' }),
    open: await registerReferral(t, clinician, { receivedOn: '2026-11-20' }),
    leaders: await registerReferral(t, leader, { receivedOn: '2026-11-05' }),
    inpatient: await registerReferral(t, clinician, { receivedOn: '2026-11-05', unitId: UNITS.inpatient }),
    met: await registerReferral(t, clinician, { receivedOn: '2026-11-05' }),
  };
  await expectStatus(
    assessReferral(t, clinician, p.met, { assessedOn: '2026-11-10', outcome: 'treatment-without-right' }),
    200,
  );
});
after(() => t.close());

describe('the deadline board', () => {
  it('shows the leader the open deadlines of their unit, most urgent first, with counts', async () => {
    const b = await board(leader);
    assert.equal(b.today, '2026-11-22');
    assert.equal(b.unitId, UNITS.outpatient);
    assert.equal(b.accountId, null);
    assert.deepEqual(b.counts, {
      open: baseline.leader.open + 4,
      overdue: baseline.leader.overdue + 2,
      dueSoon: baseline.leader.dueSoon + 1,
    });
    const shown = persons(b);
    for (const ref of [p.overdue, p.dueSoon, p.open, p.leaders]) assert.ok(shown.includes(ref.personId));
    assert.ok(!shown.includes(p.inpatient.personId), 'another unit');
    assert.ok(!shown.includes(p.met.personId), 'a met deadline is off the board');
    const mine = b.deadlines.filter((d) =>
      [p.overdue, p.dueSoon, p.open].some((r) => r.episodeId === d.episodeId),
    );
    assert.deepEqual(
      mine.map((d) => [d.person.id, d.kind, d.dueOn, d.status, d.responsible?.id]),
      [
        [p.overdue.personId, 'referral-assessment', '2026-11-19', 'overdue', behandlerId],
        [p.dueSoon.personId, 'referral-assessment', '2026-11-25', 'due-soon', behandlerId],
        [p.open.personId, 'referral-assessment', '2026-12-04', 'open', behandlerId],
      ],
    );
    const due = b.deadlines.map((d) => d.dueOn);
    assert.deepEqual(due, [...due].sort());
  });

  it('lets the leader filter by clinician and by unit', async () => {
    const byClinician = await board(leader, `&accountId=${behandlerId}`);
    assert.equal(byClinician.accountId, behandlerId);
    assert.ok(byClinician.deadlines.every((d) => d.responsible?.id === behandlerId));
    const shown = persons(byClinician);
    for (const ref of [p.overdue, p.dueSoon, p.open]) assert.ok(shown.includes(ref.personId));
    assert.ok(!shown.includes(p.leaders.personId));
    assert.ok(!shown.includes(p.inpatient.personId));

    const inpatient = await board(leader, `&unitId=${UNITS.inpatient}&accountId=${behandlerId}`);
    assert.ok(persons(inpatient).includes(p.inpatient.personId));
    assert.ok(!persons(inpatient).includes(p.overdue.personId));
  });

  it('filters by status', async () => {
    const overdue = await board(leader, '&status=overdue');
    assert.ok(overdue.deadlines.every((d) => d.status === 'overdue'));
    assert.ok(persons(overdue).includes(p.overdue.personId));
    assert.ok(persons(overdue).includes(p.leaders.personId));
    assert.ok(!persons(overdue).includes(p.dueSoon.personId));
    assert.equal(overdue.deadlines.length, overdue.counts.overdue);

    const soon = await board(leader, '&status=due-soon');
    assert.ok(soon.deadlines.every((d) => d.status === 'due-soon'));
    assert.ok(persons(soon).includes(p.dueSoon.personId));
    assert.ok(!persons(soon).includes(p.overdue.personId));
    assert.ok(!persons(soon).includes(p.open.personId));
    assert.equal(soon.deadlines.length, soon.counts.dueSoon);

    const open = await board(leader, '&status=open');
    assert.ok(open.deadlines.every((d) => d.status === 'open'));
    assert.ok(persons(open).includes(p.open.personId));
    assert.ok(!persons(open).includes(p.dueSoon.personId));
  });

  it('pages', async () => {
    const all = await board(leader);
    const first = await expectStatus<Board>(send(t, 'GET', '/api/deadlines?limit=1', leader), 200);
    const second = await expectStatus<Board>(send(t, 'GET', '/api/deadlines?limit=1&offset=1', leader), 200);
    assert.deepEqual(first.deadlines, all.deadlines.slice(0, 1));
    assert.deepEqual(second.deadlines, all.deadlines.slice(1, 2));
  });

  it('shows a clinician only the deadlines they are responsible for, in every unit', async () => {
    for (const query of ['', `&accountId=${lederId}`, `&unitId=${UNITS.administration}`]) {
      const b = await board(clinician, query);
      assert.equal(b.accountId, behandlerId, query);
      assert.equal(b.unitId, null);
      assert.ok(
        b.deadlines.every((d) => d.responsible?.id === behandlerId),
        query,
      );
      const shown = persons(b);
      for (const ref of [p.overdue, p.dueSoon, p.open, p.inpatient])
        assert.ok(shown.includes(ref.personId), query);
      assert.ok(!shown.includes(p.leaders.personId), query);
      assert.deepEqual(b.counts, {
        open: baseline.clinician.open + 4,
        overdue: baseline.clinician.overdue + 2,
        dueSoon: baseline.clinician.dueSoon + 1,
      });
    }
  });

  it('shows milieu staff only their own, and refuses municipal workers, peers, patients and administrators', async () => {
    const milieu = await board(await login(t, 'miljo'));
    assert.ok(milieu.deadlines.every((d) => d.responsible?.id === milieu.accountId));
    for (const ref of Object.values(p)) assert.ok(!persons(milieu).includes(ref.personId));
    for (const username of ['kommune', 'likeperson', 'pasient', 'admin']) {
      const res = await send(t, 'GET', '/api/deadlines', await login(t, username));
      assert.equal(res.statusCode, 403, `${username}: ${res.body}`);
      for (const ref of Object.values(p)) assert.ok(!res.body.includes(ref.personId));
    }
  });

  it('audits every person listed, and only those', async () => {
    const audited = async (ref: Ref) =>
      t.db.owner
        .selectFrom('audit_event')
        .select(['action', 'resource_id', 'actor_role'])
        .where('person_id', '=', ref.personId)
        .where('resource_type', '=', 'DeadlineBoard')
        .where('actor_account_id', '=', lederId)
        .execute();
    const before = (await audited(p.dueSoon)).length;
    const soon = await board(leader, '&status=due-soon');
    assert.ok(persons(soon).includes(p.dueSoon.personId));
    const after = await audited(p.dueSoon);
    assert.equal(after.length, before + 1);
    assert.deepEqual(after.at(-1), { action: 'search', resource_id: UNITS.outpatient, actor_role: 'leader' });
    const notShown = (await audited(p.overdue)).length;
    await board(leader, '&status=due-soon');
    assert.equal((await audited(p.overdue)).length, notShown, 'a person not on the list is not audited');
  });
});
