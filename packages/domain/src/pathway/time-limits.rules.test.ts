import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IsoDate } from './calendar.ts';
import type { PathwayEvent, Setting } from './episode.rules.ts';
import {
  type Deadline,
  type DeadlineKind,
  DUE_SOON_DAYS,
  deadlineStatus,
  deadlinesFor,
  dueDate,
  type EpisodeTimes,
  lateWarnings,
  limitOn,
  type TimeLimit,
  TimeLimitKeys,
} from './time-limits.rules.ts';

/**
 * The national values of 2019 (docs/domain/pathway.md, pasient- og brukerrettighetsloven §2-2 for the
 * referral), plus the two local task limits, as an operator would configure them. A fixture, not a source of
 * truth.
 */
const NATIONAL_2019: readonly TimeLimit[] = [
  {
    key: 'referral-assessment',
    settingClass: 'any',
    days: 10,
    unit: 'working-days',
    effectiveFrom: '2019-01-01',
  },
  {
    key: 'clinical-decision',
    settingClass: 'outpatient',
    days: 21,
    unit: 'days',
    effectiveFrom: '2019-01-01',
  },
  { key: 'clinical-decision', settingClass: 'inpatient', days: 7, unit: 'days', effectiveFrom: '2019-01-01' },
  {
    key: 'next-treatment-after-detox',
    settingClass: 'outpatient',
    days: 3,
    unit: 'days',
    effectiveFrom: '2019-01-01',
  },
  {
    key: 'next-treatment-after-detox',
    settingClass: 'inpatient',
    days: 0,
    unit: 'days',
    effectiveFrom: '2019-01-01',
  },
  { key: 'first-evaluation', settingClass: 'any', days: 7, unit: 'days', effectiveFrom: '2019-01-01' },
  { key: 'next-evaluation', settingClass: 'outpatient', days: 56, unit: 'days', effectiveFrom: '2019-01-01' },
  { key: 'next-evaluation', settingClass: 'inpatient', days: 42, unit: 'days', effectiveFrom: '2019-01-01' },
  { key: 'handover-first-contact', settingClass: 'any', days: 7, unit: 'days', effectiveFrom: '2019-01-01' },
  { key: 're-engagement', settingClass: 'any', days: 3, unit: 'days', effectiveFrom: '2019-01-01' },
];

const ev = (kind: PathwayEvent['kind'], date: IsoDate, extra: Partial<PathwayEvent> = {}): PathwayEvent => ({
  kind,
  date,
  ...extra,
});

const episodeOf = (events: PathwayEvent[], extra: Partial<EpisodeTimes> = {}): EpisodeTimes => ({
  referralReceivedOn: null,
  treatmentStartDeadline: null,
  plannedSetting: null,
  events,
  ...extra,
});

const find = (deadlines: Deadline[], kind: DeadlineKind): Deadline[] =>
  deadlines.filter((d) => d.kind === kind);

const one = (deadlines: Deadline[], kind: DeadlineKind): Deadline => {
  const found = find(deadlines, kind);
  assert.equal(found.length, 1, `one ${kind} deadline, got ${found.length}`);
  return found[0]!;
};

