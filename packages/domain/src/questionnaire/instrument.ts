/**
 * Readers for instrument files (decision 0005): FHIR R4 Questionnaires with Bedring's extensions for
 * provenance, default settings, scores and score bands. Pure functions over the JSON, so the server (on
 * load and on import), the web renderer and the tests read an instrument the same way.
 */
import type { Coding, Extension, Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';
import { all, arrayOf, first, isObject, str } from './fhir-json.ts';
import { localized } from './translation.ts';

export { type Lang, localized, TRANSLATION_EXT, translated } from './translation.ts';

export const BEDRING_SD = 'https://bedring.no/fhir/StructureDefinition';
/** Code system for scores that have no LOINC code. */
export const BEDRING_SCORE_SYSTEM = 'https://bedring.no/fhir/CodeSystem/score';

export const ORDINAL_VALUE_EXT = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
export const MIN_VALUE_EXT = 'http://hl7.org/fhir/StructureDefinition/minValue';
export const MAX_VALUE_EXT = 'http://hl7.org/fhir/StructureDefinition/maxValue';
export const HIDDEN_EXT = 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden';
export const CALCULATED_EXPRESSION_EXT =
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';

export const PROVENANCE_EXT = `${BEDRING_SD}/instrument-provenance`;
export const SETTINGS_EXT = `${BEDRING_SD}/instrument-settings`;
export const SCORE_EXT = `${BEDRING_SD}/score`;
export const SCORE_BAND_EXT = `${BEDRING_SD}/score-band`;

// ---------------------------------------------------------------------------------------------------
// Provenance and settings

export const TranslationStatuses = ['original', 'validated', 'unofficial'] as const;
export type TranslationStatus = (typeof TranslationStatuses)[number];

export interface Provenance {
  source: string;
  licence: string;
  translation: TranslationStatus;
  translationNote: string;
}

const isOneOf = <T extends string>(values: readonly T[], v: string | undefined): v is T =>
  v !== undefined && (values as readonly string[]).includes(v);

/** A file that says nothing about its translation is treated as unofficial: never claim validation. */
export function provenanceOf(q: Questionnaire): Provenance {
  const p = first(q, PROVENANCE_EXT);
  const translation = str(first(p, 'translation')?.valueCode);
  return {
    source: str(first(p, 'source')?.valueString) ?? '',
    licence: str(first(p, 'licence')?.valueString) ?? '',
    translation: isOneOf(TranslationStatuses, translation) ? translation : 'unofficial',
    translationNote: str(first(p, 'translationNote')?.valueString) ?? '',
  };
}

export const Triggers = ['first-attendance', 'evaluation', 'discharge', 'contact'] as const;
export type Trigger = (typeof Triggers)[number];
export const Answerers = ['person', 'staff'] as const;
export type Answerer = (typeof Answerers)[number];

export interface InstrumentSettings {
  visibleToPerson: boolean;
  triggers: Trigger[];
  answeredBy: Answerer[];
}

/**
 * The defaults an organisation starts from. Without the extension: visible to the person (their own
 * answers are part of their record), planned by no trigger (an administrator decides), answerable by
 * both the person and staff (staff may enter a paper form or read the questions aloud).
 */
export function defaultSettingsOf(q: Questionnaire): InstrumentSettings {
  const s = first(q, SETTINGS_EXT);
  const codes = (url: string) => [...new Set(all(s, url).map((e) => str(e.valueCode) ?? ''))];
  const answeredBy = codes('answeredBy').filter((c) => isOneOf(Answerers, c));
  return {
    visibleToPerson: first(s, 'visibleToPerson')?.valueBoolean !== false,
    triggers: codes('trigger').filter((c) => isOneOf(Triggers, c)),
    answeredBy: answeredBy.length > 0 ? answeredBy : [...Answerers],
  };
}

// ---------------------------------------------------------------------------------------------------
// Scores and bands

export const ScoreLevels = ['ok', 'mild', 'moderate', 'severe'] as const;
export type ScoreLevel = (typeof ScoreLevels)[number];
export const ScoreDirections = ['higher-is-worse', 'higher-is-better'] as const;
export type ScoreDirection = (typeof ScoreDirections)[number];
export const BandSexes = ['female', 'male'] as const;

export interface Band {
  /** Inclusive bounds. */
  from: number;
  to: number;
  /** null: applies to everyone. */
  sex: 'female' | 'male' | null;
  code: string;
  level: ScoreLevel;
  label: string;
  labelEn: string;
}

export interface ScoreDefinition {
  linkId: string;
  /** The Observation code: LOINC where one exists, else BEDRING_SCORE_SYSTEM. */
  code: Coding;
  display: string;
  displayEn: string;
  /** FHIRPath, %resource = the response, %questionnaire = the instrument. */
  expression: string;
  direction: ScoreDirection;
  reliableChange: number | null;
  max: number | null;
  /**
   * A session-feedback score (the `feedback` sub-extension of `score`, boolean): the feedback alert
   * rules and the pathway's "feedback tool used" code look for it rather than for an instrument id.
   */
  feedback: boolean;
  bands: Band[];
}

/** Every item at any depth, depth first in document order. */
function itemsOf(items: QuestionnaireItem[] | undefined, depth = 0): QuestionnaireItem[] {
  // Real instruments nest a few levels; a deeper tree is junk and is not walked further.
  if (depth > 32) return [];
  return arrayOf(items).flatMap((item) => [item, ...itemsOf(item.item, depth + 1)]);
}

const decimal = (e: Extension | undefined): number | undefined => {
  const n = e?.valueDecimal ?? e?.valueInteger;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

function readBand(e: Extension, where: string, problems: string[]): Band | null {
  const from = decimal(first(e, 'from'));
  const to = decimal(first(e, 'to'));
  const sex = str(first(e, 'sex')?.valueCode);
  const code = str(first(e, 'code')?.valueCode) ?? '';
  const level = str(first(e, 'level')?.valueCode);
  const label = first(e, 'label');
  const before = problems.length;
  if (from === undefined || to === undefined || from > to) {
    problems.push(`${where}: band "${code}" needs from ≤ to`);
  }
  if (sex !== undefined && !isOneOf(BandSexes, sex)) {
    problems.push(`${where}: band "${code}" has sex "${sex}"`);
  }
  if (!code) problems.push(`${where}: a band has no code`);
  if (!isOneOf(ScoreLevels, level)) problems.push(`${where}: band "${code}" has level "${level ?? ''}"`);
  if (!str(label?.valueString)) problems.push(`${where}: band "${code}" has no label`);
  if (problems.length > before) return null;
  return {
    from: from!,
    to: to!,
    sex: (sex as Band['sex'] | undefined) ?? null,
    code,
    level: level as ScoreLevel,
    label: label!.valueString!,
    labelEn: localized(label, 'valueString', 'en'),
  };
}

function readScore(item: QuestionnaireItem, expression: string, problems: string[]): ScoreDefinition {
  const where = `score ${item.linkId}`;
  const score = first(item, SCORE_EXT);
  const direction = str(first(score, 'direction')?.valueCode);
  if (!isOneOf(ScoreDirections, direction)) {
    problems.push(`${where}: direction must be one of ${ScoreDirections.join(', ')}`);
  }
  const bands = all(item, SCORE_BAND_EXT).flatMap((e) => readBand(e, where, problems) ?? []);
  const code = arrayOf(item.code)[0] ?? { system: BEDRING_SCORE_SYSTEM, code: item.linkId };
  return {
    linkId: item.linkId,
    code,
    display: str(item.text) ?? code.display ?? item.linkId,
    displayEn: localized(item, 'text', 'en') || (code.display ?? item.linkId),
    expression,
    direction: isOneOf(ScoreDirections, direction) ? direction : 'higher-is-worse',
    reliableChange: decimal(first(score, 'reliableChange')) ?? null,
    max: decimal(first(score, 'max')) ?? null,
    feedback: first(score, 'feedback')?.valueBoolean === true,
    bands,
  };
}

function readScores(q: Questionnaire, problems: string[]): ScoreDefinition[] {
  return itemsOf(isObject(q) ? q.item : undefined).flatMap((item) => {
    const expression = first(item, CALCULATED_EXPRESSION_EXT)?.valueExpression;
    if (!isObject(expression)) return [];
    if (expression.language !== 'text/fhirpath') {
      problems.push(`score ${item.linkId}: expression language must be text/fhirpath`);
    }
    return [readScore(item, str(expression.expression) ?? '', problems)];
  });
}

/** The scores of an instrument: every item, at any depth, with a calculatedExpression. */
export function scoresOf(q: Questionnaire): ScoreDefinition[] {
  return readScores(q, []);
}

export type CompiledExpression = (
  response: unknown,
  env: { resource: unknown; questionnaire: Questionnaire },
) => unknown[];

/** Parses a score expression with the R4 model, which ordinal() needs. Throws on a syntax error. */
export function compileScoreExpression(expression: string): CompiledExpression {
  return fhirpath.compile(expression, r4) as CompiledExpression;
}

// ---------------------------------------------------------------------------------------------------
// Problems

/** Decimal places of a bound, so 3.9 → 4 is no gap for a score rounded to one decimal, nor 5 → 6. */
function places(n: number): number {
  return String(n).split('.')[1]?.length ?? 0;
}

function coverageProblems(def: ScoreDefinition, sex: Band['sex']): string[] {
  const bands = def.bands.filter((b) => b.sex === null || b.sex === sex).sort((a, b) => a.from - b.from);
  const who = sex ? ` (${sex})` : '';
  const where = `score ${def.linkId}${who}`;
  if (bands.length === 0) return [`${where}: no bands`];
  const problems: string[] = [];
  if (bands[0]!.from !== 0) problems.push(`${where}: bands start at ${bands[0]!.from}, not 0`);
  bands.slice(1).forEach((band, i) => {
    const prev = bands[i]!;
    const step = 10 ** -Math.max(places(prev.to), places(band.from));
    if (band.from <= prev.to) problems.push(`${where}: bands "${prev.code}" and "${band.code}" overlap`);
    else if (band.from - prev.to > step + 1e-9) {
      problems.push(`${where}: gap between "${prev.code}" and "${band.code}"`);
    }
  });
  const last = bands[bands.length - 1]!;
  if (def.max !== null && last.to !== def.max) {
    problems.push(`${where}: bands end at ${last.to}, max is ${def.max}`);
  }
  return problems;
}

function bandProblems(def: ScoreDefinition): string[] {
  if (def.bands.length === 0) return [];
  const sexes = def.bands.some((b) => b.sex !== null) ? BandSexes : [null];
  return sexes.flatMap((sex) => coverageProblems(def, sex));
}

/**
 * Whether an expression names an item: its linkId as a whole word, quoted ('phq9-1') or in a pattern
 * (matches('^(phq9-1|phq9-2)$')); phq9-1 is not named by phq9-10.
 */
function mentions(expression: string, linkId: string): boolean {
  const escaped = linkId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`).test(expression);
}

function ordinalProblems(def: ScoreDefinition, items: QuestionnaireItem[]): string[] {
  if (!/\b(ordinal|weight)\(\)/.test(def.expression)) return [];
  const choice = items.filter((i) => i.type === 'choice' || i.type === 'open-choice');
  const named = choice.filter((i) => mentions(def.expression, i.linkId));
  return (named.length > 0 ? named : choice).flatMap((item) => {
    const options = arrayOf(item.answerOption);
    if (options.length === 0) {
      return [`score ${def.linkId}: item ${item.linkId} has no answerOption to score`];
    }
    return options
      .filter(
        (o) =>
          first(o, ORDINAL_VALUE_EXT) === undefined && first(o.valueCoding, ORDINAL_VALUE_EXT) === undefined,
      )
      .map(
        (o) =>
          `score ${def.linkId}: option ${o.valueCoding?.code ?? '?'} of ${item.linkId} has no ordinalValue`,
      );
  });
}

function expressionProblems(q: Questionnaire, def: ScoreDefinition): string[] {
  if (!def.expression) return [`score ${def.linkId}: empty expression`];
  try {
    // A dry run on an empty response also catches unknown functions, which fhirpath reports only when run.
    const empty = { resourceType: 'QuestionnaireResponse', status: 'in-progress', item: [] };
    compileScoreExpression(def.expression)(empty, { resource: empty, questionnaire: q });
    return [];
  } catch (err) {
    return [`score ${def.linkId}: expression does not compile: ${(err as Error).message.split('\n')[0]}`];
  }
}

/**
 * What makes a file unusable as a Bedring instrument; empty when it is fine. Checked when the shipped
 * files are loaded and when an administrator imports one, so a broken file is refused with reasons
 * instead of producing wrong scores later.
 */
export function instrumentProblems(q: Questionnaire): string[] {
  if (!isObject(q)) return ['not a Questionnaire'];
  const problems: string[] = [];
  if ((q as { resourceType?: string }).resourceType !== 'Questionnaire') problems.push('not a Questionnaire');
  for (const field of ['id', 'url', 'version', 'title', 'status'] as const) {
    if (typeof q[field] !== 'string' || !q[field]) problems.push(`missing ${field}`);
  }

  const provenance = provenanceOf(q);
  const translation = str(first(first(q, PROVENANCE_EXT), 'translation')?.valueCode);
  if (!provenance.source) problems.push('provenance: missing source');
  if (!provenance.licence) problems.push('provenance: missing licence');
  if (!isOneOf(TranslationStatuses, translation)) {
    problems.push('provenance: translation must be original, validated or unofficial');
  }

  const items = itemsOf(q.item);
  const seen = new Set<string>();
  for (const item of items) {
    if (typeof item.linkId !== 'string' || !item.linkId) {
      problems.push(`an item${str(item.text) ? ` ("${item.text}")` : ''} has no linkId`);
      continue;
    }
    if (seen.has(item.linkId)) problems.push(`duplicate linkId ${item.linkId}`);
    seen.add(item.linkId);
  }
  for (const item of items) {
    for (const condition of arrayOf(item.enableWhen)) {
      if (typeof condition.question !== 'string' || !seen.has(condition.question)) {
        problems.push(`item ${item.linkId}: enableWhen refers to unknown linkId ${condition.question}`);
      }
    }
  }

  const scores = readScores(q, problems);
  for (const def of scores) {
    problems.push(...expressionProblems(q, def), ...ordinalProblems(def, items), ...bandProblems(def));
  }
  return problems;
}
