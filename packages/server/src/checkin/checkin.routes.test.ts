import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Resource } from '@medplum/fhirtypes';
import fc from 'fast-check';
import type { Notice } from '../notify/notifier.ts';
import { demoIds } from '../testing/demo-ids.ts';
import { fhirProblems } from '../testing/fhir-validation.ts';
import { expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { TEST_NOW, type TestApp, testApp } from '../testing/test-app.ts';

/**
 * The daily check-in, its signals and "I need help now" over HTTP
 * (docs/decisions/0007-checkins-and-signals.md): a check-in ticking the same warning sign from the person's
 * plan two days running lands on the care team's worklist with its explanation, and shows the person the
 * steps of their own plan.
 */
let now = TEST_NOW;
const notices: Notice[] = [];
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let per: Headers;
let bjorn: Headers;
let lene: Headers;
let likeperson: Headers;
let admin: Headers;
let signs: Array<{ id: string; text: string }>;

const DAY = 86_400_000;
/** Work on another day (sessions idle out when the clock moves: log in again there). */
async function on<T>(days: number, work: () => Promise<T>): Promise<T> {
  now = new Date(TEST_NOW.getTime() + days * DAY);
  try {
    return await work();
  } finally {
    now = TEST_NOW;
  }
}
const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
const quiet = (daysAgo: number, over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  madeAt: at(daysAgo),
  mood: 3,
  craving: 2,
  sleep: 2,
  use: 'none',
  riskySituation: false,
  warningSigns: [],
  ...over,
});

type Signal = {
  id: string;
  kind: string;
  person: { id: string };
  finding: { key: string; explanation: { key: string; params: Record<string, unknown> } };
};
type OwnSignal = Signal & { steps: Array<{ section: string; text: string }>; acknowledged: unknown };

before(async () => {
  t = await testApp({
    clock: () => now,
    demoCheckins: false,
    notifier: { send: async (n) => void notices.push(n) },
  });
  ids = await demoIds(t.db);
  per = await login(t, 'pasient');
  bjorn = await login(t, 'behandler');
  lene = await login(t, 'leder');
  likeperson = await login(t, 'likeperson');
  admin = await login(t, 'admin');
  const form = await expectStatus<{ warningSigns: typeof signs }>(
    send(t, 'GET', `/api/persons/${ids.pasient}/checkin`, per),
    200,
  );
  signs = form.warningSigns;
});
after(() => t.close());

const checkins = () => `/api/persons/${ids.pasient}/checkins`;
const worklist = async (who: Headers) =>
  (await expectStatus<{ signals: Signal[] }>(send(t, 'GET', '/api/signals', who), 200)).signals.filter(
    (s) => s.person.id === ids.pasient,
  );
const countCheckins = async () =>
  Number(
    (
      await t.db.owner
        .selectFrom('checkin')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the check-in form', () => {
  it('offers the warning signs of the person’s own relapse-prevention and crisis plans', () => {
    assert.deepEqual(
      signs.map((s) => s.text),
      [
        'Jeg isolerer meg, slutter å spise og tenker at ingenting nytter',
        'Jeg slutter å svare på telefonen og sover dårlig flere netter på rad',
      ],
    );
  });

  it('keeps the reminder time the person chooses, and only the person chooses it', async () => {
    const url = `/api/persons/${ids.pasient}/checkin-reminder`;
    await expectStatus(send(t, 'PUT', url, per, { remindAt: '20:30' }), 200);
    const form = await expectStatus<{ remindAt: string }>(
      send(t, 'GET', `/api/persons/${ids.pasient}/checkin`, per),
      200,
    );
    assert.equal(form.remindAt, '20:30');
    await expectStatus(send(t, 'PUT', url, per, { remindAt: '25:00' }), 400);
    await expectStatus(send(t, 'PUT', url, bjorn, { remindAt: '08:00' }), 403);
  });
});

