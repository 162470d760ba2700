import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Extension, Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import {
  BEDRING_SCORE_SYSTEM,
  CALCULATED_EXPRESSION_EXT,
  defaultSettingsOf,
  instrumentProblems,
  localized,
  ORDINAL_VALUE_EXT,
  PROVENANCE_EXT,
  provenanceOf,
  SCORE_BAND_EXT,
  SCORE_EXT,
  SETTINGS_EXT,
  scoresOf,
  TRANSLATION_EXT,
  translated,
} from './instrument.ts';

const tr = (lang: string, content: string): Extension => ({
  url: TRANSLATION_EXT,
  extension: [
    { url: 'lang', valueCode: lang },
    { url: 'content', valueString: content },
  ],
});

const band = (from: number, to: number, code: string, sex?: 'female' | 'male'): Extension => ({
  url: SCORE_BAND_EXT,
  extension: [
    { url: 'from', valueDecimal: from },
    { url: 'to', valueDecimal: to },
    ...(sex ? [{ url: 'sex', valueCode: sex }] : []),
    { url: 'code', valueCode: code },
    { url: 'level', valueCode: 'ok' },
    {
      url: 'label',
      valueString: `Bånd ${code}`,
      _valueString: { extension: [tr('en', `Band ${code}`)] },
    } as Extension,
  ],
});

const option = (code: string, score?: number) => ({
  ...(score === undefined ? {} : { extension: [{ url: ORDINAL_VALUE_EXT, valueDecimal: score }] }),
  valueCoding: { code, display: code },
});

const SUM =
  "iif(%resource.item.where(linkId in ('q1' | 'q2')).answer.value.ordinal().count() = 2, %resource.item.where(linkId in ('q1' | 'q2')).answer.value.ordinal().sum(), {})";

const scoreItem = (bands: Extension[], expression = SUM): QuestionnaireItem => ({
  linkId: 'total',
  type: 'integer',
  text: 'Totalskår',
  readOnly: true,
  extension: [
    { url: CALCULATED_EXPRESSION_EXT, valueExpression: { language: 'text/fhirpath', expression } },
    {
      url: SCORE_EXT,
      extension: [
        { url: 'direction', valueCode: 'higher-is-worse' },
        { url: 'reliableChange', valueDecimal: 2 },
        { url: 'max', valueDecimal: 6 },
      ],
    },
    ...bands,
  ],
});

/** A small, valid instrument; each test breaks one thing. */
function fixture(): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: 'test',
    url: 'https://bedring.no/fhir/Questionnaire/test',
    version: '1.0.0',
    title: 'Test',
    status: 'active',
    extension: [
      {
        url: PROVENANCE_EXT,
        extension: [
          { url: 'source', valueString: 'Test source' },
          { url: 'licence', valueString: 'Apache-2.0' },
          { url: 'translation', valueCode: 'original' },
          { url: 'translationNote', valueString: 'Own' },
        ],
      },
      {
        url: SETTINGS_EXT,
        extension: [
          { url: 'visibleToPerson', valueBoolean: false },
          { url: 'trigger', valueCode: 'contact' },
          { url: 'trigger', valueCode: 'evaluation' },
          { url: 'answeredBy', valueCode: 'person' },
        ],
      },
    ],
    item: [
      { linkId: 'q1', type: 'choice', text: 'Én', answerOption: [option('a', 0), option('b', 3)] },
      {
        linkId: 'q2',
        type: 'choice',
        text: 'To',
        answerOption: [option('a', 0), option('b', 3)],
        enableWhen: [{ question: 'q1', operator: 'exists', answerBoolean: true }],
      },
      scoreItem([band(0, 2, 'low'), band(3, 6, 'high')]),
    ],
  };
}

