import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { UNITS } from '../demo/demo.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';

let t: TestApp;
let leader: Record<string, string>;
before(async () => {
  t = await testApp({ persons: 20 });
  leader = { authorization: `Bearer ${await t.login('leder')}` };
});
after(() => t.close());

const accountId = async (username: string) =>
  (
    await t.db.owner
      .selectFrom('account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;

describe('the responsible clinician of an episode', () => {
  it('moves the episode’s deadlines to the new clinician and gives them need to know', async () => {
    const referral = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: leader,
      payload: {
        person: {
          nationalId: '02027099999',
          givenName: 'Ny',
          familyName: 'Ansvarlig',
          birthDate: '1970-02-02',
          gender: 'female',
        },
        unitId: UNITS.outpatient,
        referrer: { kind: 'social-services', name: 'NAV Fjordvik' },
        receivedOn: '2026-11-16',
      },
    });
    assert.equal(referral.statusCode, 201, referral.body);
    const { personId, episodeId } = referral.json();
    const behandler = { authorization: `Bearer ${await t.login('behandler')}` };
    const before = await t.app.inject({ url: `/api/persons/${personId}`, headers: behandler });
    assert.equal(before.statusCode, 403, 'no need to know before being made responsible');

    const url = `/api/persons/${personId}/episodes/${episodeId}/responsible`;
    const put = await t.app.inject({
      method: 'PUT',
      url,
      headers: leader,
      payload: { accountId: await accountId('behandler') },
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().responsible.name, 'Bjørn Behandler');

    const after = await t.app.inject({ url: `/api/persons/${personId}`, headers: behandler });
    assert.equal(after.statusCode, 200);
    const board = await t.app.inject({ url: '/api/deadlines', headers: behandler });
    assert.ok(board.json().deadlines.some((d: { episodeId: string }) => d.episodeId === episodeId));

    const municipal = await t.app.inject({
      method: 'PUT',
      url,
      headers: leader,
      payload: { accountId: await accountId('kommune') },
    });
    assert.equal(municipal.statusCode, 400, 'a municipal worker cannot be responsible for a TSB episode');
    const byMilieu = await t.app.inject({
      method: 'PUT',
      url,
      headers: { authorization: `Bearer ${await t.login('miljo')}` },
      payload: { accountId: await accountId('behandler') },
    });
    assert.equal(byMilieu.statusCode, 403);
  });
});