describe('a warning sign from the plan two days running', () => {
  it('raises a signal with its explanation on the care team’s worklist and shows the person the plan steps', async () => {
    const sign = signs[1]!;
    const first = await expectStatus<{ checkin: { created: boolean; signals: unknown[] } }>(
      send(t, 'POST', checkins(), per, quiet(1, { warningSigns: [sign.id] })),
      201,
    );
    assert.deepEqual(first.checkin.signals, []);
    const second = await expectStatus<{
      checkin: { signals: Array<{ kind: string; steps: Array<{ section: string }> }> };
    }>(send(t, 'POST', checkins(), per, quiet(0, { warningSigns: [sign.id] })), 201);
    assert.deepEqual(
      second.checkin.signals.map((s) => s.kind),
      ['warning-sign-repeated'],
    );
    assert.deepEqual(
      [...new Set(second.checkin.signals[0]!.steps.map((s) => s.section))],
      ['coping-strategy', 'practical-step', 'what-i-do'],
    );

    const seen = (await worklist(bjorn)).filter((s) => s.kind === 'warning-sign-repeated');
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.finding.explanation.key, 'signal.warningSignRepeated');
    assert.equal(seen[0]!.finding.explanation.params.sign, sign.text);
    assert.equal(seen[0]!.finding.explanation.params.days, 2);
    // The unit leader sees the signals of the unit.
    assert.equal((await worklist(lene)).filter((s) => s.kind === 'warning-sign-repeated').length, 1);

    const own = await expectStatus<{ signals: OwnSignal[] }>(
      send(t, 'GET', `/api/persons/${ids.pasient}/signals`, per),
      200,
    );
    const mine = own.signals.find((s) => s.kind === 'warning-sign-repeated')!;
    assert.ok(mine.steps.some((s) => s.text.startsWith('Gå en lang tur')));
  });

  it('a third day with the same sign raises nothing new', async () => {
    await on(1, async () => {
      const me = await login(t, 'pasient');
      await expectStatus(send(t, 'POST', checkins(), me, quiet(0, { warningSigns: [signs[1]!.id] })), 201);
    });
    assert.equal((await worklist(bjorn)).filter((s) => s.kind === 'warning-sign-repeated').length, 1);
  });

  it('is acknowledged with a note, once, by someone with the person in their care', async () => {
    const [signal] = (await worklist(bjorn)).filter((s) => s.kind === 'warning-sign-repeated');
    const url = `/api/signals/${signal!.id}/acknowledge`;
    await expectStatus(send(t, 'POST', url, bjorn, { note: '  ' }), 400);
    await expectStatus(send(t, 'POST', url, per, { note: 'Sett' }), 403);
    await expectStatus(send(t, 'POST', url, bjorn, { note: 'Ringte ham, vi møtes i morgen.' }), 200);
    await expectStatus(send(t, 'POST', url, bjorn, { note: 'Igjen' }), 409);
    assert.equal((await worklist(bjorn)).filter((s) => s.kind === 'warning-sign-repeated').length, 0);
  });
});

