import {
  AcknowledgeBody,
  AlertParams,
  FeedbackAlertAcknowledged,
  NoQuery,
  PersonAlerts,
  PersonParams,
  say,
  WorklistAlerts,
} from '@bedring/contract';
import type { AlertFinding, AlertRuleKind, Role } from '@bedring/domain';
import { type Acknowledgeable, acknowledge, requireNote } from '../access/acknowledge.ts';
import { asActor } from '../access/as-actor.ts';
import { personRoute } from '../access/declared-access.ts';
import { auditWorklist, mineOrMyUnit } from '../access/worklist.ts';
import type { Tx } from '../db/transaction.ts';
import type { App } from '../http/app.type.ts';
import { instrumentsFor, titlesOf } from './instrument-registry.ts';

/** Staff who get and answer feedback alerts (peers see no questionnaire results). */
const STAFF_WITH_ALERTS: readonly Role[] = ['clinician', 'milieu', 'municipal', 'leader'];

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
    noteRequired: say('errors.alertNoteRequired'),
    notFound: say('errors.alertNotFound'),
    alreadyCode: 'alert_acknowledged',
    already: say('errors.alertAcknowledged'),
  },
};

export async function feedbackAlertRoutes(app: App) {
  app.get(
    '/api/feedback-alerts',
    {
      schema: { querystring: NoQuery, response: { 200: WorklistAlerts } },
      config: { access: { roles: STAFF_WITH_ALERTS } },
    },
    async (req) => {
      const actor = req.actor!;
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
          // Need to know: everyone the alerts assigned to them, a leader also those of their unit.
          .where((w) =>
            mineOrMyUnit(w, actor, w('a.assignee_account_id', '=', actor.accountId), {
              tenant: 'a.tenant_id',
              unit: 'a.unit_id',
            }),
          )
          .orderBy('a.raised_at')
          .limit(200)
          .execute();
        await auditWorklist(trx, actor, now, 'FeedbackAlert', rows);
        return {
          alerts: rows.map((r) => ({
            id: r.id,
            person: { id: r.person_id, givenName: r.given_name, familyName: r.family_name },
            questionnaireId: r.questionnaire_id,
            ...titles(r.questionnaire_id),
            scoreCode: r.score_code,
            rule: r.rule as AlertRuleKind,
            finding: r.finding as AlertFinding,
            raisedAt: r.raised_at,
            mine: r.assignee_account_id === actor.accountId,
            assignee: r.assignee_account_id ? { id: r.assignee_account_id, name: r.assignee_name } : null,
          })),
        };
      });
    },
  );

  app.get(
    '/api/persons/:personId/feedback-alerts',
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: PersonAlerts } },
      config: {
        access: { roles: STAFF_WITH_ALERTS },
        audit: { action: 'read', resource: 'FeedbackAlert' },
      },
    },
    async (req) => {
      const actor = req.actor!;
      return personRoute(app, req, async ({ trx, person }) => {
        const titles = await titlesIn(trx, actor.organisationId);
        const rows = await trx
          .selectFrom('feedback_alert')
          .selectAll()
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .orderBy('raised_at', 'desc')
          .limit(100)
          .execute();
        return {
          alerts: rows.map((r) => ({
            id: r.id,
            questionnaireId: r.questionnaire_id,
            ...titles(r.questionnaire_id),
            scoreCode: r.score_code,
            rule: r.rule as AlertRuleKind,
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
    {
      schema: { params: AlertParams, body: AcknowledgeBody, response: { 200: FeedbackAlertAcknowledged } },
      // The alert's person is known only from its row: acknowledge() decides need to know and audits.
      config: { access: { roles: STAFF_WITH_ALERTS } },
    },
    async (req) => {
      const actor = req.actor!;
      const note = requireNote(req.body.note, ALERT);
      return asActor(app, actor, (trx, now) => acknowledge(trx, actor, now, ALERT, req.params.alertId, note));
    },
  );
}
