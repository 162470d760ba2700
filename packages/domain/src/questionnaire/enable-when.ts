import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemEnableWhen,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from '@medplum/fhirtypes';

/**
 * FHIR R4 `enableWhen` (Questionnaire.item.enableWhen, .enableBehavior), without FHIRPath, so that the
 * server and the renderer in the browser decide alike and fast. Semantics, as the specification defines
 * them and where it leaves a choice to us:
 *
 * - `exists` is true when "the question has an answer" equals `answerBoolean`. Every other operator is
 *   true when at least one answer fits it; `!=` is true when no answer equals the value, so also when
 *   the question is unanswered (write `exists` + `!=` with `enableBehavior: all` to wait for an answer).
 * - An answer counts when it has a value; an empty or blank string is no answer.
 * - A question whose item is itself disabled (by its own enableWhen or a disabled enclosing item) counts
 *   as unanswered. A cycle of conditions counts as unanswered too, rather than looping.
 * - Several conditions without `enableBehavior` (which R4 requires then) are combined with `all`: the
 *   stricter reading, which shows less rather than asks what was not meant to be asked.
 * - Values compare by type: numbers (integer and decimal together), booleans and codings only for
 *   (in)equality, codings by code and, when the condition names one, system; quantities by value when
 *   their units do not differ; dates, dateTimes and times in time order, where dates of different
 *   precision (2024 vs 2024-05) do not compare, as in FHIRPath. Other pairs never compare (and so are
 *   "not equal").
 * - Repeating groups: the answers to a question are looked up in the nearest enclosing response item
 *   that has the question (the same repeat instance first, then the instance around that, ...), and only
 *   then anywhere in the response. So "show 2b when 2a is yes" works per instance of a repeating group,
 *   and a condition on a question outside the group sees that one answer.
 */

/**
 * Where an item is asked in the response: the response items enclosing it, outermost first. For a
 * top-level item it is empty; for an item in (an instance of) a group, it ends with that group's response
 * item; for an item nested under a question's answer, it ends with the question's response item.
 */
export type ResponsePath = readonly QuestionnaireResponseItem[];

/** Answers the renderer and the checks ask about one response. Results are cached for that response. */
export interface EnableWhenEvaluator {
  isEnabled(item: QuestionnaireItem, path?: ResponsePath): boolean;
}

/** Deeper trees than this are not instruments but someone's junk: not walked further. */
const MAX_DEPTH = 32;

interface Entry {
  item: QuestionnaireItem;
  parent: QuestionnaireItem | null;
}

interface Found {
  item: QuestionnaireResponseItem;
  /** The response items enclosing `item`, outermost first. */
  path: QuestionnaireResponseItem[];
}

/** Items of the questionnaire by linkId, with the item each is nested in. */
export function indexQuestionnaire(q: Questionnaire): Map<string, Entry> {
  const index = new Map<string, Entry>();
  const walk = (items: unknown, parent: QuestionnaireItem | null, depth: number) => {
    if (!Array.isArray(items) || depth > MAX_DEPTH) return;
    for (const item of items as QuestionnaireItem[]) {
      if (!isObject(item) || typeof item.linkId !== 'string') continue;
      if (!index.has(item.linkId)) index.set(item.linkId, { item, parent });
      walk(item.item, item, depth + 1);
    }
  };
  walk(q.item, null, 0);
  return index;
}

/**
 * An evaluator for one questionnaire and one state of the response. Make a new one when the response
 * changes (the renderer: once per render of a changed response); within one it is cached, so walking a
 * whole form costs about one pass over the response per distinct question that conditions refer to.
 */
