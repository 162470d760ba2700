import { say } from '@bedring/contract';
import {
  AllPlanSections,
  EMERGENCY_NUMBERS,
  type EntryFields,
  type NetworkRelation,
  osloDate,
  type PersonRef,
  type PlanKind,
  PlanKinds,
  type PlanPart,
  type PlanSection,
  planWarnings,
  type Role,
  signatureIsCurrent,
} from '@bedring/domain';
import type { Selectable } from 'kysely';
import type { RequestActor } from '../auth/actor.ts';
import type { PlanChangeTable, PlanEntryTable } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';
import { notFound } from '../http/errors.ts';

/** The person's plans as the API shows them: every kind the caller may see, also before it has content. */
export async function plansOf(trx: Tx, person: PersonRef, parts: readonly PlanPart[], now: Date) {
  const kinds = PlanKinds.filter((k) => parts.includes(k));
  if (kinds.length === 0) return [];
  const of = { tenant: person.organisationId, person: person.id };
  const plans = await trx
    .selectFrom('care_plan')
    .selectAll()
    .where('tenant_id', '=', of.tenant)
    .where('person_id', '=', of.person)
    .where('kind', 'in', kinds)
    .execute();
  const ids = plans.map((p) => p.id);
  const none = ['00000000-0000-0000-0000-000000000000'];
  const entries = await trx
    .selectFrom('plan_entry as e')
    .leftJoin('staff_directory as s', 's.id', 'e.owner_account_id')
    .selectAll('e')
    .select('s.display_name as owner_name')
    .where('e.tenant_id', '=', of.tenant)
    .where('e.plan_id', 'in', ids.length ? ids : none)
    .orderBy('e.position')
    .execute();
  // The person's goals at the top (docs/domain/plans.md, CAP-15), then each section in the plan's order, as
  // written.
  const order = (section: string) => (AllPlanSections as readonly string[]).indexOf(section);
  entries.sort((a, b) => order(a.section) - order(b.section) || a.position - b.position);
  const comments = await trx
    .selectFrom('plan_comment')
    .selectAll()
    .where('tenant_id', '=', of.tenant)
    .where('plan_id', 'in', ids.length ? ids : none)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const signatures = await trx
    .selectFrom('plan_signature')
    .selectAll()
    .where('tenant_id', '=', of.tenant)
    .where('plan_id', 'in', ids.length ? ids : none)
    .orderBy('signed_at')
    .execute();
  const history = await changesOf(trx, person, ids);
  const nextEvaluationOn = kinds.includes('treatment') ? await nextPathwayEvaluation(trx, person) : null;
  const lapseAtVersion = kinds.includes('relapse-prevention') ? await lastLapseAtVersion(trx, person) : null;
  const contacts =
    kinds.includes('crisis') && parts.includes('network') ? await crisisContacts(trx, person) : [];
  const today = osloDate(now);

  return kinds.map((kind) => {
    const plan = plans.find((p) => p.kind === kind);
    const mine = entries.filter((e) => e.plan_id === plan?.id);
    const signed = signatures.filter((s) => s.plan_id === plan?.id);
    const version = plan?.version ?? 0;
    const warnings = planWarnings(
      {
        kind,
        version,
        reviewOn: plan?.review_on ?? null,
        entries: mine.map((e) => ({
          section: e.section,
          writtenBy: e.written_by,
          retired: e.retired_at !== null,
        })),
        signedVersions: signed.map((s) => s.plan_version),
        lastLapseAtVersion: lapseAtVersion,
      },
      today,
    );
    return {
      kind,
      id: plan?.id ?? null,
      version,
      reviewOn: plan?.review_on ?? null,
      changedAt: plan?.changed_at ?? null,
      entries: mine.map((e) => ({
        ...entryView(e),
        comments: comments
          .filter((c) => c.entry_id === e.id)
          .map((c) => ({
            id: c.id,
            text: c.text,
            writtenBy: c.written_by,
            author: { id: c.author_account_id, name: c.author_name, role: c.author_role as Role },
            createdAt: c.created_at,
          })),
      })),
      signatures: signed.map((s) => ({
        version: s.plan_version,
        signedBy: { id: s.signed_by, name: s.signed_by_name },
        signedAt: s.signed_at,
        current: signatureIsCurrent(s.plan_version, version),
      })),
      history: history.filter((h) => h.planId === plan?.id).map(({ planId: _, ...h }) => h),
      warnings,
      ...(kind === 'treatment' ? { nextEvaluationOn } : {}),
      ...(kind === 'crisis' ? { emergencyNumbers: EMERGENCY_NUMBERS, networkContacts: contacts } : {}),
    };
  });
}

type EntryRow = Selectable<PlanEntryTable> & { owner_name?: string | null };

function entryView(e: EntryRow) {
  return {
    id: e.id,
    section: e.section as PlanSection,
    ...entryContent(e),
    owner: e.owner_account_id ? { id: e.owner_account_id, name: e.owner_name ?? null } : null,
    writtenBy: e.written_by,
    author: { id: e.author_account_id, name: e.author_name, role: e.author_role as Role },
    createdAt: e.created_at,
    changedAt: e.changed_at,
  };
}

/** An entry's content, as the change log keeps it before and after. */
export function entryContent(e: Selectable<PlanEntryTable>) {
  return {
    text: e.text,
    successMeans: e.success_means,
    ownerAccountId: e.owner_account_id,
    dueOn: e.due_on,
    evaluateOn: e.evaluate_on,
    phone: e.phone,
    contactBeforeUse: e.contact_before_use,
    networkMemberId: e.network_member_id,
    retired: e.retired_at !== null,
  };
}

