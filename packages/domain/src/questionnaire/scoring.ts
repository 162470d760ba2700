/**
 * Scores of a questionnaire response (decision 0005): each score item's FHIRPath calculatedExpression,
 * evaluated with %resource = the response and %questionnaire = the instrument, then banded by the
 * person's sex. Runs on every submitted response, so expressions are compiled once and cached.
 */
import type { Coding, Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import {
  type Band,
  type CompiledExpression,
  compileScoreExpression,
  type ScoreDefinition,
  scoresOf,
} from './instrument.ts';

export type Sex = 'female' | 'male' | 'other' | 'unknown';

export interface Score {
  linkId: string;
  code: Coding;
  display: string;
  value: number;
  band: Band | null;
}

/**
 * Bands for the person's sex, else bands without sex. Other and unknown use the female bands: the lower
 * cut-offs, so a rule warns rather than misses.
 */
export function bandFor(def: ScoreDefinition, value: number, sex: Sex): Band | null {
  const bandSex = sex === 'male' ? 'male' : 'female';
  const within = (b: Band) => value >= b.from && value <= b.to;
  return (
    def.bands.find((b) => b.sex === bandSex && within(b)) ??
    def.bands.find((b) => b.sex === null && within(b)) ??
    null
  );
}

// Keyed by url|version|linkId; the expression is kept to notice an imported file that reuses a version.
const compiled = new Map<string, { expression: string; run: CompiledExpression }>();
// Instruments are loaded once and shared, so their score definitions can be read once too.
const definitions = new WeakMap<Questionnaire, ScoreDefinition[]>();

function compiledFor(q: Questionnaire, def: ScoreDefinition): CompiledExpression {
  const key = `${q.url ?? q.id ?? ''}|${q.version ?? ''}|${def.linkId}`;
  const hit = compiled.get(key);
  if (hit?.expression === def.expression) return hit.run;
  const run = compileScoreExpression(def.expression);
  compiled.set(key, { expression: def.expression, run });
  return run;
}

function definitionsOf(q: Questionnaire): ScoreDefinition[] {
  let defs = definitions.get(q);
  if (!defs) {
    defs = scoresOf(q);
    definitions.set(q, defs);
  }
  return defs;
}

/**
 * One finite number, or null. An error counts as no score: instrumentProblems has already refused
 * expressions that do not compile, and an answer the instrument cannot score (e.g. a coding from
 * another system) must leave the score out rather than make it wrong.
 */
function evaluate(q: Questionnaire, def: ScoreDefinition, response: QuestionnaireResponse): number | null {
  try {
    const out = compiledFor(q, def)(response, { resource: response, questionnaire: q });
    const value = out.length === 1 ? out[0] : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    // Sums of decimals can carry binary noise (0.30000000000000004); no instrument needs more places.
    return Math.round(value * 1e9) / 1e9;
  } catch {
    return null;
  }
}

/**
 * The scores of a response. A score whose expression yields nothing (the expressions do so while an
 * item is unanswered) is left out, not reported as 0: a missing total must not look like a good one.
 */
export function scoreResponse(q: Questionnaire, response: QuestionnaireResponse, sex: Sex): Score[] {
  return definitionsOf(q).flatMap((def) => {
    const value = evaluate(q, def, response);
    if (value === null) return [];
    return [
      { linkId: def.linkId, code: def.code, display: def.display, value, band: bandFor(def, value, sex) },
    ];
  });
}
