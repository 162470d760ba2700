import {
  FeedbackRules,
  FeedbackRulesSaved,
  InstrumentDetail,
  InstrumentImported,
  InstrumentList,
  InstrumentSettingsSaved,
  NoQuery,
  QuestionnaireParams,
  SettingsBody,
  say,
} from '@bedring/contract';
import {
  type AlertRule,
  alertRuleProblems,
  DEFAULT_ALERT_RULES,
  type InstrumentSettings,
  instrumentProblems,
  Roles,
} from '@bedring/domain';
import type { Questionnaire } from '@medplum/fhirtypes';
import { Type } from '@sinclair/typebox';
import { asActor } from '../access/as-actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import {
  type Instrument,
  instrumentFor,
  instrumentsFor,
  settingsFor,
  shippedInstruments,
  titlesOf,
} from './instrument-registry.ts';
import { alertRulesOf } from './response.repository.ts';

/** What a list of instruments shows: enough to choose one and to know where it comes from. */
export function instrumentSummary(i: Instrument, settings: InstrumentSettings) {
  const q = i.questionnaire;
  return {
    id: i.id,
    url: q.url,
    version: q.version,
    ...titlesOf(i, i.id),
    provenance: i.provenance,
    shipped: i.shipped,
    settings,
    scores: i.scores,
  };
}

/**
 * The instrument library (docs/decisions/0005-questionnaires.md): shipped files, plus what an administrator
 * imports.
 */
