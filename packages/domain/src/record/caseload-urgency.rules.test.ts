import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CaseloadFacts,
  caseloadUrgency,
  daysWithoutContact,
  LONG_WITHOUT_CONTACT_DAYS,
  sortByUrgency,
} from './caseload-urgency.rules.ts';

const today = '2026-11-22';
const person = (name: string, f: Partial<CaseloadFacts> = {}): CaseloadFacts => ({
  givenName: name,
  familyName: 'Nordmann',
  since: new Date('2026-01-01T10:00:00Z'),
  openHelpRequests: 0,
  oldestHelpRequestAt: null,
  openSignals: 0,
  overdueDeadlines: 0,
  overdueTasks: 0,
  lastContactOn: '2026-11-20',
  ...f,
});

describe('caseload urgency', () => {
  it('puts help requests first, then signals, overdue deadlines and tasks, a long silence, the rest', () => {
    const rest = person('Åse');
    const silent = person('Bo', { lastContactOn: '2026-10-01' });
    const overdue = person('Cato', { overdueTasks: 1 });
    const signals = person('Dina', { openSignals: 1, overdueDeadlines: 3 });
    const help = person('Eli', {
      openHelpRequests: 1,
      oldestHelpRequestAt: new Date('2026-11-22T09:00:00Z'),
    });
    const sorted = sortByUrgency([rest, silent, overdue, signals, help], today);
    assert.deepEqual(
      sorted.map((p) => p.givenName),
      ['Eli', 'Dina', 'Cato', 'Bo', 'Åse'],
    );
    assert.deepEqual(
      sorted.map((p) => caseloadUrgency(p, today)),
      ['help-requested', 'signals', 'overdue', 'no-recent-contact', 'none'],
    );
  });

  it('orders within a level: the longest wait, the most signals, the most overdue, the longest silence', () => {
    const early = person('A', { openHelpRequests: 1, oldestHelpRequestAt: new Date('2026-11-22T08:00:00Z') });
    const late = person('B', { openHelpRequests: 2, oldestHelpRequestAt: new Date('2026-11-22T09:30:00Z') });
    assert.deepEqual(
      sortByUrgency([late, early], today).map((p) => p.givenName),
      ['A', 'B'],
    );
    const one = person('C', { openSignals: 1 });
    const three = person('D', { openSignals: 3 });
    assert.deepEqual(
      sortByUrgency([one, three], today).map((p) => p.givenName),
      ['D', 'C'],
    );
    const task = person('E', { overdueTasks: 1 });
    const both = person('F', { overdueTasks: 1, overdueDeadlines: 1 });
    assert.deepEqual(
      sortByUrgency([task, both], today).map((p) => p.givenName),
      ['F', 'E'],
    );
    const month = person('G', { lastContactOn: '2026-10-22' });
    const never = person('H', { lastContactOn: null, since: new Date('2026-06-01T10:00:00Z') });
    assert.deepEqual(
      sortByUrgency([month, never], today).map((p) => p.givenName),
      ['H', 'G'],
    );
  });

  it('counts the days without contact from the relation when none is recorded, and marks the limit', () => {
    assert.equal(daysWithoutContact(person('A', { lastContactOn: '2026-11-08' }), today), 14);
    assert.equal(
      daysWithoutContact(
        person('A', { lastContactOn: null, since: new Date('2026-11-21T12:00:00Z') }),
        today,
      ),
      1,
    );
    const atLimit = person('A', { lastContactOn: '2026-11-08' });
    const before = person('A', { lastContactOn: '2026-11-09' });
    assert.equal(LONG_WITHOUT_CONTACT_DAYS, 14);
    assert.equal(caseloadUrgency(atLimit, today), 'no-recent-contact');
    assert.equal(caseloadUrgency(before, today), 'none');
  });

  it('sorts the calm rest by family name, then given name, in Norwegian order', () => {
    const a = person('Ola', { familyName: 'Ås' });
    const b = person('Kari', { familyName: 'Berg' });
    const c = person('Anne', { familyName: 'Berg' });
    assert.deepEqual(
      sortByUrgency([a, b, c], today).map((p) => `${p.givenName} ${p.familyName}`),
      ['Anne Berg', 'Kari Berg', 'Ola Ås'],
    );
  });
});