describe('translated', () => {
  const element = { extension: [tr('en', 'Several days'), tr('se', 'Máŋga beaivve')] };

  it('gives the translation for the language, else the primary text', () => {
    assert.equal(translated('Flere dager', element, 'en'), 'Several days');
    assert.equal(translated('Flere dager', element, 'nb'), 'Flere dager');
    assert.equal(translated('Flere dager', undefined, 'en'), 'Flere dager');
    assert.equal(translated(undefined, undefined, 'en'), '');
  });

  it('matches regional tags and reads bokmål from an imported English file', () => {
    assert.equal(translated('x', { extension: [tr('en-GB', 'British')] }, 'en'), 'British');
    assert.equal(translated('Never', { extension: [tr('nb-NO', 'Aldri')] }, 'nb'), 'Aldri');
    assert.equal(translated('Never', { extension: [tr('no', 'Aldri')] }, 'nb'), 'Aldri');
  });

  it('reads the _field sibling with localized', () => {
    const item = { text: 'Én', _text: { extension: [tr('en', 'One')] } };
    assert.equal(localized(item, 'text', 'en'), 'One');
    assert.equal(localized(item, 'text', 'nb'), 'Én');
    assert.equal(localized({ display: 'Aldri' }, 'display', 'en'), 'Aldri');
    assert.equal(localized(undefined, 'text', 'en'), '');
  });
});

describe('provenance and settings', () => {
  it('reads the provenance extension', () => {
    assert.deepEqual(provenanceOf(fixture()), {
      source: 'Test source',
      licence: 'Apache-2.0',
      translation: 'original',
      translationNote: 'Own',
    });
  });

  it('never claims a validated translation the file does not state', () => {
    const q: Questionnaire = { resourceType: 'Questionnaire', status: 'active' };
    assert.deepEqual(provenanceOf(q), {
      source: '',
      licence: '',
      translation: 'unofficial',
      translationNote: '',
    });
  });

  it('reads the default settings', () => {
    assert.deepEqual(defaultSettingsOf(fixture()), {
      visibleToPerson: false,
      triggers: ['contact', 'evaluation'],
      answeredBy: ['person'],
    });
  });

  it('without settings: visible, no trigger, answered by person and staff; unknown codes are dropped', () => {
    assert.deepEqual(defaultSettingsOf({ resourceType: 'Questionnaire', status: 'active' }), {
      visibleToPerson: true,
      triggers: [],
      answeredBy: ['person', 'staff'],
    });
    const q = fixture();
    q.extension![1] = { url: SETTINGS_EXT, extension: [{ url: 'trigger', valueCode: 'monthly' }] };
    assert.deepEqual(defaultSettingsOf(q).triggers, []);
  });
});

describe('scoresOf', () => {
  it('reads the score definition with its bands and translations', () => {
    const [score, ...rest] = scoresOf(fixture());
    assert.equal(rest.length, 0);
    assert.deepEqual(score, {
      linkId: 'total',
      code: { system: BEDRING_SCORE_SYSTEM, code: 'total' },
      display: 'Totalskår',
      displayEn: 'Totalskår',
      expression: SUM,
      direction: 'higher-is-worse',
      reliableChange: 2,
      max: 6,
      feedback: false,
      bands: [
        { from: 0, to: 2, sex: null, code: 'low', level: 'ok', label: 'Bånd low', labelEn: 'Band low' },
        { from: 3, to: 6, sex: null, code: 'high', level: 'ok', label: 'Bånd high', labelEn: 'Band high' },
      ],
    });
  });

  it('finds score items at any depth and uses the item code', () => {
    const q = fixture();
    const total = q.item!.pop()!;
    total.code = [{ system: 'http://loinc.org', code: '44261-6', display: 'PHQ-9 total' }];
    q.item!.push({
      linkId: 'group',
      type: 'group',
      item: [{ linkId: 'inner', type: 'group', item: [total] }],
    });
    const scores = scoresOf(q);
    assert.equal(scores.length, 1);
    assert.equal(scores[0]!.code.code, '44261-6');
  });

  it('has none for a questionnaire without calculated items', () => {
    assert.deepEqual(
      scoresOf({ resourceType: 'Questionnaire', status: 'draft', item: [{ linkId: 'a', type: 'string' }] }),
      [],
    );
  });
});