describe('a lapse in a check-in', () => {
  it('is a signal and an event in the relapse-prevention plan’s list of lapses', async () => {
    const before = await expectStatus<{ lapses: unknown[] }>(
      send(t, 'GET', `/api/persons/${ids.pasient}/lapses`, per),
      200,
    );
    const made = await expectStatus<{
      checkin: { signals: Array<{ kind: string; steps: Array<{ section: string }> }> };
    }>(
      send(
        t,
        'POST',
        checkins(),
        per,
        quiet(0, { use: 'lapse', substance: 'alkohol', note: 'Fest hos Tommy' }),
      ),
      201,
    );
    assert.deepEqual(
      made.checkin.signals.map((s) => [s.kind, s.steps.map((x) => x.section)]),
      [['lapse-reported', ['after-a-lapse', 'contact-person']]],
    );
    const afterwards = await expectStatus<{ lapses: Array<{ whatHappened: string }> }>(
      send(t, 'GET', `/api/persons/${ids.pasient}/lapses`, per),
      200,
    );
    assert.equal(afterwards.lapses.length, before.lapses.length + 1);
    assert.ok(afterwards.lapses.some((l) => l.whatHappened === 'alkohol — Fest hos Tommy'));
    assert.ok((await worklist(bjorn)).some((s) => s.kind === 'lapse-reported'));
    // Told in a check-in, the lapse reaches the specialist clinician who holds Per's latest episode.
    const lapse = await t.db.owner
      .selectFrom('lapse')
      .select('id')
      .where('what_happened', '=', 'alkohol — Fest hos Tommy')
      .executeTakeFirstOrThrow();
    const tasks = await expectStatus<{ tasks: Array<{ kind: string; person: { id: string } }> }>(
      send(t, 'GET', '/api/tasks', bjorn),
      200,
    );
    const task = await t.db.owner
      .selectFrom('pathway_task')
      .select(['id', 'kind'])
      .where('lapse_id', '=', lapse.id)
      .executeTakeFirstOrThrow();
    assert.equal(task.kind, 'lapse');
    assert.ok(tasks.tasks.some((x) => x.kind === 'lapse' && x.person.id === ids.pasient));
  });

  it('use the person does not call a lapse is no signal', async () => {
    const made = await expectStatus<{ checkin: { signals: unknown[] } }>(
      send(t, 'POST', checkins(), per, quiet(0, { use: 'use', substance: 'cannabis' })),
      201,
    );
    assert.deepEqual(made.checkin.signals, []);
    const lapseTasks = await t.db.owner
      .selectFrom('pathway_task')
      .select('id')
      .where('kind', '=', 'lapse')
      .execute();
    assert.equal(lapseTasks.length, 1, 'only the check-in that told of a lapse made a task');
  });
});

describe('progress', () => {
  it('counts check-in days up and shows a lapse as an event on its day, never a reset', async () => {
    type Progress = {
      days: Array<{ day: string; checkedIn: boolean; lapse: boolean }>;
      checkinDays: number;
      totalCheckinDays: number;
      lapseDays: number;
    };
    const { progress: p } = await expectStatus<{ progress: Progress }>(
      send(t, 'GET', `/api/persons/${ids.pasient}/checkins`, per),
      200,
    );
    assert.equal(p.days.length, 28);
    const today = p.days.at(-1)!;
    assert.equal(today.day, '2026-11-22');
    assert.deepEqual([today.checkedIn, today.lapse], [true, true]);
    assert.ok(p.checkinDays >= 2, 'yesterday and today');
    assert.ok(p.totalCheckinDays >= p.checkinDays);
    assert.ok(p.lapseDays >= 1);
  });
});

describe('sent again after being offline', () => {
  it('is the same check-in: 200, nothing written twice', async () => {
    const body = quiet(2);
    await expectStatus(send(t, 'POST', checkins(), per, body), 201);
    const count = await countCheckins();
    const again = await expectStatus<{ checkin: { created: boolean } }>(
      send(t, 'POST', checkins(), per, body),
      200,
    );
    assert.equal(again.checkin.created, false);
    assert.equal(await countCheckins(), count);
  });
});