export function enableWhenEvaluator(
  q: Questionnaire,
  response: { item?: QuestionnaireResponseItem[] },
): EnableWhenEvaluator {
  const index = indexQuestionnaire(q);
  const root = isObject(response) ? response : {};
  /** Per scope (a response item, or the response itself), the items with each linkId in its subtree. */
  const scopes = new WeakMap<object, Map<string, Found[]>>();
  /** Per scope of the asked item (its innermost enclosing response item) and linkId: enabled? */
  const memo = new WeakMap<object, Map<string, boolean | 'pending'>>();

  const inScope = (scope: object, scopePath: QuestionnaireResponseItem[]): Map<string, Found[]> => {
    const cached = scopes.get(scope);
    if (cached) return cached;
    const found = new Map<string, Found[]>();
    const add = (item: QuestionnaireResponseItem, path: QuestionnaireResponseItem[], depth: number) => {
      const list = found.get(item.linkId);
      if (list) list.push({ item, path });
      else found.set(item.linkId, [{ item, path }]);
      if (depth < MAX_DEPTH) for (const child of childItems(item)) add(child, [...path, item], depth + 1);
    };
    if (scope === root) {
      for (const item of responseItems((root as { item?: unknown }).item)) add(item, [], 1);
    } else {
      add(scope as QuestionnaireResponseItem, scopePath, scopePath.length + 1);
    }
    scopes.set(scope, found);
    return found;
  };

  /** The answers to `linkId` as seen from `path`: nearest enclosing scope first, enabled items only. */
  const answersTo = (linkId: string, path: ResponsePath): AnswerValue[] => {
    let found: Found[] | undefined;
    for (let i = path.length - 1; i >= 0 && !found?.length; i--) {
      const scope = path[i]!;
      if (isObject(scope)) found = inScope(scope, path.slice(0, i)).get(linkId);
    }
    if (!found?.length) found = inScope(root, []).get(linkId);
    const question = index.get(linkId)?.item;
    if (!found || !question) return [];
    const values: AnswerValue[] = [];
    for (const f of found) {
      if (!isEnabled(question, f.path)) continue;
      for (const answer of Array.isArray(f.item.answer) ? f.item.answer : []) {
        const value = answerValue(answer);
        if (value) values.push(value);
      }
    }
    return values;
  };

  const holds = (condition: QuestionnaireItemEnableWhen, path: ResponsePath): boolean => {
    if (!isObject(condition) || typeof condition.question !== 'string') return false;
    const answers = answersTo(condition.question, path);
    if (condition.operator === 'exists') {
      if (typeof condition.answerBoolean !== 'boolean') return false;
      return answers.length > 0 === condition.answerBoolean;
    }
    const expected = conditionValue(condition);
    if (!expected) return false;
    const fits = (test: (c: number) => boolean) =>
      answers.some((a) => {
        const c = compareAnswers(a, expected);
        return c !== undefined && test(c);
      });
    switch (condition.operator) {
      case '=':
        return fits((c) => c === 0);
      case '!=':
        return !fits((c) => c === 0);
      case '>':
        return fits((c) => c > 0);
      case '<':
        return fits((c) => c < 0);
      case '>=':
        return fits((c) => c >= 0);
      case '<=':
        return fits((c) => c <= 0);
      default:
        return false;
    }
  };

  const isEnabled = (item: QuestionnaireItem, path: ResponsePath = []): boolean => {
    if (!isObject(item)) return false;
    const key = path.length > 0 && isObject(path[path.length - 1]) ? path[path.length - 1]! : root;
    let cache = memo.get(key);
    if (!cache) {
      cache = new Map();
      memo.set(key, cache);
    }
    const known = cache.get(item.linkId);
    if (known === 'pending') return false;
    if (known !== undefined) return known;
    cache.set(item.linkId, 'pending');
    const result = parentEnabled(item, path) && ownConditionsHold(item, path);
    cache.set(item.linkId, result);
    return result;
  };

  const parentEnabled = (item: QuestionnaireItem, path: ResponsePath): boolean => {
    const parent = index.get(item.linkId)?.parent;
    if (!parent) return true;
    // The parent's own response item, if it is on the path, is not part of the parent's own path.
    let i = path.length - 1;
    while (i >= 0 && path[i]?.linkId !== parent.linkId) i--;
    return isEnabled(parent, i >= 0 ? path.slice(0, i) : path);
  };

  const ownConditionsHold = (item: QuestionnaireItem, path: ResponsePath): boolean => {
    const conditions = item.enableWhen;
    if (!Array.isArray(conditions) || conditions.length === 0) return true;
    return item.enableBehavior === 'any'
      ? conditions.some((c) => holds(c, path))
      : conditions.every((c) => holds(c, path));
  };

  return { isEnabled };
}

