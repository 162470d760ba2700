import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoIds } from '../testing/demo-ids.ts';
import { expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';

/** The demo's Per has weeks of check-ins and open signals, as the portal and the worklists need them. */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let bjorn: Headers;
before(async () => {
  t = await testApp();
  ids = await demoIds(t.db);
  bjorn = await login(t, 'behandler');
});
after(() => t.close());

describe('the demo check-ins', () => {
  it('span several weeks, with open signals on behandler’s worklist and one acknowledged', async () => {
    const { checkins } = await expectStatus<{ checkins: Array<{ day: string }> }>(
      send(t, 'GET', `/api/persons/${ids.pasient}/checkins?days=60`, bjorn),
      200,
    );
    assert.ok(checkins.length >= 25, `${checkins.length} check-ins`);
    const days = checkins.map((c) => c.day).sort();
    assert.ok(Date.parse(days.at(-1)!) - Date.parse(days[0]!) >= 28 * 86_400_000, 'over four weeks');

    const { signals } = await expectStatus<{ signals: Array<{ kind: string; person: { id: string } }> }>(
      send(t, 'GET', '/api/signals', bjorn),
      200,
    );
    const per = signals
      .filter((s) => s.person.id === ids.pasient)
      .map((s) => s.kind)
      .sort();
    assert.deepEqual(per, ['craving-high', 'warning-sign-repeated']);
    // The municipal follow-up worker is in his care team too, through his consent.
    const kim = await login(t, 'kommune');
    const theirs = await expectStatus<{ signals: Array<{ person: { id: string } }> }>(
      send(t, 'GET', '/api/signals', kim),
      200,
    );
    assert.equal(theirs.signals.filter((s) => s.person.id === ids.pasient).length, 2);

    const own = await expectStatus<{ signals: Array<{ kind: string; acknowledged: unknown }> }>(
      send(t, 'GET', `/api/persons/${ids.pasient}/signals`, bjorn),
      200,
    );
    // Of the check-in signals; his help request, taken, is the help demo's (demo-help.ts).
    assert.equal(own.signals.filter((s) => s.acknowledged && s.kind !== 'help-requested').length, 1);
  });
});