describe('bad input writes nothing', () => {
  const cases: Array<[string, Headers | (() => Headers), Record<string, unknown>, number]> = [];
  it('refuses staff, other people’s signs, the future, out-of-range values and unknown fields', async () => {
    const count = await countCheckins();
    cases.push(
      ['staff', bjorn, quiet(0), 403],
      ['a sign not in the plan', per, quiet(0, { warningSigns: [randomUUID()] }), 400],
      ['the future', per, quiet(-1), 400],
      ['more than a week ago', per, quiet(9), 400],
      ['craving 11', per, quiet(0, { craving: 11 }), 400],
      ['mood 0', per, quiet(0, { mood: 0 }), 400],
      ['unknown use', per, quiet(0, { use: 'maybe' }), 400],
      ['an extra field', per, quiet(0, { score: 3 }), 400],
      ['not a uuid', per, quiet(0, { id: 'abc' }), 400],
      ['a substance on a day without use', per, quiet(0, { substance: 'alkohol' }), 400],
    );
    for (const [what, who, body, status] of cases) {
      const res = await send(t, 'POST', checkins(), who as Headers, body);
      assert.equal(res.statusCode, status, `${what}: ${res.body}`);
      assert.ok((res.json() as { error?: { code: string } }).error?.code, what);
    }
    assert.equal(await countCheckins(), count);
  });

  it('never answers a nearly valid check-in with a 500: each field set to odd values', async () => {
    const odd = fc.oneof(
      fc.constantFrom(
        null,
        '',
        ' ',
        -1,
        0,
        1.5,
        11,
        1e308,
        true,
        [],
        {},
        '2026-11-22T23:59:60Z',
        '2026-02-30T10:00:00Z',
        // Input no field may hold (docs/api.md, "Input rules"): NUL, lone surrogates.
        '\u0000',
        '\ud800',
        'a\udc00b',
      ),
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.integer(),
      // Nesting deeper than the body parser takes.
      fc.integer({ min: 150, max: 2000 }).map((depth) => {
        let v: unknown = [];
        for (let i = 0; i < depth; i++) v = [v];
        return v;
      }),
    );
    const fields = [
      'id',
      'madeAt',
      'mood',
      'craving',
      'sleep',
      'use',
      'substance',
      'amount',
      'riskySituation',
      'warningSigns',
      'note',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), odd, async (field, value) => {
        const body = { ...quiet(0), use: 'lapse', [field]: value };
        const count = await countCheckins();
        const res = await send(t, 'POST', checkins(), per, body);
        const where = `${field}=${JSON.stringify(value)}: ${res.statusCode} ${res.body}`;
        assert.ok(res.statusCode < 500, where);
        if (res.statusCode >= 400) {
          assert.ok((res.json() as { error?: unknown }).error, where);
          assert.equal(await countCheckins(), count, where);
        }
      }),
      { numRuns: 120, seed: 20261202 },
    );
  });

  it('a peer worker reads no check-ins', async () => {
    await expectStatus(send(t, 'GET', checkins(), likeperson), 403);
  });
});

describe('"Jeg trenger hjelp nå"', () => {
  it('returns the crisis plan’s steps, puts a signal on the worklist and notifies the care team once', async () => {
    const body = { id: randomUUID(), madeAt: at(0) };
    const url = `/api/persons/${ids.pasient}/help-requests`;
    const made = await expectStatus<{
      created: boolean;
      notified: number;
      steps: Array<{ kind: string; section: string }>;
      emergencyNumbers: Array<{ number: string }>;
    }>(send(t, 'POST', url, per, body), 201);
    assert.equal(made.created, true);
    assert.ok(made.notified >= 1);
    assert.ok(made.steps.every((s) => s.kind === 'crisis'));
    assert.ok(made.steps.some((s) => s.section === 'what-i-do'));
    assert.deepEqual(
      made.emergencyNumbers.map((n) => n.number),
      ['113', '116 117'],
    );
    assert.equal(notices.length, 1);
    assert.deepEqual(Object.keys(notices[0]!).sort(), ['kind', 'signalId', 'to']);
    assert.ok((await worklist(bjorn)).some((s) => s.kind === 'help-requested'));

    const again = await expectStatus<{ created: boolean }>(send(t, 'POST', url, per, body), 200);
    assert.equal(again.created, false);
    assert.equal(notices.length, 1);
    await expectStatus(send(t, 'POST', url, bjorn, { id: randomUUID(), madeAt: at(0) }), 403);
  });
});

