import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageInYear, type ChildFacts, childGaps, isMinor, isPlausibleBirthYear } from './relatives.rules.ts';

const today = new Date('2026-12-05T10:00:00Z');
const child = (over: Partial<ChildFacts> = {}): ChildFacts => ({
  birthYear: 2019,
  caredForBy: 'Moren',
  spokenWith: true,
  followUp: 'Samtale med barneansvarlig og moren',
  coordinatorInformed: true,
  ...over,
});

describe('children as relatives (barn som pårørende)', () => {
  it('counts the age the child reaches this year from the birth year alone', () => {
    assert.equal(ageInYear(2019, today), 7);
    assert.equal(isMinor(2019, today), true);
    assert.equal(isMinor(2009, today), true, 'reaches 17 this year');
    assert.equal(isMinor(2008, today), false, 'reaches 18 this year');
  });

  it('has no gaps when the carer, the talk, the follow-up and the barneansvarlig are in place', () => {
    assert.deepEqual(childGaps(child(), today), []);
  });

  it('lists every gap of a minor child, in order', () => {
    const gaps = childGaps(
      child({ caredForBy: ' ', spokenWith: null, followUp: '', coordinatorInformed: false }),
      today,
    );
    assert.deepEqual(gaps, ['carer-unknown', 'not-spoken-with', 'no-follow-up', 'coordinator-not-informed']);
    assert.deepEqual(childGaps(child({ spokenWith: false }), today), ['not-spoken-with']);
  });

  it('asks nothing more about an adult child', () => {
    assert.deepEqual(childGaps(child({ birthYear: 2000, spokenWith: null, followUp: '' }), today), []);
  });

  it('refuses a birth year in the future or before 1900', () => {
    assert.equal(isPlausibleBirthYear(2026, today), true);
    assert.equal(isPlausibleBirthYear(2027, today), false);
    assert.equal(isPlausibleBirthYear(1899, today), false);
  });
});
