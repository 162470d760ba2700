import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EpisodeView, SelfAdmissionContractList } from '@bedring/contract';
import { addDays, osloDate } from '@bedring/domain';
import { demoIds } from '../testing/demo-ids.ts';
import { expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { TEST_NOW, type TestApp, testApp } from '../testing/test-app.ts';
import { UNITS } from './demo-accounts.ts';

/** Per Pasient's brukerstyrt innleggelse in the demo (docs/decisions/0018-handover-and-self-admission.md). */
let t: TestApp;
let perId: string;
let per: Headers;
let behandler: Headers;
before(async () => {
  t = await testApp();
  perId = (await demoIds(t.db)).pasient;
  per = await login(t, 'pasient');
  behandler = await login(t, 'behandler');
});
after(() => t.close());

const ago = (days: number) => addDays(osloDate(TEST_NOW), -days);

describe("Per's brukerstyrt innleggelse in the demo", () => {
  it('has an agreement with the Døgnpost, in force, used once after his lapse', async () => {
    const list = await expectStatus<SelfAdmissionContractList>(
      send(t, 'GET', `/api/persons/${perId}/self-admission-contracts`, per),
      200,
    );
    assert.equal(list.contracts.length, 1);
    const c = list.contracts[0]!;
    assert.equal(c.unit.id, UNITS.inpatient);
    assert.equal(c.inForce, true);
    assert.equal(c.endedOn, null);
    assert.equal(c.createdBy, 'Bjørn Behandler');
    assert.match(c.whoToCall, /22 33 44 55/);
    assert.equal(c.staysInYear, 1);
    assert.deepEqual(
      c.stays.map((s) => [s.admittedOn, s.plannedDays, s.askedBy, s.placement, s.warnings]),
      [[ago(40), 3, 'person', 'linked-episode', []]],
    );
  });

  it('placed the stay in a short episode linked to the last, with no rights deadline, ended as planned', async () => {
    const list = await expectStatus<SelfAdmissionContractList>(
      send(t, 'GET', `/api/persons/${perId}/self-admission-contracts`, behandler),
      200,
    );
    const stay = list.contracts[0]!.stays[0]!;
    const { episodes } = await expectStatus<{ episodes: EpisodeView[] }>(
      send(t, 'GET', `/api/persons/${perId}/pathway`, behandler),
      200,
    );
    const short = episodes.find((e) => e.id === stay.episodeId);
    assert.ok(short, 'the stay is an episode of its own');
    assert.equal(short.referral, null, 'no referral');
    assert.equal(short.unit.id, UNITS.inpatient);
    assert.equal(short.state, 'ended');
    const followUp = episodes.find((e) => e.id === short.previousEpisodeId);
    assert.equal(followUp?.state, 'follow-up', "linked to the episode in kommune's follow-up");
    const kinds = short.deadlines.map((d) => d.kind);
    assert.ok(!kinds.includes('referral-assessment') && !kinds.includes('treatment-start'), kinds.join());
    const rights = await t.db.owner
      .selectFrom('pathway_deadline')
      .select('kind')
      .where('episode_id', '=', short.id)
      .where('kind', 'in', ['referral-assessment', 'treatment-start'])
      .execute();
    assert.deepEqual(rights, []);
  });
});
