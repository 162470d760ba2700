import type { RiskAssessmentBody, RiskAssessmentView } from '@bedring/contract';
import { isRaised, type PersonRef, type Role } from '@bedring/domain';
import type { RequestActor } from '../auth/actor.ts';
import type { Tx } from '../db/transaction.ts';

/**
 * Suicide- and violence-risk assessments (docs/decisions/0019-relatives-and-risk.md): dated notes, added and
 * never changed. Another organisation's rows are filtered by row-level security to those shared with the
 * handover (migration 0014); `sharedOnly` says the same in the query, for the reader who came by consent.
 */
export async function riskAssessmentsOf(
  trx: Tx,
  person: PersonRef,
  opts: { sharedOnly: boolean; since?: string },
): Promise<RiskAssessmentView[]> {
  let q = trx
    .selectFrom('risk_assessment')
    .selectAll()
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id);
  if (opts.sharedOnly) q = q.where('share_at_handover', '=', true);
  if (opts.since) q = q.where('assessed_on', '>=', opts.since);
  const rows = await q.orderBy('assessed_on', 'desc').orderBy('recorded_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    assessedOn: r.assessed_on,
    level: r.level,
    raised: isRaised(r.level),
    factors: r.factors,
    plan: r.plan,
    shareAtHandover: r.share_at_handover,
    assessor: { id: r.assessor_account_id, name: r.assessor_name, role: r.assessor_role as Role },
    recordedAt: r.recorded_at.toISOString(),
  }));
}

export async function insertRiskAssessment(
  trx: Tx,
  person: PersonRef,
  actor: RequestActor,
  id: string,
  body: RiskAssessmentBody,
  now: Date,
) {
  await trx
    .insertInto('risk_assessment')
    .values({
      tenant_id: person.organisationId,
      id,
      person_id: person.id,
      kind: body.kind,
      assessed_on: body.assessedOn,
      level: body.level,
      factors: body.factors.trim(),
      plan: body.plan.trim(),
      share_at_handover: body.shareAtHandover,
      assessor_account_id: actor.accountId,
      assessor_name: actor.displayName,
      assessor_role: actor.role,
      recorded_at: now,
    })
    .execute();
}
