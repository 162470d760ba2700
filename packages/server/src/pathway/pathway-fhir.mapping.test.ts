import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fhirProblems } from '../testing/fhir-validation.ts';
import { episodeOfCareStatus, statePeriods, toEpisodeOfCare, toTask } from './pathway-fhir.mapping.ts';
import type { EpisodeView } from './pathway-fhir-read.repository.ts';
import type { TaskView } from './task-fhir-read.repository.ts';

const episode = (
  events: EpisodeView['events'],
  state: string,
  endOutcome: string | null = null,
): EpisodeView => ({
  id: '11111111-1111-4111-8111-111111111111',
  tenantId: '22222222-2222-4222-8222-222222222222',
  personId: '33333333-3333-4333-8333-333333333333',
  unit: { id: '44444444-4444-4444-8444-444444444444', name: 'Poliklinikk' },
  referralId: null,
  previousEpisodeId: '55555555-5555-4555-8555-555555555555',
  state,
  openedOn: events[0]!.date,
  endedOn: state === 'ended' ? events.at(-1)!.date : null,
  endOutcome,
  responsible: null,
  events,
});
const ev = (kind: string, date: string, extra: Partial<EpisodeView['events'][number]> = {}) => ({
  kind,
  date,
  setting: null,
  outcome: null,
  ...extra,
});

describe('pathway → FHIR mapping', () => {
  it('maps every episode state to an EpisodeOfCare status', () => {
    const table = [
      ['referred', false, 'waitlist'],
      ['assessed', false, 'waitlist'],
      ['waiting', false, 'waitlist'],
      ['in-treatment', true, 'active'],
      ['discharged', true, 'active'],
      ['follow-up', true, 'active'],
      ['ended', true, 'finished'],
      ['ended', false, 'cancelled'],
    ] as const;
    for (const [state, started, status] of table)
      assert.equal(episodeOfCareStatus(state, started), status, state);
  });

  it('replays a re-admission from waiting, and skips event kinds it does not know', () => {
    const periods = statePeriods([
      ev('readmitted', '2026-01-10'),
      ev('some-later-kind', '2026-01-11'),
      ev('first-attendance', '2026-01-12', { setting: 'day' }),
      ev('round-started', '2026-01-20', { setting: 'inpatient' }),
      ev('ended', '2026-02-01', { outcome: 'transferred' }),
    ]);
    assert.deepEqual(periods, [
      { state: 'waiting', start: '2026-01-10', end: '2026-01-12' },
      { state: 'in-treatment', start: '2026-01-12', end: '2026-02-01' },
      { state: 'ended', start: '2026-02-01', end: null },
    ]);
    const e = toEpisodeOfCare(
      episode(
        [ev('readmitted', '2026-01-10'), ev('ended', '2026-01-11', { outcome: 'other' })],
        'ended',
        'other',
      ),
    );
    assert.deepEqual(fhirProblems(e), []);
    assert.equal(e.status, 'cancelled', 'ended while waiting, before any treatment');
    assert.equal(e.careManager, undefined);
    assert.equal(e.referralRequest, undefined);
    assert.deepEqual(e.period, { start: '2026-01-10', end: '2026-01-11' });
  });

  it('escalates a task only after its escalation day, with the day given', () => {
    const task: TaskView = {
      id: '66666666-6666-4666-8666-666666666666',
      tenantId: '22222222-2222-4222-8222-222222222222',
      personId: '33333333-3333-4333-8333-333333333333',
      episodeId: '11111111-1111-4111-8111-111111111111',
      kind: 're-engagement',
      owner: { id: '77777777-7777-4777-8777-777777777777', name: null },
      createdOn: '2026-03-01',
      escalateOn: '2026-03-04',
      completedOn: null,
      outcome: null,
      note: '',
      completedBy: null,
      promise: null,
      promisedBy: null,
    };
    const on = (today: string) => toTask(task, today).businessStatus?.coding?.[0]?.code;
    assert.equal(on('2026-03-04'), 'open');
    assert.equal(on('2026-03-05'), 'escalated');
    const done = toTask(
      { ...task, completedOn: '2026-03-06', outcome: 'not-reached', note: 'Ingen svar' },
      '2026-03-09',
    );
    assert.deepEqual(fhirProblems(done), []);
    assert.equal(done.status, 'completed');
    assert.equal(done.output?.[0]?.valueCodeableConcept?.coding?.[0]?.code, 'not-reached');
    assert.deepEqual(done.owner, { reference: 'Practitioner/77777777-7777-4777-8777-777777777777' });
  });
});
