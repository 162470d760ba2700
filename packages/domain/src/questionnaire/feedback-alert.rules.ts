import { ruleConfigProblems } from '../rules/rule-config.ts';

/**
 * Feedback-informed treatment (docs/domain/questionnaires.md): simple, visible rules that tell the clinician
 * when the person's own feedback or scores call for a conversation. They decide nothing; each finding says
 * which rule fired on which values, so staff and the person can see why. An organisation can switch rules off
 * and change their numbers; the defaults are below.
 */

export const AlertRuleKinds = [
  'low-feedback',
  'falling-feedback',
  'no-improvement',
  'deterioration',
] as const;
export type AlertRuleKind = (typeof AlertRuleKinds)[number];

export interface AlertRule {
  kind: AlertRuleKind;
  enabled: boolean;
  /** low-feedback: fires when the latest session feedback is below this. */
  cutOff?: number;
  /** falling-feedback: fires when the latest feedback is this much or more below the one before. */
  drop?: number;
  /** no-improvement: looked at once there are this many responses. */
  afterResponses?: number;
}

/**
 * Session feedback is scored 0–20 (four scales of 0–5, higher is better): below 15 is the usual sign that
 * the alliance needs attention. A drop of 3 from one session to the next is more than session-to-session
 * noise. Six responses is long enough to expect a reliable change in symptoms. Deterioration uses each
 * score's own reliable change index.
 */
export const DEFAULT_ALERT_RULES: AlertRule[] = [
  { kind: 'low-feedback', enabled: true, cutOff: 15 },
  { kind: 'falling-feedback', enabled: true, drop: 3 },
  { kind: 'no-improvement', enabled: true, afterResponses: 6 },
  { kind: 'deterioration', enabled: true },
];

/** Allowed numbers per rule parameter, for the administrator's configuration. */
export const ALERT_RULE_RANGES = {
  cutOff: { min: 0, max: 100 },
  drop: { min: 1, max: 100 },
  afterResponses: { min: 2, max: 50 },
} as const;

export interface ScorePoint {
  responseId: string;
  /** ISO datetime. */
  date: string;
  value: number;
}

export interface ScoreFacts {
  code: string;
  direction: 'higher-is-worse' | 'higher-is-better';
  /** The change that is more than measurement error (reliable change index); null when not known. */
  reliableChange: number | null;
  /** True for the session-feedback score. */
  feedback: boolean;
}

export interface AlertFinding {
  rule: AlertRuleKind;
  scoreCode: string;
  values: { baseline?: number; previous?: number; latest: number; threshold: number; responses?: number };
  /** An i18n key and its parameters, so the UI can say in words what fired, e.g. 'alert.lowFeedback'. */
  explanation: { key: string; params: Record<string, number | string> };
}

export const alertExplanationKeys: Record<AlertRuleKind, string> = {
  'low-feedback': 'alert.lowFeedback',
  'falling-feedback': 'alert.fallingFeedback',
  'no-improvement': 'alert.noImprovement',
  deterioration: 'alert.deterioration',
};

/**
 * Scores are sums of answers and reliable change indices have decimals: "exactly at the threshold" must
 * not depend on floating-point noise (10.2 + 5 vs 15.2).
 */
const EPSILON = 1e-9;

/**
 * The rules that fire on a score's trajectory (oldest first, the newest last), evaluated at the newest.
 *
 * - low-feedback (feedback scores): latest < cutOff.
 * - falling-feedback (feedback scores): latest ≤ previous − drop.
 * - deterioration (scores with a reliable change, not feedback): the latest is worse than the first
 *   (baseline) by at least the reliable change, in the score's direction.
 * - no-improvement (same scores): at least afterResponses points, and the latest is not better than the
 *   baseline by at least the reliable change. When the score deteriorated, only deterioration is said.
 *
 * An enabled rule without its number uses the default. Points with a non-finite value are left out.
 */