describe('check-ins that stop', () => {
  it('are found by the unit sweep after a regular pattern and three silent days', async () => {
    const person = ids.pasient;
    // Daily check-ins 13 to 20 days from now, each made on its day, then silence.
    for (let d = 13; d <= 20; d++) {
      await on(d, async () => {
        const me = await login(t, 'pasient');
        await expectStatus(send(t, 'POST', `/api/persons/${person}/checkins`, me, quiet(0)), 201);
      });
    }
    const { unitId } = await t.db.owner
      .selectFrom('episode')
      .select('unit_id as unitId')
      .where('person_id', '=', person)
      .where('state', '<>', 'ended')
      .executeTakeFirstOrThrow();
    const sweep = (leader: Headers) => send(t, 'POST', `/api/units/${unitId}/signal-sweep`, leader);
    const stoppedOn = async (leader: Headers) =>
      (await worklist(leader)).filter((s) => s.kind === 'checkins-stopped');
    await on(22, async () => {
      const leader = await login(t, 'leder');
      await expectStatus(sweep(leader), 200);
      assert.equal((await stoppedOn(leader)).length, 0, 'two silent days are not yet a signal');
    });
    await on(23, async () => {
      const leader = await login(t, 'leder');
      const swept = await expectStatus<{ persons: number; raised: number }>(sweep(leader), 200);
      assert.ok(swept.persons >= 1);
      const stopped = await stoppedOn(leader);
      assert.equal(stopped.length, 1);
      assert.equal(stopped[0]!.finding.explanation.params.silentDays, 3);
      // Sweeping again raises nothing new; only the unit's leader sweeps it.
      assert.equal((await expectStatus<{ raised: number }>(sweep(leader), 200)).raised, 0);
      await expectStatus(sweep(await login(t, 'behandler')), 403);
    });
  });
});

describe('in FHIR', () => {
  type Bundle<T> = { total: number; entry?: Array<{ resource: T }> };
  type QR = { id: string; questionnaire: string; item: Array<{ linkId: string; answer: unknown[] }> };
  type Flag = { id: string; status: string; code: { coding: Array<{ code: string }>; text: string } };

  it('check-ins are QuestionnaireResponses to bedring-checkin, searchable by patient, readable by id', async () => {
    const all = await expectStatus<Bundle<QR>>(
      send(t, 'GET', `/fhir/QuestionnaireResponse?patient=Patient/${ids.pasient}`, bjorn),
      200,
    );
    const checkinResponses = (all.entry ?? []).filter((e) =>
      e.resource.questionnaire.includes('bedring-checkin'),
    );
    assert.ok(checkinResponses.length >= 3);
    const only = await expectStatus<Bundle<QR>>(
      send(
        t,
        'GET',
        `/fhir/QuestionnaireResponse?patient=Patient/${ids.pasient}&questionnaire=bedring-checkin`,
        bjorn,
      ),
      200,
    );
    assert.equal(only.total, checkinResponses.length);
    const withSign = only
      .entry!.map((e) => e.resource)
      .find((r) => r.item.some((i) => i.linkId === 'warning-sign'))!;
    assert.ok(withSign, 'a check-in with a ticked sign');
    const read = await expectStatus<QR>(
      send(t, 'GET', `/fhir/QuestionnaireResponse/${withSign.id}`, bjorn),
      200,
    );
    assert.deepEqual(read.item, withSign.item);
    assert.deepEqual(fhirProblems(read as unknown as Resource), [], 'a valid QuestionnaireResponse');
    const q = await expectStatus<{ id: string; item: Array<{ linkId: string }> }>(
      send(t, 'GET', '/fhir/Questionnaire/bedring-checkin', bjorn),
      200,
    );
    assert.equal(q.id, 'bedring-checkin');
    await expectStatus(send(t, 'GET', `/fhir/QuestionnaireResponse/${withSign.id}`, likeperson), 403);
  });

  it('signals are Flags with the explanation in words, active until acknowledged, and in $everything', async () => {
    const flags = await expectStatus<Bundle<Flag>>(
      send(t, 'GET', `/fhir/Flag?patient=Patient/${ids.pasient}`, bjorn),
      200,
    );
    const lapse = flags
      .entry!.map((e) => e.resource)
      .find((f) => f.code.coding[0]!.code === 'lapse-reported')!;
    assert.equal(lapse.status, 'active');
    assert.match(lapse.code.text, /^Et tilbakefall er meldt i innsjekken 22\.11\.2026\.$/);
    const done = flags
      .entry!.map((e) => e.resource)
      .find((f) => f.code.coding[0]!.code === 'warning-sign-repeated')!;
    assert.equal(done.status, 'inactive');
    const active = await expectStatus<Bundle<Flag>>(
      send(t, 'GET', `/fhir/Flag?patient=Patient/${ids.pasient}&status=active`, bjorn),
      200,
    );
    assert.ok(active.entry!.every((e) => e.resource.status === 'active'));
    const one = await expectStatus<Flag>(send(t, 'GET', `/fhir/Flag/${lapse.id}`, bjorn), 200);
    assert.deepEqual(fhirProblems(one as unknown as Resource), [], 'a valid Flag');
    assert.equal(one.code.text, lapse.code.text);
    const everything = await expectStatus<Bundle<{ resourceType: string }>>(
      send(t, 'GET', `/fhir/Patient/${ids.pasient}/$everything`, per),
      200,
    );
    assert.ok(everything.entry!.some((e) => e.resource.resourceType === 'Flag'));
    await expectStatus(send(t, 'GET', `/fhir/Flag?patient=Patient/${ids.pasient}`, likeperson), 403);
  });
});

