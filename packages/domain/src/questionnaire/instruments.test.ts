/**
 * The shipped instruments (instruments/*.json): usable, honest about their provenance, fully translated,
 * and scoring as their manuals say. That they are valid FHIR R4 is checked by the server
 * (server/src/questionnaire/instrument-registry.test.ts), which holds the FHIR definitions: the domain
 * imports nothing outside itself (docs/architecture.md).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse } from '@medplum/fhirtypes';
import { enabledLinkIds } from './enable-when.ts';
import {
  defaultSettingsOf,
  instrumentProblems,
  localized,
  ORDINAL_VALUE_EXT,
  provenanceOf,
  scoresOf,
  TRANSLATION_EXT,
} from './instrument.ts';
import { type Sex, scoreResponse } from './scoring.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const DIR = path.join(ROOT, 'instruments');
const IDS = ['audit', 'audit-c', 'dudit', 'gad-7', 'goal-progress', 'phq-9', 'session-feedback', 'who-5'];

const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const instruments = new Map<string, Questionnaire>(
  files.map((f) => [
    f.replace(/\.json$/, ''),
    JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as Questionnaire,
  ]),
);
const get = (id: string): Questionnaire => instruments.get(id)!;

const itemsOf = (items: QuestionnaireItem[] | undefined): QuestionnaireItem[] =>
  (items ?? []).flatMap((i) => [i, ...itemsOf(i.item)]);

/** A response with the option scoring `score` for each linkId, as the renderer would send it. */
function respond(q: Questionnaire, scores: Record<string, number | string>): QuestionnaireResponse {
  const items = itemsOf(q.item);
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    item: Object.entries(scores).map(([linkId, score]) => {
      const item = items.find((i) => i.linkId === linkId);
      assert.ok(item, `no item ${linkId}`);
      if (typeof score === 'string') return { linkId, answer: [{ valueString: score }] };
      const option = item.answerOption?.find(
        (o) => o.extension?.find((e) => e.url === ORDINAL_VALUE_EXT)?.valueDecimal === score,
      );
      assert.ok(option?.valueCoding, `no option scoring ${score} in ${linkId}`);
      const { code, display } = option.valueCoding;
      return { linkId, answer: [{ valueCoding: { code, display } }] };
    }),
  };
}

/** linkIds prefix-1 … prefix-n, each answered with the option scoring `score` (or per-item scores). */
const answers = (prefix: string, scores: number[]): Record<string, number> =>
  Object.fromEntries(scores.map((s, i) => [`${prefix}-${i + 1}`, s]));
const same = (n: number, score: number) => Array.from({ length: n }, () => score);
/** n item scores, each 0..max, adding up to total. */
function spread(n: number, max: number, total: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.max(0, Math.min(max, total - i * max)));
}

function total(id: string, response: Record<string, number | string>, sex: Sex = 'unknown') {
  const q = get(id);
  const scores = scoreResponse(q, respond(q, response), sex);
  assert.ok(scores.length <= 1);
  const s = scores[0];
  return s ? { value: s.value, band: s.band?.code ?? null } : null;
}

