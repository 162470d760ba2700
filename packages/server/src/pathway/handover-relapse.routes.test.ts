import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  ConsentList,
  EpisodeView,
  LapseCreated,
  PlansAnswer,
  SelfAdmissionContractList,
  SelfAdmissionCreated,
  SelfAdmissionNumbers,
  TaskList,
} from '@bedring/contract';
import { UNITS } from '../demo/demo.ts';
import { accountId, expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { countRows, episodeOf, inTreatment, type Ref, recordEvent } from './pathway.fixtures.ts';

/**
 * A handover that hands over, and relapse without losing one's place
 * (docs/decisions/0018-handover-and-self-admission.md), over HTTP.
 */
let t: TestApp;
let clinician: Headers;
let municipal: Headers;
let leader: Headers;
let kommune: string;
let behandler: string;
before(async () => {
  t = await testApp({ persons: 10 });
  clinician = await login(t, 'behandler');
  municipal = await login(t, 'kommune');
  leader = await login(t, 'leder');
  kommune = await accountId(t, 'kommune');
  behandler = await accountId(t, 'behandler');
});
after(() => t.close());

const handoverBody = (extra: Record<string, unknown> = {}) => ({
  municipalAccountId: kommune,
  handedOverOn: '2026-11-10',
  summary: 'Oppsummering av behandlingen',
  followUpPlan: 'Hjemmebesøk to ganger i uka',
  consent: { givenOn: '2026-11-09' },
  ...extra,
});

/** An episode in treatment, discharged on 10 November 2026. */
async function discharged(): Promise<Ref> {
  const ref = await inTreatment(t, clinician);
  await expectStatus(recordEvent(t, clinician, ref, { kind: 'discharged', date: '2026-11-10' }), 201);
  return ref;
}

async function contractRows(): Promise<number> {
  const { n } = await t.db.owner
    .selectFrom('self_admission_contract')
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function signedNote(ref: Ref, text: string): Promise<string> {
  const note = await expectStatus<{ id: string }>(
    send(t, 'POST', `${ref.person}/journal`, clinician, {
      contactAt: '2026-11-09T10:00:00Z',
      kind: 'meeting',
      text,
      sign: true,
    }),
    201,
  );
  return note.id;
}

describe('the handover shares what it says it shares', () => {
  it('opens the named plan parts to the municipal worker at once, and names the notes that go with it', async () => {
    const ref = await discharged();
    const noteId = await signedNote(ref, 'Samtale om hva som skal skje etter utskrivning');
    const res = await expectStatus<{ consentId: string; planParts: string[] }>(
      send(
        t,
        'POST',
        `${ref.episode}/handover`,
        clinician,
        handoverBody({ planParts: ['crisis', 'relapse-prevention'], journalNoteIds: [noteId] }),
      ),
      201,
    );
    assert.deepEqual(res.planParts, ['crisis', 'relapse-prevention']);

    // The municipal worker reads the shared plans straight away — not "the plans are not shared with you".
    const plans = await expectStatus<PlansAnswer>(send(t, 'GET', `${ref.person}/plans`, municipal), 200);
    assert.deepEqual(plans.plans.map((p) => p.kind).sort(), ['crisis', 'relapse-prevention']);

    const consents = await expectStatus<ConsentList>(
      send(t, 'GET', `${ref.person}/consents`, municipal),
      200,
    );
    const consent = consents.consents.find((c) => c.id === res.consentId);
    assert.equal(consent?.purpose, 'handover');
    assert.deepEqual(consent?.planParts, ['crisis', 'relapse-prevention']);

    const episode = (await episodeOf(t, municipal, ref)) as unknown as EpisodeView;
    assert.deepEqual(episode.handover?.planParts, ['crisis', 'relapse-prevention']);
    assert.deepEqual(
      episode.handover?.notes.map((n) => [n.id, n.text]),
      [[noteId, 'Samtale om hva som skal skje etter utskrivning']],
    );
  });

  it('shares no plan when it names none (the person can choose later, also on Min side)', async () => {
    const ref = await discharged();
    await expectStatus(send(t, 'POST', `${ref.episode}/handover`, clinician, handoverBody()), 201);
    const plans = await expectStatus<PlansAnswer>(send(t, 'GET', `${ref.person}/plans`, municipal), 200);
    assert.deepEqual(plans.plans, []);
  });

  it('refuses a note that is not one of the person’s signed notes, and writes nothing', async () => {
    const ref = await discharged();
    const other = await discharged();
    const foreign = await signedNote(other, 'Et notat om en annen person');
    const before = await Promise.all(
      (['consent', 'handover', 'pathway_task'] as const).map((x) => countRows(t, x)),
    );
    for (const ids of [[foreign], ['00000000-0000-4000-8000-000000000000']]) {
      const res = await send(
        t,
        'POST',
        `${ref.episode}/handover`,
        clinician,
        handoverBody({ journalNoteIds: ids }),
      );
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'handover_note_unknown');
    }
    const bad = await send(
      t,
      'POST',
      `${ref.episode}/handover`,
      clinician,
      handoverBody({ planParts: ['diary'] }),
    );
    assert.equal(bad.statusCode, 400, bad.body);
    const after = await Promise.all(
      (['consent', 'handover', 'pathway_task'] as const).map((x) => countRows(t, x)),
    );
    assert.deepEqual(after, before);
  });
});

describe('a lapse recorded anywhere reaches the specialist team', () => {
  it('recorded in the municipality, it is a task on the specialist clinician’s Oppgaver', async () => {
    const ref = await discharged();
    await expectStatus(
      send(
        t,
        'POST',
        `${ref.episode}/handover`,
        clinician,
        handoverBody({ planParts: ['relapse-prevention'] }),
      ),
      201,
    );
    const lapse = await expectStatus<LapseCreated>(
      send(t, 'POST', `${ref.person}/lapses`, municipal, {
        occurredOn: '2026-11-20',
        whatHappened: 'Drakk på fredag etter en krangel',
      }),
      201,
    );
    assert.equal(lapse.specialistNotified, true);
    const task = await t.db.owner
      .selectFrom('pathway_task')
      .selectAll()
      .where('lapse_id', '=', lapse.id)
      .executeTakeFirstOrThrow();
    assert.equal(task.kind, 'lapse');
    assert.equal(task.assignee_account_id, behandler);
    assert.equal(task.episode_id, ref.episodeId);

    const tasks = await expectStatus<TaskList>(send(t, 'GET', '/api/tasks', clinician), 200);
    assert.ok(tasks.tasks.some((x) => x.id === task.id && x.kind === 'lapse'));
  });

  it('recorded by the one it would reach, it makes no task', async () => {
    const ref = await inTreatment(t, clinician);
    const lapse = await expectStatus<LapseCreated>(
      send(t, 'POST', `${ref.person}/lapses`, clinician, { occurredOn: '2026-11-20', situation: 'Fest' }),
      201,
    );
    assert.equal(lapse.specialistNotified, false);
    assert.equal(
      (await t.db.owner.selectFrom('pathway_task').select('id').where('lapse_id', '=', lapse.id).execute())
        .length,
      0,
    );
  });
});

describe('brukerstyrt innleggelse (self-admission)', () => {
  const contractBody = (extra: Record<string, unknown> = {}) => ({
    unitId: UNITS.inpatient,
    daysPerStay: 5,
    staysPerYear: 3,
    howToAsk: 'Ring avdelingen og si at du vil bruke avtalen',
    whoToCall: 'Døgnavdelingen, 22 00 00 00',
    validFrom: '2026-11-01',
    ...extra,
  });
  const contracts = (ref: Ref) => `${ref.person}/self-admission-contracts`;

  it('a stay after discharge is a short episode linked to the last, with no rights deadline', async () => {
    const ref = await discharged();
    const { id } = await expectStatus<{ id: string }>(
      send(t, 'POST', contracts(ref), clinician, contractBody()),
      201,
    );
    const stay = await expectStatus<SelfAdmissionCreated>(
      send(t, 'POST', `${contracts(ref)}/${id}/stays`, clinician, {
        admittedOn: '2026-11-20',
        plannedDays: 5,
        askedBy: 'person',
      }),
      201,
    );
    assert.equal(stay.placement, 'linked-episode');
    assert.deepEqual(stay.warnings, []);
    assert.notEqual(stay.episodeId, ref.episodeId);
    const opened = await episodeOf(t, clinician, {
      ...ref,
      episodeId: stay.episodeId,
      episode: `${ref.person}/episodes/${stay.episodeId}`,
    });
    assert.equal(opened.previousEpisodeId, ref.episodeId);
    assert.equal(opened.state, 'in-treatment');
    assert.equal(opened.activeSetting, 'inpatient');
    assert.equal(opened.referral, null, 'no new referral');
    const kinds = opened.deadlines.map((d) => d.kind);
    assert.ok(!kinds.includes('referral-assessment') && !kinds.includes('treatment-start'), kinds.join());

    // A second stay while the short episode is under way is a new round in it; longer than agreed warns.
    const again = await expectStatus<SelfAdmissionCreated>(
      send(t, 'POST', `${contracts(ref)}/${id}/stays`, clinician, {
        admittedOn: '2026-11-21',
        plannedDays: 7,
        askedBy: 'helper',
      }),
      201,
    );
    assert.equal(again.placement, 'new-round');
    assert.equal(again.episodeId, stay.episodeId);
    assert.deepEqual(again.warnings, ['longer-than-agreed']);

    // The person reads their contract and its stays.
    const list = await expectStatus<SelfAdmissionContractList>(
      send(t, 'GET', contracts(ref), clinician),
      200,
    );
    assert.equal(list.contracts[0]?.inForce, true);
    assert.deepEqual(
      list.contracts[0]?.stays.map((s) => [s.admittedOn, s.askedBy]),
      [
        ['2026-11-20', 'person'],
        ['2026-11-21', 'helper'],
      ],
    );
  });

  it('is counted in the unit’s numbers', async () => {
    const q = `/api/self-admissions?unitId=${UNITS.inpatient}&from=2026-11-01&to=2026-11-30`;
    const before = await expectStatus<SelfAdmissionNumbers>(send(t, 'GET', q, leader), 200);
    const ref = await discharged();
    const { id } = await expectStatus<{ id: string }>(
      send(t, 'POST', contracts(ref), clinician, contractBody()),
      201,
    );
    await expectStatus(
      send(t, 'POST', `${contracts(ref)}/${id}/stays`, clinician, {
        admittedOn: '2026-11-15',
        plannedDays: 4,
        askedBy: 'person',
      }),
      201,
    );
    const after = await expectStatus<SelfAdmissionNumbers>(send(t, 'GET', q, leader), 200);
    assert.equal(after.stays, before.stays + 1);
    assert.equal(after.linkedEpisodes, before.linkedEpisodes + 1);
    assert.equal(after.plannedDays, before.plannedDays + 4);
    assert.equal((await send(t, 'GET', q, clinician)).statusCode, 403);
  });

  it('refuses bad input and the wrong roles, and writes nothing', async () => {
    const ref = await discharged();
    const before = await contractRows();
    for (const body of [
      contractBody({ validTo: '2026-10-01' }),
      contractBody({ daysPerStay: 0 }),
      contractBody({ howToAsk: '   ' }),
      contractBody({ unitId: UNITS.followUp }),
    ]) {
      const res = await send(t, 'POST', contracts(ref), clinician, body);
      assert.equal(res.statusCode, 400, res.body);
    }
    assert.equal((await send(t, 'POST', contracts(ref), municipal, contractBody())).statusCode, 403);
    assert.equal(await contractRows(), before);
    const missing = await send(
      t,
      'POST',
      `${contracts(ref)}/00000000-0000-4000-8000-000000000000/stays`,
      clinician,
      {
        admittedOn: '2026-11-20',
        plannedDays: 2,
        askedBy: 'person',
      },
    );
    assert.equal(missing.statusCode, 404, missing.body);
  });
});
