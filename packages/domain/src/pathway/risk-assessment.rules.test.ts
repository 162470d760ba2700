import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRaised, latestByKind, type RiskAssessmentFacts } from './risk-assessment.rules.ts';

const a = (
  kind: 'suicide' | 'violence',
  assessedOn: string,
  level = 'low' as const,
): RiskAssessmentFacts => ({
  kind,
  assessedOn,
  level,
  shareAtHandover: true,
});

describe('risk assessments', () => {
  it('finds the latest assessment of each kind by date, whatever the order', () => {
    const early = a('suicide', '2026-10-01');
    const late = a('suicide', '2026-11-20');
    const violence = a('violence', '2026-11-01');
    assert.deepEqual(latestByKind([late, violence, early]), { suicide: late, violence });
    assert.deepEqual(latestByKind([]), { suicide: null, violence: null });
  });

  it('takes the later one in the list on the same day (a correction made the same day)', () => {
    const first = a('violence', '2026-11-01');
    const second = { ...a('violence', '2026-11-01'), level: 'moderate' as const };
    assert.equal(latestByKind([first, second]).violence, second);
  });

  it('raises high and acute, not low and moderate', () => {
    assert.deepEqual((['low', 'moderate', 'high', 'acute'] as const).map(isRaised), [
      false,
      false,
      true,
      true,
    ]);
  });
});
