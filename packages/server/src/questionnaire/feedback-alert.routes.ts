import { AcknowledgeBody, AlertParams, NoQuery, PersonParams } from '@bedring/contract';
import type { AlertFinding } from '@bedring/domain';
import { type Acknowledgeable, acknowledge, requireNote } from '../access/acknowledge.ts';
import { asActor, withPerson } from '../access/as-actor.ts';
import { recordAudits } from '../audit/audit.repository.ts';
import type { Tx } from '../db/transaction.ts';
import type { App } from '../http/app.type.ts';
import { forbidden } from '../http/errors.ts';
import { instrumentsFor, titlesOf } from './instrument-registry.ts';

const STAFF_WITH_ALERTS = new Set(['clinician', 'milieu', 'municipal', 'leader']);

/** Titles of the organisation's instruments (shipped and imported), by id. */
async function titlesIn(trx: Tx, organisationId: string) {
  const library = new Map((await instrumentsFor(trx, organisationId)).map((i) => [i.id, i]));
  return (id: string) => titlesOf(library.get(id), id);
}

/**
 * Feedback-informed alerts (docs/domain/questionnaires.md): on the clinician's worklist (alerts for the
 * persons they are responsible for), on the unit leader's board (every open alert of their unit), and on the
 * person page; acknowledged with a note by someone who has the person in their care.
 */
const ALERT: Acknowledgeable = {
  table: 'feedback_alert',
  resourceType: 'FeedbackAlert',
  words: {
    noteRequired: 'Skriv hva dere gjorde med varselet.',
    notFound: 'Fant ikke varselet.',
    alreadyCode: 'alert_acknowledged',
    already: 'Varselet er allerede kvittert ut.',
  },
};

export async function feedbackAlertRoutes(app: App) {
  app.get('/api/feedback-alerts', { schema: { querystring: NoQuery } }, async (req) => {
    const actor = req.actor!;
    if (!STAFF_WITH_ALERTS.has(actor.role)) throw forbidden();
    return asActor(app, actor, async (trx, now) => {
      const titles = await titlesIn(trx, actor.organisationId);
      const rows = await trx
        .selectFrom('feedback_alert as a')
        .innerJoin('person as p', (j) =>
          j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.id', '=', 'a.person_id'),
        )
        .leftJoin('staff_directory as s', 's.id', 'a.assignee_account_id')
        .select([
          'a.id',
          'a.tenant_id',
          'a.person_id',
          'a.questionnaire_id',
          'a.score_code',
          'a.rule',
          'a.finding',
          'a.raised_at',
          'a.assignee_account_id',
          's.display_name as assignee_name',
          'p.given_name',
          'p.family_name',
        ])
        .where('a.acknowledged_at', 'is', null)
        // Need to know: a leader sees the alerts of their unit (as on the deadline board), everyone the
        // alerts assigned to them.
        .where((w) =>
          actor.role === 'leader' && actor.unitId
            ? w.or([
                w('a.assignee_account_id', '=', actor.accountId),
                w.and([w('a.tenant_id', '=', actor.organisationId), w('a.unit_id', '=', actor.unitId)]),
              ])
            : w('a.assignee_account_id', '=', actor.accountId),
        )
        .orderBy('a.raised_at')
        .limit(200)
        .execute();
      await recordAudits(
        trx,
        actor,
        rows.map((r) => ({
          action: 'search',
          tenantId: r.tenant_id,
          personId: r.person_id,
          resourceType: 'FeedbackAlert',
          resourceId: r.id,
        })),
        now,
      );
      return {
        alerts: rows.map((r) => ({
          id: r.id,
          person: { id: r.person_id, givenName: r.given_name, familyName: r.family_name },
          questionnaireId: r.questionnaire_id,
          ...titles(r.questionnaire_id),
          scoreCode: r.score_code,
          rule: r.rule,
          finding: r.finding as AlertFinding,
          raisedAt: r.raised_at,
          mine: r.assignee_account_id === actor.accountId,
          assignee: r.assignee_account_id ? { id: r.assignee_account_id, name: r.assignee_name } : null,
        })),
      };
    });
  });

  app.get(
    '/api/persons/:personId/feedback-alerts',
    { schema: { params: PersonParams, querystring: NoQuery } },
    async (req) => {
      const actor = req.actor!;
      if (!STAFF_WITH_ALERTS.has(actor.role)) throw forbidden();
      return withPerson(app, actor, req.params.personId, async ({ trx, person, audit }) => {
        const titles = await titlesIn(trx, actor.organisationId);
        const rows = await trx
          .selectFrom('feedback_alert')
          .selectAll()
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .orderBy('raised_at', 'desc')
          .limit(100)
          .execute();
        await audit('read', 'FeedbackAlert');
        return {
          alerts: rows.map((r) => ({
            id: r.id,
            questionnaireId: r.questionnaire_id,
            ...titles(r.questionnaire_id),
            scoreCode: r.score_code,
            rule: r.rule,
            finding: r.finding as AlertFinding,
            raisedAt: r.raised_at,
            acknowledged: r.acknowledged_at
              ? { at: r.acknowledged_at, byName: r.acknowledged_by_name, note: r.note }
              : null,
          })),
        };
      });
    },
  );

  app.post(
    '/api/feedback-alerts/:alertId/acknowledge',
    { schema: { params: AlertParams, body: AcknowledgeBody } },
    async (req) => {
      const actor = req.actor!;
      if (!STAFF_WITH_ALERTS.has(actor.role)) throw forbidden();
      const note = requireNote(req.body.note, ALERT);
      return asActor(app, actor, (trx, now) => acknowledge(trx, actor, now, ALERT, req.params.alertId, note));
    },
  );
}
