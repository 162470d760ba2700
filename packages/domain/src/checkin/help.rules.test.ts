import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_HELP_ESCALATION_MINUTES,
  escalationCutoff,
  isEscalationDue,
  minutesWaiting,
  telHref,
} from './help.rules.ts';

const NOW = new Date('2026-11-22T10:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

describe('help requests (docs/decisions/0015-help-requests.md)', () => {
  it('escalates a request untaken for the configured minutes, not one a minute younger', () => {
    assert.equal(isEscalationDue(ago(15), NOW, 15), true);
    assert.equal(isEscalationDue(ago(14), NOW, 15), false);
    assert.equal(isEscalationDue(ago(5), NOW, 5), true);
    assert.equal(escalationCutoff(NOW, 15).toISOString(), '2026-11-22T09:45:00.000Z');
    assert.equal(DEFAULT_HELP_ESCALATION_MINUTES, 15);
  });

  it('counts whole minutes waiting, never below zero', () => {
    assert.equal(minutesWaiting(ago(0), NOW), 0);
    assert.equal(minutesWaiting(new Date(NOW.getTime() - 119_000), NOW), 1);
    assert.equal(minutesWaiting(ago(90), NOW), 90);
    assert.equal(minutesWaiting(new Date(NOW.getTime() + 60_000), NOW), 0);
  });

  it('makes tap-to-call links of emergency and own numbers', () => {
    assert.equal(telHref('113'), 'tel:113');
    assert.equal(telHref('116 117'), 'tel:116117');
    assert.equal(telHref('+47 900 00 000'), 'tel:+4790000000');
    assert.equal(telHref('ring meg'), null);
    assert.equal(telHref(''), null);
  });
});
