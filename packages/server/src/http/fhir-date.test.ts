import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError } from './errors.ts';
import { dateMatches, dateParams, dateRange, instantBounds } from './fhir-date.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('FHIR date search parameters', () => {
  it('reads a date as a day of the Norwegian calendar, summer and winter', () => {
    const winter = dateRange('2026-11-20')!;
    assert.equal(iso(winter.start), '2026-11-19T23:00:00.000Z');
    assert.equal(iso(winter.end), '2026-11-20T23:00:00.000Z');
    const summer = dateRange('2026-07-01')!;
    assert.equal(iso(summer.start), '2026-06-30T22:00:00.000Z');
    // The day clocks go forward has 23 hours.
    const spring = dateRange('2026-03-29')!;
    assert.equal(spring.end.getTime() - spring.start.getTime(), 23 * 3_600_000);
  });

  it('makes a range of the precision given: year, month, minute, second', () => {
    assert.equal(iso(dateRange('2026')!.end), '2026-12-31T23:00:00.000Z');
    assert.equal(iso(dateRange('2026-02')!.end), '2026-02-28T23:00:00.000Z');
    const minute = dateRange('2026-11-20T10:00+01:00')!;
    assert.equal(iso(minute.start), '2026-11-20T09:00:00.000Z');
    assert.equal(minute.end.getTime() - minute.start.getTime(), 60_000);
    const second = dateRange('2026-11-20T10:00:05Z')!;
    assert.equal(second.end.getTime() - second.start.getTime(), 1_000);
  });

  it('refuses what is no real date or has a time without a zone', () => {
    for (const bad of [
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-11-20T24:00Z',
      '2026-11-20T10:00',
      'x',
    ])
      assert.equal(dateRange(bad), null, bad);
    assert.throws(
      () => dateParams(['ge2026-02-30']),
      (e: unknown) => e instanceof HttpError && e.statusCode === 400,
    );
  });

  it('turns prefixes into bounds for an instant, intersecting repeated parameters', () => {
    const b = instantBounds(dateParams(['ge2026-11-01', 'le2026-11-20']));
    assert.equal(iso(b.from), '2026-10-31T23:00:00.000Z');
    assert.equal(iso(b.to), '2026-11-20T23:00:00.000Z');
    const strict = instantBounds(dateParams(['gt2026-11-01', 'lt2026-11-20']));
    assert.equal(iso(strict.from), '2026-11-01T23:00:00.000Z');
    assert.equal(iso(strict.to), '2026-11-19T23:00:00.000Z');
    const eq = instantBounds(dateParams('2026-11-20'));
    assert.deepEqual([iso(eq.from), iso(eq.to)], ['2026-11-19T23:00:00.000Z', '2026-11-20T23:00:00.000Z']);
    assert.deepEqual(instantBounds([]), { from: null, to: null });
  });

  it('matches a day or an instant by the R4 rules, and agrees with the bounds for an instant', () => {
    const day = '2026-11-18';
    assert.ok(dateMatches(day, dateParams('2026-11-18')));
    assert.ok(dateMatches(day, dateParams(['ge2026-11-18', 'le2026-11-18'])));
    assert.ok(!dateMatches(day, dateParams('lt2026-11-18')));
    assert.ok(dateMatches(day, dateParams('gt2026-11-17')));
    // A day reaches past noon of itself, so it is "greater than" noon.
    assert.ok(dateMatches(day, dateParams('gt2026-11-18T12:00Z')));
    assert.ok(!dateMatches(undefined, dateParams('ge2026-01-01')));
    assert.ok(dateMatches(undefined, []));
    const instants = ['2026-11-17T22:59:59.999Z', '2026-11-17T23:00:00.000Z', '2026-11-18T22:59:59.999Z'];
    for (const value of ['ge2026-11-18', 'gt2026-11-17', 'le2026-11-17', 'lt2026-11-18', '2026-11-18']) {
      const params = dateParams(value);
      const { from, to } = instantBounds(params);
      for (const at of instants) {
        const t = new Date(at);
        const inBounds = (!from || t >= from) && (!to || t < to);
        assert.equal(dateMatches(at, params), inBounds, `${value} ${at}`);
      }
    }
  });
});
