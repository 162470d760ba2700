import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import fc from 'fast-check';
import {
  isFhirDate,
  isFhirDateTime,
  RESPONSE_LIMITS,
  type ResponseProblem,
  responseProblems,
} from './response-check.rules.ts';

const SYS = 'https://bedring.no/fhir/CodeSystem/test';
const coding = (code: string) => ({ system: SYS, code });
const ext = (url: string, value: Record<string, unknown>) => ({
  url: `http://hl7.org/fhir/StructureDefinition/${url}`,
  ...value,
});

/** An instrument with one item of each kind the checks care about. */
const items: QuestionnaireItem[] = [
  { linkId: 'intro', type: 'display', text: 'Les dette først.' },
  { linkId: 'bool', type: 'boolean' },
  { linkId: 'dec', type: 'decimal' },
  {
    linkId: 'int',
    type: 'integer',
    extension: [ext('minValue', { valueInteger: 0 }), ext('maxValue', { valueInteger: 30 })],
  },
  {
    linkId: 'date',
    type: 'date',
    extension: [ext('minValue', { valueDate: '1900-01-01' }), ext('maxValue', { valueDate: '2030-12-31' })],
  },
  { linkId: 'dt', type: 'dateTime' },
  { linkId: 'time', type: 'time' },
  { linkId: 'str', type: 'string', maxLength: 10 },
  { linkId: 'text', type: 'text' },
  {
    linkId: 'choice',
    type: 'choice',
    required: true,
    answerOption: [{ valueCoding: coding('0') }, { valueCoding: coding('1') }],
  },
  { linkId: 'strchoice', type: 'choice', answerOption: [{ valueString: 'ja' }, { valueString: 'nei' }] },
  { linkId: 'open', type: 'open-choice', answerOption: [{ valueCoding: coding('annet') }] },
  {
    linkId: 'many',
    type: 'choice',
    repeats: true,
    answerOption: [{ valueCoding: coding('a') }, { valueCoding: coding('b') }],
  },
  { linkId: 'qty', type: 'quantity' },
  {
    linkId: 'total',
    type: 'decimal',
    readOnly: true,
    extension: [
      { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden', valueBoolean: true },
      {
        url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
        valueExpression: { language: 'text/fhirpath', expression: '1' },
      },
    ],
  },
  { linkId: 'prefilled', type: 'string', readOnly: true, initial: [{ valueString: 'Oslo' }] },
  {
    linkId: 'follow-up',
    type: 'string',
    required: true,
    enableWhen: [{ question: 'bool', operator: '=', answerBoolean: true }],
  },
  {
    linkId: 'group',
    type: 'group',
    item: [{ linkId: 'inner', type: 'string', required: true }],
  },
  {
    linkId: 'rep',
    type: 'group',
    repeats: true,
    item: [
      { linkId: 'rep-name', type: 'string', required: true },
      {
        linkId: 'rep-more',
        type: 'integer',
        enableWhen: [{ question: 'rep-name', operator: '=', answerString: 'mer' }],
      },
    ],
  },
  { linkId: 'reqgroup', type: 'group', required: true, item: [{ linkId: 'rg1', type: 'boolean' }] },
  {
    linkId: 'parent',
    type: 'boolean',
    item: [{ linkId: 'child', type: 'string', required: true }],
  },
];
const questionnaire: Questionnaire = { resourceType: 'Questionnaire', status: 'active', item: items };

const a = (linkId: string, ...answer: Record<string, unknown>[]) =>
  ({ linkId, answer }) as QuestionnaireResponseItem;
/** The least that completes: the required choice, the inner question, the required group. */
const minimal = (): QuestionnaireResponseItem[] => [
  a('choice', { valueCoding: coding('1') }),
  { linkId: 'group', item: [a('inner', { valueString: 'x' })] },
  { linkId: 'reqgroup', item: [a('rg1', { valueBoolean: false })] },
];
const check = (item: unknown, completing = false) =>
  responseProblems(questionnaire, { item } as { item?: QuestionnaireResponseItem[] }, { completing });
const codes = (problems: ResponseProblem[]) => problems.map((p) => `${p.linkId}:${p.code}`);
/** Problems of one extra item on top of the minimal complete response. */
const with_ = (...extra: QuestionnaireResponseItem[]) => codes(check([...minimal(), ...extra], true));

describe('responseProblems: a response that fits', () => {
  it('the minimal complete response has no problems', () => {
    assert.deepEqual(check(minimal(), true), []);
  });

  it('every type with a good value has no problems', () => {
    assert.deepEqual(
      with_(
        a('bool', { valueBoolean: true }),
        a('follow-up', { valueString: 'mer' }),
        a('dec', { valueDecimal: 2.5 }),
        a('int', { valueInteger: 30 }),
        a('date', { valueDate: '2024-02-29' }),
        a('dt', { valueDateTime: '2024-05-01T10:00:00+02:00' }),
        a('time', { valueTime: '14:30:00' }),
        a('str', { valueString: 'kort' }),
        a('text', { valueString: 'lengre tekst\nover linjer' }),
        a('strchoice', { valueString: 'nei' }),
        a('open', { valueString: 'noe eget' }),
        a('many', { valueCoding: coding('a') }, { valueCoding: coding('b') }),
        a('qty', { valueQuantity: { value: 70, unit: 'kg' } }),
        a('prefilled', { valueString: 'Oslo' }),
        { linkId: 'rep', item: [a('rep-name', { valueString: 'mer' }), a('rep-more', { valueInteger: 2 })] },
        { linkId: 'rep', item: [a('rep-name', { valueString: 'x' })] },
        { linkId: 'parent', answer: [{ valueBoolean: true, item: [a('child', { valueString: 'y' })] }] },
      ),
      [],
    );
  });

  it('in progress, nothing is required', () => {
    assert.deepEqual(check([]), []);
    assert.deepEqual(check(undefined), []);
  });
});

describe('responseProblems: one rule each', () => {
  it('unknown-item: a linkId the questionnaire does not have', () => {
    assert.deepEqual(with_(a('nope', { valueString: 'x' })), ['nope:unknown-item']);
  });

  it('structure: a known linkId at the wrong place in the tree', () => {
    assert.deepEqual(with_(a('inner', { valueString: 'x' })), ['inner:structure']);
    const inGroup = {
      linkId: 'group',
      item: [a('inner', { valueString: 'x' }), a('bool', { valueBoolean: true })],
    };
    assert.deepEqual(codes(check([inGroup])), ['bool:structure']);
  });

  it('structure: a question’s nested items belong under its answer', () => {
    assert.deepEqual(with_({ linkId: 'parent', item: [a('child', { valueString: 'y' })] }), [
      'parent:structure',
    ]);
  });

  it('wrong-type: the value must be of the item’s type', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['bool', { valueString: 'true' }],
      ['dec', { valueDecimal: '2.5' }],
      ['dec', { valueInteger: 2 }],
      ['int', { valueInteger: 2.5 }],
      ['int', { valueInteger: 2 ** 60 }],
      ['date', { valueDate: '2023-02-29' }],
      ['date', { valueDate: '2024-13' }],
      ['date', { valueDate: '24-01-01' }],
      ['dt', { valueDateTime: '2024-05-01T10:00:00' }],
      ['dt', { valueDateTime: '2024-05-01T25:00:00Z' }],
      ['time', { valueTime: '9:30' }],
      ['str', { valueString: '   ' }],
      ['str', { valueInteger: 1 }],
      ['text', { valueInteger: 0 }],
      ['qty', { valueQuantity: { value: 'mye' } }],
    ];
    for (const [linkId, answer] of cases) {
      assert.deepEqual(with_(a(linkId, answer)), [`${linkId}:wrong-type`], JSON.stringify(answer));
      // Each says what to write, in words (a text item once had no message: found by the junk test).
      const [problem] = responseProblems(questionnaire, { item: [a(linkId, answer)] }, { completing: false });
      assert.ok(problem?.message, `${linkId} has a message`);
    }
  });

  it('wrong-type: exactly one value per answer', () => {
    assert.deepEqual(with_(a('bool', {})), ['bool:wrong-type']);
    assert.deepEqual(with_(a('bool', { valueBoolean: false, valueString: 'ja' })), ['bool:wrong-type']);
  });

  it('wrong-type: display items take no answers', () => {
    assert.deepEqual(with_(a('intro', { valueString: 'ok' })), ['intro:wrong-type']);
  });

  it('not-an-option: choices must be one of the options, by system and code or by value', () => {
    assert.deepEqual(codes(check([a('choice', { valueCoding: coding('2') })])), ['choice:not-an-option']);
    assert.deepEqual(codes(check([a('choice', { valueCoding: { system: 'other', code: '1' } })])), [
      'choice:not-an-option',
    ]);
    assert.deepEqual(codes(check([a('choice', { valueString: '1' })])), ['choice:not-an-option']);
    assert.deepEqual(codes(check([a('strchoice', { valueString: 'kanskje' })])), ['strchoice:not-an-option']);
    assert.deepEqual(codes(check([a('open', { valueCoding: coding('x') })])), ['open:not-an-option']);
  });

  it('out-of-range: minValue and maxValue, numbers and dates, in plain words', () => {
    const low = check([a('int', { valueInteger: -1 })]);
    assert.deepEqual(codes(low), ['int:out-of-range']);
    assert.equal(low[0]!.message, 'Svaret må være minst 0.');
    assert.deepEqual(codes(check([a('int', { valueInteger: 31 })])), ['int:out-of-range']);
    const late = check([a('date', { valueDate: '2031-01-01' })]);
    assert.deepEqual(codes(late), ['date:out-of-range']);
    assert.equal(late[0]!.message, 'Datoen kan ikke være etter 31.12.2030.');
    assert.deepEqual(codes(check([a('date', { valueDate: '1899' })])), ['date:out-of-range']);
    assert.deepEqual(
      check([a('date', { valueDate: '1900' })]),
      [],
      'a partial date compares on its own precision',
    );
  });

  it('too-long: maxLength, and a hard cap on any text', () => {
    const long = check([a('str', { valueString: 'x'.repeat(11) })]);
    assert.deepEqual(codes(long), ['str:too-long']);
    assert.equal(long[0]!.message, 'Svaret kan ha høyst 10 tegn.');
    assert.deepEqual(check([a('text', { valueString: 'x'.repeat(RESPONSE_LIMITS.text) })]), []);
    assert.deepEqual(codes(check([a('text', { valueString: 'x'.repeat(RESPONSE_LIMITS.text + 1) })])), [
      'text:too-long',
    ]);
    assert.deepEqual(codes(check([a('qty', { valueQuantity: { value: 1, unit: 'x'.repeat(5000) } })])), [
      'qty:too-long',
    ]);
  });

  it('not-enabled: answers to an item that the other answers disable', () => {
    assert.deepEqual(with_(a('bool', { valueBoolean: false }), a('follow-up', { valueString: 'x' })), [
      'follow-up:not-enabled',
    ]);
    assert.deepEqual(
      with_({
        linkId: 'rep',
        item: [a('rep-name', { valueString: 'x' }), a('rep-more', { valueInteger: 1 })],
      }),
      ['rep-more:not-enabled'],
      'per instance of a repeating group',
    );
    assert.deepEqual(with_(a('bool', { valueBoolean: false }), { linkId: 'follow-up', answer: [] }), []);
  });

  it('repeats: several answers only when the item repeats; several instances only of a repeating group', () => {
    assert.deepEqual(codes(check([a('bool', { valueBoolean: true }, { valueBoolean: false })])), [
      'bool:repeats',
    ]);
    const problems = check(
      [...minimal(), { linkId: 'group', item: [a('inner', { valueString: 'y' })] }],
      true,
    );
    assert.deepEqual(codes(problems), ['group:repeats']);
    assert.equal(problems[0]!.message, 'Denne delen kan bare fylles ut én gang.');
    assert.deepEqual(codes(check([a('bool', { valueBoolean: false }), a('bool', { valueBoolean: false })])), [
      'bool:structure',
    ]);
  });

  it('read-only: scores are computed by the server, and the client may not send them', () => {
    const problems = check([a('total', { valueDecimal: 99 })]);
    assert.deepEqual(codes(problems), ['total:read-only']);
    assert.match(problems[0]!.message, /regnes ut av Bedring/);
    const own = { completing: false, allowCalculated: true };
    assert.deepEqual(responseProblems(questionnaire, { item: [a('total', { valueDecimal: 99 })] }, own), []);
  });

  it('read-only: a read-only item may only carry its prefilled value back', () => {
    assert.deepEqual(codes(check([a('prefilled', { valueString: 'Bergen' })])), ['prefilled:read-only']);
    assert.deepEqual(check([a('prefilled', { valueString: 'Oslo' })]), []);
  });

  it('required: when completing, enabled required items need an answer', () => {
    const problems = check([], true);
    assert.deepEqual(codes(problems), ['choice:required', 'inner:required', 'reqgroup:required']);
    assert.equal(problems[0]!.message, 'Svar på dette spørsmålet.');
    assert.equal(problems[2]!.message, 'Svar på minst ett av spørsmålene her.');
  });

  it('required: only when enabled', () => {
    assert.deepEqual(with_(a('bool', { valueBoolean: false })), []);
    assert.deepEqual(with_(a('bool', { valueBoolean: true })), ['follow-up:required']);
  });

  it('required: per instance of a repeating group; a required group needs an answered item', () => {
    assert.deepEqual(
      with_({ linkId: 'rep', item: [a('rep-name', { valueString: 'x' })] }, { linkId: 'rep', item: [] }),
      ['rep-name:required'],
    );
    const unanswered = [minimal()[0]!, minimal()[1]!, { linkId: 'reqgroup', item: [{ linkId: 'rg1' }] }];
    assert.deepEqual(codes(check(unanswered, true)), ['reqgroup:required']);
  });

  it('required: items nested under a question, per answer', () => {
    assert.deepEqual(with_({ linkId: 'parent', answer: [{ valueBoolean: true }] }), ['child:required']);
  });

  it('structure: hostile shapes are problems, not exceptions', () => {
    assert.deepEqual(codes(check('item')), [':structure']);
    assert.deepEqual(codes(check([null, 5, 'x', { linkId: 7 }])), [
      ':structure',
      ':structure',
      ':structure',
      ':structure',
    ]);
    assert.deepEqual(codes(check([{ linkId: 'bool', answer: { valueBoolean: true } }])), ['bool:structure']);
    assert.deepEqual(codes(check([{ linkId: 'bool', answer: [null] }])), ['bool:structure']);
    assert.deepEqual(codes(responseProblems(questionnaire, null as never, { completing: true })), [
      ':structure',
    ]);
    assert.deepEqual(codes(check([{ linkId: 'group', answer: [{ valueString: 'x' }] }])), [
      'group:structure',
    ]);
  });

  it('structure: too deep, too many items or answers — refused as a whole, before anything else', () => {
    let deep: QuestionnaireResponseItem = { linkId: 'group' };
    for (let i = 0; i < 50_000; i++) deep = { linkId: 'group', item: [deep] };
    assert.deepEqual(codes(check([deep])), ['group:structure']);
    const many = Array.from({ length: RESPONSE_LIMITS.answers + 1 }, () => ({ valueCoding: coding('a') }));
    assert.deepEqual(codes(check([a('many', ...many)])), [':structure']);
    const items = Array.from({ length: RESPONSE_LIMITS.items + 1 }, () => ({ linkId: 'x' }));
    assert.deepEqual(codes(check(items)), [':structure']);
  });

  it('a hostile linkId is not echoed back in full', () => {
    const [problem] = check([a('x'.repeat(100_000), { valueString: 'x' })]);
    assert.ok(problem && problem.linkId.length <= 200);
  });
});

