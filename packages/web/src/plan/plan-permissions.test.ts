import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlanEntryView } from '@bedring/contract';
import type { Role } from '@bedring/domain/access/roles';
import type { SessionUser } from '../auth/session.resource.ts';
import { mayEdit, mayPromise, mayShare, maySign, mayWrite, viewerOf } from './plan-permissions.ts';

const user = (role: Role, id = `${role}-1`, organisationId: string | null = 'org-a'): SessionUser => ({
  id,
  role,
  displayName: role,
  personId: role === 'patient' ? 'person-1' : null,
  organisation: organisationId ? { id: organisationId, name: 'Org', kind: 'specialist' } : null,
});

test('the person writes every section but the measures; staff every section; peers none', () => {
  assert.equal(mayWrite(user('patient'), 'goal'), true);
  assert.equal(mayWrite(user('patient'), 'measure'), false);
  assert.equal(mayWrite(user('clinician'), 'measure'), true);
  assert.equal(mayWrite(user('municipal'), 'goal'), true);
  assert.equal(mayWrite(user('peer'), 'goal'), false);
  assert.equal(viewerOf(user('patient')), 'self');
  assert.equal(viewerOf(user('milieu')), 'staff');
});

test('only the author edits an entry', () => {
  const entry = { author: { id: 'clinician-1' } } as PlanEntryView;
  assert.equal(mayEdit(user('clinician', 'clinician-1'), entry), true);
  assert.equal(mayEdit(user('clinician', 'clinician-2'), entry), false);
  assert.equal(mayEdit(user('patient'), entry), false);
});

test('the person signs; staff make promises', () => {
  assert.equal(maySign(user('patient')), true);
  assert.equal(maySign(user('clinician')), false);
  assert.equal(mayPromise(user('patient')), false);
  assert.equal(mayPromise(user('peer')), true);
});

test('sharing is for the person and for staff (not peers) of the organisation holding the record', () => {
  assert.equal(mayShare(user('patient', 'p', null), undefined), true);
  assert.equal(mayShare(user('clinician', 'c', 'org-a'), 'org-a'), true);
  assert.equal(mayShare(user('clinician', 'c', 'org-b'), 'org-a'), false);
  assert.equal(mayShare(user('clinician', 'c', 'org-a'), undefined), false);
  assert.equal(mayShare(user('peer', 'x', 'org-a'), 'org-a'), false);
});