describe('limitOn', () => {
  it('prefers a limit for the setting over one for any setting from the same day, in either order', () => {
    const any: TimeLimit = {
      key: 'first-evaluation',
      settingClass: 'any',
      days: 7,
      unit: 'days',
      effectiveFrom: '2027-01-01',
    };
    const inpatient: TimeLimit = { ...any, settingClass: 'inpatient', days: 5 };
    for (const limits of [
      [any, inpatient],
      [inpatient, any],
    ]) {
      assert.equal(limitOn(limits, 'first-evaluation', 'inpatient', '2027-02-01')?.days, 5);
      assert.equal(limitOn(limits, 'first-evaluation', 'outpatient', '2027-02-01')?.days, 7);
    }
  });

  it('finds the national limit for each interval and setting class', () => {
    const days = (key: TimeLimit['key'], cls: 'outpatient' | 'inpatient') =>
      limitOn(NATIONAL_2019, key, cls, '2026-06-01')?.days;
    assert.equal(days('referral-assessment', 'outpatient'), 10);
    assert.equal(days('referral-assessment', 'inpatient'), 10);
    assert.equal(days('clinical-decision', 'outpatient'), 21);
    assert.equal(days('clinical-decision', 'inpatient'), 7);
    assert.equal(days('next-treatment-after-detox', 'outpatient'), 3);
    assert.equal(days('next-treatment-after-detox', 'inpatient'), 0);
    assert.equal(days('first-evaluation', 'outpatient'), 7);
    assert.equal(days('first-evaluation', 'inpatient'), 7);
    assert.equal(days('next-evaluation', 'outpatient'), 56);
    assert.equal(days('next-evaluation', 'inpatient'), 42);
    assert.equal(days('handover-first-contact', 'outpatient'), 7);
    assert.equal(days('re-engagement', 'inpatient'), 3);
    assert.equal(
      limitOn(NATIONAL_2019, 'referral-assessment', 'outpatient', '2026-06-01')?.unit,
      'working-days',
    );
  });

  it('has a national limit for every key in the fixture', () => {
    for (const key of TimeLimitKeys)
      for (const cls of ['outpatient', 'inpatient'] as const)
        assert.notEqual(limitOn(NATIONAL_2019, key, cls, '2026-06-01'), null, `${key} ${cls}`);
  });

  it('finds nothing before the first limit takes effect, or when none is configured', () => {
    assert.equal(limitOn(NATIONAL_2019, 'clinical-decision', 'outpatient', '2018-12-31'), null);
    assert.equal(limitOn(NATIONAL_2019, 'clinical-decision', 'outpatient', '2019-01-01')?.days, 21);
    assert.equal(limitOn([], 'clinical-decision', 'outpatient', '2026-06-01'), null);
    const onlyInpatient = NATIONAL_2019.filter(
      (l) => l.key === 'clinical-decision' && l.settingClass === 'inpatient',
    );
    assert.equal(limitOn(onlyInpatient, 'clinical-decision', 'outpatient', '2026-06-01'), null);
  });

  describe('a limit that changes on an effective date', () => {
    const changed: TimeLimit = {
      key: 'clinical-decision',
      settingClass: 'outpatient',
      days: 14,
      unit: 'days',
      effectiveFrom: '2027-01-01',
    };
    const limits = [...NATIONAL_2019, changed];

    it('keeps the old limit for an interval starting the day before the switch', () => {
      assert.equal(limitOn(limits, 'clinical-decision', 'outpatient', '2026-12-31')?.days, 21);
    });

    it('gives the new limit to an interval starting on the switch day and after', () => {
      assert.equal(limitOn(limits, 'clinical-decision', 'outpatient', '2027-01-01'), changed);
      assert.equal(limitOn(limits, 'clinical-decision', 'outpatient', '2030-06-01')?.days, 14);
    });

    it('leaves the other setting class and the other keys alone', () => {
      assert.equal(limitOn(limits, 'clinical-decision', 'inpatient', '2027-01-01')?.days, 7);
      assert.equal(limitOn(limits, 'next-evaluation', 'outpatient', '2027-01-01')?.days, 56);
    });

    it('does not depend on the order the rows are stored in', () => {
      const reversed = [...limits].reverse();
      assert.equal(limitOn(reversed, 'clinical-decision', 'outpatient', '2026-12-31')?.days, 21);
      assert.equal(limitOn(reversed, 'clinical-decision', 'outpatient', '2027-01-01')?.days, 14);
    });

    it('lets a newer limit for any setting replace older per-class limits, and the other way round', () => {
      const rows: TimeLimit[] = [
        ...NATIONAL_2019,
        { key: 'next-evaluation', settingClass: 'any', days: 28, unit: 'days', effectiveFrom: '2027-01-01' },
        {
          key: 'first-evaluation',
          settingClass: 'inpatient',
          days: 5,
          unit: 'days',
          effectiveFrom: '2027-01-01',
        },
      ];
      assert.equal(limitOn(rows, 'next-evaluation', 'outpatient', '2026-12-31')?.days, 56);
      assert.equal(limitOn(rows, 'next-evaluation', 'inpatient', '2026-12-31')?.days, 42);
      assert.equal(limitOn(rows, 'next-evaluation', 'outpatient', '2027-01-01')?.days, 28);
      assert.equal(limitOn(rows, 'next-evaluation', 'inpatient', '2027-01-01')?.days, 28);
      assert.equal(limitOn(rows, 'first-evaluation', 'inpatient', '2027-01-01')?.days, 5);
      assert.equal(limitOn(rows, 'first-evaluation', 'outpatient', '2027-01-01')?.days, 7);
    });
  });
});

describe('dueDate', () => {
  it('counts working days for the referral assessment and calendar days for the rest', () => {
    const referral = limitOn(NATIONAL_2019, 'referral-assessment', 'outpatient', '2026-03-30')!;
    assert.equal(dueDate(referral, '2026-03-02'), '2026-03-16');
    assert.equal(dueDate(referral, '2026-03-30'), '2026-04-16'); // Easter week
    const decision = limitOn(NATIONAL_2019, 'clinical-decision', 'outpatient', '2026-03-30')!;
    assert.equal(dueDate(decision, '2026-03-30'), '2026-04-20'); // Easter does not count here
    const detox = limitOn(NATIONAL_2019, 'next-treatment-after-detox', 'inpatient', '2026-03-30')!;
    assert.equal(dueDate(detox, '2026-04-03'), '2026-04-03'); // same day, even on Good Friday
  });
});

