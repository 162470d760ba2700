import { randomUUID } from 'node:crypto';
import {
  NoQuery,
  PersonParams,
  RiskAssessmentBody,
  RiskAssessmentCreated,
  RiskAssessmentList,
} from '@bedring/contract';
import { RiskAssessorRoles, RiskReaderRoles } from '@bedring/domain';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { notInFuture } from '../http/day.ts';
import { insertRiskAssessment, riskAssessmentsOf } from './risk-assessment.repository.ts';

/**
 * Suicide- and violence-risk assessments (docs/decisions/0019-relatives-and-risk.md). The care team reads
 * them all; a reader from another organisation (the municipal worker, by the person's consent) reads those
 * shared with the handover; the person reads their own; a peer worker none.
 */
export async function riskAssessmentRoutes(app: App) {
  app.get(
    '/api/persons/:personId/risk-assessments',
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: RiskAssessmentList } },
      config: {
        access: {
          roles: RiskReaderRoles,
          refusal: { code: 'role_cannot_do_this', words: 'errors.roleCannotSeeRiskAssessments' },
        },
        audit: { action: 'read', resource: 'RiskAssessment' },
      },
    },
    async (req) =>
      personRoute(app, req, async ({ trx, person, decision }) => ({
        assessments: await riskAssessmentsOf(trx, person, { sharedOnly: decision.viaConsent }),
      })),
  );

  app.post(
    '/api/persons/:personId/risk-assessments',
    {
      schema: { params: PersonParams, body: RiskAssessmentBody, response: { 201: RiskAssessmentCreated } },
      config: {
        access: {
          roles: RiskAssessorRoles,
          refusal: { code: 'role_cannot_do_this', words: 'errors.roleCannotAssessRisk' },
        },
        audit: { action: 'create', resource: 'RiskAssessment', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const created = await personRoute(app, req, async ({ trx, now, person }) => {
        notInFuture(req.body.assessedOn, now, 'assessedOn');
        const id = randomUUID();
        await insertRiskAssessment(trx, person, req.actor!, id, req.body, now);
        return { id };
      });
      return reply.code(201).send(created);
    },
  );
}
