import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  afterFailedLogin,
  isLocked,
  LOCKOUT_AFTER_FAILURES,
  passwordProblem,
  requiresTotp,
  sessionIsAlive,
  sessionPolicy,
} from './login.rules.ts';

const NOW = new Date('2026-11-22T10:00:00Z');
const MIN = 60_000;

describe('login rules', () => {
  it('locks an account after repeated failures, for a while', () => {
    let state = { failures: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < LOCKOUT_AFTER_FAILURES; i++) {
      state = afterFailedLogin(state.failures, NOW);
      assert.equal(state.lockedUntil, null);
    }
    state = afterFailedLogin(state.failures, NOW);
    assert.ok(state.lockedUntil);
    assert.equal(isLocked(state.lockedUntil, NOW), true);
    assert.equal(isLocked(state.lockedUntil, new Date(NOW.getTime() + 16 * MIN)), false);
  });

  it('ends idle staff sessions after 30 minutes but keeps a patient signed in on their phone', () => {
    const staff = { createdAt: NOW, lastSeenAt: NOW, revokedAt: null, ...sessionPolicy('clinician') };
    assert.equal(sessionIsAlive(staff, new Date(NOW.getTime() + 29 * MIN)), true);
    assert.equal(sessionIsAlive(staff, new Date(NOW.getTime() + 31 * MIN)), false);
    const patient = { createdAt: NOW, lastSeenAt: NOW, revokedAt: null, ...sessionPolicy('patient') };
    assert.equal(sessionIsAlive(patient, new Date(NOW.getTime() + 24 * 60 * MIN)), true);
    assert.equal(sessionIsAlive({ ...staff, revokedAt: NOW }, NOW), false);
  });

  it('ends every session at its absolute limit however active', () => {
    const s = {
      createdAt: NOW,
      lastSeenAt: new Date(NOW.getTime() + 12 * 60 * MIN - MIN),
      revokedAt: null,
      ...sessionPolicy('leader'),
    };
    assert.equal(sessionIsAlive(s, new Date(NOW.getTime() + 12 * 60 * MIN + MIN)), false);
  });

  it('requires a second factor for administrators', () => {
    assert.equal(requiresTotp('admin'), true);
    assert.equal(requiresTotp('clinician'), false);
  });

  it('rejects short passwords', () => {
    assert.equal(passwordProblem('kort'), 'password-too-short');
    assert.equal(passwordProblem('et langt nok passord'), null);
  });
});