describe('deadlinesFor an outpatient episode', () => {
  const episode = episodeOf(
    [
      ev('referral-received', '2026-03-02'),
      ev('referral-assessed', '2026-03-10'),
      ev('waiting', '2026-03-10'),
      ev('first-attendance', '2026-04-20', { setting: 'outpatient' }),
      ev('clinical-decision', '2026-05-08'),
      ev('evaluation', '2026-05-14', { withPerson: true }),
      ev('evaluation', '2026-07-09', { withPerson: true, feedbackToolUsed: true }),
      ev('discharged', '2026-08-20', { helpNeeded: 'municipal' }),
      ev('follow-up-started', '2026-08-24'),
      ev('ended', '2026-12-01', { outcome: 'planned' }),
    ],
    { referralReceivedOn: '2026-03-02', treatmentStartDeadline: '2026-04-30', plannedSetting: 'outpatient' },
  );

  it('computes every deadline, its limit and how it went', () => {
    assert.deepEqual(deadlinesFor(episode, NATIONAL_2019), [
      {
        kind: 'referral-assessment',
        startsOn: '2026-03-02',
        dueOn: '2026-03-16',
        metOn: '2026-03-10',
        closedOn: null,
        settingClass: null,
        limitDays: 10,
      },
      {
        kind: 'treatment-start',
        startsOn: '2026-03-10',
        dueOn: '2026-04-30',
        metOn: '2026-04-20',
        closedOn: null,
        settingClass: null,
        limitDays: null,
      },
      {
        kind: 'clinical-decision',
        startsOn: '2026-04-20',
        dueOn: '2026-05-11',
        metOn: '2026-05-08',
        closedOn: null,
        settingClass: 'outpatient',
        limitDays: 21,
      },
      {
        kind: 'first-evaluation',
        startsOn: '2026-05-08',
        dueOn: '2026-05-15',
        metOn: '2026-05-14',
        closedOn: null,
        settingClass: 'outpatient',
        limitDays: 7,
      },
      {
        kind: 'next-evaluation',
        startsOn: '2026-05-14',
        dueOn: '2026-07-09',
        metOn: '2026-07-09',
        closedOn: null,
        settingClass: 'outpatient',
        limitDays: 56,
      },
      {
        kind: 'next-evaluation',
        startsOn: '2026-07-09',
        dueOn: '2026-09-03',
        metOn: null,
        closedOn: '2026-08-20',
        settingClass: 'outpatient',
        limitDays: 56,
      },
    ]);
  });

  it('shows all met on time, and the evaluation interval cut short by discharge as closed', () => {
    const statuses = deadlinesFor(episode, NATIONAL_2019).map((d) => deadlineStatus(d, '2026-12-01'));
    assert.deepEqual(statuses, ['met', 'met', 'met', 'met', 'met', 'closed']);
  });

  it('shows the open deadlines while the episode is under way', () => {
    const sofar = { ...episode, events: episode.events.slice(0, 4) }; // up to first attendance
    const deadlines = deadlinesFor(sofar, NATIONAL_2019);
    const decision = one(deadlines, 'clinical-decision');
    assert.equal(deadlineStatus(decision, '2026-05-01'), 'open');
    assert.equal(deadlineStatus(decision, '2026-05-08'), 'due-soon');
    assert.equal(deadlineStatus(decision, '2026-05-12'), 'overdue');
  });
});

