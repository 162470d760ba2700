import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  changeSince,
  type Dimension,
  type DimensionRatings,
  Dimensions,
  isSeverity,
  type Level,
  Levels,
  levelSetting,
  matchOf,
  type Recommendation,
  recommendLevel,
  type Severity,
} from './level-of-care.rules.ts';

/** Ratings now, all 0 unless given; history and rationale do not drive the rules. */
const ratings = (
  now: Partial<Record<Dimension, Severity>> = {},
  history: Severity | null = null,
): DimensionRatings =>
  Object.fromEntries(
    Dimensions.map((d) => [d, { now: now[d] ?? 0, history, rationale: `rated ${now[d] ?? 0}` }]),
  ) as DimensionRatings;

const recommend = (now: Partial<Record<Dimension, Severity>>, opioidDependence = false): Recommendation =>
  recommendLevel({ ratings: ratings(now), opioidDependence });

describe('recommendLevel: each rule', () => {
  it('1. withdrawal rated 3 or 4 now → detox first', () => {
    for (const withdrawal of [3, 4] as const) {
      assert.deepEqual(recommend({ withdrawal }), {
        level: 'detox-first',
        rule: 'withdrawal-needs-detox',
        drivers: ['withdrawal'],
      });
    }
  });

  it('2. opioid dependence with withdrawal or relapse risk 2+ → LAR assessment, naming what drove it', () => {
    assert.deepEqual(recommend({ 'relapse-risk': 2 }, true), {
      level: 'lar-assessment',
      rule: 'opioids-lar-assessment',
      drivers: ['relapse-risk'],
    });
    assert.deepEqual(recommend({ withdrawal: 2 }, true), {
      level: 'lar-assessment',
      rule: 'opioids-lar-assessment',
      drivers: ['withdrawal'],
    });
    assert.deepEqual(recommend({ withdrawal: 2, 'relapse-risk': 3 }, true), {
      level: 'lar-assessment',
      rule: 'opioids-lar-assessment',
      drivers: ['withdrawal', 'relapse-risk'],
    });
  });

  it('3. two or more of physical, mental, relapse risk, environment rated 3+ → long inpatient', () => {
    assert.deepEqual(recommend({ 'mental-health': 3, 'recovery-environment': 3 }), {
      level: 'long-inpatient',
      rule: 'several-severe-long-inpatient',
      drivers: ['mental-health', 'recovery-environment'],
    });
    assert.deepEqual(
      recommend({ 'physical-health': 3, 'mental-health': 4, 'relapse-risk': 3, 'recovery-environment': 2 }),
      {
        level: 'long-inpatient',
        rule: 'several-severe-long-inpatient',
        drivers: ['physical-health', 'mental-health', 'relapse-risk'],
      },
    );
  });

  it('3. one of them rated 4 is enough for long inpatient', () => {
    for (const dimension of [
      'physical-health',
      'mental-health',
      'relapse-risk',
      'recovery-environment',
    ] as const) {
      assert.deepEqual(recommend({ [dimension]: 4 }), {
        level: 'long-inpatient',
        rule: 'several-severe-long-inpatient',
        drivers: [dimension],
      });
    }
  });

  it('4. exactly one of them rated 3 → short inpatient', () => {
    for (const dimension of [
      'physical-health',
      'mental-health',
      'relapse-risk',
      'recovery-environment',
    ] as const) {
      assert.deepEqual(recommend({ [dimension]: 3 }), {
        level: 'short-inpatient',
        rule: 'one-severe-short-inpatient',
        drivers: [dimension],
      });
    }
    // Others at 2 do not join the drivers of this rule.
    assert.deepEqual(recommend({ 'relapse-risk': 3, 'mental-health': 2, readiness: 4 }), {
      level: 'short-inpatient',
      rule: 'one-severe-short-inpatient',
      drivers: ['relapse-risk'],
    });
  });

  it('5. any of them rated 2, or readiness 3+ → day treatment', () => {
    assert.deepEqual(recommend({ 'physical-health': 2, 'recovery-environment': 2 }), {
      level: 'day',
      rule: 'moderate-or-low-readiness-day',
      drivers: ['physical-health', 'recovery-environment'],
    });
    assert.deepEqual(recommend({ readiness: 3 }), {
      level: 'day',
      rule: 'moderate-or-low-readiness-day',
      drivers: ['readiness'],
    });
    assert.deepEqual(recommend({ readiness: 4, 'mental-health': 2 }), {
      level: 'day',
      rule: 'moderate-or-low-readiness-day',
      drivers: ['mental-health', 'readiness'],
    });
  });

  it('6. otherwise outpatient, with no drivers', () => {
    const outpatient = { level: 'outpatient', rule: 'lowest-effective-outpatient', drivers: [] };
    assert.deepEqual(recommend({}), outpatient);
    assert.deepEqual(
      recommend({
        'physical-health': 1,
        'mental-health': 1,
        'relapse-risk': 1,
        'recovery-environment': 1,
        readiness: 2,
      }),
      outpatient,
    );
  });
});