export async function changesOf(trx: Tx, person: PersonRef, planIds: string[]) {
  if (planIds.length === 0) return [];
  const rows = await trx
    .selectFrom('plan_change')
    .selectAll()
    .where('tenant_id', '=', person.organisationId)
    .where('plan_id', 'in', planIds)
    .orderBy('plan_version')
    .execute();
  return rows.map((c: Selectable<PlanChangeTable>) => ({
    planId: c.plan_id,
    version: c.plan_version,
    action: c.action,
    entryId: c.entry_id,
    before: c.before,
    after: c.after,
    changedBy: { id: c.changed_by, name: c.changed_by_name, role: c.changed_by_role as Role },
    changedAt: c.changed_at,
  }));
}

/** The pathway's next open evaluation point (first or next evaluation), if the person has one. */
export async function nextPathwayEvaluation(trx: Tx, person: PersonRef): Promise<string | null> {
  const row = await trx
    .selectFrom('pathway_deadline')
    .select('due_on')
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('kind', 'in', ['first-evaluation', 'next-evaluation'])
    .where('met_on', 'is', null)
    .where('closed_on', 'is', null)
    .orderBy('due_on')
    .executeTakeFirst();
  return row?.due_on ?? null;
}

/** The relapse-prevention plan's version when the latest lapse was recorded (null without lapses). */
export async function lastLapseAtVersion(trx: Tx, person: PersonRef): Promise<number | null> {
  const row = await trx
    .selectFrom('lapse')
    .select((e) => e.fn.max('plan_version').as('version'))
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .executeTakeFirst();
  return row?.version ?? null;
}

/** The people in the network with a role in the crisis plan: named contacts beside the entries. */
async function crisisContacts(trx: Tx, person: PersonRef) {
  const rows = await trx
    .selectFrom('network_member')
    .select(['id', 'name', 'relation', 'crisis_role', 'phone', 'contact_consent'])
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('removed_at', 'is', null)
    .where('crisis_role', '<>', '')
    .orderBy('created_at')
    .execute();
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    relation: m.relation as NetworkRelation,
    crisisRole: m.crisis_role,
    phone: m.phone,
    contactConsent: m.contact_consent,
  }));
}

/** The person's plan of a kind, made empty (version 0) the first time something is written, and locked. */
export async function lockPlan(trx: Tx, person: PersonRef, kind: PlanKind, now: Date) {
  await trx
    .insertInto('care_plan')
    .values({ tenant_id: person.organisationId, person_id: person.id, kind, created_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'person_id', 'kind']).doNothing())
    .execute();
  return trx
    .selectFrom('care_plan')
    .selectAll()
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('kind', '=', kind)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export interface PlanChange {
  action: 'add-entry' | 'change-entry' | 'retire-entry' | 'set-review-date';
  entryId: string | null;
  before: unknown;
  after: unknown;
}

/** A new version of the plan, with its line in the change log (who changed what, when, before/after). */
export async function newVersion(
  trx: Tx,
  actor: RequestActor,
  plan: { tenant_id: string; id: string; person_id: string; kind: string; version: number },
  change: PlanChange,
  now: Date,
  set: { review_on?: string | null } = {},
): Promise<number> {
  const version = plan.version + 1;
  await trx
    .updateTable('care_plan')
    .set({ version, changed_at: now, ...set })
    .where('tenant_id', '=', plan.tenant_id)
    .where('id', '=', plan.id)
    .execute();
  await trx
    .insertInto('plan_change')
    .values({
      tenant_id: plan.tenant_id,
      person_id: plan.person_id,
      plan_id: plan.id,
      plan_kind: plan.kind,
      plan_version: version,
      action: change.action,
      entry_id: change.entryId,
      before: change.before === null ? null : asJson(change.before),
      after: change.after === null ? null : asJson(change.after),
      changed_by: actor.accountId,
      changed_by_name: actor.displayName,
      changed_by_role: actor.role,
      changed_at: now,
    })
    .execute();
  return version;
}

/** JSON for a jsonb column: a lone surrogate in someone's text becomes U+FFFD, as in a text column. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const asJson = (value: unknown) =>
  JSON.stringify(value, (_key, v) => (typeof v === 'string' ? v.replace(LONE_SURROGATE, '\uFFFD') : v));

/** The measure's owner must be staff the caller can name; a network member must be the person's own. */
export async function checkReferences(trx: Tx, person: PersonRef, fields: EntryFields) {
  const problems: { field: string; problem: string }[] = [];
  if (fields.ownerAccountId) {
    const owner = await trx
      .selectFrom('staff_directory')
      .select('id')
      .where('id', '=', fields.ownerAccountId)
      .executeTakeFirst();
    if (!owner) problems.push({ field: 'ownerAccountId', problem: 'not-staff' });
  }
  if (fields.networkMemberId) {
    const member = await trx
      .selectFrom('network_member')
      .select('id')
      .where('tenant_id', '=', person.organisationId)
      .where('person_id', '=', person.id)
      .where('id', '=', fields.networkMemberId)
      .executeTakeFirst();
    if (!member) problems.push({ field: 'networkMemberId', problem: 'not-in-network' });
  }
  return problems;
}

export async function entryOf(trx: Tx, person: PersonRef, kind: PlanKind, entryId: string) {
  const entry = await trx
    .selectFrom('plan_entry')
    .selectAll()
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('plan_kind', '=', kind)
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!entry) throw notFound(say('errors.entryNotFound'));
  return entry;
}