describe('deadlinesFor an inpatient episode with detox first', () => {
  const episode = episodeOf(
    [
      ev('referral-received', '2026-03-30'),
      ev('referral-assessed', '2026-04-16'),
      ev('waiting', '2026-04-16'),
      ev('first-attendance', '2026-04-20', { setting: 'detox' }),
      ev('round-ended', '2026-04-24'),
      ev('round-started', '2026-04-24', { setting: 'inpatient' }),
      ev('clinical-decision', '2026-04-29'),
      ev('evaluation', '2026-05-08', { withPerson: true }),
      ev('evaluation', '2026-06-19', { withPerson: false }),
      ev('discharged', '2026-07-01', { helpNeeded: 'municipal-and-specialist' }),
    ],
    { referralReceivedOn: '2026-03-30', treatmentStartDeadline: null, plannedSetting: 'inpatient' },
  );

  it('computes every deadline with the inpatient limits', () => {
    assert.deepEqual(deadlinesFor(episode, NATIONAL_2019), [
      {
        kind: 'referral-assessment',
        startsOn: '2026-03-30',
        dueOn: '2026-04-16', // ten working days, Easter skipped
        metOn: '2026-04-16',
        closedOn: null,
        settingClass: null,
        limitDays: 10,
      },
      {
        kind: 'clinical-decision',
        startsOn: '2026-04-20',
        dueOn: '2026-04-27',
        metOn: '2026-04-29',
        closedOn: null,
        settingClass: 'inpatient',
        limitDays: 7,
      },
      {
        kind: 'next-treatment-after-detox',
        startsOn: '2026-04-24',
        dueOn: '2026-04-24',
        metOn: '2026-04-24',
        closedOn: null,
        settingClass: 'inpatient',
        limitDays: 0,
      },
      {
        kind: 'first-evaluation',
        startsOn: '2026-04-29',
        dueOn: '2026-05-06',
        metOn: '2026-05-08',
        closedOn: null,
        settingClass: 'inpatient',
        limitDays: 7,
      },
      {
        kind: 'next-evaluation',
        startsOn: '2026-05-08',
        dueOn: '2026-06-19',
        metOn: '2026-06-19',
        closedOn: null,
        settingClass: 'inpatient',
        limitDays: 42,
      },
      {
        kind: 'next-evaluation',
        startsOn: '2026-06-19',
        dueOn: '2026-07-31',
        metOn: null,
        closedOn: '2026-07-01',
        settingClass: 'inpatient',
        limitDays: 42,
      },
    ]);
  });

  it('has no rights deadline when the person has no right to treatment', () => {
    assert.deepEqual(find(deadlinesFor(episode, NATIONAL_2019), 'treatment-start'), []);
  });

  it('shows the late clinical decision and first evaluation as met late', () => {
    const statuses = deadlinesFor(episode, NATIONAL_2019).map((d) => deadlineStatus(d, '2026-07-01'));
    assert.deepEqual(statuses, ['met', 'met-late', 'met', 'met-late', 'met', 'closed']);
  });
});

describe('deadlinesFor: the rights deadline for start of treatment', () => {
  const base = [ev('referral-assessed', '2026-03-10'), ev('waiting', '2026-03-10')];
  const times = { referralReceivedOn: '2026-03-02', treatmentStartDeadline: '2026-04-30' };

  it('runs from the assessment to the individual deadline, whatever the time limits say', () => {
    const d = one(deadlinesFor(episodeOf(base, times), NATIONAL_2019), 'treatment-start');
    assert.deepEqual(d, {
      kind: 'treatment-start',
      startsOn: '2026-03-10',
      dueOn: '2026-04-30',
      metOn: null,
      closedOn: null,
      settingClass: null,
      limitDays: null,
    });
    assert.equal(deadlineStatus(d, '2026-04-26'), 'open');
    assert.equal(deadlineStatus(d, '2026-04-27'), 'due-soon');
    assert.equal(deadlineStatus(d, '2026-04-30'), 'due-soon');
    assert.equal(deadlineStatus(d, '2026-05-01'), 'overdue');
    // It is set per person, so it exists even with no time limits configured.
    assert.equal(one(deadlinesFor(episodeOf(base, times), []), 'treatment-start').dueOn, '2026-04-30');
  });

  it('is met by the first attendance, late if after the deadline', () => {
    const onTime = deadlinesFor(
      episodeOf([...base, ev('first-attendance', '2026-04-30')], times),
      NATIONAL_2019,
    );
    assert.equal(deadlineStatus(one(onTime, 'treatment-start'), '2026-06-01'), 'met');
    const late = deadlinesFor(
      episodeOf([...base, ev('first-attendance', '2026-05-04')], times),
      NATIONAL_2019,
    );
    assert.equal(one(late, 'treatment-start').metOn, '2026-05-04');
    assert.equal(deadlineStatus(one(late, 'treatment-start'), '2026-06-01'), 'met-late');
  });

  it('is closed, not met, when the person drops out from the waiting list', () => {
    const d = deadlinesFor(
      episodeOf([...base, ev('ended', '2026-04-02', { outcome: 'drop-out' })], times),
      NATIONAL_2019,
    );
    assert.equal(one(d, 'treatment-start').closedOn, '2026-04-02');
    assert.equal(one(d, 'treatment-start').metOn, null);
    assert.equal(deadlineStatus(one(d, 'treatment-start'), '2026-06-01'), 'closed');
  });

  it('has no deadline when the referral has not been assessed yet', () => {
    assert.deepEqual(find(deadlinesFor(episodeOf([], times), NATIONAL_2019), 'treatment-start'), []);
  });
});