describe('shipped instruments', () => {
  it('are exactly the eight instruments, each file named by its id', () => {
    assert.deepEqual([...instruments.keys()].sort(), IDS);
    for (const [file, q] of instruments) {
      assert.equal(q.id, file);
      assert.equal(q.url, `https://bedring.no/fhir/Questionnaire/${file}`);
      assert.match(q.version ?? '', /^\d+\.\d+\.\d+$/);
      assert.equal(q.status, 'active');
      assert.equal(q.language, 'nb');
    }
  });

  it('are usable Bedring instruments', () => {
    for (const [id, q] of instruments) assert.deepEqual(instrumentProblems(q), [], id);
  });

  it('have an English translation of every text: title, items, options, band labels, description', () => {
    const missing: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) {
        node.forEach((n, i) => {
          walk(n, `${where}[${i}]`);
        });
        return;
      }
      if (typeof node !== 'object' || node === null) return;
      const o = node as Record<string, unknown>;
      const fields = ['title', 'text', 'display', 'description', 'copyright'];
      if (o.url === 'label') fields.push('valueString');
      for (const field of fields) {
        if (typeof o[field] !== 'string' || o.url === TRANSLATION_EXT) continue;
        const en = localized(o, field, 'en');
        if (en === o[field] && !/^[\d–-]+$/.test(en)) missing.push(`${where}.${field}`);
      }
      for (const [k, v] of Object.entries(o)) if (!k.startsWith('_')) walk(v, `${where}.${k}`);
    };
    for (const [id, q] of instruments) walk(q, id);
    // Code displays (LOINC names) are English by nature.
    assert.deepEqual(
      missing.filter((m) => !/\.code\[\d+\]\.display$/.test(m)),
      [],
    );
  });

  it('state their provenance honestly', () => {
    const licence = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { license: string })
      .license;
    for (const [id, q] of instruments) {
      const p = provenanceOf(q);
      assert.ok(p.source.length > 20, id);
      if (id === 'session-feedback' || id === 'goal-progress') {
        assert.equal(p.translation, 'original', id);
        assert.match(p.licence, new RegExp(licence), id);
      } else {
        // No validated translation at hand: Bedring's own bokmål, to be replaced before clinical use.
        assert.equal(p.translation, 'unofficial', id);
        assert.match(p.translationNote, /Bedring's own.*validated.*before clinical use/s, id);
      }
    }
    for (const id of ['audit', 'audit-c']) {
      assert.match(provenanceOf(get(id)).licence, /commercial/, id);
      assert.match(
        localized(get(id), 'copyright', 'en'),
        /not for sale or for use in connection with commercial purposes/,
      );
    }
    assert.match(provenanceOf(get('dudit')).licence, /Public domain/);
    for (const id of ['phq-9', 'gad-7'])
      assert.match(provenanceOf(get(id)).source + provenanceOf(get(id)).licence, /Pfizer/);
    assert.match(provenanceOf(get('who-5')).source, /Psychiatric Research Unit/);
  });

  it('have the default settings of the brief', () => {
    const screening = ['first-attendance', 'evaluation', 'discharge'];
    const expected: Record<string, string[]> = {
      audit: screening,
      'audit-c': screening,
      dudit: screening,
      'phq-9': screening,
      'gad-7': screening,
      'who-5': screening,
      'session-feedback': ['contact'],
      'goal-progress': ['contact', 'evaluation'],
    };
    for (const [id, q] of instruments) {
      assert.deepEqual(
        defaultSettingsOf(q),
        { visibleToPerson: true, triggers: expected[id], answeredBy: ['person', 'staff'] },
        id,
      );
    }
  });

  it('have one score each, with its Observation code, direction, reliable change and max', () => {
    const summary = Object.fromEntries(
      [...instruments].map(([id, q]) => {
        const [s, ...more] = scoresOf(q);
        assert.equal(more.length, 0, id);
        return [
          id,
          [
            s!.code.system === 'http://loinc.org' ? s!.code.code : `bedring:${s!.code.code}`,
            s!.direction,
            s!.reliableChange,
            s!.max,
            s!.feedback,
          ],
        ];
      }),
    );
    assert.deepEqual(summary, {
      'phq-9': ['44261-6', 'higher-is-worse', 6, 27, false],
      'gad-7': ['70274-6', 'higher-is-worse', 4, 21, false],
      audit: ['75624-7', 'higher-is-worse', null, 40, false],
      'audit-c': ['75626-2', 'higher-is-worse', null, 12, false],
      dudit: ['bedring:dudit-total', 'higher-is-worse', null, 44, false],
      'who-5': ['bedring:who-5-percentage', 'higher-is-better', 10, 100, false],
      'session-feedback': ['bedring:session-feedback-total', 'higher-is-better', 3, 20, true],
      'goal-progress': ['bedring:goal-progress-mean', 'higher-is-better', 2, 10, false],
    });
  });
});

