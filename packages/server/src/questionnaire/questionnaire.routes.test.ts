import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TrajectoryList } from '@bedring/contract';
import { Value } from '@sinclair/typebox/value';
import { UNITS } from '../demo/demo.ts';
import { inTreatment, type Ref, recordEvent } from '../pathway/pathway.fixtures.ts';
import { demoIds } from '../testing/demo-ids.ts';
import { expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { TEST_NOW, type TestApp, testApp } from '../testing/test-app.ts';

/**
 * Questionnaires over HTTP (docs/decisions/0005-questionnaires.md): the library, planning on contacts and
 * pathway events, save and resume, scoring into observations, answers that do not fit, feedback alerts and
 * who sees what. The clock moves a minute per answer, so a trajectory's points have an order.
 */
let t: TestApp;
let clinician: Headers;
let leader: Headers;
let patient: Headers;
let admin: Headers;
let ids: Awaited<ReturnType<typeof demoIds>>;
let now = TEST_NOW;
const tick = () => {
  now = new Date(now.getTime() + 60_000);
};

before(async () => {
  t = await testApp({ clock: () => now });
  clinician = await login(t, 'behandler');
  leader = await login(t, 'leder');
  patient = await login(t, 'pasient');
  admin = await login(t, 'admin');
  ids = await demoIds(t.db);
});
after(() => t.close());

type Item = { linkId: string; answer?: object[]; item?: Item[] };
const choice = (linkId: string, code: string): Item => ({ linkId, answer: [{ valueCoding: { code } }] });
const all = (prefix: string, n: number, code: string) =>
  Array.from({ length: n }, (_, i) => choice(`${prefix}-${i + 1}`, code));
/** Session feedback with every question answered the same (0–4): total 5 × value. */
const feedback = (value: number, comment?: string): Item[] => [
  ...all('sf', 5, String(value)),
  ...(comment ? [{ linkId: 'sf-comment', answer: [{ valueString: comment }] }] : []),
];

interface Stored {
  id: string;
  status: string;
  scores: { linkId: string; value: number; band: { code: string; level: string } | null }[];
  alerts: { id: string; rule: string; scoreCode: string }[];
}

function answer(ref: { personId: string }, questionnaireId: string, item: Item[], headers = clinician) {
  tick();
  return send(t, 'POST', `/api/persons/${ref.personId}/responses`, headers, {
    questionnaireId,
    status: 'completed',
    item,
  });
}

const count = async (table: 'questionnaire_response' | 'observation' | 'feedback_alert', personId: string) =>
  Number(
    (
      await t.db.owner
        .selectFrom(table)
        .select((e) => e.fn.countAll().as('n'))
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const dueOf = async (personId: string, headers = clinician) =>
  (
    await expectStatus<{
      due: {
        questionnaireId: string;
        trigger: string;
        mayAnswer: boolean;
        contactId: string | null;
        title: string;
        titleEn: string;
      }[];
    }>(send(t, 'GET', `/api/persons/${personId}/questionnaires`, headers), 200)
  ).due;

describe('the instrument library', () => {
  it('lists the shipped instruments with source, licence and translation', async () => {
    const { questionnaires } = await expectStatus<{
      questionnaires: { id: string; provenance: { licence: string; translation: string } }[];
    }>(send(t, 'GET', '/api/questionnaires', clinician), 200);
    const byId = new Map(questionnaires.map((q) => [q.id, q]));
    for (const id of [
      'dudit',
      'audit',
      'audit-c',
      'phq-9',
      'gad-7',
      'who-5',
      'session-feedback',
      'goal-progress',
    ])
      assert.ok(byId.has(id), `${id} is shipped`);
    assert.match(byId.get('audit')!.provenance.licence, /commercial/i);
    const phq9 = await expectStatus<{ questionnaire: { resourceType: string; item: unknown[] } }>(
      send(t, 'GET', '/api/questionnaires/phq-9', patient),
      200,
    );
    assert.equal(phq9.questionnaire.resourceType, 'Questionnaire');
    await expectStatus(send(t, 'GET', '/api/questionnaires/ingen-slik', clinician), 404);
  });
});

describe('planning', () => {
  let ref: Ref;
  before(async () => {
    ref = await inTreatment(t, clinician);
  });

  it('plans the first-attendance instruments, and staff see them as missing', async () => {
    const due = await dueOf(ref.personId);
    const planned = due.filter((d) => d.trigger === 'first-attendance').map((d) => d.questionnaireId);
    assert.deepEqual(planned.sort(), ['audit', 'audit-c', 'dudit', 'gad-7', 'phq-9', 'who-5']);
    assert.ok(due.every((d) => d.mayAnswer));
  });

  it('plans session feedback and goal progress after a contact, once while it waits', async () => {
    for (const contactOn of ['2026-11-20', '2026-11-21']) {
      const c = await expectStatus<{ planned: string[] }>(
        send(t, 'POST', `${ref.person}/contacts`, clinician, { contactOn, kind: 'meeting', note: 'Samtale' }),
        201,
      );
      assert.deepEqual(c.planned.sort(), ['goal-progress', 'session-feedback']);
    }
    const due = await dueOf(ref.personId);
    const feedbackDue = due.filter((d) => d.questionnaireId === 'session-feedback');
    assert.equal(feedbackDue.length, 1);
    assert.ok(feedbackDue[0]?.contactId, 'the contact that planned it, so the answer is linked to it');
    assert.equal(feedbackDue[0]?.title, 'Tilbakemelding på samtalen');
    assert.equal(feedbackDue[0]?.titleEn, 'Feedback on the session');
    const { contacts } = await expectStatus<{ contacts: { contactOn: string; helperName: string }[] }>(
      send(t, 'GET', `${ref.person}/contacts`, clinician),
      200,
    );
    assert.deepEqual(
      contacts.map((c) => c.contactOn),
      ['2026-11-21', '2026-11-20'],
    );
  });

  it('refuses a contact in the future and writes nothing', async () => {
    const before = (await send(t, 'GET', `${ref.person}/contacts`, clinician)).json().contacts.length;
    await expectStatus(
      send(t, 'POST', `${ref.person}/contacts`, clinician, { contactOn: '2026-12-24', kind: 'phone' }),
      400,
    );
    assert.equal((await send(t, 'GET', `${ref.person}/contacts`, clinician)).json().contacts.length, before);
  });

  it('marks what was planned done by the answer, and an evaluation plans the instruments again', async () => {
    await expectStatus(answer(ref, 'phq-9', all('phq9', 9, 'not-at-all')), 201);
    assert.ok(!(await dueOf(ref.personId)).some((d) => d.questionnaireId === 'phq-9'));
    await expectStatus(
      recordEvent(t, clinician, ref, { kind: 'evaluation', date: '2026-11-22', withPerson: true }),
      201,
    );
    const again = (await dueOf(ref.personId)).filter((d) => d.questionnaireId === 'phq-9');
    assert.deepEqual(
      again.map((d) => d.trigger),
      ['evaluation'],
    );
  });
});

describe('answering', () => {
  let ref: Ref;
  before(async () => {
    ref = await inTreatment(t, clinician);
  });

  it('saves an unfinished answer without scoring it, and resumes it to completion', async () => {
    tick();
    const started = await expectStatus<Stored>(
      send(t, 'POST', `${ref.person}/responses`, clinician, {
        questionnaireId: 'phq-9',
        status: 'in-progress',
        item: all('phq9', 4, 'several-days'),
      }),
      201,
    );
    assert.equal(started.status, 'in-progress');
    assert.deepEqual(started.scores, []);
    assert.equal(await count('observation', ref.personId), 0);
    const saved = await expectStatus<{ response: { status: string; item: Item[] } }>(
      send(t, 'GET', `${ref.person}/responses/${started.id}`, clinician),
      200,
    );
    assert.equal(saved.response.item.length, 4);

    // Someone else may not finish it for the clinician.
    const colleague = await login(t, 'leder');
    await expectStatus(
      send(t, 'PUT', `${ref.person}/responses/${started.id}`, colleague, {
        status: 'completed',
        item: all('phq9', 9, 'several-days'),
      }),
      403,
    );

    tick();
    const done = await expectStatus<Stored>(
      send(t, 'PUT', `${ref.person}/responses/${started.id}`, clinician, {
        status: 'completed',
        item: all('phq9', 9, 'several-days'),
      }),
      200,
    );
    const total = done.scores.find((s) => s.linkId === 'phq9-total');
    assert.equal(total?.value, 9);
    // Finished later, it is still the response begun earlier: its start stays, its time is the finish.
    const row = await t.db.owner
      .selectFrom('questionnaire_response')
      .select(['started_at', 'authored_at', 'status'])
      .where('id', '=', started.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'completed');
    assert.ok(row.started_at < row.authored_at, 'started before it was finished');
    assert.equal(await count('questionnaire_response', ref.personId), 1);
    assert.equal(total?.band?.level, 'mild');
    assert.equal(await count('observation', ref.personId), done.scores.length);
    await expectStatus(
      send(t, 'PUT', `${ref.person}/responses/${started.id}`, clinician, {
        status: 'completed',
        item: all('phq9', 9, 'not-at-all'),
      }),
      409,
    );
  });

  it('scores with the cut-offs of the person’s sex (AUDIT-C: 3 is a positive screen for women, not for men)', async () => {
    const woman = await inTreatment(t, clinician, {}, { person: personOf('female') });
    const man = await inTreatment(t, clinician, {}, { person: personOf('male') });
    const items = [
      choice('auditc-1', '2-4-a-month'),
      choice('auditc-2', '1-2'),
      choice('auditc-3', 'less-than-monthly'),
    ];
    const w = await expectStatus<Stored>(answer(woman, 'audit-c', items), 201);
    const m = await expectStatus<Stored>(answer(man, 'audit-c', items), 201);
    assert.equal(w.scores[0]?.value, 3);
    assert.equal(m.scores[0]?.value, 3);
    assert.notEqual(w.scores[0]?.band?.code, m.scores[0]?.band?.code);
  });

  const misfits: [string, string, Item[], string][] = [
    [
      'an unknown linkId',
      'phq-9',
      [...all('phq9', 9, 'not-at-all'), choice('phq9-99', 'not-at-all')],
      'phq9-99',
    ],
    [
      'a wrong answer type',
      'phq-9',
      [...all('phq9', 8, 'not-at-all'), { linkId: 'phq9-9', answer: [{ valueString: 'aldri' }] }],
      'phq9-9',
    ],
    [
      'an option that does not exist',
      'phq-9',
      [...all('phq9', 8, 'not-at-all'), choice('phq9-9', 'alltid')],
      'phq9-9',
    ],
    ['a missing required item', 'phq-9', all('phq9', 8, 'not-at-all'), 'phq9-9'],
    [
      'an answer to a question the skip logic hides',
      'audit-c',
      [choice('auditc-1', 'never'), choice('auditc-2', '10-or-more')],
      'auditc-2',
    ],
    [
      'a calculated total sent by the client',
      'session-feedback',
      [...feedback(4), { linkId: 'sf-total', answer: [{ valueInteger: 20 }] }],
      'sf-total',
    ],
  ];
  for (const [what, questionnaireId, item, linkId] of misfits) {
    it(`refuses ${what}, naming the item, and writes nothing`, async () => {
      const before = await count('questionnaire_response', ref.personId);
      const res = await answer(ref, questionnaireId, item);
      assert.equal(res.statusCode, 400, res.body);
      const body = res.json() as { error: { code: string; details: { field: string }[] } };
      assert.equal(body.error.code, 'response_does_not_fit');
      assert.ok(
        body.error.details.some((d) => d.field === linkId),
        `${linkId} named in ${res.body}`,
      );
      assert.equal(await count('questionnaire_response', ref.personId), before);
    });
  }

  it('links feedback to the person’s own contact, and refuses another person’s contact without writing', async () => {
    const other = await inTreatment(t, clinician);
    const contactOf = async (r: Ref) =>
      (
        await expectStatus<{ id: string }>(
          send(t, 'POST', `${r.person}/contacts`, clinician, { contactOn: '2026-11-21', kind: 'meeting' }),
          201,
        )
      ).id;
    const theirs = await contactOf(other);
    const before = await count('questionnaire_response', ref.personId);
    tick();
    const refused = send(t, 'POST', `${ref.person}/responses`, clinician, {
      questionnaireId: 'session-feedback',
      status: 'completed',
      item: feedback(4),
      contactId: theirs,
    });
    assert.equal(
      (await expectStatus<{ error: { message: string } }>(refused, 404)).error.message,
      'Fant ikke kontakten.',
    );
    assert.equal(await count('questionnaire_response', ref.personId), before);

    const ours = await contactOf(ref);
    tick();
    const stored = await expectStatus<Stored>(
      send(t, 'POST', `${ref.person}/responses`, clinician, {
        questionnaireId: 'session-feedback',
        status: 'completed',
        item: feedback(4),
        contactId: ours,
      }),
      201,
    );
    const row = await t.db.owner
      .selectFrom('questionnaire_response')
      .select(['contact_id', 'episode_id'])
      .where('id', '=', stored.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.contact_id, ours);
    assert.equal(row.episode_id, ref.episodeId);
  });

  it('refuses an instrument the organisation does not have', async () => {
    await expectStatus(answer(ref, 'ors', feedback(4)), 404);
  });
});

let serial = 0;
function personOf(gender: 'female' | 'male') {
  serial += 1;
  return {
    nationalId: `0201708${String(serial).padStart(4, '0')}`,
    givenName: gender === 'female' ? 'Kari' : 'Ola',
    familyName: 'Skåre',
    birthDate: '1970-01-02',
    gender,
  };
}

describe('feedback alerts', () => {
  let ref: Ref;
  before(async () => {
    ref = await inTreatment(t, clinician);
  });

  const mine = async (headers: Headers) =>
    (
      await expectStatus<{ alerts: { id: string; rule: string; person: { id: string } }[] }>(
        send(t, 'GET', '/api/feedback-alerts', headers),
        200,
      )
    ).alerts.filter((a) => a.person.id === ref.personId);

  it('raises nothing while the feedback is good', async () => {
    const good = await expectStatus<Stored>(
      answer(ref, 'session-feedback', feedback(4, 'Fint å bli hørt.')),
      201,
    );
    assert.equal(good.scores[0]?.value, 20);
    assert.deepEqual(good.alerts, []);
  });

  it('raises low and falling feedback, says on which values, and puts it on the clinician’s and the leader’s lists', async () => {
    const low = await expectStatus<Stored>(answer(ref, 'session-feedback', feedback(2)), 201);
    assert.deepEqual(low.alerts.map((a) => a.rule).sort(), ['falling-feedback', 'low-feedback']);
    const { alerts } = await expectStatus<{
      alerts: {
        rule: string;
        finding: { rule: string; values: number[]; params: Record<string, unknown> };
      }[];
    }>(send(t, 'GET', `${ref.person}/feedback-alerts`, clinician), 200);
    const falling = alerts.find((a) => a.rule === 'falling-feedback');
    assert.ok(falling, JSON.stringify(alerts));
    assert.ok(JSON.stringify(falling.finding).includes('20'), 'the earlier value is named');
    assert.ok(JSON.stringify(falling.finding).includes('10'), 'the latest value is named');
    assert.equal((await mine(clinician)).length, 2, 'on the responsible clinician’s worklist');
    assert.equal((await mine(leader)).length, 2, 'on the outpatient unit’s board');
    const units = await t.db.owner
      .selectFrom('feedback_alert')
      .select('unit_id')
      .where('person_id', '=', ref.personId)
      .execute();
    assert.deepEqual(
      units.map((u) => u.unit_id),
      [UNITS.outpatient, UNITS.outpatient],
    );
  });

  it('does not raise the same alert again while it waits, and an acknowledged one leaves the lists', async () => {
    const again = await expectStatus<Stored>(answer(ref, 'session-feedback', feedback(1)), 201);
    assert.deepEqual(again.alerts, []);
    assert.equal(await count('feedback_alert', ref.personId), 2);
    const [first] = await mine(clinician);
    await expectStatus(
      send(t, 'POST', `/api/feedback-alerts/${first!.id}/acknowledge`, clinician, { note: '' }),
      400,
    );
    await expectStatus(
      send(t, 'POST', `/api/feedback-alerts/${first!.id}/acknowledge`, clinician, {
        note: 'Snakket om hva som ikke passet; vi endrer opplegget.',
      }),
      200,
    );
    await expectStatus(
      send(t, 'POST', `/api/feedback-alerts/${first!.id}/acknowledge`, clinician, { note: 'To ganger' }),
      409,
    );
    assert.equal((await mine(clinician)).length, 1);
    const { alerts } = await expectStatus<{
      alerts: { id: string; acknowledged: { note: string } | null }[];
    }>(send(t, 'GET', `${ref.person}/feedback-alerts`, clinician), 200);
    assert.match(alerts.find((a) => a.id === first!.id)?.acknowledged?.note ?? '', /endrer opplegget/);
  });

  it('records use of the feedback tool on the next evaluation', async () => {
    const event = await expectStatus<{ feedbackToolUsed?: boolean }>(
      recordEvent(t, clinician, ref, { kind: 'evaluation', date: '2026-11-22', withPerson: true }),
      201,
    );
    const row = await t.db.owner
      .selectFrom('pathway_event')
      .selectAll()
      .where('episode_id', '=', ref.episodeId)
      .where('kind', '=', 'evaluation')
      .executeTakeFirstOrThrow();
    assert.equal(row.feedback_tool_used, true, JSON.stringify(event));
  });

  it('uses the organisation’s own rules: with low feedback off, only falling feedback fires', async () => {
    const other = await inTreatment(t, clinician);
    const bad = await send(t, 'PUT', '/api/admin/feedback-rules', admin, {
      rules: [{ kind: 'low-feedback', enabled: true, cutOff: -4 }],
    });
    assert.equal(bad.statusCode, 400, bad.body);
    await expectStatus(
      send(t, 'PUT', '/api/admin/feedback-rules', admin, {
        rules: [
          { kind: 'low-feedback', enabled: false, cutOff: 15 },
          { kind: 'falling-feedback', enabled: true, drop: 3 },
        ],
      }),
      200,
    );
    try {
      await expectStatus(answer(other, 'session-feedback', feedback(4)), 201);
      const low = await expectStatus<Stored>(answer(other, 'session-feedback', feedback(2)), 201);
      assert.deepEqual(
        low.alerts.map((a) => a.rule),
        ['falling-feedback'],
      );
    } finally {
      await t.db.owner.deleteFrom('feedback_alert_rule').execute();
    }
  });
});

describe('the person', () => {
  it('sees what is due for them, answers it and sees their own graph', async () => {
    const personId = ids.pasient;
    const due = await dueOf(personId, patient);
    assert.ok(due.every((d) => d.mayAnswer));
    const stored = await expectStatus<Stored>(
      answer({ personId }, 'who-5', all('who5', 5, 'most-of-the-time'), patient),
      201,
    );
    assert.equal(stored.scores.find((s) => s.linkId === 'who5-percentage')?.value, 80);
    const { trajectories } = await expectStatus<{
      trajectories: {
        questionnaireId: string;
        title: string;
        score: { linkId: string };
        points: { at: string; value: number; bandCode: string | null; responseId: string }[];
      }[];
    }>(send(t, 'GET', `/api/persons/${personId}/trajectories?questionnaire=who-5`, patient), 200);
    const percentage = trajectories.find((x) => x.score.linkId === 'who5-percentage');
    assert.equal(percentage?.questionnaireId, 'who-5');
    assert.match(percentage.title, /WHO/);
    const times = percentage.points.map((p) => p.at);
    assert.deepEqual(times, times.toSorted(), 'the points come by time');
    assert.deepEqual(percentage.points.at(-1), {
      at: percentage.points.at(-1)?.at,
      value: 80,
      bandCode: stored.scores.find((s) => s.linkId === 'who5-percentage')?.band?.code ?? null,
      responseId: stored.id,
    });
    assert.match(percentage.points.at(-1)?.at ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('does not see an instrument the organisation keeps from the person, nor its scores', async () => {
    const personId = ids.pasient;
    await expectStatus(answer({ personId }, 'phq-9', all('phq9', 9, 'several-days')), 201);
    await expectStatus(
      send(t, 'PUT', '/api/admin/questionnaires/phq-9/settings', admin, {
        visibleToPerson: false,
        triggers: ['first-attendance'],
        answeredBy: ['staff'],
      }),
      200,
    );
    try {
      const { trajectories } = await expectStatus<{ trajectories: { questionnaireId: string }[] }>(
        send(t, 'GET', `/api/persons/${personId}/trajectories`, patient),
        200,
      );
      assert.ok(!trajectories.some((x) => x.questionnaireId === 'phq-9'));
      const staffView = await expectStatus<TrajectoryList>(
        send(t, 'GET', `/api/persons/${personId}/trajectories`, clinician),
        200,
      );
      assert.ok(staffView.trajectories.some((x) => x.questionnaireId === 'phq-9'));
      // Sent as text PostgreSQL wrote, this answer passes by the response check: held to it here.
      assert.deepEqual(
        [...Value.Errors(TrajectoryList, staffView)].slice(0, 1).map((e) => `${e.path} ${e.message}`),
        [],
      );
      await expectStatus(answer({ personId }, 'phq-9', all('phq9', 9, 'not-at-all'), patient), 403);
    } finally {
      await t.db.owner.deleteFrom('instrument_setting').execute();
    }
  });

  it('cannot answer for another person, nor read their alerts', async () => {
    await expectStatus(
      answer({ personId: ids.stranger }, 'who-5', all('who5', 5, 'at-no-time'), patient),
      403,
    );
    await expectStatus(send(t, 'GET', '/api/feedback-alerts', patient), 403);
  });
});

describe('what staff may do', () => {
  it('keeps peers out of questionnaires, contacts and alerts', async () => {
    const peer = await login(t, 'likeperson');
    for (const url of [
      `/api/persons/${ids.pasient}/questionnaires`,
      `/api/persons/${ids.pasient}/trajectories`,
      `/api/persons/${ids.pasient}/contacts`,
      '/api/feedback-alerts',
    ])
      await expectStatus(send(t, 'GET', url, peer), 403);
  });

  it('lets only administrators import an instrument, which then can be answered', async () => {
    const own = {
      resourceType: 'Questionnaire',
      id: 'egen-sovn',
      url: 'https://kommune.example/fhir/Questionnaire/egen-sovn',
      version: '1',
      title: 'Søvn',
      status: 'active',
      extension: [
        {
          url: 'https://bedring.no/fhir/StructureDefinition/instrument-provenance',
          extension: [
            { url: 'source', valueString: 'Kommunens eget skjema' },
            { url: 'licence', valueString: 'Kommunens eget' },
            { url: 'translation', valueCode: 'original' },
          ],
        },
      ],
      item: [{ linkId: 'sovn-1', text: 'Hvor mange timer sov du i natt?', type: 'integer', required: true }],
    };
    await expectStatus(send(t, 'POST', '/api/admin/questionnaires', clinician, own), 403);
    await expectStatus(
      send(t, 'POST', '/api/admin/questionnaires', admin, { ...own, resourceType: 'Patient' }),
      400,
    );
    await expectStatus(send(t, 'POST', '/api/admin/questionnaires', admin, { ...own, id: 'phq-9' }), 409);
    await expectStatus(send(t, 'POST', '/api/admin/questionnaires', admin, own), 201);
    const { questionnaires } = await expectStatus<{ questionnaires: { id: string }[] }>(
      send(t, 'GET', '/api/questionnaires', clinician),
      200,
    );
    assert.ok(questionnaires.some((q) => q.id === 'egen-sovn'));
    const ref = await inTreatment(t, clinician);
    await expectStatus(answer(ref, 'egen-sovn', [{ linkId: 'sovn-1', answer: [{ valueInteger: 7 }] }]), 201);
    await expectStatus(
      answer(ref, 'egen-sovn', [{ linkId: 'sovn-1', answer: [{ valueString: 'sju' }] }]),
      400,
    );
  });
});