describe('deadlinesFor: the referral assessment', () => {
  it('runs ten working days from receipt and is met by the assessment', () => {
    const waiting = one(
      deadlinesFor(episodeOf([], { referralReceivedOn: '2026-03-02' }), NATIONAL_2019),
      'referral-assessment',
    );
    assert.equal(waiting.dueOn, '2026-03-16');
    assert.equal(deadlineStatus(waiting, '2026-03-12'), 'open');
    assert.equal(deadlineStatus(waiting, '2026-03-13'), 'due-soon');
    assert.equal(deadlineStatus(waiting, '2026-03-17'), 'overdue');
    const late = one(
      deadlinesFor(
        episodeOf([ev('referral-assessed', '2026-03-18')], { referralReceivedOn: '2026-03-02' }),
        NATIONAL_2019,
      ),
      'referral-assessment',
    );
    assert.equal(deadlineStatus(late, '2026-03-18'), 'met-late');
  });

  it('needs a received date', () => {
    assert.deepEqual(
      find(
        deadlinesFor(episodeOf([ev('referral-assessed', '2026-03-10')]), NATIONAL_2019),
        'referral-assessment',
      ),
      [],
    );
  });

  it('closes when the referral is ended without assessment', () => {
    const d = one(
      deadlinesFor(
        episodeOf([ev('ended', '2026-03-20')], { referralReceivedOn: '2026-03-02' }),
        NATIONAL_2019,
      ),
      'referral-assessment',
    );
    assert.equal(d.closedOn, '2026-03-20');
    // Ended after the 10 working days had run out: the deadline was missed, not merely closed.
    assert.equal(deadlineStatus(d, '2026-03-25'), 'missed');
    const early = one(
      deadlinesFor(
        episodeOf([ev('ended', '2026-03-04')], { referralReceivedOn: '2026-03-02' }),
        NATIONAL_2019,
      ),
      'referral-assessment',
    );
    assert.equal(deadlineStatus(early, '2026-03-25'), 'closed');
  });
});

describe('deadlinesFor: the clinical decision', () => {
  it('takes the class of the first attendance setting, then the planned setting, then outpatient', () => {
    const dueFor = (setting: Setting | null, planned: Setting | null) =>
      one(
        deadlinesFor(
          episodeOf([ev('first-attendance', '2026-04-20', { setting })], { plannedSetting: planned }),
          NATIONAL_2019,
        ),
        'clinical-decision',
      );
    assert.equal(dueFor('outpatient', 'inpatient').dueOn, '2026-05-11');
    assert.equal(dueFor('day', null).dueOn, '2026-05-11');
    assert.equal(dueFor('lar', null).dueOn, '2026-05-11');
    assert.equal(dueFor('inpatient', 'outpatient').dueOn, '2026-04-27');
    assert.equal(dueFor('detox', null).dueOn, '2026-04-27');
    assert.equal(dueFor(null, 'inpatient').dueOn, '2026-04-27');
    assert.equal(dueFor(null, 'inpatient').settingClass, 'inpatient');
    assert.equal(dueFor(null, null).dueOn, '2026-05-11');
    assert.equal(dueFor(null, null).settingClass, 'outpatient');
  });

  it('uses the limit in force on the day of first attendance, across a change of limit', () => {
    const limits: TimeLimit[] = [
      ...NATIONAL_2019,
      {
        key: 'clinical-decision',
        settingClass: 'outpatient',
        days: 14,
        unit: 'days',
        effectiveFrom: '2027-01-01',
      },
    ];
    const decision = (firstAttendance: IsoDate) =>
      one(
        deadlinesFor(episodeOf([ev('first-attendance', firstAttendance, { setting: 'outpatient' })]), limits),
        'clinical-decision',
      );
    // Started the day before the switch: keeps 21 days, even though it runs into 2027.
    assert.equal(decision('2026-12-31').limitDays, 21);
    assert.equal(decision('2026-12-31').dueOn, '2027-01-21');
    // Started on the switch day: the new 14 days.
    assert.equal(decision('2027-01-01').limitDays, 14);
    assert.equal(decision('2027-01-01').dueOn, '2027-01-15');
  });

  it('yields no deadline when no limit is configured for the day', () => {
    assert.deepEqual(
      find(
        deadlinesFor(episodeOf([ev('first-attendance', '2018-06-01')]), NATIONAL_2019),
        'clinical-decision',
      ),
      [],
    );
  });
});

