import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import {
  type Band,
  CALCULATED_EXPRESSION_EXT,
  ORDINAL_VALUE_EXT,
  SCORE_EXT,
  type ScoreDefinition,
} from './instrument.ts';
import { bandFor, scoreResponse } from './scoring.ts';

const b = (from: number, to: number, code: string, sex: Band['sex'] = null): Band => ({
  from,
  to,
  sex,
  code,
  level: 'ok',
  label: code,
  labelEn: code,
});

const def = (bands: Band[]): ScoreDefinition => ({
  linkId: 'total',
  code: { code: 'total' },
  display: 'Total',
  displayEn: 'Total',
  expression: '',
  direction: 'higher-is-worse',
  reliableChange: null,
  max: 10,
  feedback: false,
  bands,
});

describe('bandFor', () => {
  // Like AUDIT: the first two zones differ by sex, the upper ones apply to everyone.
  const audit = def([
    b(0, 7, 'low-m', 'male'),
    b(8, 15, 'risk-m', 'male'),
    b(0, 5, 'low-f', 'female'),
    b(6, 15, 'risk-f', 'female'),
    b(16, 19, 'harmful'),
    b(20, 40, 'dependence'),
  ]);

  it("uses the bands for the person's sex", () => {
    assert.equal(bandFor(audit, 6, 'male')?.code, 'low-m');
    assert.equal(bandFor(audit, 6, 'female')?.code, 'risk-f');
  });

  it('uses the bands without sex for everyone', () => {
    for (const sex of ['female', 'male', 'other', 'unknown'] as const) {
      assert.equal(bandFor(audit, 16, sex)?.code, 'harmful');
      assert.equal(bandFor(audit, 40, sex)?.code, 'dependence');
    }
  });

  it('uses the female bands, the lower cut-offs, for other and unknown sex', () => {
    assert.equal(bandFor(audit, 6, 'other')?.code, 'risk-f');
    assert.equal(bandFor(audit, 6, 'unknown')?.code, 'risk-f');
    assert.equal(bandFor(audit, 5, 'unknown')?.code, 'low-f');
  });

  it('includes both edges of a band', () => {
    assert.equal(bandFor(audit, 15, 'male')?.code, 'risk-m');
    assert.equal(bandFor(audit, 8, 'male')?.code, 'risk-m');
    assert.equal(bandFor(audit, 7, 'male')?.code, 'low-m');
  });

  it('is null outside every band or without bands', () => {
    assert.equal(bandFor(audit, 41, 'male'), null);
    assert.equal(bandFor(audit, 7.5, 'male'), null);
    assert.equal(bandFor(def([]), 3, 'female'), null);
  });
});

const ord = (score: number) => [{ url: ORDINAL_VALUE_EXT, valueDecimal: score }];

function questionnaire(expression: string, version = '1'): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    url: 'https://bedring.no/fhir/Questionnaire/scoring-test',
    version,
    status: 'active',
    item: [
      ...['q1', 'q2'].map((linkId) => ({
        linkId,
        type: 'choice' as const,
        answerOption: [
          { extension: ord(0), valueCoding: { code: 'no' } },
          { extension: ord(2), valueCoding: { code: 'yes' } },
        ],
      })),
      {
        linkId: 'total',
        type: 'integer',
        code: [{ system: 'http://loinc.org', code: '0000-0' }],
        text: 'Sum',
        extension: [
          { url: CALCULATED_EXPRESSION_EXT, valueExpression: { language: 'text/fhirpath', expression } },
          { url: SCORE_EXT, extension: [{ url: 'direction', valueCode: 'higher-is-worse' }] },
          {
            url: 'https://bedring.no/fhir/StructureDefinition/score-band',
            extension: [
              { url: 'from', valueDecimal: 0 },
              { url: 'to', valueDecimal: 100 },
              { url: 'code', valueCode: 'any' },
              { url: 'level', valueCode: 'ok' },
              { url: 'label', valueString: 'Alle' },
            ],
          },
        ],
      },
    ],
  };
}

const ALL = "%resource.item.where(linkId in ('q1' | 'q2')).answer.value.ordinal()";
const COMPLETE_SUM = `iif(${ALL}.count() = 2, ${ALL}.sum(), {})`;

function response(answers: Record<string, string>, system?: string): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    item: Object.entries(answers).map(([linkId, code]) => ({
      linkId,
      answer: [{ valueCoding: { ...(system ? { system } : {}), code } }],
    })),
  };
}

describe('scoreResponse', () => {
  it('evaluates the expression and bands the value', () => {
    const scores = scoreResponse(questionnaire(COMPLETE_SUM), response({ q1: 'yes', q2: 'yes' }), 'female');
    assert.equal(scores.length, 1);
    assert.deepEqual(
      { ...scores[0], band: scores[0]!.band?.code },
      {
        linkId: 'total',
        code: { system: 'http://loinc.org', code: '0000-0' },
        display: 'Sum',
        value: 4,
        band: 'any',
      },
    );
  });

  it('leaves out a score whose expression yields nothing, rather than report 0', () => {
    assert.deepEqual(scoreResponse(questionnaire(COMPLETE_SUM), response({ q1: 'yes' }), 'male'), []);
    assert.deepEqual(scoreResponse(questionnaire(COMPLETE_SUM), response({}), 'male'), []);
  });

  it('reports a real 0', () => {
    assert.equal(
      scoreResponse(questionnaire(COMPLETE_SUM), response({ q1: 'no', q2: 'no' }), 'male')[0]?.value,
      0,
    );
  });

  it('leaves out a score for answers the instrument cannot score (a coding from another system)', () => {
    const foreign = response({ q1: 'yes', q2: 'yes' }, 'http://example.org/other');
    assert.deepEqual(scoreResponse(questionnaire(COMPLETE_SUM), foreign, 'male'), []);
  });

  it('leaves out a score that is not one number', () => {
    assert.deepEqual(scoreResponse(questionnaire("'text'"), response({}), 'male'), []);
    assert.deepEqual(scoreResponse(questionnaire('1 | 2'), response({}), 'male'), []);
  });

  it('does not change the response', () => {
    const r = response({ q1: 'yes', q2: 'no' });
    const before = JSON.stringify(r);
    scoreResponse(questionnaire(COMPLETE_SUM), r, 'male');
    assert.equal(JSON.stringify(r), before);
  });

  it('uses the current expression when a file reuses url and version with another expression', () => {
    const r = response({ q1: 'yes', q2: 'yes' });
    assert.equal(scoreResponse(questionnaire(COMPLETE_SUM, 'same'), r, 'male')[0]?.value, 4);
    assert.equal(scoreResponse(questionnaire(`${ALL}.sum() * 10`, 'same'), r, 'male')[0]?.value, 40);
  });

  it('is fast enough to run on every submitted response', () => {
    const q = questionnaire(COMPLETE_SUM);
    const r = response({ q1: 'yes', q2: 'no' });
    scoreResponse(q, r, 'male');
    const start = performance.now();
    for (let i = 0; i < 200; i++) scoreResponse(q, r, 'male');
    const perResponse = (performance.now() - start) / 200;
    assert.ok(perResponse < 5, `${perResponse.toFixed(2)} ms per response`);
  });
});
