import {
  CommentBody,
  EntryBody,
  EntryParams,
  EntryUpdateBody,
  NoQuery,
  PersonParams,
  PlanParams,
  ReviewDateBody,
  SignBody,
} from '@bedring/contract';
import {
  checkEntry,
  type EntryFields,
  entryWarnings,
  isSectionOf,
  measureEvaluationDate,
  osloDate,
  type PlanKind,
  type PlanSection,
} from '@bedring/domain';
import { withPerson } from '../access/as-actor.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { requirePlanAction, visibleParts } from './plan.access.ts';
import {
  changesOf,
  checkReferences,
  entryContent,
  entryOf,
  lockPlan,
  newVersion,
  nextPathwayEvaluation,
  plansOf,
} from './plan.repository.ts';
import { addComment, addEntry, setReviewDate, signVersion } from './plan-write.repository.ts';

/** Refuses what the section does not hold or cannot point at (400, nothing written). */
async function checkedFields(
  trx: Parameters<typeof checkReferences>[0],
  person: Parameters<typeof checkReferences>[1],
  section: PlanSection,
  fields: EntryFields,
) {
  const problems = [...checkEntry(section, fields), ...(await checkReferences(trx, person, fields))];
  if (problems.length > 0) {
    throw badRequest('entry_does_not_fit', 'Dette passer ikke i denne delen av planen.', problems);
  }
}

/**
 * The person's plans (docs/decisions/0006-plans.md): treatment plan, relapse-prevention plan and crisis plan.
 * Every entry shows who wrote it; a change makes a new version with a line in the change log; the
 * person co-signs a version. Who may do what is the domain's plan rule (plan.access.ts).
 */
