import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom, syntheticPerson } from './synthetic.ts';

const TODAY = new Date('2026-11-22T00:00:00Z');
const people = Array.from({ length: 3000 }, (_, n) =>
  syntheticPerson(seededRandom(n * 7919 + 17), n + 1, TODAY),
);

describe('synthetic persons', () => {
  it('follow the spread in docs/domain/numbers.md: about 30/70 women/men (N-04), about a third alcohol (N-07)', () => {
    const share = (p: (x: (typeof people)[number]) => boolean) => people.filter(p).length / people.length;
    const women = share((x) => x.gender === 'female');
    const alcohol = share((x) => x.primarySubstance === 'alcohol');
    assert.ok(women > 0.26 && women < 0.34, `women ${women}`);
    assert.ok(alcohol > 0.29 && alcohol < 0.39, `alcohol ${alcohol}`);
  });

  it('are adults with valid birth dates and unique, clearly synthetic national ids (month + 80)', () => {
    assert.equal(new Set(people.map((p) => p.nationalId)).size, people.length);
    for (const p of people) {
      assert.match(p.nationalId, /^\d{11}$/);
      const month = Number(p.nationalId.slice(2, 4));
      assert.ok(month >= 81 && month <= 92, p.nationalId);
      const born = new Date(`${p.birthDate}T00:00:00Z`);
      assert.ok(!Number.isNaN(born.getTime()));
      assert.ok(TODAY.getUTCFullYear() - born.getUTCFullYear() >= 18);
    }
  });

  it('are the same for the same seed', () => {
    assert.deepEqual(
      syntheticPerson(seededRandom(42), 7, TODAY),
      syntheticPerson(seededRandom(42), 7, TODAY),
    );
  });
});
