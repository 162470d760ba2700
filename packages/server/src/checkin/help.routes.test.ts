import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { UnitAccessLog } from '@bedring/contract';
import type { AuditEvent } from '@medplum/fhirtypes';
import { sealAudit, verifyAudit } from '../audit/audit.repository.ts';
import { KOMMUNE } from '../demo/demo-accounts.ts';
import type { Notice } from '../notify/notifier.ts';
import { demoIds } from '../testing/demo-ids.ts';
import { accountId, expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { TEST_NOW, type TestApp, testApp } from '../testing/test-app.ts';
import { escalateHelpRequests } from './help-escalation.ts';

/**
 * Help that cannot be missed over HTTP (docs/decisions/0015-help-requests.md): the person's request is
 * pinned for the care team and the unit leader until someone takes it ("Jeg tar den"), the person then
 * sees who took it and when, and a request nobody takes in time goes to the unit leader and the
 * municipality's duty contact, once.
 */
const notices: Notice[] = [];
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let per: Headers;
let bjorn: Headers;
let kim: Headers;
let lene: Headers;
let liv: Headers;
let dutyId: string;

type Open = { helpRequests: Array<{ id: string; person: { id: string }; escalatedAt: string | null }> };
type Own = { helpRequests: Array<{ id: string; taken: { at: string; byName: string | null } | null }> };
const openFor = async (who: Headers) =>
  (await expectStatus<Open>(send(t, 'GET', '/api/help-requests/open', who), 200)).helpRequests;
const own = () => `/api/persons/${ids.pasient}/help-requests`;

before(async () => {
  t = await testApp({ notifier: { send: async (n) => void notices.push(n) } });
  ids = await demoIds(t.db);
  per = await login(t, 'pasient');
  bjorn = await login(t, 'behandler');
  kim = await login(t, 'kommune');
  lene = await login(t, 'leder');
  liv = await login(t, 'likeperson');
  // The municipality's duty contact: an account flagged in data (migration 0011).
  dutyId = (
    await t.db.owner
      .insertInto('account')
      .values({
        tenant_id: KOMMUNE,
        username: 'vakt-test',
        display_name: 'Vera Vakt',
        role: 'municipal',
        password_hash: '!',
        duty_contact: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});
after(() => t.close());

describe('an open help request', () => {
  let signalId: string;

  it('is pinned for the care team and the unit leader, not for a peer worker', async () => {
    const made = await expectStatus<{ created: boolean }>(
      send(t, 'POST', own(), per, { id: randomUUID(), madeAt: TEST_NOW.toISOString() }),
      201,
    );
    assert.equal(made.created, true);
    const mine = (await openFor(bjorn)).filter((h) => h.person.id === ids.pasient);
    assert.equal(mine.length, 1);
    signalId = mine[0]!.id;
    assert.equal(mine[0]!.escalatedAt, null);
    assert.ok((await openFor(kim)).some((h) => h.id === signalId));
    assert.ok((await openFor(lene)).some((h) => h.id === signalId));
    await expectStatus(send(t, 'GET', '/api/help-requests/open', liv), 403);
    await expectStatus(send(t, 'GET', '/api/help-requests/open', per), 403);
    const state = await expectStatus<Own>(send(t, 'GET', own(), per), 200);
    assert.equal(state.helpRequests.find((h) => h.id === signalId)?.taken, null);
  });

  it('escalates once, after the configured minutes, to the unit leader and the duty contact', async () => {
    notices.length = 0;
    const later = (m: number) => new Date(TEST_NOW.getTime() + m * 60_000);
    assert.equal(
      await escalateHelpRequests(t.db.owner, { send: async (n) => void notices.push(n) }, later(14), 15),
      0,
    );
    assert.equal(
      await escalateHelpRequests(t.db.owner, { send: async (n) => void notices.push(n) }, later(15), 15),
      1,
    );
    assert.equal(
      await escalateHelpRequests(t.db.owner, { send: async (n) => void notices.push(n) }, later(30), 15),
      0,
    );
    assert.equal(notices.length, 1);
    const notice = notices[0]!;
    assert.equal(notice.kind, 'help-escalated');
    assert.ok(notice.kind === 'help-escalated' && notice.signalId === signalId);
    assert.ok(notice.to.includes(await accountId(t, 'leder')), 'the unit leader is told');
    assert.ok(notice.to.includes(dutyId), 'the municipality’s duty contact is told');
    assert.ok(!notice.to.includes(await accountId(t, 'behandler')));
    const pinned = (await openFor(bjorn)).find((h) => h.id === signalId);
    assert.ok(pinned?.escalatedAt, 'still pinned, now marked escalated');
  });

  it('is audited once, by the system, naming the signal and the accounts told; the access logs and the chain show it', async () => {
    const events = await t.db.owner
      .selectFrom('audit_event')
      .selectAll()
      .where('resource_type', '=', 'HelpRequest')
      .where('resource_id', '=', signalId)
      .execute();
    assert.equal(events.length, 1, 'one event for one escalation, none for the runs before and after');
    const e = events[0]!;
    assert.equal(e.action, 'escalate');
    assert.equal(e.actor_role, 'system');
    assert.equal(e.actor_account_id, null);
    assert.equal(e.person_id, ids.pasient);
    const told = e.purpose?.replace(/^told:/, '').split(',') ?? [];
    assert.ok(told.includes(await accountId(t, 'leder')) && told.includes(dutyId), 'who was told, by id');
    assert.ok(!/Per|Pasient/.test(e.purpose ?? ''), 'no names in the audit trail');

    const unitLog = await expectStatus<UnitAccessLog>(
      send(t, 'GET', '/api/access-log?basis=system', lene),
      200,
    );
    const entry = unitLog.entries.find((x) => x.id === e.id);
    assert.equal(entry?.basis, 'system', "on the leader's access log as Bedring's own entry");
    assert.equal(entry?.actor.id, null);
    const ownLog = await expectStatus<{ entries: Array<{ id: string; actorRole: string }> }>(
      send(t, 'GET', `/api/persons/${ids.pasient}/access-log`, per),
      200,
    );
    assert.ok(
      ownLog.entries.some((x) => x.id === e.id && x.actorRole === 'system'),
      "on the person's own log",
    );
    const fhirLog = await expectStatus<{ entry: Array<{ resource: AuditEvent }> }>(
      send(t, 'GET', `/fhir/AuditEvent?patient=Patient/${ids.pasient}`, per),
      200,
    );
    const fhirEntry = fhirLog.entry.find((x) => x.resource.id === e.id)?.resource;
    assert.equal(fhirEntry?.agent[0]?.who?.display, 'Bedring', 'named as Bedring in FHIR and so in the PDF');

    await sealAudit(t.db.owner);
    const sealed = await t.db.owner
      .selectFrom('audit_event')
      .select('chain_position')
      .where('id', '=', e.id)
      .executeTakeFirstOrThrow();
    assert.ok(sealed.chain_position, 'linked into the hash chain');
    const chain = (await verifyAudit(t.db.owner)).find((v) => v.tenantId === e.tenant_id);
    assert.equal(chain?.ok, true);
  });

  it('is taken once ("Jeg tar den"), leaves the pinned lists, and the person sees who took it and when', async () => {
    const taken = await expectStatus<{ id: string; taken: { at: string; byName: string } }>(
      send(t, 'POST', `/api/help-requests/${signalId}/take`, kim),
      200,
    );
    assert.equal(taken.taken.byName, 'Kim Kommune');
    const second = await send(t, 'POST', `/api/help-requests/${signalId}/take`, bjorn);
    assert.equal(second.statusCode, 409);
    assert.equal(second.json().error.code, 'help_request_taken');
    assert.ok(!(await openFor(bjorn)).some((h) => h.id === signalId));
    assert.ok(!(await openFor(lene)).some((h) => h.id === signalId));
    const state = await expectStatus<Own>(send(t, 'GET', own(), per), 200);
    const mine = state.helpRequests.find((h) => h.id === signalId);
    assert.equal(mine?.taken?.byName, 'Kim Kommune');
    assert.equal(mine?.taken?.at, taken.taken.at);
  });
});

describe('refusals', () => {
  it('takes only help requests, by staff who may see them, and reads only one’s own state', async () => {
    await expectStatus(send(t, 'POST', `/api/help-requests/${randomUUID()}/take`, bjorn), 404);
    await expectStatus(send(t, 'POST', '/api/help-requests/not-a-uuid/take', bjorn), 400);
    await expectStatus(send(t, 'POST', `/api/help-requests/${randomUUID()}/take`, liv), 403);
    await expectStatus(send(t, 'GET', `/api/persons/${ids.stranger}/help-requests`, bjorn), 403);
    const other = await t.db.owner
      .selectFrom('signal')
      .select('id')
      .where('kind', '<>', 'help-requested')
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    if (other) await expectStatus(send(t, 'POST', `/api/help-requests/${other.id}/take`, bjorn), 404);
  });
});

describe('the demo', () => {
  it('has Per’s earlier help request, taken by his municipal worker', async () => {
    const state = await expectStatus<Own>(send(t, 'GET', own(), per), 200);
    assert.ok(state.helpRequests.some((h) => h.taken?.byName === 'Kim Kommune'));
  });
});
