import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoIds } from '../testing/demo-ids.ts';
import { pdfContent } from '../testing/pdf-text.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';

/**
 * "Mine data" as a PDF (docs/api.md): a valid PDF whose text — read back from its compressed
 * streams — has the person's own words with æ, ø and å, a heading per part, only what the caller may
 * see, in bokmål or English; audited; bad input in the /api error shape.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const USERS = ['behandler', 'pasient', 'kommune', 'likeperson'] as const;
type User = (typeof USERS)[number];
const auth = {} as Record<User, Record<string, string>>;

before(async () => {
  t = await testApp();
  ids = await demoIds(t.db);
  for (const u of USERS) auth[u] = { authorization: `Bearer ${await t.login(u)}` };
});
after(() => t.close());

const download = (who: User, query = '', id = ids.pasient, headers: Record<string, string> = {}) =>
  t.app.inject({ url: `/api/persons/${id}/export.pdf${query}`, headers: { ...auth[who], ...headers } });

async function textOf(who: User, query = '', headers: Record<string, string> = {}) {
  const res = await download(who, query, ids.pasient, headers);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="bedring-.*\.pdf"$/);
  assert.equal(res.headers['cache-control'], 'no-store');
  const pdf = res.rawPayload;
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(pdf.subarray(-8).toString('latin1'), /%%EOF\s*$/);
  const { lines, objects } = pdfContent(pdf);
  assert.match(objects, /\/BaseFont \/Helvetica/);
  assert.match(objects, /\/Encoding \/WinAnsiEncoding/);
  // One line per Tj: words are wrapped at spaces, so the lines joined with spaces give the text back.
  return { lines, text: lines.join(' ') };
}

describe('GET /api/persons/{id}/export.pdf', () => {
  it('gives the person their record in bokmål: their words with æøå, and a heading per part', async () => {
    const read = await t.app.inject({ url: `/api/persons/${ids.pasient}`, headers: auth.behandler });
    assert.equal(read.statusCode, 200);
    const { lines, text } = await textOf('pasient');
    assert.equal(lines[0], 'Opplysninger om Per Pasient i Bedring');
    for (const heading of [
      'Om meg',
      'Planene',
      'Forløpet',
      'Skjemaer og resultater',
      'Tilbakefall',
      'Nettverket',
      'Risikovurderinger',
      'Barn og pårørende',
      'Hvem har sett journalen',
    ])
      assert.ok(lines.includes(heading), `heading ${heading}`);
    for (const plan of ['Behandlingsplan', 'Tilbakefallsforebyggende plan', 'Kriseplan', 'Løfter'])
      assert.ok(lines.includes(plan), plan);
    assert.match(text, /Mål: Ha et sted å bo som er mitt/);
    assert.match(text, /Skrevet av Per Pasient selv/);
    assert.match(text, /Pengene kom på fredag, og jeg var alene hele helga\./, 'the lapse in his words');
    assert.match(text, /ikke det du har fått til/, 'a lapse never resets progress');
    assert.match(text, /Ole, broren min \(familie\): støttende/);
    assert.match(text, /Side 1 av \d+/);
    assert.match(
      text,
      /Bjørn Behandler, behandler, [^:]+: leste/,
      'the access log names who read the record',
    );
    assert.doesNotMatch(
      text,
      /withdrawal|relapse-risk/,
      'results are questionnaire scores, not staff ratings',
    );
    assert.match(text, /PHQ-9 totalskår: 5 \(Lette depresjonsplager\)/);
    // His risk assessments, each with the level in words, what it rests on, the plan and the assessor.
    assert.match(
      text,
      /: Selvmordsrisiko, moderat/,
      'the assessment on admission, not shared, is his to see',
    );
    assert.match(text, /: Voldsrisiko, lav/);
    assert.match(text, /Vurderingen bygger på: Ingen vold eller trusler kjent/);
    assert.match(text, /Plan: Kriseplanen følger med hjem\./);
    assert.match(text, /Vurdert av Bjørn Behandler, behandler/);
    // His children and relatives on the record's list, apart from his own network map.
    assert.ok(lines.includes('Barn') && lines.includes('Andre pårørende'));
    assert.match(text, /Emma, født 2012/);
    assert.match(text, /Oppfølging som er avtalt: Familiesamtale på poliklinikken/);
    assert.match(text, /Snakket med barnet: nei/, 'Jonas, not spoken with yet');
    assert.match(text, /Ole Pasient \(søsken\)/);
    assert.match(text, /Kan kontaktes: ja\. Kan få informasjon: ja\./);
    assert.match(text, /Sist endret [^ ]+ \w+ \d{4} av Bjørn Behandler/);
    assert.doesNotMatch(text, /\?\?/, 'no letter fell out of the font');
  });

  it('is in English with ?lang=en, or when the browser asks for English', async () => {
    for (const [query, headers] of [
      ['?lang=en', {}],
      ['', { 'accept-language': 'en-GB,en;q=0.9' }],
    ] as const) {
      const { lines, text } = await textOf('pasient', query, headers);
      assert.equal(lines[0], 'Information about Per Pasient in Bedring');
      for (const heading of [
        'About me',
        'The plans',
        'The pathway',
        'Lapses',
        'The network',
        'Risk assessments',
        'Children and relatives',
      ])
        assert.ok(lines.includes(heading), heading);
      assert.match(text, /Goal: Ha et sted å bo som er mitt/, 'his words stay his');
    }
    const { lines } = await textOf('pasient', '?lang=nb', { 'accept-language': 'en' });
    assert.ok(lines.includes('Om meg'));
  });

  it('shows another organisation only what the consent shares, and no access log', async () => {
    const { lines, text } = await textOf('kommune');
    assert.ok(lines.includes('Behandlingsplan') && lines.includes('Kriseplan'));
    assert.ok(!lines.includes('Tilbakefallsforebyggende plan'));
    assert.ok(!lines.includes('Tilbakefall'), 'lapses belong to the relapse-prevention plan');
    assert.ok(!lines.includes('Hvem har sett journalen'));
    assert.ok(!lines.includes('Nettverket'), 'the network map is not shared with kommune');
    assert.doesNotMatch(text, /Ole, broren min \(familie\)/);
    assert.doesNotMatch(text, /Pengene kom på fredag/);
    // The risk assessments shared with the handover only; the children and relatives by the consent.
    assert.ok(lines.includes('Risikovurderinger') && lines.includes('Barn og pårørende'));
    assert.match(text, /: Selvmordsrisiko, lav/);
    assert.doesNotMatch(text, /Selvmordsrisiko, moderat/, 'the assessment on admission was not shared');
    assert.match(text, /Emma, født 2012/);
  });

  it('is audited as one read', async () => {
    const count = async () =>
      (
        await t.db.owner
          .selectFrom('audit_event')
          .select('id')
          .where('person_id', '=', ids.pasient)
          .where('resource_type', '=', 'RecordExport')
          .where('actor_role', '=', 'clinician')
          .execute()
      ).length;
    const before = await count();
    await textOf('behandler');
    assert.equal(await count(), before + 1);
  });

  it('refuses bad input and callers without access in the /api error shape', async () => {
    for (const [who, query, id, status] of [
      ['behandler', '', 'not-a-uuid', [400]],
      ['behandler', '?lang=de', ids.pasient, [400]],
      ['behandler', '?x=1', ids.pasient, [400]],
      ['behandler', '', ids.stranger, [403]],
      ['behandler', '', '00000000-0000-4000-8000-000000000000', [404]],
      ['likeperson', '', ids.pasient, [403, 404]],
      ['pasient', '', ids.stranger, [403, 404]],
    ] as const) {
      const res = await download(who, query, id);
      assert.ok(
        (status as readonly number[]).includes(res.statusCode),
        `${who} ${id}${query}: ${res.statusCode}`,
      );
      const body = res.json() as { error: { code: string; message: string; details: unknown[] } };
      assert.equal(typeof body.error.code, 'string');
      assert.ok(Array.isArray(body.error.details));
    }
    assert.equal((await t.app.inject({ url: `/api/persons/${ids.pasient}/export.pdf` })).statusCode, 401);
  });
});
