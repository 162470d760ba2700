import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import {
  addInstance,
  answerKey,
  fieldId,
  isShown,
  itemAt,
  normalize,
  numberAnswer,
  numberText,
  optionAnswer,
  problemsOf,
  type RItem,
  removeInstance,
  responseToSend,
  scaleOf,
  setAnswers,
} from './response-state.ts';

const MIN = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX = 'http://hl7.org/fhir/StructureDefinition/maxValue';
const CALCULATED = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';

const q: Questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  item: [
    { linkId: 'intro', type: 'display', text: 'Om deg' },
    { linkId: 'drinks', type: 'boolean', text: 'Drikker du?', required: true },
    {
      linkId: 'howMuch',
      type: 'string',
      text: 'Hvor mye?',
      enableWhen: [{ question: 'drinks', operator: '=', answerBoolean: true }],
    },
    {
      linkId: 'contact',
      type: 'group',
      repeats: true,
      item: [{ linkId: 'contact.name', type: 'string', text: 'Navn' }],
    },
    {
      linkId: 'total',
      type: 'integer',
      extension: [{ url: CALCULATED, valueExpression: { language: 'text/fhirpath', expression: '1' } }],
    },
  ],
};

const yes = [{ valueBoolean: true }];
const no = [{ valueBoolean: false }];

test('normalize keeps the questionnaire order, one instance of each group, no display or calculated items', () => {
  const items = normalize(q.item, [
    { linkId: 'howMuch', answer: [{ valueString: 'lite' }] },
    { linkId: 'total', answer: [{ valueInteger: 3 }] },
    { linkId: 'unknown', answer: [{ valueString: 'x' }] },
    { linkId: 'drinks', answer: yes },
  ]);
  assert.deepEqual(items, [
    { linkId: 'drinks', answer: yes },
    { linkId: 'howMuch', answer: [{ valueString: 'lite' }] },
    { linkId: 'contact', item: [] },
  ]);
});

test('answering sets a question, an empty answer takes it away', () => {
  let items = normalize(q.item, []);
  items = setAnswers(q, items, [{ linkId: 'drinks', index: 0 }], yes);
  assert.deepEqual(itemAt(items, [{ linkId: 'drinks', index: 0 }])?.answer, yes);
  items = setAnswers(q, items, [{ linkId: 'drinks', index: 0 }], []);
  assert.equal(itemAt(items, [{ linkId: 'drinks', index: 0 }]), undefined);
});

test('a repeating group gets instances added and removed, each answered on its own', () => {
  let items = normalize(q.item, []);
  items = addInstance(q, items, [], 'contact');
  const name = (i: number) => [
    { linkId: 'contact', index: i },
    { linkId: 'contact.name', index: 0 },
  ];
  items = setAnswers(q, items, name(0), [{ valueString: 'Kari' }]);
  items = setAnswers(q, items, name(1), [{ valueString: 'Ola' }]);
  assert.deepEqual(
    items.filter((r) => r.linkId === 'contact').map((r) => r.item?.[0]?.answer?.[0]?.valueString),
    ['Kari', 'Ola'],
  );
  items = removeInstance(q, items, [{ linkId: 'contact', index: 0 }]);
  assert.deepEqual(
    items.filter((r) => r.linkId === 'contact').map((r) => r.item?.[0]?.answer?.[0]?.valueString),
    ['Ola'],
  );
});

test('what is sent leaves out answers to disabled questions and empty groups', () => {
  const items: RItem[] = normalize(q.item, [
    { linkId: 'drinks', answer: no },
    { linkId: 'howMuch', answer: [{ valueString: 'lite' }] },
  ]);
  assert.deepEqual(responseToSend(q, items), [{ linkId: 'drinks', answer: no }]);
  const enabled = setAnswers(q, items, [{ linkId: 'drinks', index: 0 }], yes);
  assert.deepEqual(responseToSend(q, enabled), [
    { linkId: 'drinks', answer: yes },
    { linkId: 'howMuch', answer: [{ valueString: 'lite' }] },
  ]);
});

test('a required question unanswered is a problem only when completing', () => {
  const items = normalize(q.item, []);
  assert.deepEqual(
    problemsOf(q, items, true).map((p) => [p.linkId, p.code]),
    [['drinks', 'required']],
  );
  assert.deepEqual(problemsOf(q, items, false), []);
});

test('calculated and hidden items are never shown as inputs', () => {
  assert.equal(isShown(q.item![4]!), false);
  assert.equal(isShown(q.item![1]!), true);
  const hidden: QuestionnaireItem = {
    linkId: 'h',
    type: 'string',
    extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden', valueBoolean: true }],
  };
  assert.equal(isShown(hidden), false);
});

test('a small integer range becomes a row of choices, a large or open one does not', () => {
  const ranged = (min: number, max: number, over: Partial<QuestionnaireItem> = {}): QuestionnaireItem => ({
    linkId: 'g',
    type: 'integer',
    extension: [
      { url: MIN, valueInteger: min },
      { url: MAX, valueInteger: max },
    ],
    ...over,
  });
  assert.deepEqual(scaleOf(ranged(0, 10)), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.equal(scaleOf(ranged(0, 11)), null);
  assert.equal(scaleOf(ranged(5, 1)), null);
  assert.equal(scaleOf(ranged(0, 4, { repeats: true })), null);
  assert.equal(scaleOf(ranged(0, 4, { type: 'decimal' })), null);
  assert.equal(scaleOf({ linkId: 'g', type: 'integer' }), null);
});

test('typed numbers become answers; what is not a number is kept as text for the check to name', () => {
  assert.equal(numberAnswer('integer', '  '), null);
  assert.deepEqual(numberAnswer('integer', ' 12 '), { valueInteger: 12 });
  assert.deepEqual(numberAnswer('decimal', '1,5'), { valueDecimal: 1.5 });
  assert.deepEqual(numberAnswer('integer', '1,5'), { valueDecimal: 1.5 });
  assert.deepEqual(numberAnswer('integer', '1 000'), { valueInteger: 1000 });
  assert.deepEqual(numberAnswer('integer', 'tolv'), { valueString: 'tolv' });
  assert.deepEqual(numberAnswer('decimal', '1.2.3'), { valueString: '1.2.3' });
  assert.equal(numberText({ valueDecimal: 1.5 }, 'nb'), '1,5');
  assert.equal(numberText({ valueDecimal: 1.5 }, 'en'), '1.5');
  assert.equal(numberText({ valueString: 'tolv' }, 'nb'), 'tolv');
});

test('an option and the answer made from it have the same key', () => {
  const option = { valueCoding: { system: 'urn:s', code: 'a', display: 'A', version: '1' } };
  const answer = optionAnswer(option);
  assert.deepEqual(answer, { valueCoding: { system: 'urn:s', code: 'a', display: 'A' } });
  assert.equal(answerKey(answer!), answerKey(option));
  assert.notEqual(answerKey({ valueCoding: { system: 'urn:s', code: 'b' } }), answerKey(option));
  assert.equal(optionAnswer({}), null);
  assert.notEqual(answerKey({ valueString: '1' }), answerKey({ valueInteger: 1 }));
});

test('field ids are valid HTML ids and differ per instance', () => {
  const a = fieldId('q1', [
    { linkId: 'contact', index: 0 },
    { linkId: 'contact.name', index: 0 },
  ]);
  const b = fieldId('q1', [
    { linkId: 'contact', index: 1 },
    { linkId: 'contact.name', index: 0 },
  ]);
  assert.match(a, /^[A-Za-z0-9_-]+$/);
  assert.notEqual(a, b);
});