describe('PHQ-9', () => {
  it("scores 9, mild, when every item is 'several days'", () => {
    assert.deepEqual(total('phq-9', answers('phq9', same(9, 1))), { value: 9, band: 'mild' });
  });

  it('bands at the manual edges', () => {
    const table: [number, string][] = [
      [0, 'minimal'],
      [4, 'minimal'],
      [5, 'mild'],
      [9, 'mild'],
      [10, 'moderate'],
      [14, 'moderate'],
      [15, 'moderately-severe'],
      [19, 'moderately-severe'],
      [20, 'severe'],
      [27, 'severe'],
    ];
    for (const [value, band] of table) {
      assert.deepEqual(total('phq-9', answers('phq9', spread(9, 3, value))), { value, band }, String(value));
    }
  });

  it('does not score the question on functional difficulty', () => {
    const q = get('phq-9');
    const difficulty = itemsOf(q.item).find((i) => i.linkId === 'phq9-10')!;
    assert.equal(difficulty.required, false);
    const withDifficulty = respond(q, answers('phq9', same(9, 2)));
    withDifficulty.item!.push({
      linkId: 'phq9-10',
      answer: [{ valueCoding: difficulty.answerOption![3]!.valueCoding! }],
    });
    assert.equal(scoreResponse(q, withDifficulty, 'female')[0]?.value, 18);
  });

  it('has no total while an item is unanswered', () => {
    const r = answers('phq9', same(9, 1));
    delete r['phq9-9'];
    assert.equal(total('phq-9', r), null);
  });
});

describe('GAD-7', () => {
  it('bands at the manual edges', () => {
    const table: [number, string][] = [
      [0, 'minimal'],
      [4, 'minimal'],
      [5, 'mild'],
      [9, 'mild'],
      [10, 'moderate'],
      [14, 'moderate'],
      [15, 'severe'],
      [21, 'severe'],
    ];
    for (const [value, band] of table) {
      assert.deepEqual(total('gad-7', answers('gad7', spread(7, 3, value))), { value, band }, String(value));
    }
  });

  it('has no total while an item is unanswered', () => {
    assert.equal(total('gad-7', answers('gad7', same(6, 3))), null);
  });
});

describe('WHO-5', () => {
  it('scores the percentage: all items 3 is 60 %', () => {
    assert.deepEqual(total('who-5', answers('who5', same(5, 3))), { value: 60, band: 'ok' });
  });

  it('bands: 28 or below likely depression, 50 or below poor wellbeing', () => {
    const table: [number, number, string][] = [
      [0, 0, 'likely-depression'],
      [7, 28, 'likely-depression'],
      [8, 32, 'poor-wellbeing'],
      [12, 48, 'poor-wellbeing'],
      [13, 52, 'ok'],
      [25, 100, 'ok'],
    ];
    for (const [raw, value, band] of table) {
      assert.deepEqual(total('who-5', answers('who5', spread(5, 5, raw))), { value, band }, String(raw));
    }
  });

  it('has no total while an item is unanswered', () => {
    assert.equal(total('who-5', answers('who5', same(4, 5))), null);
  });
});

describe('AUDIT', () => {
  const never = { 'audit-1': 0, 'audit-9': 0, 'audit-10': 0 };

  it("skips items 2–8 when item 1 is 'never', and still totals", () => {
    assert.deepEqual(total('audit', never), { value: 0, band: 'low-risk' });
    const q = get('audit');
    const enabled = enabledLinkIds(q, respond(q, never));
    for (let i = 2; i <= 8; i++) assert.ok(!enabled.has(`audit-${i}`), `audit-${i} should be skipped`);
    assert.ok(enabled.has('audit-9') && enabled.has('audit-10'));
    assert.ok(enabledLinkIds(q, respond(q, { 'audit-1': 1 })).has('audit-5'));
    assert.ok(!enabledLinkIds(q, respond(q, {})).has('audit-5'), 'not asked before item 1 is answered');
  });

  it("ignores stray answers to skipped items when item 1 is 'never'", () => {
    assert.deepEqual(total('audit', { ...never, 'audit-4': 4, 'audit-9': 4 }, 'male'), {
      value: 4,
      band: 'low-risk',
    });
  });

  it('scores items 9 and 10 as 0, 2 or 4', () => {
    assert.deepEqual(total('audit', { 'audit-1': 0, 'audit-9': 4, 'audit-10': 2 }, 'male'), {
      value: 6,
      band: 'low-risk',
    });
    assert.deepEqual(total('audit', { 'audit-1': 0, 'audit-9': 4, 'audit-10': 2 }, 'female'), {
      value: 6,
      band: 'hazardous',
    });
  });

  const full = (value: number) => {
    // Items 1–8 score 0–4; 9 and 10 stay 0 below 33 so the sum is exact. Item 1 is at least 1 (drinks).
    const items = spread(8, 4, Math.max(1, value));
    return { ...answers('audit', items), 'audit-9': 0, 'audit-10': 0 };
  };

  it('bands by sex: hazardous from 8 for men and 6 for women; harmful 16–19; possible dependence 20+', () => {
    const table: [number, Sex, string][] = [
      [5, 'female', 'low-risk'],
      [6, 'female', 'hazardous'],
      [7, 'male', 'low-risk'],
      [8, 'male', 'hazardous'],
      [6, 'unknown', 'hazardous'],
      [6, 'other', 'hazardous'],
      [15, 'male', 'hazardous'],
      [16, 'male', 'harmful'],
      [19, 'female', 'harmful'],
      [20, 'male', 'possible-dependence'],
      [32, 'female', 'possible-dependence'],
    ];
    for (const [value, sex, band] of table) {
      assert.deepEqual(total('audit', full(value), sex), { value, band }, `${value} ${sex}`);
    }
    const max = { ...answers('audit', same(8, 4)), 'audit-9': 4, 'audit-10': 4 };
    assert.deepEqual(total('audit', max), { value: 40, band: 'possible-dependence' });
  });

  it('has no total while an asked item is unanswered', () => {
    const r = full(12) as Record<string, number>;
    delete r['audit-5'];
    assert.equal(total('audit', r), null);
    assert.equal(total('audit', { 'audit-1': 0, 'audit-9': 0 }), null);
  });
});

