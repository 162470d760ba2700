import type {
  EntryFields,
  NetworkQuality,
  NetworkRelation,
  PersonRef,
  PlanKind,
  PlanPart,
  PlanSection,
} from '@bedring/domain';
import type { RequestActor } from '../auth/actor.ts';
import type { Tx } from '../db/transaction.ts';
import { writtenBy } from './plan.access.ts';
import { entryContent, lockPlan, newVersion } from './plan.repository.ts';

/**
 * The writes of the plans, shared by the routes (after their checks: need to know, the plan rule, the
 * entry's fields) and the demo, so that demo data is what production makes of the same actions.
 */

/** Adds an entry to the person's plan of a kind: a new version with its line in the change log. */
export async function addEntry(
  trx: Tx,
  actor: RequestActor,
  person: PersonRef,
  kind: PlanKind,
  section: PlanSection,
  fields: EntryFields,
  now: Date,
) {
  const plan = await lockPlan(trx, person, kind, now);
  const entry = await trx
    .insertInto('plan_entry')
    .values({
      tenant_id: person.organisationId,
      person_id: person.id,
      plan_id: plan.id,
      plan_kind: kind,
      section,
      position: plan.version + 1,
      text: fields.text,
      success_means: fields.successMeans ?? null,
      owner_account_id: fields.ownerAccountId ?? null,
      due_on: fields.dueOn ?? null,
      evaluate_on: fields.evaluateOn ?? null,
      phone: fields.phone ?? null,
      contact_before_use: fields.contactBeforeUse ?? null,
      network_member_id: fields.networkMemberId ?? null,
      written_by: writtenBy(actor),
      author_account_id: actor.accountId,
      author_name: actor.displayName,
      author_role: actor.role,
      created_at: now,
      changed_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const version = await newVersion(
    trx,
    actor,
    plan,
    { action: 'add-entry', entryId: entry.id, before: null, after: { section, ...entryContent(entry) } },
    now,
  );
  return { entry, version };
}

/** A comment on an entry: said about the plan, not a change of it, so the version stays. */
export async function addComment(
  trx: Tx,
  actor: RequestActor,
  entry: { tenant_id: string; person_id: string; plan_id: string; id: string },
  kind: PlanKind,
  text: string,
  now: Date,
): Promise<string> {
  const { id } = await trx
    .insertInto('plan_comment')
    .values({
      tenant_id: entry.tenant_id,
      person_id: entry.person_id,
      plan_id: entry.plan_id,
      plan_kind: kind,
      entry_id: entry.id,
      text,
      written_by: writtenBy(actor),
      author_account_id: actor.accountId,
      author_name: actor.displayName,
      author_role: actor.role,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The person's co-signature of the plan's current version; undefined when they signed it already. */
export async function signVersion(
  trx: Tx,
  actor: RequestActor,
  plan: { tenant_id: string; person_id: string; id: string; version: number },
  kind: PlanKind,
  now: Date,
): Promise<string | undefined> {
  const row = await trx
    .insertInto('plan_signature')
    .values({
      tenant_id: plan.tenant_id,
      person_id: plan.person_id,
      plan_id: plan.id,
      plan_kind: kind,
      plan_version: plan.version,
      signed_by: actor.accountId,
      signed_by_name: actor.displayName,
      signed_at: now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'plan_id', 'plan_version', 'signed_by']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Sets the plan's review date; a new version only when the date changes. Returns the plan's version. */
export async function setReviewDate(
  trx: Tx,
  actor: RequestActor,
  plan: Awaited<ReturnType<typeof lockPlan>>,
  reviewOn: string | null,
  now: Date,
): Promise<number> {
  if (plan.review_on === reviewOn) return plan.version;
  return newVersion(
    trx,
    actor,
    plan,
    { action: 'set-review-date', entryId: null, before: { reviewOn: plan.review_on }, after: { reviewOn } },
    now,
    { review_on: reviewOn },
  );
}

export interface NetworkMemberFields {
  name: string;
  relation: NetworkRelation;
  quality: NetworkQuality;
  crisisRole?: string;
  phone?: string | null;
  contactConsent: boolean;
  maySee: PlanKind[];
  note?: string;
}

/** A person or service in the network map, written by the actor. */
export async function addNetworkMember(
  trx: Tx,
  actor: RequestActor,
  person: PersonRef,
  m: NetworkMemberFields,
  now: Date,
): Promise<string> {
  const { id } = await trx
    .insertInto('network_member')
    .values({
      tenant_id: person.organisationId,
      person_id: person.id,
      name: m.name,
      relation: m.relation,
      quality: m.quality,
      crisis_role: m.crisisRole ?? '',
      phone: m.phone ?? null,
      contact_consent: m.contactConsent,
      may_see: m.maySee,
      note: m.note ?? '',
      written_by: writtenBy(actor),
      author_account_id: actor.accountId,
      author_name: actor.displayName,
      author_role: actor.role,
      created_at: now,
      changed_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Changes a member of the network map, or takes them out of it (`removed`). */
export async function updateNetworkMember(
  trx: Tx,
  member: { tenant_id: string; id: string },
  m: NetworkMemberFields & { removed?: boolean },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('network_member')
    .set({
      name: m.name,
      relation: m.relation,
      quality: m.quality,
      crisis_role: m.crisisRole ?? '',
      phone: m.phone ?? null,
      contact_consent: m.contactConsent,
      may_see: m.maySee,
      note: m.note ?? '',
      changed_at: now,
      removed_at: m.removed ? now : null,
    })
    .where('tenant_id', '=', member.tenant_id)
    .where('id', '=', member.id)
    .execute();
}

/**
 * The episode a promise belongs to: the person's open episode, else the latest one. Its unit's leader is
 * the one who sees the promise when it is overdue.
 */
export async function promiseEpisode(trx: Tx, person: PersonRef) {
  return trx
    .selectFrom('episode')
    .select(['id', 'unit_id'])
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .orderBy((e) => e.case().when('state', '=', 'ended').then(1).else(0).end())
    .orderBy('opened_on', 'desc')
    .executeTakeFirst();
}

export interface LapseFields {
  occurredOn: string;
  situation?: string;
  thoughtsFeelings?: string;
  whatHappened?: string;
  whatHelped?: string;
}

/** A lapse, tied to the relapse-prevention plan's version now (the plan warns until it changes). */
export async function recordLapse(
  trx: Tx,
  actor: RequestActor,
  person: PersonRef,
  l: LapseFields,
  now: Date,
): Promise<string> {
  const { id } = await trx
    .insertInto('lapse')
    .values({
      tenant_id: person.organisationId,
      person_id: person.id,
      occurred_on: l.occurredOn,
      situation: l.situation ?? '',
      thoughts_feelings: l.thoughtsFeelings ?? '',
      what_happened: l.whatHappened ?? '',
      what_helped: l.whatHelped ?? '',
      plan_version: await relapsePlanVersion(trx, person),
      written_by: writtenBy(actor),
      author_account_id: actor.accountId,
      author_name: actor.displayName,
      author_role: actor.role,
      recorded_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The relapse-prevention plan's version now (0 before it has content). */
export async function relapsePlanVersion(trx: Tx, person: PersonRef): Promise<number> {
  const plan = await trx
    .selectFrom('care_plan')
    .select('version')
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('kind', '=', 'relapse-prevention')
    .executeTakeFirst();
  return plan?.version ?? 0;
}

/** Which parts of the plans a consent opens to its grantee organisation. */
export async function setPlanParts(
  trx: Tx,
  consent: { tenant_id: string; id: string },
  planParts: PlanPart[],
): Promise<void> {
  await trx
    .updateTable('consent')
    .set({ plan_parts: planParts })
    .where('tenant_id', '=', consent.tenant_id)
    .where('id', '=', consent.id)
    .execute();
}
