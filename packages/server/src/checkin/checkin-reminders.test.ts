import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Notice, Notifier } from '../notify/notifier.ts';
import { demoIds } from '../testing/demo-ids.ts';
import { expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { TEST_NOW, type TestApp, testApp } from '../testing/test-app.ts';
import { sendDueReminders } from './checkin-reminders.ts';

/**
 * The person's reminder to check in (docs/decisions/0007-checkins-and-signals.md): at their time, once a day,
 * not after a check-in.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let per: Headers;
const notices: Notice[] = [];
const notifier: Notifier = { send: async (n) => void notices.push(n) };
// TEST_NOW is 2026-11-22 10:00Z, 11:00 in Oslo.
const oslo = (hhmm: string, day = '2026-11-22') => new Date(`${day}T${hhmm}:00+01:00`);

before(async () => {
  t = await testApp({ demoCheckins: false });
  ids = await demoIds(t.db);
  per = await login(t, 'pasient');
  await expectStatus(
    send(t, 'PUT', `/api/persons/${ids.pasient}/checkin-reminder`, per, { remindAt: '10:30' }),
    200,
  );
});
after(() => t.close());

describe('check-in reminders', () => {
  it('go out at the chosen time, to the person’s own login, once a day', async () => {
    assert.equal(await sendDueReminders(t.db.owner, notifier, oslo('10:29')), 0);
    assert.equal(await sendDueReminders(t.db.owner, notifier, oslo('10:30')), 1);
    const account = await t.db.owner
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'pasient')
      .executeTakeFirstOrThrow();
    assert.deepEqual(notices, [{ kind: 'checkin-reminder', to: [account.id] }]);
    assert.equal(await sendDueReminders(t.db.owner, notifier, oslo('18:00')), 0, 'not twice the same day');
  });

  it('are not sent on a day the person has already checked in', async () => {
    await expectStatus(
      send(t, 'POST', `/api/persons/${ids.pasient}/checkins`, per, {
        id: randomUUID(),
        madeAt: TEST_NOW.toISOString(),
        mood: 4,
        craving: 1,
        sleep: 3,
        use: 'none',
        riskySituation: false,
        warningSigns: [],
      }),
      201,
    );
    // Reset the day's reminder as if none had gone out: the check-in alone must hold it back.
    await t.db.owner.updateTable('checkin_reminder').set({ reminded_on: null }).execute();
    assert.equal(await sendDueReminders(t.db.owner, notifier, oslo('11:05')), 0);
    // The next day it goes out again.
    assert.equal(await sendDueReminders(t.db.owner, notifier, oslo('10:45', '2026-11-23')), 1);
  });

  it('stop when the person turns the reminder off', async () => {
    await expectStatus(
      send(t, 'PUT', `/api/persons/${ids.pasient}/checkin-reminder`, per, { remindAt: null }),
      200,
    );
    assert.equal(await sendDueReminders(t.db.owner, notifier, oslo('10:45', '2026-11-24')), 0);
  });
});
