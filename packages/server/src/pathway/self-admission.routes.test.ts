import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SelfAdmissionContractList, SelfAdmissionCreated, SelfAdmissionEnded } from '@bedring/contract';
import { UNITS } from '../demo/demo.ts';
import { expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { inTreatment, type Ref, recordEvent } from './pathway.fixtures.ts';

/**
 * Brukerstyrt innleggelse seen by the person, and ended by staff
 * (docs/decisions/0018-handover-and-self-admission.md), over HTTP. Today is 2026-11-22 (TEST_NOW).
 */
let t: TestApp;
let clinician: Headers;
let leader: Headers;
let patient: Headers;
let perId: string;
before(async () => {
  t = await testApp({ persons: 10 });
  clinician = await login(t, 'behandler');
  leader = await login(t, 'leder');
  patient = await login(t, 'pasient');
  perId = (
    await t.db.owner
      .selectFrom('account')
      .select('person_id')
      .where('username', '=', 'pasient')
      .executeTakeFirstOrThrow()
  ).person_id!;
});
after(() => t.close());

const contracts = (personId: string) => `/api/persons/${personId}/self-admission-contracts`;
const contractBody = (extra: Record<string, unknown> = {}) => ({
  unitId: UNITS.inpatient,
  daysPerStay: 5,
  staysPerYear: 3,
  howToAsk: 'Ring avdelingen og si at du vil bruke avtalen',
  whoToCall: 'Døgnposten, 22 33 44 55',
  validFrom: '2026-11-01',
  ...extra,
});

/** A person discharged on 10 November 2026 with a contract from 1 November. */
async function withContract(extra: Record<string, unknown> = {}): Promise<Ref & { contractId: string }> {
  const ref = await inTreatment(t, clinician);
  await expectStatus(recordEvent(t, clinician, ref, { kind: 'discharged', date: '2026-11-10' }), 201);
  const { id } = await expectStatus<{ id: string }>(
    send(t, 'POST', contracts(ref.personId), clinician, contractBody(extra)),
    201,
  );
  return { ...ref, contractId: id };
}

async function contractRow(id: string) {
  return t.db.owner
    .selectFrom('self_admission_contract')
    .select(['ended_on'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('the person reads their own agreement', () => {
  it('reads theirs, with the stays used in the last year, and not another person’s', async () => {
    const own = await expectStatus<SelfAdmissionContractList>(send(t, 'GET', contracts(perId), patient), 200);
    assert.equal(own.contracts.length, 1, 'the demo gives Per one agreement');
    assert.equal(own.contracts[0]?.inForce, true);
    assert.equal(own.contracts[0]?.staysInYear, 1);

    const other = await withContract();
    const res = await send(t, 'GET', contracts(other.personId), patient);
    assert.ok([403, 404].includes(res.statusCode), res.body);
    assert.doesNotMatch(res.body, /Ring avdelingen/);
  });

  it('may not record or end an agreement', async () => {
    const own = await expectStatus<SelfAdmissionContractList>(send(t, 'GET', contracts(perId), patient), 200);
    const id = own.contracts[0]!.id;
    assert.equal((await send(t, 'POST', contracts(perId), patient, contractBody())).statusCode, 403);
    const end = await send(t, 'POST', `${contracts(perId)}/${id}/end`, patient, { endedOn: '2026-11-22' });
    assert.equal(end.statusCode, 403, end.body);
    assert.equal((await contractRow(id)).ended_on, null);
  });
});

describe('ending an agreement', () => {
  it('ends it from the day given: not in force, audited, and a later stay warns', async () => {
    const c = await withContract();
    const ended = await expectStatus<SelfAdmissionEnded>(
      send(t, 'POST', `${contracts(c.personId)}/${c.contractId}/end`, clinician, { endedOn: '2026-11-20' }),
      200,
    );
    assert.deepEqual(ended, { id: c.contractId, endedOn: '2026-11-20' });
    const list = await expectStatus<SelfAdmissionContractList>(
      send(t, 'GET', contracts(c.personId), clinician),
      200,
    );
    assert.equal(list.contracts[0]?.endedOn, '2026-11-20');
    assert.equal(list.contracts[0]?.inForce, false);
    const audited = await t.db.owner
      .selectFrom('audit_event')
      .select(['action', 'resource_type'])
      .where('resource_id', '=', c.contractId)
      .where('action', '=', 'update')
      .execute();
    assert.deepEqual(audited, [{ action: 'update', resource_type: 'Contract' }]);
    // The unit may still receive the person (warn, don't block: U-13).
    const stay = await expectStatus<SelfAdmissionCreated>(
      send(t, 'POST', `${contracts(c.personId)}/${c.contractId}/stays`, clinician, {
        admittedOn: '2026-11-21',
        plannedDays: 2,
        askedBy: 'person',
      }),
      201,
    );
    assert.deepEqual(stay.warnings, ['not-in-force']);
  });

  it('refuses bad input, an ended agreement, other roles and other persons’ agreements, and writes nothing', async () => {
    const c = await withContract();
    const end = (headers: Headers, body: object, personId = c.personId, id = c.contractId) =>
      send(t, 'POST', `${contracts(personId)}/${id}/end`, headers, body);
    const cases: [object, number, string | null][] = [
      [{ endedOn: '2026-10-31' }, 400, 'ended_before_from'],
      [{ endedOn: '2026-11-23' }, 400, 'date_in_future'],
      [{ endedOn: '22.11.2026' }, 400, null],
      [{}, 400, null],
      [{ endedOn: '2026-11-22', reason: 'x' }, 400, null],
    ];
    for (const [body, status, code] of cases) {
      const res = await end(clinician, body);
      assert.equal(res.statusCode, status, `${JSON.stringify(body)}: ${res.body}`);
      if (code) assert.equal(res.json().error.code, code);
    }
    for (const who of ['miljo', 'kommune', 'likeperson']) {
      const res = await end(await login(t, who), { endedOn: '2026-11-22' });
      assert.equal(res.statusCode, 403, `${who}: ${res.body}`);
    }
    // Another person's agreement, named under this person: not found.
    const other = await withContract();
    const res = await end(clinician, { endedOn: '2026-11-22' }, c.personId, other.contractId);
    assert.equal(res.statusCode, 404, res.body);
    assert.equal((await contractRow(c.contractId)).ended_on, null);
    assert.equal((await contractRow(other.contractId)).ended_on, null);

    await expectStatus(end(clinician, { endedOn: '2026-11-15' }), 200);
    const again = await end(clinician, { endedOn: '2026-11-22' });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().error.code, 'contract_ended');
    assert.equal((await contractRow(c.contractId)).ended_on, '2026-11-15');
    const updates = await t.db.owner
      .selectFrom('audit_event')
      .select('id')
      .where('resource_id', '=', c.contractId)
      .where('action', '=', 'update')
      .execute();
    assert.equal(updates.length, 1, 'only the ending that was done is audited');
  });
});

describe('the unit’s numbers', () => {
  it('count the agreements in force in the period', async () => {
    const q = `/api/self-admissions?unitId=${UNITS.inpatient}&from=2026-11-01&to=2026-11-30`;
    const before = await expectStatus<{ contracts: number }>(send(t, 'GET', q, leader), 200);
    const c = await withContract({ validFrom: '2026-11-05' });
    // Ended before the period: not counted; begun after it: not counted.
    const early = await withContract({ validFrom: '2026-09-01' });
    await expectStatus(
      send(t, 'POST', `${contracts(early.personId)}/${early.contractId}/end`, clinician, {
        endedOn: '2026-10-01',
      }),
      200,
    );
    await withContract({ validFrom: '2026-12-01' });
    const after = await expectStatus<{ contracts: number }>(send(t, 'GET', q, leader), 200);
    assert.equal(after.contracts, before.contracts + 1);
    assert.ok(c.contractId);
  });
});