/** One item, in one place of the response. For more than a few items, use {@link enableWhenEvaluator}. */
export function isEnabled(
  item: QuestionnaireItem,
  response: QuestionnaireResponse | { item?: QuestionnaireResponseItem[] },
  q: Questionnaire,
  context?: { path?: ResponsePath },
): boolean {
  return enableWhenEvaluator(q, response).isEnabled(item, context?.path ?? []);
}

/**
 * The linkIds of the items that are enabled somewhere in the response: for an item inside a repeating
 * group, in at least one instance (an instance that is not there yet counts as one without answers).
 * Items inside a disabled item are disabled. A renderer that needs the answer per instance walks the
 * tree with {@link enableWhenEvaluator} instead.
 */
export function enabledLinkIds(
  q: Questionnaire,
  response: QuestionnaireResponse | { item?: QuestionnaireResponseItem[] },
): Set<string> {
  const evaluator = enableWhenEvaluator(q, response);
  const enabled = new Set<string>();
  const walk = (items: unknown, siblings: QuestionnaireResponseItem[], path: ResponsePath, depth: number) => {
    if (!Array.isArray(items) || depth > MAX_DEPTH) return;
    for (const item of items as QuestionnaireItem[]) {
      if (!isObject(item) || typeof item.linkId !== 'string') continue;
      if (!evaluator.isEnabled(item, path)) continue;
      enabled.add(item.linkId);
      const instances = siblings.filter((r) => r.linkId === item.linkId);
      if (instances.length === 0) walk(item.item, [], path, depth + 1);
      for (const instance of instances) {
        const children = item.type === 'group' ? responseItems(instance.item) : answerItems(instance);
        walk(item.item, children, [...path, instance], depth + 1);
      }
    }
  };
  walk(q.item, responseItems(isObject(response) ? response.item : undefined), [], 0);
  return enabled;
}

// ---- values ------------------------------------------------------------------------------------------

/** An answer's or a condition's value, by the kind of comparison it takes part in. */
export type AnswerValue =
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'date' | 'dateTime' | 'time' | 'string' | 'reference'; value: string }
  | { kind: 'coding'; system: string | undefined; code: string }
  | { kind: 'quantity'; value: number; code: string | undefined };

/** The value of an answer (`value[x]`) or nothing, for a missing, blank or malformed value. */
export function answerValue(answer: unknown): AnswerValue | undefined {
  return isObject(answer) ? readValue(answer, 'value') : undefined;
}

/** True when the answer has a value: what "answered" means for `exists` and for required items. */
export function isAnswered(answer: unknown): boolean {
  return answerValue(answer) !== undefined;
}

function conditionValue(condition: QuestionnaireItemEnableWhen): AnswerValue | undefined {
  return readValue(condition as unknown as Record<string, unknown>, 'answer');
}