describe('deadlinesFor: the next treatment after detox', () => {
  const afterDetox = (planned: Setting | null, next: PathwayEvent[] = []) =>
    deadlinesFor(
      episodeOf(
        [
          ev('first-attendance', '2026-05-01', { setting: 'detox' }),
          ev('round-ended', '2026-05-04'),
          ...next,
        ],
        { plannedSetting: planned },
      ),
      NATIONAL_2019,
    );

  it('is due the same day when the planned next treatment is inpatient', () => {
    const d = one(afterDetox('inpatient'), 'next-treatment-after-detox');
    assert.equal(d.startsOn, '2026-05-04');
    assert.equal(d.dueOn, '2026-05-04');
    assert.equal(d.limitDays, 0);
    assert.equal(d.settingClass, 'inpatient');
    assert.equal(deadlineStatus(d, '2026-05-04'), 'due-soon');
    assert.equal(deadlineStatus(d, '2026-05-05'), 'overdue');
  });

  it('is due within three days when the planned next treatment is outpatient', () => {
    for (const planned of ['outpatient', 'day', 'lar'] as const) {
      const d = one(afterDetox(planned), 'next-treatment-after-detox');
      assert.equal(d.dueOn, '2026-05-07', planned);
      assert.equal(d.limitDays, 3, planned);
      assert.equal(d.settingClass, 'outpatient', planned);
    }
  });

  it('falls back to the outpatient limit when nothing but detox is planned', () => {
    assert.equal(one(afterDetox(null), 'next-treatment-after-detox').limitDays, 3);
    assert.equal(one(afterDetox('detox'), 'next-treatment-after-detox').limitDays, 3);
  });

  it('takes its limit from the round that actually starts next (detox first, then inpatient: same day)', () => {
    const d = one(
      afterDetox('detox', [ev('round-started', '2026-05-06', { setting: 'inpatient' })]),
      'next-treatment-after-detox',
    );
    assert.equal(d.limitDays, 0);
    assert.equal(d.settingClass, 'inpatient');
    assert.equal(d.dueOn, '2026-05-04');
    assert.equal(deadlineStatus(d, '2026-06-01'), 'met-late');
  });

  it('is met by the next round, late if it starts after the limit', () => {
    const onTime = one(
      afterDetox('inpatient', [ev('round-started', '2026-05-04', { setting: 'inpatient' })]),
      'next-treatment-after-detox',
    );
    assert.equal(deadlineStatus(onTime, '2026-06-01'), 'met');
    const late = one(
      afterDetox('outpatient', [ev('round-started', '2026-05-08', { setting: 'outpatient' })]),
      'next-treatment-after-detox',
    );
    assert.equal(late.metOn, '2026-05-08');
    assert.equal(deadlineStatus(late, '2026-06-01'), 'met-late');
  });

  it('is closed when the person is discharged after detox instead', () => {
    const d = one(afterDetox('outpatient', [ev('discharged', '2026-05-05')]), 'next-treatment-after-detox');
    assert.equal(d.closedOn, '2026-05-05');
    assert.equal(deadlineStatus(d, '2026-05-20'), 'closed');
  });

  it('is not set when a round other than detox ends', () => {
    const d = deadlinesFor(
      episodeOf(
        [
          ev('first-attendance', '2026-05-01', { setting: 'inpatient' }),
          ev('round-ended', '2026-05-04'),
          ev('round-started', '2026-05-10', { setting: 'outpatient' }),
        ],
        { plannedSetting: 'outpatient' },
      ),
      NATIONAL_2019,
    );
    assert.deepEqual(find(d, 'next-treatment-after-detox'), []);
  });

  it('is set again for a second detox, and each is met by the round that follows it', () => {
    const d = find(
      afterDetox('inpatient', [
        ev('round-started', '2026-05-04', { setting: 'inpatient' }),
        ev('round-ended', '2026-06-01'),
        ev('round-started', '2026-06-10', { setting: 'detox' }),
        ev('round-ended', '2026-06-14'),
        ev('round-started', '2026-06-15', { setting: 'inpatient' }),
      ]),
      'next-treatment-after-detox',
    );
    assert.deepEqual(
      d.map((x) => [x.startsOn, x.dueOn, x.metOn]),
      [
        ['2026-05-04', '2026-05-04', '2026-05-04'],
        ['2026-06-14', '2026-06-14', '2026-06-15'],
      ],
    );
  });
});

