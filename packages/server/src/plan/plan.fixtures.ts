import { KOMMUNE, TSB } from '../demo/demo.ts';
import { accountId, expectStatus, type Headers, send } from '../testing/requests.ts';
import type { TestApp } from '../testing/test-app.ts';

/**
 * What the plan API tests share: reading the plans over HTTP, giving a login a care relation, sharing a
 * part of the plans through the demo patient's consent, and counting what is stored past the API.
 */
export interface PlanView {
  kind: string;
  id: string | null;
  version: number;
  reviewOn: string | null;
  entries: {
    id: string;
    section: string;
    text: string;
    successMeans: string | null;
    owner: { id: string; name: string | null } | null;
    dueOn: string | null;
    evaluateOn: string | null;
    contactBeforeUse: boolean | null;
    writtenBy: 'person' | 'staff';
    author: { id: string; name: string; role: string };
    comments: { text: string; writtenBy: string; author: { name: string } }[];
  }[];
  signatures: { version: number; signedBy: { name: string }; current: boolean }[];
  history: {
    version: number;
    action: string;
    before: unknown;
    after: unknown;
    changedBy: { name: string };
  }[];
  warnings: string[];
  nextEvaluationOn?: string | null;
  emergencyNumbers?: { number: string }[];
  networkContacts?: { name: string; crisisRole: string }[];
}

export async function plansOf(t: TestApp, headers: Headers, personId: string) {
  return (
    await expectStatus<{ plans: PlanView[] }>(send(t, 'GET', `/api/persons/${personId}/plans`, headers), 200)
  ).plans;
}

export async function planOf(
  t: TestApp,
  headers: Headers,
  personId: string,
  kind: string,
): Promise<PlanView> {
  const plan = (await plansOf(t, headers, personId)).find((p) => p.kind === kind);
  if (!plan) throw new Error(`no ${kind} plan visible`);
  return plan;
}

/** A care relation for a demo login (its own organisation), as a referral or handover would give it. */
export async function relate(t: TestApp, username: string, personId: string, tenantId = TSB) {
  const id = await accountId(t, username);
  const account = await t.db.owner
    .selectFrom('account')
    .select('tenant_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await t.db.owner
    .insertInto('care_relation')
    .values({
      tenant_id: tenantId,
      person_id: personId,
      account_id: id,
      organisation_id: account.tenant_id,
      kind: account.tenant_id === tenantId ? 'care-team' : 'follow-up',
      unit_id: null,
      from_at: new Date('2026-01-01T00:00:00Z'),
    })
    .execute();
}

/** The demo patient's consent for the municipality (recorded with the handover). */
export async function municipalConsentId(t: TestApp, personId: string): Promise<string> {
  return (
    await t.db.owner
      .selectFrom('consent')
      .select('id')
      .where('person_id', '=', personId)
      .where('grantee_organisation_id', '=', KOMMUNE)
      .orderBy('given_at', 'desc')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Every row of the plans stored for a person, read past the API: to show that a refused request wrote nothing. */
export async function planFootprint(t: TestApp, personId: string) {
  const o = t.db.owner;
  const of = (
    table:
      | 'care_plan'
      | 'plan_entry'
      | 'plan_comment'
      | 'plan_signature'
      | 'plan_change'
      | 'lapse'
      | 'network_member',
  ) =>
    o
      .selectFrom(table as 'lapse')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('id')
      .execute();
  return {
    plans: await of('care_plan'),
    entries: await of('plan_entry'),
    comments: await of('plan_comment'),
    signatures: await of('plan_signature'),
    changes: await of('plan_change'),
    lapses: await of('lapse'),
    network: await of('network_member'),
    promises: await o
      .selectFrom('pathway_task')
      .selectAll()
      .where('person_id', '=', personId)
      .where('kind', '=', 'promise')
      .execute(),
    consents: await o
      .selectFrom('consent')
      .select(['id', 'plan_parts'])
      .where('person_id', '=', personId)
      .orderBy('id')
      .execute(),
  };
}
