import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  completeness,
  currentRatings,
  type DomainRating,
  isDomain,
  LivingConditionDomains,
} from './living-conditions.ts';

const r = (domain: DomainRating['domain'], rating: DomainRating['rating'], day: number): DomainRating => ({
  domain,
  rating,
  note: '',
  ratedAt: new Date(Date.UTC(2026, 0, day)),
  ratedBy: 'a',
});

describe('living-condition domains', () => {
  it('has the eight domains in the order people see them', () => {
    assert.equal(LivingConditionDomains.length, 8);
    assert.equal(LivingConditionDomains[0], 'substance-use');
    assert.equal(isDomain('housing'), true);
    assert.equal(isDomain('misbruk'), false);
  });

  it('takes the newest rating per domain and keeps the rest as history', () => {
    const history = [
      r('housing', 'red', 1),
      r('housing', 'green', 20),
      r('housing', 'yellow', 10),
      r('network', 'yellow', 3),
    ];
    const current = currentRatings(history);
    assert.equal(current.get('housing')?.rating, 'green');
    assert.equal(current.get('network')?.rating, 'yellow');
    assert.deepEqual(completeness(history), { rated: 2, of: 8 });
  });
});