describe('recommendLevel: thresholds and precedence', () => {
  it('does not send withdrawal rated 2 to detox, nor count it towards day treatment without opioids', () => {
    assert.equal(recommend({ withdrawal: 2 }).level, 'outpatient');
    assert.equal(recommend({ withdrawal: 2, 'mental-health': 2 }).level, 'day');
    assert.deepEqual(recommend({ withdrawal: 2, 'mental-health': 2 }).drivers, ['mental-health']);
  });

  it('does not send opioid dependence to LAR assessment with withdrawal and relapse risk below 2', () => {
    assert.equal(recommend({ withdrawal: 1, 'relapse-risk': 1 }, true).level, 'outpatient');
    assert.deepEqual(recommend({ withdrawal: 1, 'mental-health': 4 }, true), {
      level: 'long-inpatient',
      rule: 'several-severe-long-inpatient',
      drivers: ['mental-health'],
    });
  });

  it('puts detox before everything else, including LAR and long inpatient', () => {
    const everything: Partial<Record<Dimension, Severity>> = {
      withdrawal: 3,
      'physical-health': 4,
      'mental-health': 4,
      'relapse-risk': 4,
      'recovery-environment': 4,
      readiness: 4,
    };
    assert.equal(recommend(everything, true).rule, 'withdrawal-needs-detox');
    assert.equal(recommend(everything, false).rule, 'withdrawal-needs-detox');
  });

  it('puts LAR assessment before inpatient levels for opioid dependence', () => {
    const severe: Partial<Record<Dimension, Severity>> = { 'relapse-risk': 4, 'mental-health': 4 };
    assert.equal(recommend(severe, true).rule, 'opioids-lar-assessment');
    assert.deepEqual(recommend(severe, true).drivers, ['relapse-risk']);
    assert.equal(recommend(severe, false).rule, 'several-severe-long-inpatient');
  });

  it('puts long before short inpatient, and short inpatient before day', () => {
    assert.equal(recommend({ 'mental-health': 3, 'physical-health': 3 }).level, 'long-inpatient');
    assert.equal(recommend({ 'mental-health': 3, 'physical-health': 2 }).level, 'short-inpatient');
    assert.equal(recommend({ 'mental-health': 2, 'physical-health': 2 }).level, 'day');
  });

  it('rates by now, not by history', () => {
    const r = recommendLevel({ ratings: ratings({}, 4), opioidDependence: true });
    assert.equal(r.level, 'outpatient');
  });

  it('names only dimensions that meet the rule’s threshold as drivers, for every combination of two ratings', () => {
    const needs = ['physical-health', 'mental-health', 'relapse-risk', 'recovery-environment'] as const;
    const severities = [0, 1, 2, 3, 4] as const;
    for (const a of needs) {
      for (const b of needs) {
        if (a === b) continue;
        for (const sa of severities) {
          for (const sb of severities) {
            const now = { [a]: sa, [b]: sb } as Partial<Record<Dimension, Severity>>;
            const r = recommend(now);
            const min =
              { 'several-severe-long-inpatient': 3, 'one-severe-short-inpatient': 3 }[r.rule as string] ?? 2;
            for (const driver of r.drivers)
              assert.ok((now[driver] ?? 0) >= min, `${JSON.stringify(now)} → ${r.rule}`);
            assert.equal(r.drivers.length > 0, r.level !== 'outpatient', JSON.stringify(now));
          }
        }
      }
    }
  });
});

describe('levelSetting', () => {
  it('maps each level to the setting of its first round', () => {
    assert.deepEqual(levelSetting, {
      outpatient: 'outpatient',
      day: 'day',
      'short-inpatient': 'inpatient',
      'long-inpatient': 'inpatient',
      'detox-first': 'detox',
      'lar-assessment': 'lar',
    });
  });
});

