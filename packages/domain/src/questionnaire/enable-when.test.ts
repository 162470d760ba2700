import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemEnableWhen,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import { enabledLinkIds, enableWhenEvaluator, isEnabled } from './enable-when.ts';

const q = (...item: QuestionnaireItem[]): Questionnaire => ({
  resourceType: 'Questionnaire',
  status: 'active',
  item,
});
const answered = (
  linkId: string,
  ...answer: QuestionnaireResponseItemAnswer[]
): QuestionnaireResponseItem => ({
  linkId,
  answer,
});
const r = (...item: QuestionnaireResponseItem[]) => ({ item });

/** A source question `a` of the given type and a dependent `b` with one condition on it. */
function pair(type: QuestionnaireItem['type'], condition: Omit<QuestionnaireItemEnableWhen, 'question'>) {
  const b: QuestionnaireItem = { linkId: 'b', type: 'string', enableWhen: [{ question: 'a', ...condition }] };
  return { questionnaire: q({ linkId: 'a', type }, b), b };
}

const shows = (
  type: QuestionnaireItem['type'],
  condition: Omit<QuestionnaireItemEnableWhen, 'question'>,
  ...answer: QuestionnaireResponseItemAnswer[]
) => {
  const { questionnaire, b } = pair(type, condition);
  return isEnabled(b, answer.length ? r(answered('a', ...answer)) : r(), questionnaire);
};

describe('isEnabled: operators', () => {
  it('an item without enableWhen is enabled', () => {
    assert.equal(isEnabled({ linkId: 'x', type: 'string' }, r(), q({ linkId: 'x', type: 'string' })), true);
  });

  it('exists true / false', () => {
    assert.equal(shows('string', { operator: 'exists', answerBoolean: true }, { valueString: 'x' }), true);
    assert.equal(shows('string', { operator: 'exists', answerBoolean: true }), false);
    assert.equal(shows('string', { operator: 'exists', answerBoolean: false }), true);
    assert.equal(shows('string', { operator: 'exists', answerBoolean: false }, { valueString: 'x' }), false);
  });

  it('a blank string is no answer', () => {
    assert.equal(shows('string', { operator: 'exists', answerBoolean: true }, { valueString: '  ' }), false);
  });

  it('boolean =, !=', () => {
    assert.equal(shows('boolean', { operator: '=', answerBoolean: true }, { valueBoolean: true }), true);
    assert.equal(shows('boolean', { operator: '=', answerBoolean: true }, { valueBoolean: false }), false);
    assert.equal(shows('boolean', { operator: '!=', answerBoolean: true }, { valueBoolean: false }), true);
    assert.equal(shows('boolean', { operator: '!=', answerBoolean: true }, { valueBoolean: true }), false);
  });

  it('!= is true when unanswered (no answer equals), as the specification defines it', () => {
    assert.equal(shows('boolean', { operator: '!=', answerBoolean: true }), true);
  });

  it('integer and decimal compare as numbers, across the two', () => {
    for (const [operator, value, expected] of [
      ['>', 1, true],
      ['>', 2, false],
      ['<', 2, false],
      ['<', 3, true],
      ['>=', 2, true],
      ['>=', 3, false],
      ['<=', 2, true],
      ['<=', 1, false],
      ['=', 2, true],
      ['!=', 2, false],
    ] as const) {
      assert.equal(
        shows('integer', { operator, answerInteger: value }, { valueInteger: 2 }),
        expected,
        `2 ${operator} ${value}`,
      );
    }
    assert.equal(shows('decimal', { operator: '>=', answerDecimal: 2.5 }, { valueDecimal: 2.5 }), true);
    assert.equal(shows('integer', { operator: '<', answerDecimal: 2.5 }, { valueInteger: 2 }), true);
  });

  it('any of several answers (repeats) satisfies =; != needs none to be equal', () => {
    const a = { valueCoding: { system: 's', code: 'x' } };
    const b = { valueCoding: { system: 's', code: 'y' } };
    assert.equal(shows('choice', { operator: '=', answerCoding: { system: 's', code: 'y' } }, a, b), true);
    assert.equal(shows('choice', { operator: '!=', answerCoding: { system: 's', code: 'y' } }, a, b), false);
    assert.equal(shows('choice', { operator: '!=', answerCoding: { system: 's', code: 'z' } }, a, b), true);
  });

  it('coding compares system and code; a condition without system matches the code in any system', () => {
    const ans = { valueCoding: { system: 'http://a', code: '1', display: 'En' } };
    assert.equal(
      shows('choice', { operator: '=', answerCoding: { system: 'http://a', code: '1' } }, ans),
      true,
    );
    assert.equal(
      shows('choice', { operator: '=', answerCoding: { system: 'http://b', code: '1' } }, ans),
      false,
    );
    assert.equal(shows('choice', { operator: '=', answerCoding: { code: '1' } }, ans), true);
    assert.equal(shows('choice', { operator: '>', answerCoding: { code: '0' } }, ans), false);
  });

  it('string = and ordering', () => {
    assert.equal(shows('string', { operator: '=', answerString: 'ja' }, { valueString: 'ja' }), true);
    assert.equal(shows('string', { operator: '=', answerString: 'ja' }, { valueString: 'Ja' }), false);
    assert.equal(shows('string', { operator: '<', answerString: 'b' }, { valueString: 'a' }), true);
  });

  it('dates in time order; different precision does not compare', () => {
    assert.equal(
      shows('date', { operator: '>', answerDate: '2024-01-01' }, { valueDate: '2024-05-01' }),
      true,
    );
    assert.equal(
      shows('date', { operator: '<=', answerDate: '2024-05-01' }, { valueDate: '2024-05-01' }),
      true,
    );
    assert.equal(shows('date', { operator: '>', answerDate: '2023-01-01' }, { valueDate: '2024' }), false);
    assert.equal(shows('date', { operator: '!=', answerDate: '2024-01-01' }, { valueDate: '2024' }), true);
  });

  it('dateTimes compare as instants across zones', () => {
    const condition = { operator: '<', answerDateTime: '2024-05-01T12:00:00+02:00' } as const;
    assert.equal(shows('dateTime', condition, { valueDateTime: '2024-05-01T09:59:00Z' }), true);
    assert.equal(shows('dateTime', condition, { valueDateTime: '2024-05-01T10:00:00Z' }), false);
    assert.equal(
      shows('dateTime', { operator: '=', answerDateTime: '2024-05' }, { valueDateTime: '2024-05' }),
      true,
    );
  });

  it('times compare in order', () => {
    assert.equal(shows('time', { operator: '>=', answerTime: '08:00:00' }, { valueTime: '09:30:00' }), true);
    assert.equal(shows('time', { operator: '>=', answerTime: '08:00:00' }, { valueTime: '07:59:59' }), false);
  });

  it('quantity compares the value, when the units do not differ', () => {
    const ans = { valueQuantity: { value: 80, code: 'kg' } };
    assert.equal(shows('quantity', { operator: '>', answerQuantity: { value: 70, code: 'kg' } }, ans), true);
    assert.equal(shows('quantity', { operator: '>', answerQuantity: { value: 70 } }, ans), true);
    assert.equal(shows('quantity', { operator: '>', answerQuantity: { value: 70, code: 'lb' } }, ans), false);
  });

  it('different types never compare (= false, != true)', () => {
    assert.equal(shows('string', { operator: '=', answerInteger: 1 }, { valueString: '1' }), false);
    assert.equal(shows('string', { operator: '!=', answerInteger: 1 }, { valueString: '1' }), true);
  });

  it('unknown operator or missing value: the condition does not hold', () => {
    const op = 'like' as QuestionnaireItemEnableWhen['operator'];
    assert.equal(shows('string', { operator: op, answerString: 'x' }, { valueString: 'x' }), false);
    assert.equal(shows('string', { operator: '=' }, { valueString: 'x' }), false);
    assert.equal(shows('string', { operator: 'exists' }, { valueString: 'x' }), false);
  });
});

