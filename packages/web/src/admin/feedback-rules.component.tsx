import {
  ALERT_RULE_RANGES,
  AlertRuleKinds,
  alertRuleProblems,
} from '@bedring/domain/questionnaire/feedback-alert.rules';
import { RulesSection } from './rules-form.component.tsx';
import type { RulesConfig } from './rules-form.ts';

/**
 * The organisation's feedback alert rules (docs/domain/questionnaires.md): when the person's session feedback
 * or scores suggest a conversation. Checked with the same domain function the server uses.
 */
const feedbackRules: RulesConfig = {
  name: 'feedbackRules',
  kinds: AlertRuleKinds,
  params: {
    'low-feedback': ['cutOff'],
    'falling-feedback': ['drop'],
    'no-improvement': ['afterResponses'],
    deterioration: [],
  },
  ranges: ALERT_RULE_RANGES,
  // Feedback scores may have decimals; a number of responses is whole.
  whole: (param) => param === 'afterResponses',
  problems: alertRuleProblems,
};

export function FeedbackRules() {
  return <RulesSection config={feedbackRules} path="/api/admin/feedback-rules" />;
}
