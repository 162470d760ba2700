import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../pathway/calendar.ts';
import type { CheckinDay, WarningSign } from './checkin.ts';
import {
  DEFAULT_SIGNAL_RULES,
  type SignalRule,
  type SignalRuleKind,
  signalRuleProblems,
  signalsFor,
} from './signal.rules.ts';
import { signalText } from './signal-text.ts';

const TODAY = '2026-11-20';
const SIGNS: WarningSign[] = [
  { id: 'sign-isolate', text: 'Jeg trekker meg unna folk' },
  { id: 'sign-sleep', text: 'Jeg sover dårlig' },
];

/** A quiet check-in `daysAgo` days before TODAY; override what the case is about. */
function checkin(daysAgo: number, over: Partial<CheckinDay> = {}): CheckinDay {
  const day = addDays(TODAY, -daysAgo);
  return {
    id: `c-${day}-${over.craving ?? 2}`,
    day,
    mood: 3,
    craving: 2,
    sleep: 2,
    use: 'none',
    riskySituation: false,
    warningSigns: [],
    ...over,
  };
}

const only = (kind: SignalRuleKind, over: Partial<SignalRule> = {}): SignalRule[] => [
  { ...DEFAULT_SIGNAL_RULES.find((r) => r.kind === kind)!, ...over },
];

describe('craving-high', () => {
  const rules = only('craving-high');

  it('fires on craving of 7 or more three days running, keyed by the first day, with the values', () => {
    const found = signalsFor(
      rules,
      [checkin(3), checkin(2, { craving: 7 }), checkin(1, { craving: 9 }), checkin(0, { craving: 8 })],
      SIGNS,
      TODAY,
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]!.kind, 'craving-high');
    assert.equal(found[0]!.key, '2026-11-18');
    assert.equal(found[0]!.checkinId, 'c-2026-11-20-8');
    assert.deepEqual(found[0]!.explanation, {
      key: 'signal.cravingHigh',
      params: { threshold: 7, days: 3, from: '2026-11-18', to: '2026-11-20', highest: 9 },
    });
  });

  it('does not fire on two high days, or three with a gap day between them', () => {
    assert.deepEqual(
      signalsFor(rules, [checkin(1, { craving: 8 }), checkin(0, { craving: 8 })], SIGNS, TODAY),
      [],
    );
    const gap = [checkin(3, { craving: 8 }), checkin(2, { craving: 8 }), checkin(0, { craving: 8 })];
    assert.deepEqual(signalsFor(rules, gap, SIGNS, TODAY), []);
  });

  it('counts a day once when it has several check-ins, and a day is high when any of them is', () => {
    const found = signalsFor(
      rules,
      [
        checkin(2, { craving: 8 }),
        checkin(1, { craving: 1 }),
        checkin(1, { id: 'later', craving: 7 }),
        checkin(0, { craving: 10 }),
      ],
      SIGNS,
      TODAY,
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]!.explanation.params.days, 3);
  });

  it('a fourth day keeps the same key, so the same streak is not raised twice', () => {
    const three = [2, 1, 0].map((d) => checkin(d, { craving: 8 }));
    const four = [3, 2, 1, 0].map((d) => checkin(d, { craving: 8 }));
    const keyOfThree = signalsFor(
      rules,
      three.map((c) => ({ ...c, day: addDays(c.day, -1) })),
      SIGNS,
      TODAY,
    )[0]!.key;
    const keyOfFour = signalsFor(rules, four, SIGNS, TODAY)[0]!.key;
    assert.equal(keyOfThree, keyOfFour);
  });

  it("uses the organisation's numbers", () => {
    const days = [checkin(1, { craving: 5 }), checkin(0, { craving: 5 })];
    assert.equal(signalsFor(only('craving-high', { threshold: 5, days: 2 }), days, SIGNS, TODAY).length, 1);
    assert.equal(
      signalsFor(only('craving-high', { enabled: false, threshold: 5, days: 2 }), days, SIGNS, TODAY).length,
      0,
    );
  });

  it('leaves out check-ins after today and before the window', () => {
    const future = [0, -1, -2].map((d) => checkin(d, { craving: 9 }));
    assert.deepEqual(signalsFor(rules, future, SIGNS, TODAY), []);
    const old = [40, 39, 38].map((d) => checkin(d, { craving: 9 }));
    assert.deepEqual(signalsFor(rules, old, SIGNS, TODAY), []);
  });
});

describe('warning-sign-repeated', () => {
  const rules = only('warning-sign-repeated');

  it('fires when the same sign from the plan is ticked two days running, naming the sign', () => {
    const found = signalsFor(
      rules,
      [
        checkin(1, { warningSigns: ['sign-isolate'] }),
        checkin(0, { warningSigns: ['sign-isolate', 'sign-sleep'] }),
      ],
      SIGNS,
      TODAY,
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]!.key, 'sign-isolate:2026-11-19');
    assert.equal(found[0]!.explanation.key, 'signal.warningSignRepeated');
    assert.equal(found[0]!.explanation.params.sign, 'Jeg trekker meg unna folk');
    assert.equal(found[0]!.explanation.params.days, 2);
  });

  it('does not fire on two different signs on two days', () => {
    const found = signalsFor(
      rules,
      [checkin(1, { warningSigns: ['sign-isolate'] }), checkin(0, { warningSigns: ['sign-sleep'] })],
      SIGNS,
      TODAY,
    );
    assert.deepEqual(found, []);
  });

  it('ignores ticks of a sign that is no longer in the plan', () => {
    const found = signalsFor(
      rules,
      [checkin(1, { warningSigns: ['gone'] }), checkin(0, { warningSigns: ['gone'] })],
      SIGNS,
      TODAY,
    );
    assert.deepEqual(found, []);
  });
});