describe('isEnabled: several conditions', () => {
  const questionnaire = (enableBehavior?: 'all' | 'any') => {
    const c: QuestionnaireItem = {
      linkId: 'c',
      type: 'string',
      enableBehavior,
      enableWhen: [
        { question: 'a', operator: '=', answerBoolean: true },
        { question: 'b', operator: '=', answerBoolean: true },
      ],
    };
    return { c, questionnaire: q({ linkId: 'a', type: 'boolean' }, { linkId: 'b', type: 'boolean' }, c) };
  };
  const oneOfTwo = r(answered('a', { valueBoolean: true }), answered('b', { valueBoolean: false }));
  const both = r(answered('a', { valueBoolean: true }), answered('b', { valueBoolean: true }));

  it('any: one is enough', () => {
    const { c, questionnaire: qq } = questionnaire('any');
    assert.equal(isEnabled(c, oneOfTwo, qq), true);
  });

  it('all: every one; and all when enableBehavior is missing (the stricter reading)', () => {
    for (const behavior of ['all', undefined] as const) {
      const { c, questionnaire: qq } = questionnaire(behavior);
      assert.equal(isEnabled(c, oneOfTwo, qq), false);
      assert.equal(isEnabled(c, both, qq), true);
    }
  });
});

describe('isEnabled: disabled questions count as unanswered', () => {
  const a: QuestionnaireItem = { linkId: 'a', type: 'boolean' };
  const b: QuestionnaireItem = {
    linkId: 'b',
    type: 'boolean',
    enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }],
  };
  const c: QuestionnaireItem = {
    linkId: 'c',
    type: 'string',
    enableWhen: [{ question: 'b', operator: 'exists', answerBoolean: true }],
  };
  const questionnaire = q(a, b, c);

  it('an answer kept for a question that is now disabled does not enable what depends on it', () => {
    const stale = r(answered('a', { valueBoolean: false }), answered('b', { valueBoolean: true }));
    assert.equal(isEnabled(c, stale, questionnaire), false);
    const live = r(answered('a', { valueBoolean: true }), answered('b', { valueBoolean: true }));
    assert.equal(isEnabled(c, live, questionnaire), true);
  });

  it('items inside a disabled group are disabled, and their answers count as unanswered', () => {
    const group: QuestionnaireItem = {
      linkId: 'g',
      type: 'group',
      enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }],
      item: [{ linkId: 'g1', type: 'boolean' }],
    };
    const d: QuestionnaireItem = {
      linkId: 'd',
      type: 'string',
      enableWhen: [{ question: 'g1', operator: 'exists', answerBoolean: true }],
    };
    const qq = q(a, group, d);
    const response = r(answered('a', { valueBoolean: false }), {
      linkId: 'g',
      item: [answered('g1', { valueBoolean: true })],
    });
    assert.equal(isEnabled(group.item![0]!, response, qq), false);
    assert.equal(isEnabled(d, response, qq), false);
    assert.deepEqual([...enabledLinkIds(qq, response)].sort(), ['a']);
  });

  it('a cycle of conditions does not loop: the items in it count as unanswered', () => {
    const x: QuestionnaireItem = {
      linkId: 'x',
      type: 'boolean',
      enableWhen: [{ question: 'y', operator: 'exists', answerBoolean: true }],
    };
    const y: QuestionnaireItem = {
      linkId: 'y',
      type: 'boolean',
      enableWhen: [{ question: 'x', operator: 'exists', answerBoolean: true }],
    };
    const response = r(answered('x', { valueBoolean: true }), answered('y', { valueBoolean: true }));
    assert.equal(isEnabled(x, response, q(x, y)), false);
    assert.equal(isEnabled(y, response, q(x, y)), false);
  });

  it('a condition on a question that is not in the questionnaire does not hold', () => {
    const z: QuestionnaireItem = {
      linkId: 'z',
      type: 'string',
      enableWhen: [{ question: 'nope', operator: 'exists', answerBoolean: true }],
    };
    assert.equal(isEnabled(z, r(answered('nope', { valueString: 'x' })), q(z)), false);
  });
});