describe('deadlinesFor: evaluations', () => {
  it('chains evaluation intervals, each from the last evaluation, in the class of the round under way', () => {
    const d = deadlinesFor(
      episodeOf(
        [
          ev('first-attendance', '2026-01-05', { setting: 'outpatient' }),
          ev('clinical-decision', '2026-01-20'),
          ev('evaluation', '2026-01-26'),
          ev('evaluation', '2026-03-20'),
          ev('round-ended', '2026-04-01'),
          ev('round-started', '2026-04-02', { setting: 'inpatient' }),
          ev('evaluation', '2026-04-10'),
          ev('evaluation', '2026-05-20'),
        ],
        { plannedSetting: 'outpatient' },
      ),
      NATIONAL_2019,
    );
    assert.deepEqual(one(d, 'first-evaluation'), {
      kind: 'first-evaluation',
      startsOn: '2026-01-20',
      dueOn: '2026-01-27',
      metOn: '2026-01-26',
      closedOn: null,
      settingClass: 'outpatient',
      limitDays: 7,
    });
    assert.deepEqual(
      find(d, 'next-evaluation').map((x) => [x.startsOn, x.settingClass, x.limitDays, x.dueOn, x.metOn]),
      [
        ['2026-01-26', 'outpatient', 56, '2026-03-23', '2026-03-20'],
        ['2026-03-20', 'outpatient', 56, '2026-05-15', '2026-04-10'],
        ['2026-04-10', 'inpatient', 42, '2026-05-22', '2026-05-20'],
        ['2026-05-20', 'inpatient', 42, '2026-07-01', null],
      ],
    );
  });

  it('uses the planned setting for an evaluation between rounds', () => {
    const d = deadlinesFor(
      episodeOf(
        [
          ev('first-attendance', '2026-01-05', { setting: 'detox' }),
          ev('round-ended', '2026-01-09'),
          ev('evaluation', '2026-01-09'),
        ],
        { plannedSetting: 'inpatient' },
      ),
      NATIONAL_2019,
    );
    assert.equal(one(d, 'next-evaluation').limitDays, 42);
  });

  it('keeps the limit an interval started under when the limit changes during it', () => {
    const limits: TimeLimit[] = [
      ...NATIONAL_2019,
      {
        key: 'next-evaluation',
        settingClass: 'outpatient',
        days: 42,
        unit: 'days',
        effectiveFrom: '2027-01-01',
      },
    ];
    const chain = (lastEvaluation: IsoDate) =>
      find(
        deadlinesFor(
          episodeOf([
            ev('first-attendance', '2026-10-01', { setting: 'outpatient' }),
            ev('evaluation', lastEvaluation),
          ]),
          limits,
        ),
        'next-evaluation',
      )[0]!;
    assert.equal(chain('2026-12-31').limitDays, 56);
    assert.equal(chain('2026-12-31').dueOn, '2027-02-25');
    assert.equal(chain('2027-01-01').limitDays, 42);
    assert.equal(chain('2027-01-01').dueOn, '2027-02-12');
  });
});

describe('deadlinesFor a re-admitted episode', () => {
  it('has no referral or rights deadline, and starts its own clinical-decision deadline at first attendance', () => {
    const d = deadlinesFor(
      episodeOf(
        [ev('readmitted', '2026-09-01'), ev('first-attendance', '2026-09-07', { setting: 'outpatient' })],
        {
          plannedSetting: 'outpatient',
        },
      ),
      NATIONAL_2019,
    );
    assert.deepEqual(
      d.map((x) => [x.kind, x.startsOn, x.dueOn]),
      [['clinical-decision', '2026-09-07', '2026-09-28']],
    );
  });
});

describe('deadlinesFor: closing on discharge and end', () => {
  it('closes every open deadline on discharge, leaves met ones alone, and ignores the later end', () => {
    const d = deadlinesFor(
      episodeOf(
        [
          ev('referral-assessed', '2026-03-10'),
          ev('first-attendance', '2026-04-20', { setting: 'outpatient' }),
          ev('discharged', '2026-04-25'),
          ev('ended', '2026-06-01'),
        ],
        { referralReceivedOn: '2026-03-02', treatmentStartDeadline: '2026-04-30' },
      ),
      NATIONAL_2019,
    );
    assert.deepEqual(
      d.map((x) => [x.kind, x.metOn, x.closedOn]),
      [
        ['referral-assessment', '2026-03-10', null],
        ['treatment-start', '2026-04-20', null],
        ['clinical-decision', null, '2026-04-25'],
      ],
    );
  });

  it('closes on an end (drop-out) during treatment', () => {
    const d = deadlinesFor(
      episodeOf([
        ev('first-attendance', '2026-04-20', { setting: 'inpatient' }),
        ev('clinical-decision', '2026-04-22'),
        ev('ended', '2026-04-24', { outcome: 'drop-out' }),
      ]),
      NATIONAL_2019,
    );
    assert.deepEqual(
      d.map((x) => [x.kind, x.metOn, x.closedOn]),
      [
        ['clinical-decision', '2026-04-22', null],
        ['first-evaluation', null, '2026-04-24'],
      ],
    );
  });
});

