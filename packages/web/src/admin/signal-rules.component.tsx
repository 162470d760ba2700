import {
  SIGNAL_RULE_RANGES,
  SignalRuleKinds,
  signalRuleProblems,
} from '@bedring/domain/checkin/signal.rules';
import { RulesSection } from './rules-form.component.tsx';
import type { RulesConfig } from './rules-form.ts';

/**
 * The organisation's check-in signal rules (docs/decisions/0007-checkins-and-signals.md;
 * docs/domain/checkins.md, CAP-22): when the person's own check-ins put a signal on the care team's worklist.
 * Checked with the same domain function the server uses.
 */
const signalRules: RulesConfig = {
  name: 'signalRules',
  kinds: SignalRuleKinds,
  params: {
    'craving-high': ['threshold', 'days'],
    'warning-sign-repeated': ['days'],
    'lapse-reported': [],
    'checkins-stopped': ['regular', 'silentDays'],
  },
  ranges: SIGNAL_RULE_RANGES,
  whole: () => true,
  problems: signalRuleProblems,
};

export function SignalRules() {
  return <RulesSection config={signalRules} path="/api/admin/signal-rules" />;
}
