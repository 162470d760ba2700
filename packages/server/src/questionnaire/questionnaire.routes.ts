import { NoQuery, QuestionnaireParams, SettingsBody } from '@bedring/contract';
import {
  alertRuleProblems,
  DEFAULT_ALERT_RULES,
  type InstrumentSettings,
  instrumentProblems,
} from '@bedring/domain';
import type { Questionnaire } from '@medplum/fhirtypes';
import { Type } from '@sinclair/typebox';
import { asActor } from '../access/as-actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { RequestActor } from '../auth/actor.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.ts';
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

function requireAdmin(actor: RequestActor) {
  if (actor.role !== 'admin') throw forbidden();
}

/**
 * The instrument library (docs/decisions/0005-questionnaires.md): shipped files, plus what an administrator
 * imports.
 */
export async function questionnaireRoutes(app: App) {
  app.get('/api/questionnaires', { schema: { querystring: NoQuery } }, async (req) => {
    const actor = req.actor!;
    return asActor(app, actor, async (trx) => {
      const instruments = await instrumentsFor(trx, actor.organisationId);
      const settings = await settingsFor(trx, actor.organisationId, instruments);
      return {
        questionnaires: instruments.map((i) => instrumentSummary(i, settings.get(i.id) ?? i.defaults)),
      };
    });
  });

  app.get(
    '/api/questionnaires/:questionnaireId',
    { schema: { params: QuestionnaireParams, querystring: NoQuery } },
    async (req) => {
      const actor = req.actor!;
      return asActor(app, actor, async (trx) => {
        const instrument = await instrumentFor(trx, actor.organisationId, req.params.questionnaireId);
        if (!instrument) throw notFound('Fant ikke skjemaet.');
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
    { schema: { body: Type.Object({}, { additionalProperties: true }), querystring: NoQuery } },
    async (req, reply) => {
      const actor = req.actor!;
      requireAdmin(actor);
      const q = req.body as Questionnaire;
      if (q.resourceType !== 'Questionnaire') {
        throw badRequest('not_a_questionnaire', 'Filen er ikke et FHIR Questionnaire.', [
          { field: 'resourceType' },
        ]);
      }
      const problems = instrumentProblems(q);
      if (problems.length > 0) {
        throw badRequest(
          'instrument_not_usable',
          'Skjemaet kan ikke brukes slik det er.',
          problems.map((message) => ({ message })),
        );
      }
      const id = q.id ?? '';
      if (!/^[A-Za-z0-9\-.]{1,64}$/.test(id)) {
        throw badRequest('bad_id', 'Skjemaet må ha en id (bokstaver, tall, - og .).', [{ field: 'id' }]);
      }
      if (shippedInstruments().has(id)) {
        throw conflict('shipped_instrument', 'Et skjema med denne id-en følger med Bedring.');
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
    { schema: { params: QuestionnaireParams, body: SettingsBody } },
    async (req) => {
      const actor = req.actor!;
      requireAdmin(actor);
      return asActor(app, actor, async (trx, now) => {
        const instrument = await instrumentFor(trx, actor.organisationId, req.params.questionnaireId);
        if (!instrument) throw notFound('Fant ikke skjemaet.');
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

  app.get('/api/admin/feedback-rules', { schema: { querystring: NoQuery } }, async (req) => {
    const actor = req.actor!;
    if (actor.role !== 'admin' && actor.role !== 'leader') throw forbidden();
    return asActor(app, actor, async (trx) => ({
      rules: await alertRulesOf(trx, actor.organisationId),
      defaults: DEFAULT_ALERT_RULES,
    }));
  });

  app.put(
    '/api/admin/feedback-rules',
    {
      schema: {
        body: Type.Object(
          { rules: Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems: 20 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const actor = req.actor!;
      requireAdmin(actor);
      const problems = alertRuleProblems(req.body.rules);
      if (problems.length > 0) {
        throw badRequest(
          'rules_not_valid',
          'Reglene kan ikke brukes slik de er.',
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
        return { rules: req.body.rules };
      });
    },
  );
}
