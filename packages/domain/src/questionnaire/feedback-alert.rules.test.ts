import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AlertRule,
  alertRuleProblems,
  alertsFor,
  DEFAULT_ALERT_RULES,
  type ScoreFacts,
  type ScorePoint,
} from './feedback-alert.rules.ts';

/** A trajectory of values, one response a week from 2026-01-05, oldest first. */
const trajectory = (...values: number[]): ScorePoint[] =>
  values.map((value, i) => ({
    responseId: `r${i + 1}`,
    date: new Date(Date.UTC(2026, 0, 5 + 7 * i, 10)).toISOString(),
    value,
  }));

const feedback: ScoreFacts = {
  code: 'session-feedback',
  direction: 'higher-is-better',
  reliableChange: null,
  feedback: true,
};
/** A symptom score like a depression sum: higher is worse, reliable change 5. */
const symptoms: ScoreFacts = {
  code: 'symptoms',
  direction: 'higher-is-worse',
  reliableChange: 5,
  feedback: false,
};
/** A well-being or goal score: higher is better, reliable change 5. */
const wellBeing: ScoreFacts = {
  code: 'well-being',
  direction: 'higher-is-better',
  reliableChange: 5,
  feedback: false,
};

const fired = (score: ScoreFacts, values: number[], rules: AlertRule[] = DEFAULT_ALERT_RULES) =>
  alertsFor(rules, score, trajectory(...values)).map((f) => f.rule);

describe('alertsFor: session feedback', () => {
  it('low-feedback fires below the cut-off, not at it, and says so with the values', () => {
    const [finding, ...rest] = alertsFor(DEFAULT_ALERT_RULES, feedback, trajectory(13, 12));
    assert.deepEqual(rest, []);
    assert.deepEqual(finding, {
      rule: 'low-feedback',
      scoreCode: 'session-feedback',
      values: { latest: 12, threshold: 15 },
      explanation: {
        key: 'alert.lowFeedback',
        params: { score: 'session-feedback', latest: 12, cutOff: 15 },
      },
    });
    assert.deepEqual(fired(feedback, [15]), []);
    assert.deepEqual(fired(feedback, [14.5]), ['low-feedback']);
  });

  it('falling-feedback fires on a drop of at least 3 from the previous session', () => {
    const findings = alertsFor(DEFAULT_ALERT_RULES, feedback, trajectory(20, 19, 16));
    assert.deepEqual(findings, [
      {
        rule: 'falling-feedback',
        scoreCode: 'session-feedback',
        values: { previous: 19, latest: 16, threshold: 3 },
        explanation: {
          key: 'alert.fallingFeedback',
          params: { score: 'session-feedback', previous: 19, latest: 16, fell: 3, drop: 3 },
        },
      },
    ]);
    assert.deepEqual(fired(feedback, [20, 17.5]), []);
    assert.deepEqual(
      fired(feedback, [19.2, 16.2]),
      ['falling-feedback'],
      'exactly 3, despite floating point',
    );
  });

  it('both fire when the feedback is low and falling; one point cannot fall', () => {
    assert.deepEqual(fired(feedback, [17, 12]), ['low-feedback', 'falling-feedback']);
    assert.deepEqual(fired(feedback, [12]), ['low-feedback']);
  });

  it('the symptom rules do not apply to feedback, nor the feedback rules to symptoms', () => {
    assert.deepEqual(fired({ ...feedback, reliableChange: 2 }, [20, 20, 20, 20, 20, 20]), []);
    assert.deepEqual(fired(symptoms, [5, 20]).includes('low-feedback'), false);
    assert.deepEqual(fired(symptoms, [20, 10, 20]).includes('falling-feedback'), false);
  });

  it('the cut-off and drop are the organisation’s', () => {
    const rules: AlertRule[] = [
      { kind: 'low-feedback', enabled: true, cutOff: 10 },
      { kind: 'falling-feedback', enabled: true, drop: 5 },
    ];
    assert.deepEqual(fired(feedback, [16, 12], rules), []);
    assert.deepEqual(fired(feedback, [17, 9], rules), ['low-feedback', 'falling-feedback']);
  });
});

