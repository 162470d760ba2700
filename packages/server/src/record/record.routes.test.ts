import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoIds } from '../testing/demo-ids.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const auth = async (username: string) => ({ authorization: `Bearer ${await t.login(username)}` });
before(async () => {
  t = await testApp();
  ids = await demoIds(t.db);
});
after(() => t.close());

describe("the person's record", () => {
  it('lists the caseload; the clinician and the municipal worker overlap only partly', async () => {
    const mine = (await t.app.inject({ url: '/api/persons', headers: await auth('behandler') })).json()
      .persons as { id: string }[];
    const theirs = (await t.app.inject({ url: '/api/persons', headers: await auth('kommune') })).json()
      .persons as { id: string }[];
    const a = new Set(mine.map((p) => p.id));
    const b = new Set(theirs.map((p) => p.id));
    const both = [...a].filter((id) => b.has(id));
    assert.ok(a.has(ids.pasient) && b.has(ids.pasient));
    assert.ok(both.length > 0 && both.length < a.size && both.length < b.size);
    const search = (
      await t.app.inject({ url: '/api/persons?q=pasi', headers: await auth('behandler') })
    ).json().persons;
    assert.deepEqual(
      search.map((p: { id: string }) => p.id),
      [ids.pasient],
    );
  });

  it("shows the person's own words and strengths, the 8 domains, the care team and organisations", async () => {
    const res = await t.app.inject({ url: `/api/persons/${ids.pasient}`, headers: await auth('behandler') });
    const { person, access } = res.json();
    assert.equal(access.basis, 'care-relation');
    assert.match(person.aboutMe, /liker å fiske/);
    assert.match(person.strengths, /god humor/);
    assert.equal(person.livingConditions.length, 8);
    assert.deepEqual(person.completeness, { rated: 6, of: 8 });
    const housing = person.livingConditions.find((d: { domain: string }) => d.domain === 'housing');
    assert.equal(housing.current.rating, 'green');
    assert.deepEqual(
      person.careTeam.map((m: { name: string }) => m.name).sort(),
      ['Bjørn Behandler', 'Kim Kommune'],
      'the ended inpatient relation is not in the current team',
    );
    assert.equal(person.organisations.length, 2);
  });

  it('records a rating with who made it, keeps the old one as history', async () => {
    const headers = await auth('kommune');
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${ids.pasient}/ratings`,
      headers,
      payload: { domain: 'finances', rating: 'green', note: 'Gjelden er ordnet med NAV' },
    });
    assert.equal(created.statusCode, 201);
    const history = (
      await t.app.inject({ url: `/api/persons/${ids.pasient}/ratings?domain=finances`, headers })
    ).json().ratings;
    assert.deepEqual(
      history.map((r: { rating: string }) => r.rating),
      ['green', 'yellow'],
    );
    assert.equal(history[0].id, created.json().id, 'the id answered is the rating stored');
    const audited = await t.db.owner
      .selectFrom('audit_event')
      .select('resource_id')
      .where('resource_type', '=', 'LivingConditionRating')
      .where('action', '=', 'create')
      .where('resource_id', '=', created.json().id)
      .execute();
    assert.equal(audited.length, 1, 'its creation is audited with its id');
    assert.equal(history[0].ratedBy.name, 'Kim Kommune');
    assert.equal(history[0].ratedBy.role, 'municipal');
  });

  it('keeps a note exactly as written, quotes and dollar signs too', async () => {
    const headers = await auth('kommune');
    const note = "Sa: «$j$'); drop table audit_event; --» og $jx$ \\ ferdig";
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${ids.pasient}/ratings`,
      headers,
      payload: { domain: 'housing', rating: 'yellow', note },
    });
    assert.equal(created.statusCode, 201);
    const history = (
      await t.app.inject({ url: `/api/persons/${ids.pasient}/ratings?domain=housing`, headers })
    ).json().ratings;
    assert.equal(history[0].id, created.json().id);
    assert.equal(history[0].note, note);
  });

  it('lets only staff with a rating role rate, and never for an unknown domain', async () => {
    const payload = { domain: 'housing', rating: 'red' };
    for (const username of ['pasient', 'likeperson']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/persons/${ids.pasient}/ratings`,
        headers: await auth(username),
        payload,
      });
      assert.equal(res.statusCode, 403, username);
    }
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${ids.pasient}/ratings`,
      headers: await auth('behandler'),
      payload: { domain: 'misbruk', rating: 'red' },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'invalid_input');
  });

  it("lets the person write 'om meg' in their own words, shown as written by them", async () => {
    const headers = await auth('pasient');
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/persons/${ids.pasient}/about`,
      headers,
      payload: { aboutMe: 'Jeg heter Per og vil jobbe med båter.', strengths: 'Stå-på-vilje' },
    });
    assert.equal(res.statusCode, 200);
    const view = (await t.app.inject({ url: `/api/persons/${ids.pasient}`, headers })).json().person;
    assert.equal(view.aboutMe, 'Jeg heter Per og vil jobbe med båter.');
    assert.deepEqual(view.aboutMeWrittenBy, { kind: 'person' });
    const peer = await t.app.inject({
      method: 'PUT',
      url: `/api/persons/${ids.pasient}/about`,
      headers: await auth('likeperson'),
      payload: { aboutMe: 'x', strengths: 'y' },
    });
    assert.equal(peer.statusCode, 403);
  });

  it('shows the access log to the person, and to the leader of the organisation holding the record', async () => {
    const status = async (id: string, username: string) =>
      (await t.app.inject({ url: `/api/persons/${id}/access-log`, headers: await auth(username) }))
        .statusCode;
    assert.equal(await status(ids.pasient, 'pasient'), 200);
    assert.equal(await status(ids.pasient, 'leder'), 200);
    assert.equal(await status(ids.stranger, 'leder'), 200);
    assert.equal(await status(ids.pasient, 'behandler'), 403);
    assert.equal(await status(ids.pasient, 'kommune'), 403);
    assert.equal(await status(ids.municipalOnly, 'leder'), 404);
  });
});