describe('signal rules', () => {
  it('are set by an administrator, checked, and used', async () => {
    await expectStatus(
      send(t, 'PUT', '/api/admin/signal-rules', admin, {
        rules: [{ kind: 'lapse-reported', enabled: 'no' }],
      }),
      400,
    );
    await expectStatus(send(t, 'PUT', '/api/admin/signal-rules', bjorn, { rules: [] }), 403);
    await expectStatus(
      send(t, 'PUT', '/api/admin/signal-rules', admin, {
        rules: [{ kind: 'lapse-reported', enabled: false }],
      }),
      200,
    );
    const got = await expectStatus<{ rules: unknown[] }>(
      send(t, 'GET', '/api/admin/signal-rules', admin),
      200,
    );
    assert.deepEqual(got.rules, [{ kind: 'lapse-reported', enabled: false }]);
    const made = await expectStatus<{ checkin: { signals: unknown[] } }>(
      send(t, 'POST', checkins(), per, quiet(1, { use: 'lapse' })),
      201,
    );
    assert.deepEqual(made.checkin.signals, []);
  });
});

describe('check-ins per day', () => {
  it('takes at most 50 for one day: the 51st is a 409 that writes nothing; one sent again and another day still work', async () => {
    // Far from the other tests' days, so their windows never see these.
    await on(400, async () => {
      const me = await login(t, 'pasient');
      const lapses = async () =>
        Number(
          (
            await t.db.owner
              .selectFrom('lapse')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const first = quiet(1);
      await expectStatus(send(t, 'POST', checkins(), me, first), 201);
      for (let i = 1; i < 50; i++) await expectStatus(send(t, 'POST', checkins(), me, quiet(1)), 201);
      const [count, lapsed] = [await countCheckins(), await lapses()];
      const refused = await send(t, 'POST', checkins(), me, quiet(1, { use: 'lapse' }));
      assert.equal(refused.statusCode, 409, refused.body);
      const error = (refused.json() as { error: { code: string; message: string } }).error;
      assert.equal(error.code, 'checkin_limit_reached');
      assert.match(error.message, /50 innsjekker for denne dagen/);
      assert.equal(await countCheckins(), count);
      assert.equal(await lapses(), lapsed);
      // The first one sent again (from the offline queue) is answered as before, and writes nothing.
      const again = await expectStatus<{ checkin: { created: boolean } }>(
        send(t, 'POST', checkins(), me, first),
        200,
      );
      assert.equal(again.checkin.created, false);
      await expectStatus(send(t, 'POST', checkins(), me, quiet(0)), 201);
      assert.equal(await countCheckins(), count + 1);
    });
  });
});
