import { DischargeHintCodes, DischargeItems, RiskKinds, RiskLevels, Roles } from '@bedring/domain';
import { type Static, Type } from '@sinclair/typebox';
import { Closed, Day, Instant, Nullable, OneOf, Text, Uuid } from './common.contract.ts';

/**
 * Suicide- and violence-risk assessments as structured notes, and what the record tells the discharge
 * checklist (docs/decisions/0019-relatives-and-risk.md).
 */

const Words = (max: number) => Type.Intersect([Text(max), Type.String({ minLength: 1, pattern: '\\S' })]);

export const RiskAssessmentBody = Closed({
  kind: OneOf(RiskKinds),
  assessedOn: Day,
  level: OneOf(RiskLevels),
  /** The risk and protective factors, in words. */
  factors: Words(4000),
  /** What is done about it, in words. */
  plan: Words(4000),
  /** Told to the GP and the municipality with the handover. */
  shareAtHandover: Type.Boolean(),
});
export type RiskAssessmentBody = Static<typeof RiskAssessmentBody>;

export const RiskAssessmentView = Closed({
  id: Uuid,
  kind: OneOf(RiskKinds),
  assessedOn: Day,
  level: OneOf(RiskLevels),
  /** High or acute. */
  raised: Type.Boolean(),
  factors: Type.String(),
  plan: Type.String(),
  shareAtHandover: Type.Boolean(),
  assessor: Closed({ id: Uuid, name: Type.String(), role: OneOf(Roles) }),
  recordedAt: Instant,
});
export type RiskAssessmentView = Static<typeof RiskAssessmentView>;

/** Newest first. */
export const RiskAssessmentList = Closed({ assessments: Type.Array(RiskAssessmentView) });
export type RiskAssessmentList = Static<typeof RiskAssessmentList>;
export const RiskAssessmentCreated = Closed({ id: Uuid });
export type RiskAssessmentCreated = Static<typeof RiskAssessmentCreated>;

const LatestRisk = Nullable(
  Closed({ level: OneOf(RiskLevels), assessedOn: Day, shareAtHandover: Type.Boolean() }),
);

/** What the record holds that the discharge checklist asks about, and the hints it gives. */
export const DischargeFactsAnswer = Closed({
  facts: Closed({
    children: Type.Integer(),
    relatives: Type.Integer(),
    minorChildrenWithGaps: Type.Integer(),
    risk: Closed({ suicide: LatestRisk, violence: LatestRisk }),
  }),
  hints: Type.Array(Closed({ item: OneOf(DischargeItems), code: OneOf(DischargeHintCodes) })),
});
export type DischargeFactsAnswer = Static<typeof DischargeFactsAnswer>;