describe('matchOf', () => {
  it('is matched when the chosen level is the recommended one', () => {
    for (const level of Levels) assert.equal(matchOf(level, level), 'matched', level);
  });

  it('is over-matched when a more intensive level is chosen', () => {
    assert.equal(matchOf('outpatient', 'day'), 'over-matched');
    assert.equal(matchOf('day', 'long-inpatient'), 'over-matched');
    assert.equal(matchOf('short-inpatient', 'long-inpatient'), 'over-matched');
    assert.equal(matchOf('outpatient', 'detox-first'), 'over-matched');
    assert.equal(matchOf('lar-assessment', 'short-inpatient'), 'over-matched');
  });

  it('is under-matched when a less intensive level is chosen', () => {
    assert.equal(matchOf('long-inpatient', 'outpatient'), 'under-matched');
    assert.equal(matchOf('long-inpatient', 'short-inpatient'), 'under-matched');
    assert.equal(matchOf('detox-first', 'outpatient'), 'under-matched');
    assert.equal(matchOf('detox-first', 'day'), 'under-matched');
    assert.equal(matchOf('lar-assessment', 'outpatient'), 'under-matched');
  });

  it('is a different track when another level of the same intensity is chosen', () => {
    assert.equal(matchOf('detox-first', 'short-inpatient'), 'different-track');
    assert.equal(matchOf('short-inpatient', 'detox-first'), 'different-track');
    assert.equal(matchOf('lar-assessment', 'day'), 'different-track');
    assert.equal(matchOf('day', 'lar-assessment'), 'different-track');
  });

  it('is symmetric: over one way is under the other way', () => {
    const opposite = {
      matched: 'matched',
      'over-matched': 'under-matched',
      'under-matched': 'over-matched',
    } as const;
    for (const a of Levels) {
      for (const b of Levels) {
        const ab = matchOf(a, b);
        const ba = matchOf(b, a);
        if (ab === 'different-track') assert.equal(ba, 'different-track', `${a} ${b}`);
        else assert.equal(ba, opposite[ab], `${a} ${b}`);
      }
    }
    const counts: Record<string, number> = {};
    for (const a of Levels) for (const b of Levels) counts[matchOf(a, b)] = (counts[matchOf(a, b)] ?? 0) + 1;
    assert.deepEqual(counts, { matched: 6, 'over-matched': 13, 'under-matched': 13, 'different-track': 4 });
  });

  it('gives the recommendation of each rule a distinct level, so a rule’s choice is always matched', () => {
    const levels: Level[] = [
      recommend({ withdrawal: 3 }).level,
      recommend({ 'relapse-risk': 2 }, true).level,
      recommend({ 'mental-health': 4 }).level,
      recommend({ 'mental-health': 3 }).level,
      recommend({ 'mental-health': 2 }).level,
      recommend({}).level,
    ];
    assert.deepEqual([...levels].sort(), [...Levels].sort());
  });
});

describe('changeSince', () => {
  it('gives the change of each dimension, in dimension order, negative when better', () => {
    const before = ratings({ withdrawal: 3, 'mental-health': 2, 'relapse-risk': 4, readiness: 1 });
    const after = ratings({ withdrawal: 0, 'mental-health': 3, 'relapse-risk': 2, readiness: 1 });
    assert.deepEqual(changeSince(before, after), [
      { dimension: 'withdrawal', before: 3, after: 0, change: -3 },
      { dimension: 'physical-health', before: 0, after: 0, change: 0 },
      { dimension: 'mental-health', before: 2, after: 3, change: 1 },
      { dimension: 'readiness', before: 1, after: 1, change: 0 },
      { dimension: 'relapse-risk', before: 4, after: 2, change: -2 },
      { dimension: 'recovery-environment', before: 0, after: 0, change: 0 },
    ]);
  });

  it('compares the ratings now, not the history', () => {
    const before = ratings({ 'mental-health': 2 }, 0);
    const after = ratings({ 'mental-health': 2 }, 4);
    assert.ok(changeSince(before, after).every((c) => c.change === 0));
  });
});

describe('isSeverity', () => {
  it('accepts the integers 0 to 4 and nothing else', () => {
    for (const value of [0, 1, 2, 3, 4]) assert.equal(isSeverity(value), true, String(value));
    for (const value of [-1, 5, 2.5, '2', null, undefined, Number.NaN, true])
      assert.equal(isSeverity(value), false, String(value));
  });
});
