import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QuestionnaireItem } from '@medplum/fhirtypes';
import { countAt, firstFieldOf, itemIndex, parentIndex, shorten } from './form-navigation.ts';
import { fieldId, type RItem } from './response-state.ts';

const items: QuestionnaireItem[] = [
  { linkId: 'q1', type: 'string' },
  {
    linkId: 'people',
    type: 'group',
    repeats: true,
    item: [{ linkId: 'people.name', type: 'string' }],
  },
  { linkId: 'section', type: 'group', item: [{ linkId: 'inner', type: 'group', item: [] }] },
];

test('items are indexed by linkId at any depth, with their enclosing item', () => {
  const index = itemIndex(items);
  assert.deepEqual([...index.keys()], ['q1', 'people', 'people.name', 'section', 'inner']);
  const parents = parentIndex(items);
  assert.equal(parents.get('people.name'), 'people');
  assert.equal(parents.get('inner'), 'section');
  assert.equal(parents.has('q1'), false);
});

test('instances are counted where they stand', () => {
  const response: RItem[] = [
    { linkId: 'people', item: [{ linkId: 'people.name', answer: [{ valueString: 'Kari' }] }] },
    { linkId: 'people', item: [] },
  ];
  assert.equal(countAt(response, [], 'people'), 2);
  assert.equal(countAt(response, [{ linkId: 'people', index: 0 }], 'people.name'), 1);
  assert.equal(countAt(response, [{ linkId: 'people', index: 1 }], 'people.name'), 0);
});

test('a problem in a repeating group links to the first instance missing the answer', () => {
  const response: RItem[] = [
    { linkId: 'people', item: [{ linkId: 'people.name', answer: [{ valueString: 'Kari' }] }] },
    { linkId: 'people', item: [] },
  ];
  const target = firstFieldOf(response, itemIndex(items), parentIndex(items), 'people.name', 'q');
  assert.equal(
    target,
    fieldId('q', [
      { linkId: 'people', index: 1 },
      { linkId: 'people.name', index: 0 },
    ]),
  );
  assert.equal(
    firstFieldOf(response, itemIndex(items), parentIndex(items), 'q1', 'q'),
    fieldId('q', [{ linkId: 'q1', index: 0 }]),
  );
});

test("a problem about a group links to the group's error text", () => {
  const target = firstFieldOf([], itemIndex(items), parentIndex(items), 'inner', 'q');
  assert.match(target, /-error$/);
});

test('long question texts are shortened for the summary, short ones kept', () => {
  assert.equal(shorten('Kort'), 'Kort');
  const long = 'a'.repeat(100);
  assert.equal(shorten(long).length, 89);
  assert.ok(shorten(long).endsWith(' …'));
});
