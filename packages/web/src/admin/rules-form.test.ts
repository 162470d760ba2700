import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_SIGNAL_RULES,
  SIGNAL_RULE_RANGES,
  SignalRuleKinds,
  signalRuleProblems,
} from '@bedring/domain/checkin/signal.rules';
import {
  detailMessages,
  formOf,
  parseNumber,
  placeProblem,
  type RulesConfig,
  rulesOf,
} from './rules-form.ts';

const config: RulesConfig = {
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
const defaults = DEFAULT_SIGNAL_RULES.map((r) => ({ ...r }));

test('the defaults make a form that checks clean and gives the defaults back', () => {
  const form = formOf(config, defaults, defaults);
  assert.deepEqual(form['craving-high'], { enabled: true, values: { threshold: '7', days: '3' } });
  assert.deepEqual(rulesOf(config, form), defaults);
  assert.deepEqual(signalRuleProblems(rulesOf(config, form)), []);
});

test('a kind missing from the stored rules is off (as the rules read it); a missing number shows the default', () => {
  const form = formOf(config, [{ kind: 'craving-high', enabled: true, days: 5 }], defaults);
  assert.deepEqual(form['craving-high'], { enabled: true, values: { threshold: '7', days: '5' } });
  assert.equal(form['lapse-reported']?.enabled, false);
  assert.deepEqual(form['checkins-stopped']?.values, { regular: '5', silentDays: '3' });
});

test('numbers as typed: a comma or a point, anything else left for the check to refuse', () => {
  assert.equal(parseNumber(' 8 '), 8);
  assert.equal(parseNumber('2,5'), 2.5);
  assert.equal(parseNumber('2.5'), 2.5);
  assert.equal(parseNumber(''), '');
  assert.equal(parseNumber('sju'), 'sju');
});

test("the domain's problems land on the field they are about; others are kept as they are", () => {
  const form = formOf(config, defaults, defaults);
  form['checkins-stopped']!.values.silentDays = '45';
  form['craving-high']!.values.threshold = '';
  const problems = signalRuleProblems(rulesOf(config, form)).map((p) => placeProblem(config, p));
  assert.deepEqual(
    problems.map((p) => [p.kind, p.param]),
    [
      ['craving-high', 'threshold'],
      ['checkins-stopped', 'silentDays'],
    ],
  );
  assert.deepEqual(placeProblem(config, 'rules must be a list'), { message: 'rules must be a list' });
  assert.deepEqual(placeProblem(config, 'rules[2].days does not apply to lapse-reported'), {
    message: 'rules[2].days does not apply to lapse-reported',
  });
});

test("a server answer's details give their messages", () => {
  assert.deepEqual(detailMessages([{ message: 'rules[0].days must be …' }, { other: 1 }, null, 'x']), [
    'rules[0].days must be …',
  ]);
});