describe('alertsFor: symptom and goal scores', () => {
  it('improving: nothing fires', () => {
    assert.deepEqual(fired(symptoms, [20, 18, 15, 12, 10, 8]), []);
    assert.deepEqual(fired(wellBeing, [20, 22, 25, 28, 30, 32]), []);
  });

  it('flat: no-improvement after 6 responses, not before', () => {
    assert.deepEqual(fired(symptoms, [20, 20, 21, 19, 20]), []);
    const [finding, ...rest] = alertsFor(DEFAULT_ALERT_RULES, symptoms, trajectory(20, 20, 21, 19, 20, 18));
    assert.deepEqual(rest, []);
    assert.deepEqual(finding, {
      rule: 'no-improvement',
      scoreCode: 'symptoms',
      values: { baseline: 20, latest: 18, threshold: 5, responses: 6 },
      explanation: {
        key: 'alert.noImprovement',
        params: { score: 'symptoms', baseline: 20, latest: 18, change: 2, reliableChange: 5, responses: 6 },
      },
    });
  });

  it('worsening: deterioration, and then only deterioration', () => {
    const [finding, ...rest] = alertsFor(DEFAULT_ALERT_RULES, symptoms, trajectory(10, 12, 13, 14, 15, 16));
    assert.deepEqual(rest, []);
    assert.deepEqual(finding, {
      rule: 'deterioration',
      scoreCode: 'symptoms',
      values: { baseline: 10, latest: 16, threshold: 5 },
      explanation: {
        key: 'alert.deterioration',
        params: { score: 'symptoms', baseline: 10, latest: 16, change: 6, reliableChange: 5 },
      },
    });
    assert.deepEqual(fired(symptoms, [10, 15]), ['deterioration'], 'from the second response on');
  });

  it('the direction decides what is worse', () => {
    assert.deepEqual(fired(symptoms, [10, 16]), ['deterioration']);
    assert.deepEqual(fired(wellBeing, [10, 16]), []);
    assert.deepEqual(fired(wellBeing, [16, 10]), ['deterioration']);
    assert.deepEqual(fired(symptoms, [16, 10]), []);
  });

  it('exactly at the reliable change counts, also with decimals', () => {
    assert.deepEqual(fired(symptoms, [10, 15]), ['deterioration']);
    assert.deepEqual(fired(symptoms, [10, 14.9]), []);
    assert.deepEqual(fired({ ...symptoms, reliableChange: 4.6 }, [10.2, 14.8]), ['deterioration']);
    // Better by exactly the reliable change after six responses: improved, so no alert.
    assert.deepEqual(fired(symptoms, [20, 20, 20, 20, 20, 15]), []);
    assert.deepEqual(fired(symptoms, [20, 20, 20, 20, 20, 15.1]), ['no-improvement']);
    assert.deepEqual(fired(wellBeing, [20, 20, 20, 20, 20, 25]), []);
  });

  it('one point: nothing to compare with', () => {
    assert.deepEqual(fired(symptoms, [30]), []);
    assert.deepEqual(fired(symptoms, [], [{ kind: 'no-improvement', enabled: true, afterResponses: 2 }]), []);
  });

  it('a score without a reliable change gets no symptom alerts', () => {
    assert.deepEqual(fired({ ...symptoms, reliableChange: null }, [0, 40, 40, 40, 40, 40]), []);
  });

  it('disabled rules do not fire; without deterioration, a worsening score is still not improving', () => {
    const off = DEFAULT_ALERT_RULES.map((r) => ({ ...r, enabled: false }));
    assert.deepEqual(fired(symptoms, [10, 20, 20, 20, 20, 20], off), []);
    assert.deepEqual(fired(feedback, [20, 5], off), []);
    const noDeterioration = DEFAULT_ALERT_RULES.filter((r) => r.kind !== 'deterioration');
    assert.deepEqual(fired(symptoms, [10, 20, 20, 20, 20, 20], noDeterioration), ['no-improvement']);
  });

  it('the number of responses is the organisation’s', () => {
    const rules: AlertRule[] = [{ kind: 'no-improvement', enabled: true, afterResponses: 3 }];
    assert.deepEqual(fired(symptoms, [20, 20], rules), []);
    assert.deepEqual(fired(symptoms, [20, 20, 20], rules), ['no-improvement']);
  });

  it('an enabled rule without its number uses the default', () => {
    assert.deepEqual(fired(feedback, [14], [{ kind: 'low-feedback', enabled: true }]), ['low-feedback']);
  });
});

describe('alertRuleProblems', () => {
  it('the defaults are a valid configuration, and so is none', () => {
    assert.deepEqual(alertRuleProblems(DEFAULT_ALERT_RULES), []);
    assert.deepEqual(alertRuleProblems([]), []);
  });

  it('known kinds, each once, enabled a boolean', () => {
    assert.deepEqual(alertRuleProblems('x'), ['rules must be a list']);
    assert.deepEqual(alertRuleProblems([null]), ['rules[0] must be an object']);
    assert.deepEqual(alertRuleProblems([{ kind: 'panic', enabled: true }]), [
      'rules[0].kind must be one of low-feedback, falling-feedback, no-improvement, deterioration',
    ]);
    assert.deepEqual(
      alertRuleProblems([
        { kind: 'deterioration', enabled: true },
        { kind: 'deterioration', enabled: 'yes' },
      ]),
      ['rules[1].kind deterioration is given more than once', 'rules[1].enabled must be true or false'],
    );
  });

  it('numbers in sensible ranges, on the rule they belong to', () => {
    assert.deepEqual(alertRuleProblems([{ kind: 'low-feedback', enabled: true, cutOff: 0 }]), []);
    assert.deepEqual(alertRuleProblems([{ kind: 'low-feedback', enabled: true, cutOff: 100 }]), []);
    assert.deepEqual(alertRuleProblems([{ kind: 'low-feedback', enabled: true, cutOff: 101 }]), [
      'rules[0].cutOff must be a number from 0 to 100',
    ]);
    assert.deepEqual(alertRuleProblems([{ kind: 'falling-feedback', enabled: true, drop: 0 }]), [
      'rules[0].drop must be a number from 1 to 100',
    ]);
    assert.deepEqual(alertRuleProblems([{ kind: 'no-improvement', enabled: true, afterResponses: 1 }]), [
      'rules[0].afterResponses must be a whole number from 2 to 50',
    ]);
    assert.deepEqual(alertRuleProblems([{ kind: 'no-improvement', enabled: true, afterResponses: 2.5 }]), [
      'rules[0].afterResponses must be a whole number from 2 to 50',
    ]);
    assert.deepEqual(alertRuleProblems([{ kind: 'no-improvement', enabled: true, afterResponses: '6' }]), [
      'rules[0].afterResponses must be a whole number from 2 to 50',
    ]);
    assert.deepEqual(alertRuleProblems([{ kind: 'deterioration', enabled: true, cutOff: 10 }]), [
      'rules[0].cutOff does not apply to deterioration',
    ]);
  });
});