export async function questionnaireRoutes(app: App) {
  // The library is no one's personal data: every role may read it (the person's portal shows the forms).
  app.get(
    '/api/questionnaires',
    {
      schema: { querystring: NoQuery, response: { 200: InstrumentList } },
      config: { access: { roles: Roles } },
    },
    async (req) => {
      const actor = req.actor!;
      return asActor(app, actor, async (trx) => {
        const instruments = await instrumentsFor(trx, actor.organisationId);
        const settings = await settingsFor(trx, actor.organisationId, instruments);
        return {
          questionnaires: instruments.map((i) => instrumentSummary(i, settings.get(i.id) ?? i.defaults)),
        };
      });
    },
  );

  app.get(
    '/api/questionnaires/:questionnaireId',
    {
      schema: { params: QuestionnaireParams, querystring: NoQuery, response: { 200: InstrumentDetail } },
      config: { access: { roles: Roles } },
    },
    async (req) => {
      const actor = req.actor!;
      return asActor(app, actor, async (trx) => {
        const instrument = await instrumentFor(trx, actor.organisationId, req.params.questionnaireId);
        if (!instrument) throw notFound(say('errors.questionnaireNotFound'));
        const settings = await settingsFor(trx, actor.organisationId, [instrument]);
        return {
          ...instrumentSummary(instrument, settings.get(instrument.id) ?? instrument.defaults),
          questionnaire: instrument.questionnaire,
        };
      });
    },
  );

  // An organisation's own instrument, e.g. a licensed ORS/SRS it holds a licence for. The body is a
  // FHIR Questionnaire; it must be usable as a Bedring instrument (instrumentProblems) to be stored.
  app.post(
    '/api/admin/questionnaires',
    {
      schema: {
        body: Type.Object({}, { additionalProperties: true }),
        querystring: NoQuery,
        response: { 201: InstrumentImported },
      },
      // About no person, so no personRoute: the import is audited by hand below.
      config: { access: { roles: ['admin'] } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const q = req.body as Questionnaire;
      if (q.resourceType !== 'Questionnaire') {
        throw badRequest('not_a_questionnaire', say('errors.notAQuestionnaire'), [{ field: 'resourceType' }]);
      }
      const problems = instrumentProblems(q);
      if (problems.length > 0) {
        throw badRequest(
          'instrument_not_usable',
          say('errors.instrumentNotUsable'),
          problems.map((message) => ({ message })),
        );
      }
      const id = q.id ?? '';
      if (!/^[A-Za-z0-9\-.]{1,64}$/.test(id)) {
        throw badRequest('bad_id', say('errors.instrumentNeedsId'), [{ field: 'id' }]);
      }
      if (shippedInstruments().has(id)) {
        throw conflict('shipped_instrument', say('errors.shippedInstrument'));
      }
      const now = app.clock();
      await asActor(app, actor, async (trx) => {
        await trx
          .insertInto('questionnaire')
          .values({
            tenant_id: actor.organisationId,
            id,
            url: q.url ?? '',
            version: q.version ?? '',
            resource: JSON.stringify(q),
            imported_by: actor.accountId,
            imported_at: now,
          })
          .onConflict((oc) =>
            oc.columns(['tenant_id', 'id']).doUpdateSet({
              url: q.url ?? '',
              version: q.version ?? '',
              resource: JSON.stringify(q),
              imported_by: actor.accountId,
              imported_at: now,
            }),
          )
          .execute();
        await recordAudit(
          trx,
          actor,
          {
            action: 'create',
            tenantId: actor.organisationId,
            personId: null,
            resourceType: 'Questionnaire',
            resourceId: null,
          },
          now,
        );
      });
      reply.code(201);
      return { id };
    },
  );

  app.put(
    '/api/admin/questionnaires/:questionnaireId/settings',
    {
      schema: { params: QuestionnaireParams, body: SettingsBody, response: { 200: InstrumentSettingsSaved } },
      config: { access: { roles: ['admin'] } },
    },
    async (req) => {
      const actor = req.actor!;
      return asActor(app, actor, async (trx, now) => {
        const instrument = await instrumentFor(trx, actor.organisationId, req.params.questionnaireId);
        if (!instrument) throw notFound(say('errors.questionnaireNotFound'));
        const b = req.body;
        const values = {
          visible_to_person: b.visibleToPerson,
          triggers: b.triggers,
          answered_by: b.answeredBy,
          updated_by: actor.accountId,
          updated_at: now,
        };
        await trx
          .insertInto('instrument_setting')
          .values({ tenant_id: actor.organisationId, questionnaire_id: instrument.id, ...values })
          .onConflict((oc) => oc.columns(['tenant_id', 'questionnaire_id']).doUpdateSet(values))
          .execute();
        return { settings: b };
      });
    },
  );

  // The unit leader reads the rules their alerts come from; only the administrator changes them.
  app.get(
    '/api/admin/feedback-rules',
    {
      schema: { querystring: NoQuery, response: { 200: FeedbackRules } },
      config: { access: { roles: ['admin', 'leader'] } },
    },
    async (req) => {
      const actor = req.actor!;
      return asActor(app, actor, async (trx) => ({
        rules: await alertRulesOf(trx, actor.organisationId),
        defaults: DEFAULT_ALERT_RULES,
      }));
    },
  );

  app.put(
    '/api/admin/feedback-rules',
    {
      schema: {
        body: Type.Object(
          { rules: Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems: 20 }) },
          { additionalProperties: false },
        ),
        response: { 200: FeedbackRulesSaved },
      },
      config: { access: { roles: ['admin'] } },
    },
    async (req) => {
      const actor = req.actor!;
      const problems = alertRuleProblems(req.body.rules);
      if (problems.length > 0) {
        throw badRequest(
          'rules_not_valid',
          say('errors.feedbackRulesNotValid'),
          problems.map((message) => ({ message })),
        );
      }
      return asActor(app, actor, async (trx, now) => {
        const values = {
          rules: JSON.stringify(req.body.rules),
          updated_by: actor.accountId,
          updated_at: now,
        };
        await trx
          .insertInto('feedback_alert_rule')
          .values({ tenant_id: actor.organisationId, ...values })
          .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
          .execute();
        // alertRuleProblems has found nothing wrong: they are AlertRules.
        return { rules: req.body.rules as AlertRule[] };
      });
    },
  );
}