describe('isEnabled: groups, repeating groups and items under answers', () => {
  // A repeating group "substance": which substance, and how it is taken only for some.
  const substance: QuestionnaireItem = {
    linkId: 'substance',
    type: 'group',
    repeats: true,
    item: [
      { linkId: 'which', type: 'string' },
      {
        linkId: 'injects',
        type: 'boolean',
        enableWhen: [{ question: 'which', operator: '=', answerString: 'heroin' }],
      },
    ],
  };
  const later: QuestionnaireItem = {
    linkId: 'later',
    type: 'string',
    enableWhen: [{ question: 'which', operator: '=', answerString: 'heroin' }],
  };
  const questionnaire = q(substance, later);
  const alcohol = { linkId: 'substance', item: [answered('which', { valueString: 'alkohol' })] };
  const heroin = { linkId: 'substance', item: [answered('which', { valueString: 'heroin' })] };
  const response = r(alcohol, heroin);
  const injects = substance.item![1]!;

  it('looks in the same repeat instance first', () => {
    const evaluator = enableWhenEvaluator(questionnaire, response);
    assert.equal(evaluator.isEnabled(injects, [alcohol]), false);
    assert.equal(evaluator.isEnabled(injects, [heroin]), true);
  });

  it('outside the group, any instance counts', () => {
    assert.equal(isEnabled(later, response, questionnaire), true);
    assert.equal(isEnabled(later, r(alcohol), questionnaire), false);
  });

  it('enabledLinkIds: an item in a repeating group is listed when enabled in some instance', () => {
    assert.deepEqual([...enabledLinkIds(questionnaire, r(alcohol))].sort(), ['substance', 'which']);
    assert.deepEqual([...enabledLinkIds(questionnaire, response)].sort(), [
      'injects',
      'later',
      'substance',
      'which',
    ]);
  });

  it('an item nested under a question follows that question’s answer', () => {
    const parent: QuestionnaireItem = {
      linkId: 'uses',
      type: 'boolean',
      item: [
        {
          linkId: 'how-often',
          type: 'integer',
          enableWhen: [{ question: 'uses', operator: '=', answerBoolean: true }],
        },
      ],
    };
    const qq = q(parent);
    const yes = { linkId: 'uses', answer: [{ valueBoolean: true, item: [{ linkId: 'how-often' }] }] };
    const no = { linkId: 'uses', answer: [{ valueBoolean: false }] };
    assert.equal(enableWhenEvaluator(qq, r(yes)).isEnabled(parent.item![0]!, [yes]), true);
    assert.equal(enableWhenEvaluator(qq, r(no)).isEnabled(parent.item![0]!, [no]), false);
    assert.deepEqual([...enabledLinkIds(qq, r(yes))].sort(), ['how-often', 'uses']);
  });

  it('junk in the response is skipped, not thrown on', () => {
    const junk = {
      item: [
        null,
        1,
        'x',
        { linkId: 5 },
        { linkId: 'which', answer: 'no' },
        { linkId: 'which', answer: [null, {}] },
      ],
    };
    assert.equal(isEnabled(later, junk as never, questionnaire), false);
    assert.equal(isEnabled(later, null as never, questionnaire), false);
  });
});
