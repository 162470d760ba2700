import {
  CommentBody,
  EntryBody,
  EntryCreated,
  EntryParams,
  EntryUpdateBody,
  EntryUpdated,
  NoQuery,
  PersonParams,
  PlanCommentCreated,
  PlanHistory,
  PlanParams,
  PlanSigned,
  PlansAnswer,
  ReviewDateBody,
  ReviewDateSet,
  SignBody,
  say,
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
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { PlanRefusals, PlanRoles, requirePlanAction, visibleParts } from './plan.access.ts';
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
    throw badRequest('entry_does_not_fit', say('errors.entryDoesNotFit'), problems);
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
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: PlansAnswer } },
      config: { access: { roles: PlanRoles.record }, audit: { action: 'read', resource: 'CarePlan' } },
    },
    async (req) => {
      const actor = req.actor!;
      return personRoute(app, req, async (w) => {
        const parts = await visibleParts(w, actor);
        const plans = await plansOf(w.trx, w.person, parts, w.now);
        return { today: osloDate(w.now), plans };
      });
    },
  );

  app.post(
    '/api/persons/:personId/plans/:kind/entries',
    {
      schema: { params: PlanParams, body: EntryBody, response: { 201: EntryCreated } },
      config: {
        access: { roles: PlanRoles.write, refusal: PlanRefusals.write },
        audit: { action: 'create', resource: 'PlanEntry', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const kind = req.params.kind as PlanKind;
      const { section, ...given } = req.body;
      if (!isSectionOf(kind, section)) {
        throw badRequest('section_not_in_plan', `"${section}" is not a section of the ${kind} plan`, [
          { field: 'section' },
        ]);
      }
      const result = await personRoute(app, req, async (w) => {
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
    {
      schema: { params: EntryParams, body: EntryUpdateBody, response: { 200: EntryUpdated } },
      config: {
        access: { roles: PlanRoles.write, refusal: PlanRefusals.write },
        audit: { action: 'update', resource: 'PlanEntry', id: 'params.entryId' },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const kind = req.params.kind as PlanKind;
      const { retired, ...given } = req.body;
      return personRoute(app, req, async (w) => {
        const entry = await entryOf(w.trx, w.person, kind, req.params.entryId);
        await requirePlanAction(w, actor, {
          kind: 'edit-entry',
          plan: kind,
          authorAccountId: entry.author_account_id,
        });
        const plan = await lockPlan(w.trx, w.person, kind, w.now);
        if (entry.retired_at) throw conflict('entry_retired', say('errors.entryRetired'));
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
    {
      schema: { params: EntryParams, body: CommentBody, response: { 201: PlanCommentCreated } },
      config: {
        access: { roles: PlanRoles.record },
        audit: { action: 'create', resource: 'PlanComment', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const kind = req.params.kind as PlanKind;
      const result = await personRoute(app, req, async (w) => {
        await requirePlanAction(w, actor, { kind: 'comment', plan: kind });
        const entry = await entryOf(w.trx, w.person, kind, req.params.entryId);
        const id = await addComment(w.trx, actor, entry, kind, req.body.text, w.now);
        return { id };
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/persons/:personId/plans/:kind/signatures',
    {
      schema: { params: PlanParams, body: SignBody, response: { 201: PlanSigned } },
      config: {
        access: { roles: PlanRoles.sign, refusal: PlanRefusals.sign },
        audit: { action: 'create', resource: 'PlanSignature', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const kind = req.params.kind as PlanKind;
      const result = await personRoute(app, req, async (w) => {
        await requirePlanAction(w, actor, { kind: 'sign', plan: kind });
        const plan = await lockPlan(w.trx, w.person, kind, w.now);
        // The person signs what they have read: a version changed since then is not signed unseen.
        if (plan.version === 0) throw conflict('plan_empty', say('errors.planEmpty'));
        if (req.body.version !== plan.version) {
          throw conflict(
            'plan_changed',
            say('errors.planChanged', { signed: req.body.version, current: plan.version }),
          );
        }
        const id = await signVersion(w.trx, actor, plan, kind, w.now);
        if (!id) throw conflict('already_signed', say('errors.alreadySigned'));
        return { id, version: plan.version };
      });
      return reply.code(201).send(result);
    },
  );

  app.put(
    '/api/persons/:personId/plans/:kind/review-date',
    {
      schema: { params: PlanParams, body: ReviewDateBody, response: { 200: ReviewDateSet } },
      config: { access: { roles: PlanRoles.write, refusal: PlanRefusals.write } },
    },
    async (req) => {
      const actor = req.actor!;
      const kind = req.params.kind as PlanKind;
      return personRoute(app, req, async (w) => {
        await requirePlanAction(w, actor, { kind: 'set-review-date', plan: kind });
        const plan = await lockPlan(w.trx, w.person, kind, w.now);
        const reviewOn = req.body.reviewOn;
        const version = await setReviewDate(w.trx, actor, plan, reviewOn, w.now);
        // Audited by hand: the plan's id is in neither the URL nor the answer.
        await w.audit('update', 'CarePlan', plan.id);
        return { planVersion: version, reviewOn };
      });
    },
  );

  app.get(
    '/api/persons/:personId/plans/:kind/history',
    {
      schema: { params: PlanParams, querystring: NoQuery, response: { 200: PlanHistory } },
      config: { access: { roles: PlanRoles.record } },
    },
    async (req) => {
      const actor = req.actor!;
      const kind = req.params.kind as PlanKind;
      return personRoute(app, req, async (w) => {
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
        // Audited by hand: the plan's id (when it has one) is in neither the URL nor the answer.
        await w.audit('read', 'PlanHistory', plan?.id ?? null);
        return { kind, version: plan?.version ?? 0, history };
      });
    },
  );
}