export function alertsFor(rules: AlertRule[], score: ScoreFacts, trajectory: ScorePoint[]): AlertFinding[] {
  const points = trajectory.filter((p) => Number.isFinite(p.value));
  const latest = points.at(-1);
  if (!latest) return [];
  /** The first enabled rule of a kind (a stored configuration has each kind once; see alertRuleProblems). */
  const active = (kind: AlertRuleKind) => rules.find((r) => r.kind === kind && r.enabled);
  const finding = (
    rule: AlertRuleKind,
    values: AlertFinding['values'],
    params: Record<string, number | string>,
  ): AlertFinding => ({
    rule,
    scoreCode: score.code,
    values,
    explanation: { key: alertExplanationKeys[rule], params: { score: score.code, ...params } },
  });
  const findings: AlertFinding[] = [];

  if (score.feedback) {
    const low = active('low-feedback');
    if (low) {
      const cutOff = low.cutOff ?? defaultOf('low-feedback').cutOff!;
      if (latest.value < cutOff - EPSILON) {
        findings.push(
          finding(
            'low-feedback',
            { latest: latest.value, threshold: cutOff },
            { latest: latest.value, cutOff },
          ),
        );
      }
    }
    const previous = points.at(-2);
    const falling = active('falling-feedback');
    if (previous && falling) {
      const drop = falling.drop ?? defaultOf('falling-feedback').drop!;
      const fell = previous.value - latest.value;
      if (fell >= drop - EPSILON) {
        findings.push(
          finding(
            'falling-feedback',
            { previous: previous.value, latest: latest.value, threshold: drop },
            { previous: previous.value, latest: latest.value, fell: round(fell), drop },
          ),
        );
      }
    }
    return findings;
  }

  const rc = score.reliableChange;
  if (rc === null || !Number.isFinite(rc) || rc <= 0 || points.length < 2) return findings;
  const baseline = points[0]!.value;
  /** Positive when the latest is worse than the baseline, in the score's own direction. */
  const worsening = score.direction === 'higher-is-worse' ? latest.value - baseline : baseline - latest.value;
  const change = round(Math.abs(latest.value - baseline));
  const deteriorated = worsening >= rc - EPSILON;

  if (deteriorated && active('deterioration')) {
    findings.push(
      finding(
        'deterioration',
        { baseline, latest: latest.value, threshold: rc },
        { baseline, latest: latest.value, change, reliableChange: rc },
      ),
    );
  }
  const stalled = active('no-improvement');
  if (stalled && !findings.some((f) => f.rule === 'deterioration')) {
    const after = stalled.afterResponses ?? defaultOf('no-improvement').afterResponses!;
    const improved = -worsening >= rc - EPSILON;
    if (points.length >= after && !improved) {
      findings.push(
        finding(
          'no-improvement',
          { baseline, latest: latest.value, threshold: rc, responses: points.length },
          { baseline, latest: latest.value, change, reliableChange: rc, responses: points.length },
        ),
      );
    }
  }
  return findings;
}

/**
 * What is wrong with an administrator's alert rules (see ruleConfigProblems); none when they can be
 * stored. afterResponses counts responses, so it is whole.
 */
export function alertRuleProblems(rules: unknown): string[] {
  return ruleConfigProblems(rules, {
    kinds: AlertRuleKinds,
    parameters: {
      'low-feedback': ['cutOff'],
      'falling-feedback': ['drop'],
      'no-improvement': ['afterResponses'],
      deterioration: [],
    } satisfies Record<AlertRuleKind, readonly (keyof typeof ALERT_RULE_RANGES)[]>,
    ranges: ALERT_RULE_RANGES,
    whole: (parameter) => parameter === 'afterResponses',
  });
}

function defaultOf(kind: AlertRuleKind): AlertRule {
  return DEFAULT_ALERT_RULES.find((r) => r.kind === kind)!;
}

/** Differences of decimal scores without floating-point tails, for display. */
function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