export async function planRoutes(app: App) {
  app.get(
    '/api/persons/:personId/plans',
    { schema: { params: PersonParams, querystring: NoQuery } },
    async (req) => {
      const actor = req.actor!;
      return withPerson(app, actor, req.params.personId, async (w) => {
        const parts = await visibleParts(w, actor);
        const plans = await plansOf(w.trx, w.person, parts, w.now);
        await w.audit('read', 'CarePlan');
        return { today: osloDate(w.now), plans };
      });
    },
  );

  app.post(
    '/api/persons/:personId/plans/:kind/entries',
    { schema: { params: PlanParams, body: EntryBody } },
    async (req, reply) => {
      const actor = req.actor!;
      const kind = req.params.kind as PlanKind;
      const { section, ...given } = req.body;
      if (!isSectionOf(kind, section)) {
        throw badRequest('section_not_in_plan', `"${section}" is not a section of the ${kind} plan`, [
          { field: 'section' },
        ]);
      }
      const result = await withPerson(app, actor, req.params.personId, async (w) => {
        const { warnings: roleWarnings } = await requirePlanAction(w, actor, {
          kind: 'add-entry',
          plan: kind,
          section,
        });
        const pathwayEvaluation = section === 'measure' ? await nextPathwayEvaluation(w.trx, w.person) : null;
        const fields: EntryFields = {
          ...given,
          ...(section === 'measure'
            ? { evaluateOn: measureEvaluationDate(given.evaluateOn, pathwayEvaluation) }
            : {}),
        };
        await checkedFields(w.trx, w.person, section, fields);
        const { entry, version } = await addEntry(w.trx, actor, w.person, kind, section, fields, w.now);
        await w.audit('create', 'PlanEntry', entry.id);
        const warnings = [
          ...roleWarnings.map((code) => ({ code })),
          ...entryWarnings(section, fields, osloDate(w.now), pathwayEvaluation),
        ];
        return { id: entry.id, planVersion: version, evaluateOn: entry.evaluate_on, warnings };
      });
      return reply.code(201).send(result);
    },
  );

  app.put(
    '/api/persons/:personId/plans/:kind/entries/:entryId',
    { schema: { params: EntryParams, body: EntryUpdateBody } },
    async (req) => {
      const actor = req.actor!;
      const kind = req.params.kind as PlanKind;
      const { retired, ...given } = req.body;
      return withPerson(app, actor, req.params.personId, async (w) => {
        const entry = await entryOf(w.trx, w.person, kind, req.params.entryId);
        await requirePlanAction(w, actor, {
          kind: 'edit-entry',
          plan: kind,
          authorAccountId: entry.author_account_id,
        });
        const plan = await lockPlan(w.trx, w.person, kind, w.now);
        if (entry.retired_at) throw conflict('entry_retired', 'Dette punktet er tatt ut av planen.');
        const section = entry.section as PlanSection;
        const fields: EntryFields = given;
        await checkedFields(w.trx, w.person, section, fields);
        const updated = await w.trx
          .updateTable('plan_entry')
          .set({
            text: fields.text,
            success_means: fields.successMeans ?? null,
            owner_account_id: fields.ownerAccountId ?? null,
            due_on: fields.dueOn ?? null,
            evaluate_on: fields.evaluateOn ?? null,
            phone: fields.phone ?? null,
            contact_before_use: fields.contactBeforeUse ?? null,
            network_member_id: fields.networkMemberId ?? null,
            changed_at: w.now,
            retired_at: retired ? w.now : null,
          })
          .where('tenant_id', '=', entry.tenant_id)
          .where('id', '=', entry.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        const before = entryContent(entry);
        const after = entryContent(updated);
        const unchanged = JSON.stringify(before) === JSON.stringify(after);
        const version = unchanged
          ? plan.version
          : await newVersion(
              w.trx,
              actor,
              plan,
              { action: retired ? 'retire-entry' : 'change-entry', entryId: entry.id, before, after },
              w.now,
            );
        await w.audit('update', 'PlanEntry', entry.id);
        const pathwayEvaluation = section === 'measure' ? await nextPathwayEvaluation(w.trx, w.person) : null;
        return {
          planVersion: version,
          warnings: entryWarnings(section, fields, osloDate(w.now), pathwayEvaluation),
        };
      });
    },
  );

  app.post(
    '/api/persons/:personId/plans/:kind/entries/:entryId/comments',
    { schema: { params: EntryParams, body: CommentBody } },
    async (req, reply) => {
      const actor = req.actor!;
      const kind = req.params.kind as PlanKind;
      const result = await withPerson(app, actor, req.params.personId, async (w) => {
        await requirePlanAction(w, actor, { kind: 'comment', plan: kind });
        const entry = await entryOf(w.trx, w.person, kind, req.params.entryId);
        const id = await addComment(w.trx, actor, entry, kind, req.body.text, w.now);
        await w.audit('create', 'PlanComment', id);
        return { id };
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/persons/:personId/plans/:kind/signatures',
    { schema: { params: PlanParams, body: SignBody } },
    async (req, reply) => {
      const actor = req.actor!;
      const kind = req.params.kind as PlanKind;
      const result = await withPerson(app, actor, req.params.personId, async (w) => {
        await requirePlanAction(w, actor, { kind: 'sign', plan: kind });
        const plan = await lockPlan(w.trx, w.person, kind, w.now);
        // The person signs what they have read: a version changed since then is not signed unseen.
        if (plan.version === 0) throw conflict('plan_empty', 'Planen har ikke noe innhold å signere ennå.');
        if (req.body.version !== plan.version) {
          throw conflict(
            'plan_changed',
            `Planen er endret siden versjon ${req.body.version}; les versjon ${plan.version}.`,
          );
        }
        const id = await signVersion(w.trx, actor, plan, kind, w.now);
        if (!id) throw conflict('already_signed', 'Du har allerede signert denne versjonen.');
        await w.audit('create', 'PlanSignature', id);
        return { id, version: plan.version };
      });
      return reply.code(201).send(result);
    },
  );

  app.put(
    '/api/persons/:personId/plans/:kind/review-date',
    { schema: { params: PlanParams, body: ReviewDateBody } },
    async (req) => {
      const actor = req.actor!;
      const kind = req.params.kind as PlanKind;
      return withPerson(app, actor, req.params.personId, async (w) => {
        await requirePlanAction(w, actor, { kind: 'set-review-date', plan: kind });
        const plan = await lockPlan(w.trx, w.person, kind, w.now);
        const reviewOn = req.body.reviewOn;
        const version = await setReviewDate(w.trx, actor, plan, reviewOn, w.now);
        await w.audit('update', 'CarePlan', plan.id);
        return { planVersion: version, reviewOn };
      });
    },
  );

  app.get(
    '/api/persons/:personId/plans/:kind/history',
    { schema: { params: PlanParams, querystring: NoQuery } },
    async (req) => {
      const actor = req.actor!;
      const kind = req.params.kind as PlanKind;
      return withPerson(app, actor, req.params.personId, async (w) => {
        await requirePlanAction(w, actor, { kind: 'read', part: kind });
        const plan = await w.trx
          .selectFrom('care_plan')
          .select(['id', 'version'])
          .where('tenant_id', '=', w.person.organisationId)
          .where('person_id', '=', w.person.id)
          .where('kind', '=', kind)
          .executeTakeFirst();
        const history = plan
          ? (await changesOf(w.trx, w.person, [plan.id])).map(({ planId: _, ...h }) => h)
          : [];
        await w.audit('read', 'PlanHistory', plan?.id ?? null);
        return { kind, version: plan?.version ?? 0, history };
      });
    },
  );
}