describe('deadlineStatus', () => {
  const deadline = (extra: Partial<Deadline> = {}): Deadline => ({
    kind: 'clinical-decision',
    startsOn: '2026-04-20',
    dueOn: '2026-05-11',
    metOn: null,
    closedOn: null,
    settingClass: 'outpatient',
    limitDays: 21,
    ...extra,
  });

  it('warns three days ahead', () => {
    assert.equal(DUE_SOON_DAYS, 3);
  });

  it('is open, due soon, then overdue as the days pass', () => {
    const d = deadline();
    assert.equal(deadlineStatus(d, '2026-04-20'), 'open');
    assert.equal(deadlineStatus(d, '2026-05-07'), 'open'); // 4 days left
    assert.equal(deadlineStatus(d, '2026-05-08'), 'due-soon'); // 3 days left
    assert.equal(deadlineStatus(d, '2026-05-11'), 'due-soon'); // due today
    assert.equal(deadlineStatus(d, '2026-05-12'), 'overdue');
    assert.equal(deadlineStatus(d, '2026-12-31'), 'overdue');
  });

  it('is met when met on or before the due date, met late after it, whatever today is', () => {
    for (const today of ['2026-04-25', '2026-05-11', '2026-06-30']) {
      assert.equal(deadlineStatus(deadline({ metOn: '2026-05-01' }), today), 'met', today);
      assert.equal(deadlineStatus(deadline({ metOn: '2026-05-11' }), today), 'met', today);
      assert.equal(deadlineStatus(deadline({ metOn: '2026-05-12' }), today), 'met-late', today);
    }
  });

  it('is closed when it stopped applying, whatever today is', () => {
    for (const today of ['2026-05-01', '2026-05-10', '2026-06-30'])
      assert.equal(deadlineStatus(deadline({ closedOn: '2026-05-01' }), today), 'closed', today);
  });
});

describe('lateWarnings', () => {
  const events: PathwayEvent[] = [
    ev('referral-assessed', '2026-04-16'),
    ev('first-attendance', '2026-04-20', { setting: 'detox' }),
    ev('round-ended', '2026-04-24'),
    ev('round-started', '2026-04-24', { setting: 'inpatient' }),
    ev('clinical-decision', '2026-04-29'), // due 27 April
    ev('evaluation', '2026-05-08'), // first evaluation due 6 May
    ev('evaluation', '2026-06-19'), // on the due date
    ev('discharged', '2026-08-20'), // the next evaluation was due 31 July: closed, not met
  ];
  const times = { referralReceivedOn: '2026-03-30', plannedSetting: 'inpatient' as const };
  /** The warnings recording the n-th event (0-based) would give. */
  const warningsAt = (n: number) =>
    lateWarnings(
      deadlinesFor(episodeOf(events.slice(0, n), times), NATIONAL_2019),
      deadlinesFor(episodeOf(events.slice(0, n + 1), times), NATIONAL_2019),
    );

  it('warns when an event meets a deadline after its due date, with the days late', () => {
    assert.deepEqual(warningsAt(4), [
      { code: 'deadline-missed', deadline: 'clinical-decision', dueOn: '2026-04-27', daysLate: 2 },
    ]);
    assert.deepEqual(warningsAt(5), [
      { code: 'deadline-missed', deadline: 'first-evaluation', dueOn: '2026-05-06', daysLate: 2 },
    ]);
  });

  it('does not warn for deadlines met on time, on the due date, or merely closed', () => {
    assert.deepEqual(warningsAt(0), []); // assessed on the 10th working day
    assert.deepEqual(warningsAt(1), []);
    assert.deepEqual(warningsAt(2), []);
    assert.deepEqual(warningsAt(3), []); // next treatment the same day as detox ended
    assert.deepEqual(warningsAt(6), []);
    assert.deepEqual(warningsAt(7), []);
  });

  it('warns only once: a deadline already met late is not warned about again', () => {
    const all = deadlinesFor(episodeOf(events, times), NATIONAL_2019);
    assert.deepEqual(lateWarnings(all, all), []);
  });

  it('warns for a late referral assessment and a late start of treatment', () => {
    const before = deadlinesFor(
      episodeOf([ev('referral-assessed', '2026-03-18')], {
        referralReceivedOn: '2026-03-02',
        treatmentStartDeadline: '2026-04-30',
      }),
      NATIONAL_2019,
    );
    const assessed = lateWarnings(
      deadlinesFor(episodeOf([], { referralReceivedOn: '2026-03-02' }), NATIONAL_2019),
      deadlinesFor(
        episodeOf([ev('referral-assessed', '2026-03-18')], { referralReceivedOn: '2026-03-02' }),
        NATIONAL_2019,
      ),
    );
    assert.deepEqual(assessed, [
      { code: 'deadline-missed', deadline: 'referral-assessment', dueOn: '2026-03-16', daysLate: 2 },
    ]);
    const after = deadlinesFor(
      episodeOf([ev('referral-assessed', '2026-03-18'), ev('first-attendance', '2026-05-07')], {
        referralReceivedOn: '2026-03-02',
        treatmentStartDeadline: '2026-04-30',
      }),
      NATIONAL_2019,
    );
    assert.deepEqual(lateWarnings(before, after), [
      { code: 'deadline-missed', deadline: 'treatment-start', dueOn: '2026-04-30', daysLate: 7 },
    ]);
  });
});
