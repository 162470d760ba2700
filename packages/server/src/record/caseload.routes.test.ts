import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CaseloadEntry } from '@bedring/contract';
import { CaseloadUrgencies, LONG_WITHOUT_CONTACT_DAYS } from '@bedring/domain';
import { accountId, expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';

/**
 * The caseload as a work list (docs/decisions/0016-worklists.md): per person the open help requests and
 * signals, overdue deadlines and tasks and the days since the last contact, most urgent first. Today is
 * 2026-11-22 (TEST_NOW).
 */
let t: TestApp;
let clinician: Headers;
let clinicianId: string;

type Entry = CaseloadEntry;
const caseload = async (h: Headers, q = '') =>
  expectStatus<{ today: string; persons: Entry[] }>(send(t, 'GET', `/api/persons${q}`, h), 200);

before(async () => {
  t = await testApp();
  clinician = await login(t, 'behandler');
  clinicianId = await accountId(t, 'behandler');
});
after(() => t.close());

/** The clinician's persons as the database holds them, counted one by one (the slow, obvious way). */
async function truth(personId: string) {
  const o = t.db.owner;
  const count = (r: { n: string | number | bigint }) => Number(r.n);
  const help = await o
    .selectFrom('signal')
    .select((s) => s.fn.countAll().as('n'))
    .where('person_id', '=', personId)
    .where('kind', '=', 'help-requested')
    .where('acknowledged_at', 'is', null)
    .executeTakeFirstOrThrow();
  const signals = await o
    .selectFrom('signal')
    .select((s) => s.fn.countAll().as('n'))
    .where('person_id', '=', personId)
    .where('kind', '<>', 'help-requested')
    .where('acknowledged_at', 'is', null)
    .executeTakeFirstOrThrow();
  const tasks = await o
    .selectFrom('pathway_task')
    .select((s) => s.fn.countAll().as('n'))
    .where('person_id', '=', personId)
    .where('completed_on', 'is', null)
    .where('escalate_on', '<', '2026-11-22')
    .executeTakeFirstOrThrow();
  const deadlines = await o
    .selectFrom('pathway_deadline')
    .select((s) => s.fn.countAll().as('n'))
    .where('person_id', '=', personId)
    .where('met_on', 'is', null)
    .where('closed_on', 'is', null)
    .where('due_on', '<', '2026-11-22')
    .executeTakeFirstOrThrow();
  const last = await o
    .selectFrom('contact')
    .select((s) => s.fn.max('contact_on').as('d'))
    .where('person_id', '=', personId)
    .where('contact_on', '<=', '2026-11-22')
    .executeTakeFirstOrThrow();
  return {
    openHelpRequests: count(help),
    openSignals: count(signals),
    overdueTasks: count(tasks),
    overdueDeadlines: count(deadlines),
    lastContactOn: (last.d as string | null) ?? null,
  };
}

describe('the caseload as a work list', () => {
  it("counts, per person, what the database holds open for them, and the last contact's day", async () => {
    const { today, persons } = await caseload(clinician);
    assert.equal(today, '2026-11-22');
    assert.ok(persons.length > 5, 'the demo clinician has a caseload');
    for (const p of persons) {
      const want = await truth(p.id);
      assert.deepEqual(
        {
          openHelpRequests: p.openHelpRequests,
          openSignals: p.openSignals,
          overdueTasks: p.overdueTasks,
          overdueDeadlines: p.overdueDeadlines,
          lastContactOn: p.lastContactOn,
        },
        want,
        `${p.givenName} ${p.familyName}`,
      );
    }
    const rank = (u: Entry['urgency']) => CaseloadUrgencies.indexOf(u);
    for (let i = 1; i < persons.length; i++)
      assert.ok(rank(persons[i - 1]!.urgency) <= rank(persons[i]!.urgency), 'most urgent first');
    assert.ok(
      persons.some((p) => p.urgency !== 'none'),
      'the demo has something open for at least one person',
    );
  });

  it('puts a new help request first, the long silence after what is overdue, and keeps the search', async () => {
    const { persons: before } = await caseload(clinician);
    // A calm person (nothing open) asks for help: the oldest open request of the caseload.
    const calm = before.find((p) => p.urgency === 'none' || p.urgency === 'no-recent-contact');
    assert.ok(calm, 'a person with nothing open');
    const { tenant_id } = await t.db.owner
      .selectFrom('person')
      .select('tenant_id')
      .where('id', '=', calm.id)
      .executeTakeFirstOrThrow();
    await t.db.owner
      .insertInto('signal')
      .values({
        tenant_id,
        person_id: calm.id,
        kind: 'help-requested',
        key: 'caseload-test',
        finding: JSON.stringify({ at: '2026-11-01T08:00:00.000Z' }),
        raised_at: new Date('2026-11-01T08:00:00Z'),
      })
      .execute();
    const { persons } = await caseload(clinician);
    assert.equal(persons[0]!.id, calm.id);
    assert.equal(persons[0]!.urgency, 'help-requested');
    assert.equal(persons[0]!.openHelpRequests, 1);
    assert.equal(persons[0]!.oldestHelpRequestAt, '2026-11-01T08:00:00.000Z');
    for (const p of persons.filter((x) => x.urgency === 'no-recent-contact'))
      assert.ok(p.daysWithoutContact >= LONG_WITHOUT_CONTACT_DAYS);
    const searched = await caseload(clinician, `?q=${encodeURIComponent(calm.familyName.slice(0, 4))}`);
    assert.ok(searched.persons.some((p) => p.id === calm.id && p.urgency === 'help-requested'));
  });

  it('lists only persons of an active care relation, and audits the search', async () => {
    const { persons } = await caseload(clinician);
    const active = await t.db.owner
      .selectFrom('care_relation')
      .select('person_id')
      .where('account_id', '=', clinicianId)
      .where('from_at', '<=', new Date('2026-11-22T10:00:00Z'))
      .where((w) => w.or([w('to_at', 'is', null), w('to_at', '>', new Date('2026-11-22T10:00:00Z'))]))
      .execute();
    assert.deepEqual(new Set(persons.map((p) => p.id)), new Set(active.map((r) => r.person_id)));
    const audited = await t.db.owner
      .selectFrom('audit_event')
      .select('id')
      .where('actor_account_id', '=', clinicianId)
      .where('resource_type', '=', 'Caseload')
      .execute();
    assert.ok(audited.length >= 1);
  });
});
