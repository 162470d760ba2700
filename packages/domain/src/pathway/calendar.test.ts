import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  addWorkingDays,
  daysBetween,
  easterSunday,
  isIsoDate,
  isWorkingDay,
  osloDate,
  publicHolidays,
} from './calendar.ts';

describe('isIsoDate', () => {
  it('accepts real calendar dates, including 29 February in a leap year', () => {
    for (const date of ['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '2026-04-30'])
      assert.equal(isIsoDate(date), true, date);
  });

  it('rejects dates that do not exist', () => {
    for (const date of [
      '2026-02-30',
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
    ])
      assert.equal(isIsoDate(date), false, date);
  });

  it('rejects garbage and other formats', () => {
    for (const value of [
      '',
      'garbage',
      '2026-1-5',
      '26-01-05',
      '2026/01/05',
      '05.01.2026',
      '2026-01-05T00:00:00Z',
      ' 2026-01-05',
      '2026-01-05 ',
      '+02026-01-05',
      'yyyy-mm-dd',
    ])
      assert.equal(isIsoDate(value), false, JSON.stringify(value));
  });
});

describe('osloDate', () => {
  it('is the Norwegian date at the instant: UTC+1 in winter', () => {
    assert.equal(osloDate(new Date('2026-01-15T22:59:59Z')), '2026-01-15');
    assert.equal(osloDate(new Date('2026-01-15T23:00:00Z')), '2026-01-16');
    assert.equal(osloDate(new Date('2026-01-15T23:30:00Z')), '2026-01-16');
    assert.equal(osloDate(new Date('2026-01-16T00:30:00Z')), '2026-01-16');
  });

  it('is the Norwegian date at the instant: UTC+2 in summer', () => {
    assert.equal(osloDate(new Date('2026-07-15T21:59:59Z')), '2026-07-15');
    assert.equal(osloDate(new Date('2026-07-15T22:00:00Z')), '2026-07-16');
    assert.equal(osloDate(new Date('2026-07-15T23:30:00Z')), '2026-07-16');
  });

  it('rolls over the year at Oslo midnight, not UTC midnight', () => {
    assert.equal(osloDate(new Date('2025-12-31T22:59:00Z')), '2025-12-31');
    assert.equal(osloDate(new Date('2025-12-31T23:00:00Z')), '2026-01-01');
  });

  it('follows the switch to and from summer time (last Sunday of March and October)', () => {
    // 2026-03-29: clocks go from 02:00 CET to 03:00 CEST (01:00 UTC).
    assert.equal(osloDate(new Date('2026-03-28T22:59:00Z')), '2026-03-28');
    assert.equal(osloDate(new Date('2026-03-28T23:00:00Z')), '2026-03-29');
    assert.equal(osloDate(new Date('2026-03-29T21:59:00Z')), '2026-03-29');
    assert.equal(osloDate(new Date('2026-03-29T22:00:00Z')), '2026-03-30');
    // 2026-10-25: back to CET; that evening midnight is 23:00 UTC again.
    assert.equal(osloDate(new Date('2026-10-24T22:00:00Z')), '2026-10-25');
    assert.equal(osloDate(new Date('2026-10-25T22:30:00Z')), '2026-10-25');
    assert.equal(osloDate(new Date('2026-10-25T23:00:00Z')), '2026-10-26');
  });

  it('answers in the ISO form the rest of the calendar expects', () => {
    assert.equal(isIsoDate(osloDate(new Date('2026-05-17T12:00:00Z'))), true);
  });
});

describe('addDays and daysBetween', () => {
  it('adds and subtracts calendar days across month, year and leap-day boundaries', () => {
    assert.equal(addDays('2026-01-31', 1), '2026-02-01');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2026-05-14', 56), '2026-07-09');
    assert.equal(addDays('2026-05-14', 0), '2026-05-14');
  });

  it('is not thrown off by summer time: 29 March 2026 is one day after 28 March', () => {
    assert.equal(addDays('2026-03-28', 1), '2026-03-29');
    assert.equal(addDays('2026-03-29', 1), '2026-03-30');
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2);
    assert.equal(daysBetween('2026-10-24', '2026-10-26'), 2);
  });

  it('counts whole days, negative when the second date is earlier', () => {
    assert.equal(daysBetween('2026-01-01', '2026-01-01'), 0);
    assert.equal(daysBetween('2026-01-01', '2026-01-22'), 21);
    assert.equal(daysBetween('2026-01-22', '2026-01-01'), -21);
    assert.equal(daysBetween('2026-01-01', '2027-01-01'), 365);
    assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
  });
});

describe('easterSunday', () => {
  it('gives the known Easter Sundays', () => {
    const known: Record<number, string> = {
      1943: '1943-04-25',
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
    };
    for (const [year, easter] of Object.entries(known))
      assert.equal(easterSunday(Number(year)), easter, year);
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2100; year++) {
      const easter = easterSunday(year);
      assert.equal(new Date(`${easter}T00:00:00Z`).getUTCDay(), 0, easter);
      assert.ok(easter >= `${year}-03-22` && easter <= `${year}-04-25`, easter);
    }
  });
});

