import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RelativeList } from '@bedring/contract';
import { demoIds } from '../testing/demo-ids.ts';
import { expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';

/**
 * The person's children and relatives over HTTP (docs/decisions/0019-relatives-and-risk.md): the care team
 * records them, the municipal worker reads them by the person's consent, the person reads their own, a peer
 * worker does not. The tests' day is 2026-11-22.
 */
let t: TestApp;
let clinician: Headers;
let ids: Awaited<ReturnType<typeof demoIds>>;
let url: string;
before(async () => {
  t = await testApp();
  clinician = await login(t, 'behandler');
  ids = await demoIds(t.db);
  url = `/api/persons/${ids.pasient}/relatives`;
});
after(() => t.close());

const child = {
  kind: 'child',
  name: 'Lars',
  birthYear: 2016,
  caredForBy: 'Moren',
  spokenWith: false,
  followUp: '',
  coordinatorInformed: false,
  mayContact: false,
  mayInform: false,
};
const sister = { kind: 'relative', name: 'Kari', role: 'sibling', mayContact: true, mayInform: true };

const list = async (headers: Headers) =>
  (await expectStatus<RelativeList>(send(t, 'GET', url, headers), 200)).relatives;

describe('children and relatives', () => {
  it("has Per's two children and his brother in the demo: the son he has lost contact with not yet spoken with", async () => {
    const relatives = await list(clinician);
    const jonas = relatives.find((r) => r.name === 'Jonas')!;
    assert.deepEqual([jonas.ageThisYear, jonas.minor, jonas.gaps], [7, true, ['not-spoken-with']]);
    assert.deepEqual(relatives.find((r) => r.name === 'Emma')!.gaps, []);
    assert.equal(relatives.find((r) => r.name === 'Ole Pasient')!.role, 'sibling');
  });

  it('records a child by birth year with what is not yet in place, and a relative with role and consent', async () => {
    const { id: childId } = await expectStatus<{ id: string }>(send(t, 'POST', url, clinician, child), 201);
    await expectStatus(send(t, 'POST', url, clinician, sister), 201);
    const relatives = await list(clinician);
    const lars = relatives.find((r) => r.id === childId)!;
    assert.equal(lars.ageThisYear, 10);
    assert.equal(lars.minor, true);
    assert.deepEqual(lars.gaps, ['not-spoken-with', 'no-follow-up', 'coordinator-not-informed']);
    assert.equal(lars.role, null);
    assert.equal(lars.recordedBy, 'Bjørn Behandler');
    const kari = relatives.find((r) => r.name === 'Kari')!;
    assert.deepEqual(
      { role: kari.role, mayContact: kari.mayContact, mayInform: kari.mayInform, birthYear: kari.birthYear },
      { role: 'sibling', mayContact: true, mayInform: true, birthYear: null },
    );
    // Children first.
    assert.equal(relatives[0]!.kind, 'child');
    const audited = await t.db.owner
      .selectFrom('audit_event')
      .select('action')
      .where('resource_type', '=', 'RelatedPerson')
      .where('resource_id', '=', childId)
      .execute();
    assert.deepEqual(
      audited.map((a) => a.action),
      ['create'],
    );
  });

  it('changes a child when the talk and the follow-up are in place, and takes a relative off the list', async () => {
    const { id } = await expectStatus<{ id: string }>(
      send(t, 'POST', url, clinician, { ...child, name: 'Ola' }),
      201,
    );
    const done = {
      ...child,
      name: 'Ola',
      spokenWith: true,
      spokenWithOn: '2026-11-20',
      followUp: 'Samtale med barneansvarlig og moren',
      coordinatorInformed: true,
    };
    await expectStatus(send(t, 'PUT', `${url}/${id}`, clinician, done), 200);
    const ola = (await list(clinician)).find((r) => r.id === id)!;
    assert.deepEqual(ola.gaps, []);
    assert.equal(ola.spokenWithOn, '2026-11-20');
    await expectStatus(send(t, 'PUT', `${url}/${id}`, clinician, { ...done, removed: true }), 200);
    assert.equal(
      (await list(clinician)).find((r) => r.id === id),
      undefined,
    );
    const again = await send(t, 'PUT', `${url}/${id}`, clinician, done);
    assert.equal(again.statusCode, 404, again.body);
  });

  it('refuses a child without a birth year, one born in the future, and a relative without a role; nothing written', async () => {
    const before = (await list(clinician)).length;
    const cases: [object, string][] = [
      [{ ...child, birthYear: undefined }, 'child_needs_birth_year'],
      [{ ...child, birthYear: 2027 }, 'birth_year_in_future'],
      [{ ...child, spokenWith: true, spokenWithOn: '2026-12-01' }, 'date_in_future'],
      [{ ...sister, role: undefined }, 'relative_needs_role'],
    ];
    for (const [body, code] of cases) {
      const res = await expectStatus<{ error: { code: string } }>(send(t, 'POST', url, clinician, body), 400);
      assert.equal(res.error.code, code);
    }
    assert.equal((await list(clinician)).length, before);
  });

  it('is read by the person and, by consent, the municipal worker; not by a peer worker, who cannot write either', async () => {
    const names = (await list(clinician)).map((r) => r.name).sort();
    assert.deepEqual((await list(await login(t, 'pasient'))).map((r) => r.name).sort(), names);
    assert.deepEqual((await list(await login(t, 'kommune'))).map((r) => r.name).sort(), names);
    const peer = await login(t, 'likeperson');
    const read = await expectStatus<{ error: { code: string } }>(send(t, 'GET', url, peer), 403);
    assert.equal(read.error.code, 'role_cannot_do_this');
    await expectStatus(send(t, 'POST', url, peer, sister), 403);
    await expectStatus(send(t, 'POST', url, await login(t, 'pasient'), sister), 403);
  });
});