function readValue(o: Record<string, unknown>, prefix: 'value' | 'answer'): AnswerValue | undefined {
  const get = (type: string) => o[prefix + type];
  const b = get('Boolean');
  if (typeof b === 'boolean') return { kind: 'boolean', value: b };
  for (const type of ['Decimal', 'Integer']) {
    const n = get(type);
    if (typeof n === 'number' && Number.isFinite(n)) return { kind: 'number', value: n };
  }
  for (const [type, kind] of [
    ['Date', 'date'],
    ['DateTime', 'dateTime'],
    ['Time', 'time'],
    ['String', 'string'],
    ['Uri', 'string'],
  ] as const) {
    const s = get(type);
    if (typeof s === 'string' && s.trim() !== '') return { kind, value: s };
  }
  const coding = get('Coding');
  if (isObject(coding) && typeof coding.code === 'string' && coding.code !== '') {
    return {
      kind: 'coding',
      system: typeof coding.system === 'string' ? coding.system : undefined,
      code: coding.code,
    };
  }
  const quantity = get('Quantity');
  if (isObject(quantity) && typeof quantity.value === 'number' && Number.isFinite(quantity.value)) {
    const code = typeof quantity.code === 'string' ? quantity.code : undefined;
    return { kind: 'quantity', value: quantity.value, code };
  }
  const reference = get('Reference');
  if (isObject(reference) && typeof reference.reference === 'string' && reference.reference !== '') {
    return { kind: 'reference', value: reference.reference };
  }
  return undefined;
}

/**
 * Negative, zero or positive as `answer` is less than, equal to or greater than `expected`; undefined
 * when they do not compare (different kinds, different date precision, unequal booleans or codings).
 */
export function compareAnswers(answer: AnswerValue, expected: AnswerValue): number | undefined {
  switch (answer.kind) {
    case 'number':
      return expected.kind === 'number' ? Math.sign(answer.value - expected.value) : undefined;
    case 'quantity':
      if (expected.kind !== 'quantity') return undefined;
      if (answer.code !== undefined && expected.code !== undefined && answer.code !== expected.code) {
        return undefined;
      }
      return Math.sign(answer.value - expected.value);
    case 'boolean':
      return expected.kind === 'boolean' && answer.value === expected.value ? 0 : undefined;
    case 'coding':
      if (expected.kind !== 'coding' || answer.code !== expected.code) return undefined;
      return expected.system === undefined || expected.system === answer.system ? 0 : undefined;
    case 'reference':
      return expected.kind === 'reference' && answer.value === expected.value ? 0 : undefined;
    case 'string':
      return expected.kind === 'string' ? order(answer.value, expected.value) : undefined;
    case 'date':
      // YYYY, YYYY-MM and YYYY-MM-DD sort as text; different precisions are indeterminate.
      if (expected.kind !== 'date' || answer.value.length !== expected.value.length) return undefined;
      return order(answer.value, expected.value);
    case 'time': {
      if (expected.kind !== 'time') return undefined;
      const a = seconds(answer.value);
      const e = seconds(expected.value);
      return a === undefined || e === undefined ? undefined : Math.sign(a - e);
    }
    case 'dateTime': {
      if (expected.kind !== 'dateTime') return undefined;
      if (answer.value.includes('T') && expected.value.includes('T')) {
        const a = Date.parse(answer.value);
        const e = Date.parse(expected.value);
        return Number.isNaN(a) || Number.isNaN(e) ? undefined : Math.sign(a - e);
      }
      if (answer.value.length !== expected.value.length) return undefined;
      return order(answer.value, expected.value);
    }
  }
}

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function seconds(time: string): number | undefined {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(time);
  if (!m) return undefined;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}

// ---- response tree -----------------------------------------------------------------------------------

function isObject(value: unknown): value is Record<string, unknown> & object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The well-formed items of an `item` array: objects with a string linkId; anything else is skipped. */
function responseItems(items: unknown): QuestionnaireResponseItem[] {
  if (!Array.isArray(items)) return [];
  return items.filter(
    (i): i is QuestionnaireResponseItem =>
      isObject(i) && typeof (i as { linkId?: unknown }).linkId === 'string',
  );
}

/** Items nested under a question's answers. */
function answerItems(item: QuestionnaireResponseItem): QuestionnaireResponseItem[] {
  if (!Array.isArray(item.answer)) return [];
  return item.answer.flatMap((a) => (isObject(a) ? responseItems(a.item) : []));
}

/** A response item's children: a group's items and the items nested under a question's answers. */
function childItems(item: QuestionnaireResponseItem): QuestionnaireResponseItem[] {
  return [...responseItems(item.item), ...answerItems(item)];
}
