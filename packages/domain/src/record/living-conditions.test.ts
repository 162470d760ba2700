import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDomain, LivingConditionDomains, mayRate, Ratings } from './living-conditions.ts';

describe('living-condition domains', () => {
  it('has the eight domains in the order people see them, and three ratings', () => {
    assert.equal(LivingConditionDomains.length, 8);
    assert.equal(LivingConditionDomains[0], 'substance-use');
    assert.equal(LivingConditionDomains[7], 'meaningful-activity');
    assert.deepEqual(Ratings, ['green', 'yellow', 'red']);
    assert.equal(isDomain('housing'), true);
    assert.equal(isDomain('misbruk'), false);
  });

  it('lets staff with a clinical or follow-up role rate, not peers, patients or administrators', () => {
    for (const role of ['leader', 'clinician', 'milieu', 'municipal'])
      assert.equal(mayRate(role), true, role);
    for (const role of ['peer', 'patient', 'admin']) assert.equal(mayRate(role), false, role);
  });
});
