import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectStatus, type Headers, login } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { episodeOf, inTreatment, type Ref, recordEvent, registerReferral } from './pathway.fixtures.ts';

/**
 * Time limits are configuration with effective dates (docs/domain/pathway.md, "The national pathway"): an
 * operator adds a row that takes effect on a date; an interval that started before it keeps the limit it
 * started under, one that starts on or after it gets the new one. Shown over the API, with rows added by the
 * owner as an operator would.
 */
let t: TestApp;
let clinician: Headers;
before(async () => {
  t = await testApp({ persons: 20 });
  clinician = await login(t, 'behandler');
  await t.db.owner
    .insertInto('time_limit')
    .values([
      // Outpatient clinical decision: 21 → 14 days from 1 October 2026.
      {
        key: 'clinical-decision',
        setting_class: 'outpatient',
        days: 14,
        unit: 'days',
        effective_from: '2026-10-01',
        source: 'test',
      },
      // Re-engagement after a drop-out: 3 → 5 days from 1 November 2026.
      {
        key: 're-engagement',
        setting_class: 'any',
        days: 5,
        unit: 'days',
        effective_from: '2026-11-01',
        source: 'test',
      },
      // Referral assessment: 10 → 5 working days from 10 November 2026.
      {
        key: 'referral-assessment',
        setting_class: 'any',
        days: 5,
        unit: 'working-days',
        effective_from: '2026-11-10',
        source: 'test',
      },
    ])
    .execute();
});
after(() => t.close());

async function deadline(ref: Ref, kind: string) {
  const d = (await episodeOf(t, clinician, ref)).deadlines.find((x) => x.kind === kind);
  assert.ok(d, `${kind} deadline`);
  return d;
}

describe('time limits with effective dates', () => {
  it('keeps the old limit for an interval that started before the change, the new one on and after it', async () => {
    const before = await inTreatment(t, clinician, { firstOn: '2026-09-30' });
    const on = await inTreatment(t, clinician, { firstOn: '2026-10-01' });
    const afterwards = await inTreatment(t, clinician, { firstOn: '2026-10-02' });
    const inpatient = await inTreatment(t, clinician, { firstOn: '2026-10-02', setting: 'inpatient' });

    const b = await deadline(before, 'clinical-decision');
    assert.deepEqual([b.startsOn, b.dueOn, b.limitDays], ['2026-09-30', '2026-10-21', 21]);
    const o = await deadline(on, 'clinical-decision');
    assert.deepEqual([o.startsOn, o.dueOn, o.limitDays], ['2026-10-01', '2026-10-15', 14]);
    const a = await deadline(afterwards, 'clinical-decision');
    assert.deepEqual([a.dueOn, a.limitDays], ['2026-10-16', 14]);
    const i = await deadline(inpatient, 'clinical-decision');
    assert.deepEqual(
      [i.dueOn, i.settingClass, i.limitDays],
      ['2026-10-09', 'inpatient', 7],
      'only outpatient changed',
    );

    // Recording on 16 October: in time under the old limit, a day late under the new one.
    const early = await expectStatus<{ warnings: unknown[] }>(
      recordEvent(t, clinician, before, { kind: 'clinical-decision', date: '2026-10-16' }),
      201,
    );
    assert.deepEqual(early.warnings, []);
    const late = await expectStatus<{ warnings: unknown[] }>(
      recordEvent(t, clinician, on, { kind: 'clinical-decision', date: '2026-10-16', reason: 'Ny frist' }),
      201,
    );
    assert.deepEqual(late.warnings, [
      { code: 'deadline-missed', deadline: 'clinical-decision', dueOn: '2026-10-15', daysLate: 1 },
    ]);
    // Deadlines are recomputed at every event; the earlier episode still has the limit it started under.
    const kept = await deadline(before, 'clinical-decision');
    assert.deepEqual([kept.dueOn, kept.limitDays, kept.status], ['2026-10-21', 21, 'met']);
  });

  it('counts the referral assessment in the working days in force on the day the referral came', async () => {
    // Monday 9 November: ten working days → Monday 23 November. Tuesday 10 November: five → Tuesday 17 November.
    const monday = await registerReferral(t, clinician, { receivedOn: '2026-11-09' });
    const tuesday = await registerReferral(t, clinician, { receivedOn: '2026-11-10' });
    const m = await deadline(monday, 'referral-assessment');
    assert.deepEqual([m.dueOn, m.limitDays, m.status], ['2026-11-23', 10, 'due-soon']);
    const tu = await deadline(tuesday, 'referral-assessment');
    assert.deepEqual([tu.dueOn, tu.limitDays, tu.status], ['2026-11-17', 5, 'overdue']);
  });

  it('escalates a task after the limit in force on the day it was made', async () => {
    const escalation = async (date: string) => {
      const ref = await inTreatment(t, clinician);
      const { taskId } = await expectStatus<{ taskId: string }>(
        recordEvent(t, clinician, ref, { kind: 'ended', date, outcome: 'drop-out' }),
        201,
      );
      return (
        await t.db.owner
          .selectFrom('pathway_task')
          .select('escalate_on')
          .where('id', '=', taskId)
          .executeTakeFirstOrThrow()
      ).escalate_on;
    };
    assert.equal(await escalation('2026-10-31'), '2026-11-03', 'three days, the limit before 1 November');
    assert.equal(await escalation('2026-11-01'), '2026-11-06', 'five days from 1 November');
  });
});