describe('lapse-reported', () => {
  const rules = only('lapse-reported');

  it('fires once per day with a lapse, not for use the person does not call a lapse', () => {
    const found = signalsFor(
      rules,
      [
        checkin(2, { use: 'use' }),
        checkin(1, { use: 'lapse' }),
        checkin(1, { id: 'again', use: 'lapse' }),
        checkin(0, { use: 'none' }),
      ],
      SIGNS,
      TODAY,
    );
    assert.deepEqual(
      found.map((f) => [f.kind, f.key, f.checkinId]),
      [['lapse-reported', '2026-11-19', 'again']],
    );
  });
});

describe('checkins-stopped', () => {
  const rules = only('checkins-stopped');
  /** Daily check-ins from `first` to `last` days ago. */
  const daily = (first: number, last: number) =>
    Array.from({ length: first - last + 1 }, (_, i) => checkin(first - i));

  it('fires after three silent days following a regular pattern, keyed by the last check-in', () => {
    const found = signalsFor(rules, daily(10, 3), SIGNS, TODAY);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.key, '2026-11-17');
    assert.equal(found[0]!.checkinId, null);
    assert.deepEqual(found[0]!.explanation.params, {
      last: '2026-11-17',
      silentDays: 3,
      regular: 8,
      window: 14,
    });
  });

  it('does not fire after two silent days, nor when the check-ins were never regular', () => {
    assert.deepEqual(signalsFor(rules, daily(10, 2), SIGNS, TODAY), []);
    const sparse = [checkin(12), checkin(9), checkin(6), checkin(4)];
    assert.deepEqual(signalsFor(rules, sparse, SIGNS, TODAY), []);
  });

  it('says nothing for a person who never checked in', () => {
    assert.deepEqual(signalsFor(DEFAULT_SIGNAL_RULES, [], SIGNS, TODAY), []);
  });
});

describe('all rules together', () => {
  it('a quiet month of check-ins raises nothing', () => {
    const month = Array.from({ length: 28 }, (_, i) => checkin(i));
    assert.deepEqual(signalsFor(DEFAULT_SIGNAL_RULES, month, SIGNS, TODAY), []);
  });

  it('an empty rule list raises nothing', () => {
    const days = [2, 1, 0].map((d) => checkin(d, { craving: 10, use: 'lapse' }));
    assert.deepEqual(signalsFor([], days, SIGNS, TODAY), []);
  });
});

describe('signalRuleProblems', () => {
  it('accepts the defaults', () => {
    assert.deepEqual(signalRuleProblems(DEFAULT_SIGNAL_RULES), []);
  });

  it('refuses what is not a list, unknown kinds, doubles, wrong numbers and numbers of other kinds', () => {
    assert.deepEqual(signalRuleProblems({}), ['rules must be a list']);
    assert.deepEqual(
      signalRuleProblems([
        { kind: 'craving-high', enabled: true, threshold: 11 },
        { kind: 'craving-high', enabled: 'yes' },
        { kind: 'lapse-reported', enabled: true, days: 2 },
        { kind: 'checkins-stopped', enabled: true, silentDays: 1.5 },
        { kind: 'nope', enabled: true },
        null,
      ]),
      [
        'rules[0].threshold must be a whole number from 1 to 10',
        'rules[1].kind craving-high is given more than once',
        'rules[1].enabled must be true or false',
        'rules[2].days does not apply to lapse-reported',
        'rules[3].silentDays must be a whole number from 1 to 30',
        'rules[4].kind must be one of craving-high, warning-sign-repeated, lapse-reported, checkins-stopped',
        'rules[5] must be an object',
      ],
    );
  });
});

describe('signalText', () => {
  it('says each signal in plain words, in bokmål and English, with the days and values', () => {
    const [craving] = signalsFor(
      only('craving-high'),
      [checkin(2, { craving: 7 }), checkin(1, { craving: 9 }), checkin(0, { craving: 8 })],
      SIGNS,
      TODAY,
    );
    assert.equal(
      signalText(craving!, 'nb'),
      'Sterkt sug (7 eller mer av 10) 3 dager på rad, 18.11.2026–20.11.2026. Høyeste: 9.',
    );
    assert.equal(
      signalText(craving!, 'en'),
      'Strong craving (7 or more of 10) 3 days running, 18 Nov 2026–20 Nov 2026. Highest: 9.',
    );
    const help = {
      kind: 'help-requested' as const,
      explanation: { key: 'x', params: { at: '2026-11-20T21:15:00Z' } },
    };
    assert.equal(signalText(help, 'nb'), 'Ba om hjelp nå (20.11.2026, 22:15).');
  });
});
