import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Draft, emptyDraft, ORDER, toBody, validate } from './referral-draft.ts';

const today = '2026-03-10';

const complete: Draft = {
  ...emptyDraft(today),
  nationalId: '01019012345',
  givenName: ' Kari ',
  familyName: 'Nordmann',
  birthDate: '1990-01-01',
  gender: 'female',
  unitId: 'unit-1',
  referrerKind: 'gp',
  referrerName: 'Dr. Lege',
};

test('an empty draft starts on today and lists every required field as missing', () => {
  const draft = emptyDraft(today);
  assert.equal(draft.receivedOn, today);
  assert.deepEqual(Object.keys(validate(draft, today)).sort(), [
    'birthDate',
    'familyName',
    'gender',
    'givenName',
    'nationalId',
    'referrerKind',
    'referrerName',
    'unitId',
  ]);
});

test('a complete draft has no errors', () => {
  assert.deepEqual(validate(complete, today), {});
});

test('the national id must be eleven digits', () => {
  for (const nationalId of ['0101901234', '010190123456', '0101901234x', '']) {
    assert.equal(validate({ ...complete, nationalId }, today).nationalId, 'work.referral.errors.nationalId');
  }
  assert.equal(validate({ ...complete, nationalId: ' 01019012345 ' }, today).nationalId, undefined);
});

test('a birth date or a received date after today is refused, today itself is fine', () => {
  const e = validate({ ...complete, birthDate: '2026-03-11', receivedOn: '2026-03-11' }, today);
  assert.equal(e.birthDate, 'work.dates.future');
  assert.equal(e.receivedOn, 'work.dates.future');
  assert.deepEqual(validate({ ...complete, receivedOn: today }, today), {});
});

test('names made of spaces count as missing', () => {
  const e = validate({ ...complete, givenName: '  ', referrerName: ' ' }, today);
  assert.equal(e.givenName, 'work.referral.errors.givenName');
  assert.equal(e.referrerName, 'work.referral.errors.referrerName');
});

test('a coordinator contact needs the coordinator name', () => {
  assert.equal(
    validate({ ...complete, coordinatorContact: '99 99 99 99' }, today).coordinatorName,
    'work.referral.errors.coordinatorName',
  );
  assert.deepEqual(validate({ ...complete, coordinatorName: 'Ola' }, today), {});
});

test('every field that can fail is in the summary order', () => {
  const e = validate({ ...emptyDraft(''), receivedOn: '', coordinatorContact: 'x' }, today);
  for (const field of Object.keys(e)) assert.ok(ORDER.includes(field as (typeof ORDER)[number]), field);
});

test('the body is trimmed and leaves out what was not given', () => {
  const body = toBody({
    ...complete,
    reason: '  ',
    referrerOrganisation: '',
    checklist: { 'own-participation': true },
  });
  assert.deepEqual(body, {
    person: {
      nationalId: '01019012345',
      givenName: 'Kari',
      familyName: 'Nordmann',
      birthDate: '1990-01-01',
      gender: 'female',
    },
    unitId: 'unit-1',
    referrer: { kind: 'gp', name: 'Dr. Lege' },
    receivedOn: today,
    checklist: { 'own-participation': true },
  });
});

test('the body carries the optional parts when they are given', () => {
  const body = toBody({
    ...complete,
    referrerOrganisation: ' Legekontoret ',
    reason: ' Ønsker hjelp ',
    coordinatorName: ' Ola ',
    coordinatorContact: '',
  });
  assert.deepEqual(body.referrer, { kind: 'gp', name: 'Dr. Lege', organisation: 'Legekontoret' });
  assert.equal(body.reason, 'Ønsker hjelp');
  assert.deepEqual(body.coordinator, { name: 'Ola' });
  assert.deepEqual(toBody({ ...complete, coordinatorName: 'Ola', coordinatorContact: ' 123 ' }).coordinator, {
    name: 'Ola',
    contact: '123',
  });
});