describe('AUDIT-C', () => {
  it("is 0 when item 1 is 'never', with items 2–3 skipped", () => {
    assert.deepEqual(total('audit-c', { 'auditc-1': 0 }), { value: 0, band: 'low-risk' });
    const q = get('audit-c');
    assert.ok(!enabledLinkIds(q, respond(q, { 'auditc-1': 0 })).has('auditc-2'));
  });

  it('screens positive from 4 for men and 3 for women (and other/unknown); 8–12 high risk', () => {
    const table: [number, Sex, string][] = [
      [3, 'male', 'low-risk'],
      [4, 'male', 'positive'],
      [2, 'female', 'low-risk'],
      [3, 'female', 'positive'],
      [3, 'unknown', 'positive'],
      [7, 'male', 'positive'],
      [8, 'female', 'high-risk'],
      [12, 'male', 'high-risk'],
    ];
    for (const [value, sex, band] of table) {
      assert.deepEqual(
        total('audit-c', answers('auditc', spread(3, 4, value)), sex),
        { value, band },
        `${value} ${sex}`,
      );
    }
  });

  it('has no total while item 2 or 3 is unanswered for someone who drinks', () => {
    assert.equal(total('audit-c', { 'auditc-1': 2, 'auditc-2': 1 }), null);
  });
});

describe('DUDIT', () => {
  const dudit = (value: number) => ({
    ...answers('dudit', spread(9, 4, value)),
    'dudit-10': 0,
    'dudit-11': 0,
  });

  it('bands 3 as possible problems for a woman but not for a man', () => {
    assert.deepEqual(total('dudit', dudit(3), 'female'), { value: 3, band: 'drug-related-problems' });
    assert.deepEqual(total('dudit', dudit(3), 'male'), { value: 3, band: 'below-cut-off' });
    assert.deepEqual(total('dudit', dudit(3), 'unknown'), { value: 3, band: 'drug-related-problems' });
  });

  it('bands at the manual edges: 6 men, 2 women, 25 probable dependence', () => {
    const table: [number, Sex, string][] = [
      [1, 'female', 'below-cut-off'],
      [2, 'female', 'drug-related-problems'],
      [5, 'male', 'below-cut-off'],
      [6, 'male', 'drug-related-problems'],
      [24, 'male', 'drug-related-problems'],
      [25, 'female', 'probable-dependence'],
      [25, 'male', 'probable-dependence'],
      [36, 'male', 'probable-dependence'],
    ];
    for (const [value, sex, band] of table) {
      assert.deepEqual(total('dudit', dudit(value), sex), { value, band }, `${value} ${sex}`);
    }
    assert.deepEqual(total('dudit', { ...answers('dudit', same(9, 4)), 'dudit-10': 4, 'dudit-11': 4 }), {
      value: 44,
      band: 'probable-dependence',
    });
  });

  it('scores items 10 and 11 as 0, 2 or 4', () => {
    assert.equal(total('dudit', { ...answers('dudit', same(9, 0)), 'dudit-10': 2, 'dudit-11': 4 })?.value, 6);
  });

  it('has no total while an item is unanswered', () => {
    const r = dudit(10) as Record<string, number>;
    delete r['dudit-11'];
    assert.equal(total('dudit', r), null);
  });
});

