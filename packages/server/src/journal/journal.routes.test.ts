import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { JournalNoteView, JournalPage, SharedNotes } from '@bedring/contract';
import { demoIds } from '../testing/demo-ids.ts';
import { accountId, expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';

/**
 * The journal over HTTP (docs/decisions/0014-journal.md): a note per contact, a draft until its author signs
 * it, then only amended; the person reads what is shared with them, and a note is withheld only with a
 * reason, which is logged.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let per: Headers;
let bjorn: Headers;
let kim: Headers;
let lise: Headers;
let journal: string;
let shared: string;
let planEntryId: string;
before(async () => {
  t = await testApp();
  ids = await demoIds(t.db);
  per = await login(t, 'pasient');
  bjorn = await login(t, 'behandler');
  kim = await login(t, 'kommune');
  lise = await login(t, 'likeperson');
  journal = `/api/persons/${ids.pasient}/journal`;
  shared = `/api/persons/${ids.pasient}/shared-notes`;
  // One of Per's own plan entries, made by his clinician (the plan API), to link a note to.
  const entry = await expectStatus<{ id: string }>(
    send(t, 'POST', `/api/persons/${ids.pasient}/plans/crisis/entries`, bjorn, {
      section: 'warning-sign',
      text: 'Trekker meg unna',
    }),
    201,
  );
  planEntryId = entry.id;
});
after(() => t.close());

/** Everything a refused request could have written. */
async function footprint() {
  const o = t.db.owner;
  const rows = async (table: 'journal_note' | 'journal_amendment' | 'contact') =>
    o.selectFrom(table).selectAll().where('person_id', '=', ids.pasient).orderBy('id').execute();
  return {
    notes: await rows('journal_note'),
    amendments: await rows('journal_amendment'),
    contacts: await rows('contact'),
  };
}

const homeVisit = {
  contactAt: '2026-11-21T13:30:00Z',
  kind: 'home-visit',
  text: 'Hjemmebesøk. Per viste meg leiligheten og fortalte om uka.',
};

describe('journal notes', () => {
  let noteId: string;

  it('are written as a draft that only the author sees, with the contact recorded', async () => {
    const made = await expectStatus<{ id: string; contactId: string; status: string }>(
      send(t, 'POST', journal, kim, { ...homeVisit, planEntryIds: [planEntryId] }),
      201,
    );
    noteId = made.id;
    assert.equal(made.status, 'draft');
    const contact = await t.db.owner
      .selectFrom('contact')
      .select(['kind', 'contact_on'])
      .where('id', '=', made.contactId)
      .executeTakeFirstOrThrow();
    assert.deepEqual([contact.kind, contact.contact_on], ['home-visit', '2026-11-21']);

    const own = await expectStatus<JournalNoteView>(send(t, 'GET', `${journal}/${noteId}`, kim), 200);
    assert.deepEqual(
      [own.author.name, own.author.role, own.status, own.planEntryIds],
      ['Kim Kommune', 'municipal', 'draft', [planEntryId]],
    );
    assert.ok(own.organisation.name.length > 0);
    await expectStatus(send(t, 'GET', `${journal}/${noteId}`, bjorn), 404);
    const page = await expectStatus<JournalPage>(send(t, 'GET', journal, bjorn), 200);
    assert.ok(!page.notes.some((n) => n.id === noteId));
    const forPer = await expectStatus<SharedNotes>(send(t, 'GET', shared, per), 200);
    assert.ok(!forPer.notes.some((n) => n.id === noteId));
  });

  it('are changed and signed by their author only', async () => {
    await expectStatus(send(t, 'PUT', `${journal}/${noteId}`, bjorn, { text: 'Ikke min' }), 404);
    const changed = await expectStatus<JournalNoteView>(
      send(t, 'PUT', `${journal}/${noteId}`, kim, { text: `${homeVisit.text} Vi avtalte ny tid.` }),
      200,
    );
    assert.match(changed.text, /ny tid/);
    assert.deepEqual(changed.planEntryIds, [planEntryId]);
    await expectStatus(send(t, 'POST', `${journal}/${noteId}/sign`, bjorn), 404);
    const signed = await expectStatus<JournalNoteView>(
      send(t, 'POST', `${journal}/${noteId}/sign`, kim),
      200,
    );
    assert.equal(signed.status, 'signed');
    assert.equal(signed.signedAt, '2026-11-22T10:00:00.000Z');
    const seen = await expectStatus<JournalNoteView>(send(t, 'GET', `${journal}/${noteId}`, bjorn), 200);
    assert.equal(seen.status, 'signed');
    const forPer = await expectStatus<SharedNotes>(send(t, 'GET', shared, per), 200);
    const mine = forPer.notes.find((n) => n.id === noteId);
    assert.deepEqual(mine && [mine.kind, mine.authorName, mine.text], [
      'home-visit',
      'Kim Kommune',
      `${homeVisit.text} Vi avtalte ny tid.`,
    ]);
  });

  it('are never changed once signed, by the API or in the database: they are amended', async () => {
    const before = await footprint();
    const put = await send(t, 'PUT', `${journal}/${noteId}`, kim, { text: 'Skrevet om' });
    assert.equal(put.statusCode, 409);
    assert.equal(put.json().error.code, 'journal_signed');
    assert.equal((await send(t, 'POST', `${journal}/${noteId}/sign`, kim)).statusCode, 409);
    await assert.rejects(
      t.db.owner.updateTable('journal_note').set({ text: 'Skrevet om' }).where('id', '=', noteId).execute(),
      /signed journal note/,
    );
    assert.deepEqual(await footprint(), before);

    await expectStatus(
      send(t, 'POST', `${journal}/${noteId}/amendments`, bjorn, {
        text: 'Rettelse: besøket var på torsdag.',
      }),
      201,
    );
    const seen = await expectStatus<JournalNoteView>(send(t, 'GET', `${journal}/${noteId}`, kim), 200);
    assert.match(seen.text, /ny tid/);
    assert.deepEqual(
      seen.amendments.map((a) => [a.text, a.author.name, a.writtenAt]),
      [['Rettelse: besøket var på torsdag.', 'Bjørn Behandler', '2026-11-22T10:00:00.000Z']],
    );
    const forPer = await expectStatus<SharedNotes>(send(t, 'GET', shared, per), 200);
    assert.deepEqual(
      forPer.notes.find((n) => n.id === noteId)?.amendments.map((a) => a.authorName),
      ['Bjørn Behandler'],
    );
  });

  it('are not amended while a draft', async () => {
    const draft = await expectStatus<{ id: string }>(
      send(t, 'POST', journal, bjorn, { ...homeVisit, kind: 'meeting' }),
      201,
    );
    const res = await send(t, 'POST', `${journal}/${draft.id}/amendments`, bjorn, { text: 'Tillegg' });
    assert.equal(res.statusCode, 409);
  });

  it('are withheld from the person only with a stated reason, which is logged; and shared again', async () => {
    const before = await footprint();
    const bare = await send(t, 'PUT', `${journal}/${noteId}/sharing`, bjorn, { withheld: true });
    assert.equal(bare.statusCode, 400);
    assert.equal(bare.json().error.code, 'reason_needed');
    assert.equal(
      (await send(t, 'PUT', `${journal}/${noteId}/sharing`, bjorn, { withheld: true, reason: 'kort' }))
        .statusCode,
      400,
    );
    assert.deepEqual(await footprint(), before);

    const reason = 'Inneholder opplysninger om en tredjeperson';
    const withheld = await expectStatus<JournalNoteView>(
      send(t, 'PUT', `${journal}/${noteId}/sharing`, bjorn, { withheld: true, reason }),
      200,
    );
    assert.deepEqual(withheld.withheld, {
      reason,
      byName: 'Bjørn Behandler',
      at: '2026-11-22T10:00:00.000Z',
    });
    const forPer = await expectStatus<SharedNotes>(send(t, 'GET', shared, per), 200);
    assert.ok(!forPer.notes.some((n) => n.id === noteId));
    const logged = await t.db.owner
      .selectFrom('audit_event')
      .select(['action', 'purpose', 'actor_account_id'])
      .where('resource_id', '=', noteId)
      .where('purpose', 'is not', null)
      .execute();
    assert.ok(
      logged.some(
        (e) => e.action === 'update' && e.purpose?.includes(reason) && e.actor_account_id === ids.behandler,
      ),
    );

    await expectStatus(send(t, 'PUT', `${journal}/${noteId}/sharing`, bjorn, { withheld: false }), 200);
    const again = await expectStatus<SharedNotes>(send(t, 'GET', shared, per), 200);
    assert.ok(again.notes.some((n) => n.id === noteId));
    assert.equal(
      (await send(t, 'PUT', `${journal}/${noteId}/sharing`, bjorn, { withheld: false })).statusCode,
      409,
    );
  });

  it('are read and written by the helpers only: not by a peer worker, and the person reads only their own route', async () => {
    const before = await footprint();
    assert.equal((await send(t, 'GET', journal, lise)).statusCode, 403);
    assert.equal((await send(t, 'GET', journal, per)).statusCode, 403);
    assert.equal((await send(t, 'POST', journal, per, homeVisit)).statusCode, 403);
    assert.equal((await send(t, 'POST', journal, lise, homeVisit)).statusCode, 403);
    assert.equal((await send(t, 'GET', shared, bjorn)).statusCode, 403);
    assert.ok(
      [403, 404].includes((await send(t, 'GET', `/api/persons/${ids.stranger}/journal`, bjorn)).statusCode),
    );
    assert.ok(
      [403, 404].includes(
        (await send(t, 'POST', `/api/persons/${ids.stranger}/journal`, bjorn, homeVisit)).statusCode,
      ),
    );
    assert.deepEqual(await footprint(), before);
  });

  it('refuse bad input and write nothing', async () => {
    const before = await footprint();
    const bad: object[] = [
      { ...homeVisit, text: '' },
      { ...homeVisit, text: '   ' },
      { ...homeVisit, kind: 'visit' },
      { ...homeVisit, contactAt: '2026-11-23T10:00:00Z' },
      { ...homeVisit, contactAt: 'i går' },
      { ...homeVisit, planEntryIds: ['0f6b1c6e-7d0a-4c39-9a52-1a00000000c0'] },
      { ...homeVisit, contactId: '0f6b1c6e-7d0a-4c39-9a52-1a00000000c0' },
      { ...homeVisit, status: 'signed' },
    ];
    for (const body of bad) {
      const res = await send(t, 'POST', journal, kim, body);
      assert.ok(
        res.statusCode === 400 || res.statusCode === 404,
        `${JSON.stringify(body)} → ${res.statusCode}`,
      );
      assert.ok(res.json().error.code, res.body);
    }
    assert.deepEqual(await footprint(), before);
  });

  it('"not at home" is a contact in the journal too, and plans no session feedback', async () => {
    const made = await expectStatus<{ planned: string[]; status: string }>(
      send(t, 'POST', journal, kim, {
        contactAt: '2026-11-20T09:00:00Z',
        kind: 'not-met',
        text: 'Ikke hjemme ved avtalt besøk. La igjen lapp med nytt tidspunkt.',
        sign: true,
      }),
      201,
    );
    assert.deepEqual([made.planned, made.status], [[], 'signed']);
  });
});

describe('the journal view', () => {
  before(async () => {
    for (const [day, kind, who, text] of [
      ['2026-10-01', 'meeting', bjorn, 'Samtale om mål for høsten'],
      ['2026-10-08', 'phone', bjorn, 'Telefon om timeendring'],
      ['2026-10-15', 'video', bjorn, 'Videosamtale, Per var sliten'],
      ['2026-10-22', 'group', bjorn, 'Gruppe om søvnrytme'],
    ] as const)
      await expectStatus(
        send(t, 'POST', journal, who, { contactAt: `${day}T10:00:00Z`, kind, text, sign: true }),
        201,
      );
  });

  it('shows the newest first, a page at a time, without gaps or repeats', async () => {
    const seen: JournalNoteView[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: JournalPage = await expectStatus<JournalPage>(
        send(t, 'GET', `${journal}?limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`, bjorn),
        200,
      );
      seen.push(...page.notes);
      // The filters' choices come with the first page only.
      assert.equal(page.authors.length > 0, pages === 0);
      after = page.next;
      pages++;
    } while (after && pages < 20);
    const all = await expectStatus<JournalPage>(send(t, 'GET', `${journal}?limit=100`, bjorn), 200);
    assert.deepEqual(
      seen.map((n) => n.id),
      all.notes.map((n) => n.id),
    );
    assert.equal(new Set(seen.map((n) => n.id)).size, seen.length);
    const times = seen.map((n) => n.contactAt);
    assert.deepEqual(times, [...times].sort().reverse());
    assert.ok(pages >= 3);
  });

  it('filters by kind, author, organisation and period, and searches the text', async () => {
    const get = async (query: string) =>
      (await expectStatus<JournalPage>(send(t, 'GET', `${journal}?${query}`, bjorn), 200)).notes;
    assert.deepEqual(
      (await get('kind=video')).map((n) => n.text),
      ['Videosamtale, Per var sliten'],
    );
    const kimId = await accountId(t, 'kommune');
    const byKim = await get(`author=${kimId}`);
    assert.ok(byKim.length >= 2 && byKim.every((n) => n.author.id === kimId));
    const page = await expectStatus<JournalPage>(send(t, 'GET', journal, bjorn), 200);
    const kimsOrganisation = byKim[0]!.organisation.id;
    assert.ok(page.organisations.some((o) => o.id === kimsOrganisation));
    assert.ok(page.authors.some((a) => a.id === kimId));
    assert.ok((await get(`organisation=${kimsOrganisation}`)).every((n) => n.author.id === kimId));
    assert.deepEqual(
      (await get('from=2026-10-08&to=2026-10-15')).map((n) => n.kind),
      ['video', 'phone'],
    );
    assert.deepEqual(
      (await get('q=SØVNRYTME')).map((n) => n.kind),
      ['group'],
    );
    assert.deepEqual(await get('q=%25'), []);
    assert.equal((await send(t, 'GET', `${journal}?kind=visit`, bjorn)).statusCode, 400);
    assert.equal((await send(t, 'GET', `${journal}?after=nonsense`, bjorn)).statusCode, 400);
  });
});