describe('publicHolidays', () => {
  it('lists the Norwegian public holidays of 2026', () => {
    assert.deepEqual([...publicHolidays(2026)].sort(), [
      '2026-01-01', // New Year's Day
      '2026-04-02', // Maundy Thursday
      '2026-04-03', // Good Friday
      '2026-04-06', // Easter Monday
      '2026-05-01', // Labour Day
      '2026-05-14', // Ascension Day
      '2026-05-17', // Constitution Day
      '2026-05-25', // Whit Monday
      '2026-12-25', // Christmas Day
      '2026-12-26', // Boxing Day
    ]);
  });

  it('moves the Easter-bound holidays with Easter (2024, 2025)', () => {
    const h2024 = publicHolidays(2024);
    for (const d of ['2024-03-28', '2024-03-29', '2024-04-01', '2024-05-09', '2024-05-20'])
      assert.ok(h2024.has(d), d);
    const h2025 = publicHolidays(2025);
    for (const d of ['2025-04-17', '2025-04-18', '2025-04-21', '2025-05-29', '2025-06-09'])
      assert.ok(h2025.has(d), d);
    assert.equal(h2025.has('2025-04-20'), false, 'Easter Sunday is a Sunday anyway, not in the list');
    assert.equal(h2025.has('2025-12-24'), false, 'Christmas Eve is not a public holiday');
  });

  it('tolerates two holidays on one day (Ascension on 17 May 2007)', () => {
    const h2007 = publicHolidays(2007);
    assert.equal(h2007.size, 9);
    assert.ok(h2007.has('2007-05-17'));
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday outside public holidays', () => {
    assert.equal(isWorkingDay('2026-01-05'), true); // Monday
    assert.equal(isWorkingDay('2026-01-09'), true); // Friday
    assert.equal(isWorkingDay('2026-01-10'), false); // Saturday
    assert.equal(isWorkingDay('2026-01-11'), false); // Sunday
    assert.equal(isWorkingDay('2026-01-01'), false); // Thursday, New Year's Day
    assert.equal(isWorkingDay('2026-04-02'), false); // Maundy Thursday
    assert.equal(isWorkingDay('2026-04-03'), false); // Good Friday
    assert.equal(isWorkingDay('2026-04-06'), false); // Easter Monday
    assert.equal(isWorkingDay('2026-04-07'), true);
    assert.equal(isWorkingDay('2024-05-17'), false); // Friday, Constitution Day
    assert.equal(isWorkingDay('2025-12-24'), true); // Christmas Eve is a working day
  });
});

describe('addWorkingDays', () => {
  it('skips the weekend', () => {
    assert.equal(addWorkingDays('2026-01-09', 1), '2026-01-12'); // Fri → Mon
    assert.equal(addWorkingDays('2026-01-08', 3), '2026-01-13'); // Thu → Tue
    assert.equal(addWorkingDays('2026-01-10', 1), '2026-01-12'); // Sat → Mon
    assert.equal(addWorkingDays('2026-01-05', 5), '2026-01-12'); // one working week
  });

  it('skips Easter: from the Wednesday before, the next working day is the Tuesday after', () => {
    assert.equal(addWorkingDays('2026-04-01', 1), '2026-04-07');
    assert.equal(addWorkingDays('2026-04-03', 1), '2026-04-07'); // starting on Good Friday
    // A referral received on the Monday of Easter week: 10 working days is 16 April, not 9 April.
    assert.equal(addWorkingDays('2026-03-30', 10), '2026-04-16');
  });

  it('skips 17 May and the holidays next to it', () => {
    // 2024: 17 May is Friday and Whit Monday is 20 May.
    assert.equal(addWorkingDays('2024-05-16', 1), '2024-05-21');
    // 2023: 17 May is Wednesday and Ascension Day is Thursday 18 May.
    assert.equal(addWorkingDays('2023-05-16', 1), '2023-05-19');
    // 2026: 17 May is a Sunday, so it costs nothing extra; Ascension (Thu 14 May) does.
    assert.equal(addWorkingDays('2026-05-13', 1), '2026-05-15');
    assert.equal(addWorkingDays('2026-05-15', 1), '2026-05-18');
  });

  it('skips Christmas and the New Year across the year boundary', () => {
    assert.equal(addWorkingDays('2025-12-24', 1), '2025-12-29');
    assert.equal(addWorkingDays('2026-12-31', 1), '2027-01-04');
  });

  it('adds nothing for zero days, even from a holiday', () => {
    assert.equal(addWorkingDays('2026-01-07', 0), '2026-01-07');
    assert.equal(addWorkingDays('2026-05-17', 0), '2026-05-17');
  });

  it('always lands on a working day after the start when adding at least one', () => {
    for (let i = 0; i < 400; i++) {
      const start = addDays('2026-01-01', i);
      const due = addWorkingDays(start, 10);
      assert.equal(isWorkingDay(due), true, `${start} → ${due}`);
      // Ten working days span two weekends: at least 12 calendar days (from a Sunday), 14 from a weekday.
      assert.ok(daysBetween(start, due) >= 12, `${start} → ${due}`);
      if (isWorkingDay(start)) assert.ok(daysBetween(start, due) >= 14, `${start} → ${due}`);
    }
  });
});