describe('session feedback', () => {
  it("is 15, ok, when every item is 'to a large extent', and 'something to talk about' below", () => {
    assert.deepEqual(total('session-feedback', answers('sf', same(5, 3))), { value: 15, band: 'ok' });
    assert.deepEqual(total('session-feedback', answers('sf', [3, 3, 3, 3, 2])), { value: 14, band: 'low' });
    assert.deepEqual(total('session-feedback', answers('sf', same(5, 4))), { value: 20, band: 'ok' });
    assert.deepEqual(total('session-feedback', answers('sf', same(5, 0))), { value: 0, band: 'low' });
  });

  it('does not score the optional comment, and needs all five items', () => {
    assert.deepEqual(
      total('session-feedback', { ...answers('sf', same(5, 4)), 'sf-comment': 'Fin samtale' }),
      {
        value: 20,
        band: 'ok',
      },
    );
    assert.equal(total('session-feedback', answers('sf', same(4, 4))), null);
  });
});

describe('goal progress', () => {
  const goals = (...entries: [string, number | null][]): QuestionnaireResponse => ({
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    item: entries.map(([text, progress]) => ({
      linkId: 'goal',
      item: [
        { linkId: 'goal-text', answer: [{ valueString: text }] },
        ...(progress === null ? [] : [{ linkId: 'progress', answer: [{ valueInteger: progress }] }]),
      ],
    })),
  });
  const score = (r: QuestionnaireResponse) => {
    const s = scoreResponse(get('goal-progress'), r, 'unknown')[0];
    return s ? { value: s.value, band: s.band?.code ?? null } : null;
  };

  it('is the mean progress over the goals, rounded to one decimal', () => {
    assert.deepEqual(score(goals(['Egen bolig', 3], ['Jobb', 4], ['Kontakt med datteren min', 4])), {
      value: 3.7,
      band: 'little',
    });
    assert.deepEqual(score(goals(['Sove bedre', 4], ['Trene', 5], ['Jobb', 7])), {
      value: 5.3,
      band: 'some',
    });
    assert.deepEqual(score(goals(['Egen bolig', 8])), { value: 8, band: 'good' });
  });

  it('counts goals with the same progress once each', () => {
    assert.deepEqual(score(goals(['A', 4], ['B', 4], ['C', 10])), { value: 6, band: 'some' });
  });

  it('bands at the edges: 3.9 little, 4 some, 6.9 some, 7 good', () => {
    const many = (n: number, value: number, last: number) =>
      goals(...Array.from({ length: n - 1 }, (_, i): [string, number] => [`Mål ${i}`, value]), [
        'Siste',
        last,
      ]);
    assert.deepEqual(score(many(10, 4, 3)), { value: 3.9, band: 'little' });
    assert.deepEqual(score(many(10, 4, 4)), { value: 4, band: 'some' });
    assert.deepEqual(score(many(10, 7, 6)), { value: 6.9, band: 'some' });
    assert.deepEqual(score(many(2, 7, 7)), { value: 7, band: 'good' });
    assert.deepEqual(score(many(1, 0, 0)), { value: 0, band: 'little' });
    assert.deepEqual(score(many(1, 0, 10)), { value: 10, band: 'good' });
  });

  it('has no score while a goal has no progress, or without goals', () => {
    assert.equal(score(goals(['A', 5], ['B', null])), null);
    assert.equal(score(goals()), null);
  });

  it('keeps progress between 0 and 10', () => {
    const progress = itemsOf(get('goal-progress').item).find((i) => i.linkId === 'progress')!;
    const bound = (suffix: string) =>
      progress.extension?.find((e) => e.url === `http://hl7.org/fhir/StructureDefinition/${suffix}`)
        ?.valueInteger;
    assert.deepEqual([bound('minValue'), bound('maxValue')], [0, 10]);
    const goal = itemsOf(get('goal-progress').item).find((i) => i.linkId === 'goal')!;
    assert.equal(goal.repeats, true);
  });
});