describe('FHIR dates', () => {
  it('dates are YYYY, YYYY-MM or YYYY-MM-DD and exist', () => {
    for (const ok of ['2024', '2024-02', '2024-02-29', '2000-02-29', '1999-12-31'])
      assert.ok(isFhirDate(ok), ok);
    for (const bad of [
      '0000',
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-00',
      '2024-1-1',
      '2024-01-01T00:00:00Z',
    ]) {
      assert.ok(!isFhirDate(bad), bad);
    }
  });

  it('dateTimes with a time need a full date and a zone', () => {
    for (const ok of [
      '2024',
      '2024-05-01T10:00:00Z',
      '2024-05-01T10:00:00.123+02:00',
      '2024-05-01T23:59:60-14:00',
    ]) {
      assert.ok(isFhirDateTime(ok), ok);
    }
    for (const bad of [
      '2024-05T10:00:00Z',
      '2024-05-01T10:00Z',
      '2024-05-01T10:00:00',
      '2024-05-01T10:00:00+15:00',
    ]) {
      assert.ok(!isFhirDateTime(bad), bad);
    }
  });
});

describe('responseProblems: any junk', () => {
  const junk = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        ...items.map((i) => i.linkId),
        'valueString',
        'valueCoding',
        '__proto__',
        'constructor',
      ),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      tie('item'),
      fc.dictionary(
        fc.constantFrom('code', 'system', 'value', 'item', 'answer', 'linkId', 'x'),
        tie('value'),
        {
          maxKeys: 3,
        },
      ),
    ),
    item: fc.record(
      {
        linkId: fc.oneof(fc.constantFrom(...items.map((i) => i.linkId)), fc.string({ maxLength: 5 })),
        answer: fc.oneof(fc.array(tie('answer'), { maxLength: 3 }), tie('value')),
        item: fc.array(tie('item'), { maxLength: 3 }),
      },
      { requiredKeys: ['linkId'] },
    ),
    answer: fc.record(
      {
        valueBoolean: fc.oneof(fc.boolean(), tie('value')),
        valueInteger: fc.oneof(fc.integer(), fc.double()),
        valueString: fc.string({ maxLength: 12 }),
        valueCoding: fc.record({
          system: fc.constantFrom(SYS, 'x'),
          code: fc.constantFrom('0', '1', 'a', 'x'),
        }),
        valueDate: fc.constantFrom('2024-02-29', '2023-02-29', 'x', '2024'),
        item: fc.array(tie('item'), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  }));

  it('yields problems or none, and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(junk.value, fc.array(junk.item, { maxLength: 6 })),
        fc.boolean(),
        (item, completing) => {
          const problems = responseProblems(questionnaire, { item } as never, { completing });
          assert.ok(Array.isArray(problems));
          for (const p of problems) {
            assert.equal(typeof p.linkId, 'string');
            assert.equal(typeof p.message, 'string');
            assert.ok(p.message.length > 0);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('any JSON at all as the whole response', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (response) => {
        assert.ok(Array.isArray(responseProblems(questionnaire, response as never, { completing: true })));
      }),
    );
  });
});