describe('instrumentProblems', () => {
  const problemsAfter = (change: (q: Questionnaire) => void): string[] => {
    const q = fixture();
    change(q);
    return instrumentProblems(q);
  };
  const has = (problems: string[], pattern: RegExp) =>
    assert.ok(
      problems.some((p) => pattern.test(p)),
      `expected ${pattern} in ${JSON.stringify(problems)}`,
    );

  it('finds nothing wrong with a good file', () => {
    assert.deepEqual(instrumentProblems(fixture()), []);
  });

  it('wants id, url, version, title and status', () => {
    const problems = problemsAfter((q) => {
      delete q.id;
      delete q.url;
      delete q.version;
      delete q.title;
      (q as { status?: string }).status = undefined;
    });
    for (const field of ['id', 'url', 'version', 'title', 'status'])
      has(problems, new RegExp(`missing ${field}`));
  });

  it('wants provenance', () => {
    const problems = problemsAfter((q) => q.extension!.shift());
    has(problems, /provenance: missing source/);
    has(problems, /provenance: missing licence/);
    has(problems, /provenance: translation/);
  });

  it('finds duplicate and missing linkIds, at any depth', () => {
    has(
      problemsAfter((q) =>
        q.item!.push({ linkId: 'g', type: 'group', item: [{ linkId: 'q1', type: 'string' }] }),
      ),
      /duplicate linkId q1/,
    );
    has(
      problemsAfter((q) => q.item!.push({ linkId: '', type: 'string', text: 'Hvem?' })),
      /has no linkId/,
    );
  });

  it('finds enableWhen pointing at an unknown linkId', () => {
    has(
      problemsAfter((q) => {
        q.item![1]!.enableWhen![0]!.question = 'q9';
      }),
      /q2: enableWhen refers to unknown linkId q9/,
    );
  });

  it('finds scored options without ordinalValue', () => {
    const problems = problemsAfter((q) => {
      q.item![1]!.answerOption!.push(option('c'));
    });
    has(problems, /option c of q2 has no ordinalValue/);
  });

  it('does not ask for ordinalValue on choice items the expression does not score', () => {
    assert.deepEqual(
      problemsAfter((q) => q.item!.unshift({ linkId: 'note', type: 'choice', answerOption: [option('x')] })),
      [],
    );
  });

  it('reads the scored items from a pattern too, by whole linkId (q1 is not q10)', () => {
    const pattern =
      "iif(%resource.item.where(linkId.matches('^(q1|q2)$')).answer.value.ordinal().count() = 2, %resource.item.where(linkId.matches('^(q1|q2)$')).answer.value.ordinal().sum(), {})";
    const unscored = { linkId: 'q10', type: 'choice' as const, answerOption: [option('x')] };
    assert.deepEqual(
      problemsAfter((q) =>
        q.item!.splice(2, 1, unscored, scoreItem([band(0, 2, 'low'), band(3, 6, 'high')], pattern)),
      ),
      [],
    );
    has(
      problemsAfter((q) => {
        q.item!.splice(2, 1, scoreItem([band(0, 2, 'low'), band(3, 6, 'high')], pattern));
        q.item![1]!.answerOption!.push(option('c'));
      }),
      /option c of q2 has no ordinalValue/,
    );
  });

  it('finds expressions that do not compile or call unknown functions', () => {
    has(
      problemsAfter((q) => q.item!.splice(2, 1, scoreItem([band(0, 6, 'all')], 'sum('))),
      /does not compile/,
    );
    has(
      problemsAfter((q) => q.item!.splice(2, 1, scoreItem([band(0, 6, 'all')], 'nosuch()'))),
      /does not compile/,
    );
  });

  it('finds overlapping bands, gaps, and bands that do not reach 0 or max', () => {
    has(
      problemsAfter((q) => q.item!.splice(2, 1, scoreItem([band(0, 3, 'a'), band(3, 6, 'b')]))),
      /overlap/,
    );
    has(
      problemsAfter((q) => q.item!.splice(2, 1, scoreItem([band(0, 2, 'a'), band(4, 6, 'b')]))),
      /gap/,
    );
    has(
      problemsAfter((q) => q.item!.splice(2, 1, scoreItem([band(1, 6, 'a')]))),
      /start at 1/,
    );
    has(
      problemsAfter((q) => q.item!.splice(2, 1, scoreItem([band(0, 5, 'a')]))),
      /end at 5, max is 6/,
    );
  });

  it('accepts one-decimal bounds without a gap (3.9 → 4) but not 3.5 → 4', () => {
    assert.deepEqual(
      problemsAfter((q) => q.item!.splice(2, 1, scoreItem([band(0, 3.9, 'a'), band(4, 6, 'b')]))),
      [],
    );
    has(
      problemsAfter((q) => q.item!.splice(2, 1, scoreItem([band(0, 3.5, 'a'), band(4, 6, 'b')]))),
      /gap/,
    );
  });

  it('checks sex-specific bands per sex, together with the bands for everyone', () => {
    const ok = [
      band(0, 1, 'ok', 'female'),
      band(2, 4, 'risk', 'female'),
      band(0, 3, 'ok', 'male'),
      band(4, 4, 'risk', 'male'),
      band(5, 6, 'high'),
    ];
    assert.deepEqual(
      problemsAfter((q) => q.item!.splice(2, 1, scoreItem(ok))),
      [],
    );
    const noMale = [band(0, 1, 'ok', 'female'), band(2, 4, 'risk', 'female'), band(5, 6, 'high')];
    has(
      problemsAfter((q) => q.item!.splice(2, 1, scoreItem(noMale))),
      /total \(male\): bands start at 5/,
    );
  });

  it('reports junk from an import as problems, never throws', () => {
    const junk: unknown[] = [
      null,
      [],
      'Questionnaire',
      { resourceType: 'Questionnaire', item: 'x', extension: 5 },
      {
        resourceType: 'Questionnaire',
        item: [null, 3, { linkId: 7, item: {} }],
        extension: [null, { url: PROVENANCE_EXT, extension: 'x' }],
      },
      { resourceType: 'Questionnaire', item: [{ linkId: 'a', enableWhen: [null, {}], answerOption: 'x' }] },
      {
        resourceType: 'Questionnaire',
        item: [
          {
            linkId: 't',
            code: 'x',
            text: {},
            extension: [
              { url: CALCULATED_EXPRESSION_EXT, valueExpression: { expression: 42 } },
              { url: SCORE_BAND_EXT, extension: [{ url: 'from', valueDecimal: '0' }] },
            ],
          },
        ],
      },
    ];
    for (const q of junk) {
      const problems = instrumentProblems(q as Questionnaire);
      assert.ok(problems.length > 0, JSON.stringify(q));
      scoresOf(q as Questionnaire);
      provenanceOf(q as Questionnaire);
      defaultSettingsOf(q as Questionnaire);
    }
  });

  it('finds malformed bands and a missing direction', () => {
    const bad: Extension = {
      url: SCORE_BAND_EXT,
      extension: [
        { url: 'from', valueDecimal: 4 },
        { url: 'to', valueDecimal: 2 },
      ],
    };
    const problems = problemsAfter((q) => {
      const item = scoreItem([band(0, 6, 'all'), bad]);
      item.extension = item.extension!.filter((e) => e.url !== SCORE_EXT);
      q.item!.splice(2, 1, item);
    });
    has(problems, /needs from ≤ to/);
    has(problems, /has no code/);
    has(problems, /has level ""/);
    has(problems, /has no label/);
    has(problems, /direction must be/);
  });
});
