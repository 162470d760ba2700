import {
  enableWhenEvaluator,
  isAnswered,
  type ResponsePath,
} from '@bedring/domain/questionnaire/enable-when';
import { type ResponseProblem, responseProblems } from '@bedring/domain/questionnaire/response-check.rules';
import type {
  Extension,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';

/**
 * The renderer's state is the FHIR response item tree itself, kept in the questionnaire's order: every
 * group instance is there (so skip logic can look inside it), questions only once answered. What is sent
 * is that tree without hidden items, disabled items and empty groups; the domain's enableWhen and
 * responseProblems decide both, exactly as the server will.
 */

export type RItem = QuestionnaireResponseItem;
export type Answer = QuestionnaireResponseItemAnswer;
export type { ResponsePath, ResponseProblem };

/** One step into the response: the n-th response item with this linkId among its siblings. */
export interface Step {
  linkId: string;
  index: number;
}
export type ItemPath = readonly Step[];

const HIDDEN = 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden';
const CALCULATED = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';

const ext = (item: { extension?: Extension[] } | undefined, url: string) =>
  item?.extension?.find((e) => e.url === url);

/** Totals and other calculated or hidden items are never inputs: the server computes scores. */
export function isShown(item: QuestionnaireItem): boolean {
  return ext(item, HIDDEN)?.valueBoolean !== true && ext(item, CALCULATED) === undefined;
}

export function boundsOf(item: QuestionnaireItem): { min?: number; max?: number } {
  const value = (e: Extension | undefined) => e?.valueInteger ?? e?.valueDecimal;
  const min = value(ext(item, MIN_VALUE));
  const max = value(ext(item, MAX_VALUE));
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/** Date bounds (minValue/maxValue as valueDate) for date inputs. */
export function dateBoundsOf(item: QuestionnaireItem): { min?: string; max?: string } {
  const min = ext(item, MIN_VALUE)?.valueDate;
  const max = ext(item, MAX_VALUE)?.valueDate;
  return { ...(min ? { min } : {}), ...(max ? { max } : {}) };
}

/** A number scale small enough to show as a row of choices (goal progress 0–10). */
export function scaleOf(item: QuestionnaireItem): number[] | null {
  if (item.type !== 'integer' || item.repeats) return null;
  const { min, max } = boundsOf(item);
  if (min === undefined || max === undefined || max < min || max - min > 10) return null;
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

// ---- the tree ---------------------------------------------------------------------------------------

/**
 * The tree in the questionnaire's order: one instance of each group (at least one of a repeating group),
 * questions that have answers, nothing the questionnaire does not have, no calculated items.
 */
export function normalize(
  qItems: readonly QuestionnaireItem[] | undefined,
  items: readonly RItem[],
): RItem[] {
  const out: RItem[] = [];
  for (const q of qItems ?? []) {
    if (q.type === 'display' || !isShown(q)) continue;
    const mine = items.filter((r) => r.linkId === q.linkId);
    if (q.type === 'group') {
      const instances = q.repeats ? mine : mine.slice(0, 1);
      const kept = instances.length > 0 ? instances : [{ linkId: q.linkId }];
      for (const r of kept) out.push({ linkId: q.linkId, item: normalize(q.item, r.item ?? []) });
    } else {
      const r = mine[0];
      if (r?.answer && r.answer.length > 0) out.push({ linkId: q.linkId, answer: r.answer });
    }
  }
  return out;
}

/** Finds the n-th sibling with a linkId. */
function position(items: readonly RItem[], step: Step): number {
  let seen = -1;
  for (let i = 0; i < items.length; i++) {
    if (items[i]?.linkId === step.linkId && ++seen === step.index) return i;
  }
  return -1;
}

/** The response items along a path (the path of objects enableWhen needs), as far as they exist. */
export function responsePathOf(items: readonly RItem[], path: ItemPath): RItem[] {
  const out: RItem[] = [];
  let level = items;
  for (const step of path) {
    const at = position(level, step);
    const found = at >= 0 ? level[at] : undefined;
    if (!found) break;
    out.push(found);
    level = found.item ?? [];
  }
  return out;
}

export function itemAt(items: readonly RItem[], path: ItemPath): RItem | undefined {
  const found = responsePathOf(items, path);
  return found.length === path.length ? found.at(-1) : undefined;
}

/** Replaces (or adds, or with null removes) the item at the path; groups on the way must exist. */
function replaceAt(
  items: readonly RItem[],
  path: ItemPath,
  next: (old: RItem | undefined) => RItem | null,
): RItem[] {
  const [step, ...rest] = path;
  if (!step) return [...items];
  const at = position(items, step);
  if (rest.length > 0) {
    if (at < 0) return [...items];
    const group = items[at]!;
    const copy = [...items];
    copy[at] = { ...group, item: replaceAt(group.item ?? [], rest, next) };
    return copy;
  }
  const value = next(at >= 0 ? items[at] : undefined);
  const copy = [...items];
  if (at >= 0) {
    if (value) copy[at] = value;
    else copy.splice(at, 1);
  } else if (value) {
    copy.push(value);
  }
  return copy;
}

/** The answers of the question at the path; none removes the question from the response. */
export function setAnswers(
  q: Questionnaire,
  items: readonly RItem[],
  path: ItemPath,
  answers: Answer[],
): RItem[] {
  const linkId = path.at(-1)?.linkId ?? '';
  const next = replaceAt(items, path, () => (answers.length > 0 ? { linkId, answer: answers } : null));
  return normalize(q.item, next);
}

/** Adds an empty instance of a repeating group after its last one (`parent` is where the group is). */
export function addInstance(
  q: Questionnaire,
  items: readonly RItem[],
  parent: ItemPath,
  linkId: string,
): RItem[] {
  const count = (parent.length === 0 ? items : (itemAt(items, parent)?.item ?? [])).filter(
    (r) => r.linkId === linkId,
  ).length;
  const next = replaceAt(items, [...parent, { linkId, index: count }], () => ({ linkId, item: [] }));
  // normalize keeps the order of instances as they are in the array: insert after the last one.
  return normalize(q.item, next);
}

export function removeInstance(q: Questionnaire, items: readonly RItem[], path: ItemPath): RItem[] {
  return normalize(
    q.item,
    replaceAt(items, path, () => null),
  );
}

// ---- what is sent -----------------------------------------------------------------------------------

/**
 * The response to send: only items that are enabled where they stand (per instance of a repeating
 * group), questions with answers, groups with something in them. Disabled items' answers are dropped.
 */
export function responseToSend(q: Questionnaire, items: readonly RItem[]): RItem[] {
  const evaluator = enableWhenEvaluator(q, { item: items as RItem[] });
  const level = (
    qItems: readonly QuestionnaireItem[] | undefined,
    here: readonly RItem[],
    path: RItem[],
  ): RItem[] => {
    const out: RItem[] = [];
    for (const qItem of qItems ?? []) {
      if (qItem.type === 'display' || !isShown(qItem)) continue;
      for (const r of here.filter((x) => x.linkId === qItem.linkId)) {
        if (!evaluator.isEnabled(qItem, path)) continue;
        if (qItem.type === 'group') {
          const children = level(qItem.item, r.item ?? [], [...path, r]);
          if (children.length > 0) out.push({ linkId: r.linkId, item: children });
        } else if (r.answer && r.answer.length > 0) {
          out.push({ linkId: r.linkId, answer: r.answer });
        }
      }
    }
    return out;
  };
  return level(q.item, items, []);
}

export function problemsOf(
  q: Questionnaire,
  items: readonly RItem[],
  completing: boolean,
): ResponseProblem[] {
  return responseProblems(q, { item: responseToSend(q, items) }, { completing });
}

export function hasAnswer(r: RItem | undefined): boolean {
  return (r?.answer ?? []).some(isAnswered);
}

/** Whether a problem about this item belongs at this place (a missing answer only where it is missing). */
export function problemIsHere(problem: ResponseProblem, r: RItem | undefined): boolean {
  return problem.code === 'required' ? !hasAnswer(r) || r?.item !== undefined : true;
}

// ---- answers and options ----------------------------------------------------------------------------

/** An answer option as the answer it becomes (a Coding only with system, code and display). */
export function optionAnswer(option: QuestionnaireItemAnswerOption): Answer | null {
  const c = option.valueCoding;
  if (c?.code) {
    return {
      valueCoding: {
        ...(c.system ? { system: c.system } : {}),
        code: c.code,
        ...(c.display ? { display: c.display } : {}),
      },
    };
  }
  if (typeof option.valueString === 'string') return { valueString: option.valueString };
  if (typeof option.valueInteger === 'number') return { valueInteger: option.valueInteger };
  if (typeof option.valueDate === 'string') return { valueDate: option.valueDate };
  if (typeof option.valueTime === 'string') return { valueTime: option.valueTime };
  return null;
}

/** A key that is equal for an option and the answer made from it. */
export function answerKey(a: Answer | QuestionnaireItemAnswerOption | undefined): string {
  if (!a) return '';
  if (a.valueCoding) return `c:${a.valueCoding.system ?? ''}|${a.valueCoding.code ?? ''}`;
  if (a.valueString !== undefined) return `s:${a.valueString}`;
  if (a.valueInteger !== undefined) return `i:${a.valueInteger}`;
  if (a.valueDate !== undefined) return `d:${a.valueDate}`;
  if (a.valueTime !== undefined) return `t:${a.valueTime}`;
  return '';
}

/**
 * What was typed into a number field, as an answer. A number in the wrong form (letters, a decimal for
 * an integer) is kept as it is, in a value of the wrong type, so the domain's check says what is wrong
 * and nothing is sent until it is fixed. A decimal comma is read as a point.
 */
export function numberAnswer(type: 'integer' | 'decimal', text: string): Answer | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const normalized = trimmed.replace(/\s/g, '').replace(',', '.');
  const n = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalized) ? Number(normalized) : Number.NaN;
  if (!Number.isFinite(n)) return { valueString: trimmed };
  if (type === 'integer') return Number.isSafeInteger(n) ? { valueInteger: n } : { valueDecimal: n };
  return { valueDecimal: n };
}

/** The text a number answer is shown as (decimal comma in bokmål). */
export function numberText(a: Answer | undefined, lang: 'nb' | 'en'): string {
  if (!a) return '';
  const n = a.valueInteger ?? a.valueDecimal;
  if (typeof n === 'number') return lang === 'nb' ? String(n).replace('.', ',') : String(n);
  return a.valueString ?? '';
}

/** A stable, valid HTML id for the input of an item at a path. */
export function fieldId(prefix: string, path: ItemPath): string {
  return `${prefix}-${path.map((s) => `${s.linkId}-${s.index}`).join('--')}`.replace(/[^A-Za-z0-9_-]/g, '_');
}
