import type {
  Extension,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import {
  type AnswerValue,
  answerValue,
  compareAnswers,
  type EnableWhenEvaluator,
  enableWhenEvaluator,
  indexQuestionnaire,
  isAnswered,
  type ResponsePath,
} from './enable-when.ts';

/**
 * Does a response fit its instrument? The server refuses what does not (nothing is stored), and the
 * renderer shows the same problems live, so the two can never disagree. The input is untrusted JSON:
 * every shape gives a list of problems (or none) and never an exception, and the work is bounded by
 * {@link RESPONSE_LIMITS} before anything else is looked at.
 *
 * Messages are plain bokmål for the person answering, without the question's text (the renderer shows
 * that next to it).
 */

export type ResponseProblemCode =
  | 'unknown-item'
  | 'wrong-type'
  | 'required'
  | 'not-an-option'
  | 'out-of-range'
  | 'too-long'
  | 'not-enabled'
  | 'repeats'
  | 'read-only'
  | 'structure';

export interface ResponseProblem {
  /** The item the problem is about; '' for the response as a whole. */
  linkId: string;
  code: ResponseProblemCode;
  message: string;
}

export interface ResponseCheckOptions {
  /** Completing (status `completed`): required items must then be answered; saving in progress may skip them. */
  completing: boolean;
  /**
   * Answers to calculated items (SDC calculatedExpression: totals and subscores) are refused by default,
   * since the server computes them from the answers and a client must not send its own. The server sets
   * this only to re-check a response it has filled the scores of itself.
   */
  allowCalculated?: boolean;
}

/** Bounds on what is looked at: deeper, larger or longer input is refused as a whole or per answer. */
export const RESPONSE_LIMITS = {
  /** Levels of nested items (a group in a group in ... ); instruments use two or three. */
  depth: 10,
  /** Response items in the whole tree. */
  items: 2_000,
  /** Answers in the whole tree. */
  answers: 2_000,
  /** Characters in any one text, also when the item allows more. */
  text: 4_000,
} as const;

const CALCULATED_EXPRESSION =
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';

/** Problem linkIds are echoed back to the client; a hostile linkId is not echoed in full. */
const LINK_ID_ECHO = 200;

export const responseProblemMessages = {
  unknownItem: 'Dette spørsmålet finnes ikke i skjemaet.',
  misplaced: 'Dette spørsmålet står på feil sted i svaret.',
  notAList: 'Svaret har feil oppbygning.',
  notAnItem: 'Svaret har feil oppbygning.',
  tooDeep: 'Svaret har for mange nivåer.',
  tooManyItems: 'Svaret har for mange deler.',
  tooManyAnswers: 'Svaret har for mange svar.',
  sentTwice: 'Dette spørsmålet er sendt mer enn én gang.',
  nestedUnderQuestion: 'Underspørsmål hører til et svar, ikke til spørsmålet.',
  groupAnswer: 'En del av skjemaet kan ikke besvares direkte, bare spørsmålene i den.',
  display: 'Denne teksten kan ikke besvares.',
  oneValue: 'Hvert svar må ha nøyaktig én verdi.',
  unsupported: 'Dette spørsmålet kan ikke besvares her.',
  required: 'Svar på dette spørsmålet.',
  requiredGroup: 'Svar på minst ett av spørsmålene her.',
  notAnOption: 'Velg et av svarene.',
  notEnabled: 'Dette spørsmålet skal ikke besvares ut fra de andre svarene dine.',
  oneAnswer: 'Velg bare ett svar.',
  groupOnce: 'Denne delen kan bare fylles ut én gang.',
  calculated: 'Dette regnes ut av Bedring fra svarene dine og kan ikke fylles ut.',
  readOnly: 'Dette kan ikke endres.',
  tooLong: (max: number) => `Svaret kan ha høyst ${max} tegn.`,
  atLeast: (min: string) => `Svaret må være minst ${min}.`,
  atMost: (max: string) => `Svaret kan ikke være mer enn ${max}.`,
  notBefore: (min: string) => `Datoen kan ikke være før ${min}.`,
  notAfter: (max: string) => `Datoen kan ikke være etter ${max}.`,
  type: {
    boolean: 'Svar ja eller nei.',
    decimal: 'Skriv et tall.',
    integer: 'Skriv et helt tall.',
    date: 'Skriv en dato som finnes, for eksempel 31.12.2024.',
    dateTime: 'Skriv en dato og et klokkeslett som finnes.',
    time: 'Skriv et klokkeslett, for eksempel 14:30.',
    string: 'Skriv svaret med ord.',
    text: 'Skriv svaret med ord.',
    url: 'Skriv en nettadresse.',
    quantity: 'Skriv et tall.',
  },
} as const;

export function responseProblems(
  q: Questionnaire,
  response: { item?: QuestionnaireResponseItem[] },
  opts: ResponseCheckOptions,
): ResponseProblem[] {
  if (!isObject(response)) return [problem('', 'structure', responseProblemMessages.notAList)];
  const tooBig = sizeProblem(response.item);
  if (tooBig) return [tooBig];
  const check = new Check(q, response, opts);
  check.level(q.item ?? [], response.item, [], 1, '');
  return check.problems;
}

/** The first limit the tree breaks, counted before anything else walks it. */
function sizeProblem(items: unknown): ResponseProblem | null {
  let itemCount = 0;
  let answerCount = 0;
  const walk = (list: unknown, depth: number): ResponseProblem | null => {
    if (!Array.isArray(list) || list.length === 0) return null;
    if (depth > RESPONSE_LIMITS.depth)
      return problem(linkIdOf(list[0]), 'structure', responseProblemMessages.tooDeep);
    itemCount += list.length;
    if (itemCount > RESPONSE_LIMITS.items)
      return problem('', 'structure', responseProblemMessages.tooManyItems);
    for (const item of list) {
      if (!isObject(item)) continue;
      const nested = walk(item.item, depth + 1);
      if (nested) return nested;
      if (!Array.isArray(item.answer)) continue;
      answerCount += item.answer.length;
      if (answerCount > RESPONSE_LIMITS.answers)
        return problem('', 'structure', responseProblemMessages.tooManyAnswers);
      for (const answer of item.answer) {
        const below = isObject(answer) ? walk(answer.item, depth + 1) : null;
        if (below) return below;
      }
    }
    return null;
  };
  return walk(items, 1);
}

class Check {
  readonly problems: ResponseProblem[] = [];
  private readonly enable: EnableWhenEvaluator;
  private readonly linkIds: Set<string>;
  private readonly opts: ResponseCheckOptions;

  constructor(
    q: Questionnaire,
    response: { item?: QuestionnaireResponseItem[] },
    opts: ResponseCheckOptions,
  ) {
    this.opts = opts;
    this.enable = enableWhenEvaluator(q, response);
    this.linkIds = new Set(indexQuestionnaire(q).keys());
  }

  private add(linkId: string, code: ResponseProblemCode, message: string) {
    this.problems.push(problem(linkId, code, message));
  }

  /** One level of the tree: the questionnaire's items here and the response items sent for them. */
  level(qItems: QuestionnaireItem[], raw: unknown, path: ResponsePath, depth: number, parentLinkId: string) {
    if (raw !== undefined && !Array.isArray(raw))
      this.add(parentLinkId, 'structure', responseProblemMessages.notAList);
    const here = new Map(qItems.map((i) => [i.linkId, i]));
    const sent = new Map<string, QuestionnaireResponseItem[]>();
    for (const item of Array.isArray(raw) ? raw : []) {
      if (!isObject(item) || typeof item.linkId !== 'string') {
        this.add(parentLinkId, 'structure', responseProblemMessages.notAnItem);
      } else if (!here.has(item.linkId)) {
        const known = this.linkIds.has(item.linkId);
        this.add(
          linkIdOf(item),
          known ? 'structure' : 'unknown-item',
          known ? responseProblemMessages.misplaced : responseProblemMessages.unknownItem,
        );
      } else {
        const list = sent.get(item.linkId);
        if (list) list.push(item as unknown as QuestionnaireResponseItem);
        else sent.set(item.linkId, [item as unknown as QuestionnaireResponseItem]);
      }
    }
    for (const qItem of qItems) {
      const instances = sent.get(qItem.linkId) ?? [];
      if (instances.length > 1 && !(qItem.type === 'group' && qItem.repeats)) {
        this.add(qItem.linkId, qItem.type === 'group' ? 'repeats' : 'structure', groupOrQuestion(qItem));
      }
      for (const instance of qItem.type === 'group' ? instances : instances.slice(0, 1)) {
        this.item(qItem, instance, path, depth);
      }
      if (this.opts.completing) this.required(qItem, instances, path, depth);
    }
  }

  private item(qItem: QuestionnaireItem, r: QuestionnaireResponseItem, path: ResponsePath, depth: number) {
    const answers: unknown[] = Array.isArray(r.answer) ? r.answer : [];
    if (r.answer !== undefined && !Array.isArray(r.answer))
      this.add(qItem.linkId, 'structure', responseProblemMessages.notAList);
    if (!this.enable.isEnabled(qItem, path)) {
      if (answers.length > 0 || hasAnswers(r.item, 0))
        this.add(qItem.linkId, 'not-enabled', responseProblemMessages.notEnabled);
      return;
    }
    if (qItem.type === 'display') {
      if (answers.length > 0 || hasAnswers(r.item, 0))
        this.add(qItem.linkId, 'wrong-type', responseProblemMessages.display);
      return;
    }
    if (qItem.type === 'group') {
      if (answers.length > 0) this.add(qItem.linkId, 'structure', responseProblemMessages.groupAnswer);
      this.level(qItem.item ?? [], r.item, [...path, r], depth + 1, qItem.linkId);
      return;
    }
    if (Array.isArray(r.item) && r.item.length > 0) {
      this.add(qItem.linkId, 'structure', responseProblemMessages.nestedUnderQuestion);
    }
    if (answers.length === 0) return;
    if (isCalculated(qItem) && !this.opts.allowCalculated) {
      this.add(qItem.linkId, 'read-only', responseProblemMessages.calculated);
      return;
    }
    if (qItem.readOnly && !isCalculated(qItem) && !answers.every((a) => isInitial(qItem, a))) {
      this.add(qItem.linkId, 'read-only', responseProblemMessages.readOnly);
      return;
    }
    if (answers.length > 1 && !qItem.repeats)
      this.add(qItem.linkId, 'repeats', responseProblemMessages.oneAnswer);
    for (const answer of answers) {
      const wrong = answerProblem(qItem, answer);
      if (wrong) {
        this.add(qItem.linkId, wrong.code, wrong.message);
        continue;
      }
      // Items nested under a question are asked once per answer (FHIR: answer.item).
      const a = answer as QuestionnaireResponseItemAnswer;
      if ((qItem.item?.length ?? 0) > 0 || a.item !== undefined) {
        this.level(qItem.item ?? [], a.item, [...path, r], depth + 1, qItem.linkId);
      }
    }
  }

  /**
   * Required items when completing, only where enabled: a question needs an answer; a required group
   * needs an answered item somewhere inside (per instance, if it repeats). A required item inside a
   * repeating group is required per instance (checked as each instance is walked). A group that is not
   * sent and does not repeat is walked as if it were sent empty, so that a required question is required
   * however the client packs the groups around it.
   */
  private required(
    qItem: QuestionnaireItem,
    instances: QuestionnaireResponseItem[],
    path: ResponsePath,
    depth: number,
  ) {
    if (qItem.type === 'display' || !this.enable.isEnabled(qItem, path)) return;
    if (qItem.type === 'group') {
      if (instances.length === 0) {
        if (qItem.required) this.add(qItem.linkId, 'required', responseProblemMessages.requiredGroup);
        else if (!qItem.repeats) this.level(qItem.item ?? [], undefined, path, depth + 1, qItem.linkId);
        return;
      }
      if (qItem.required && !instances.every((i) => hasAnswers(i.item, 0))) {
        this.add(qItem.linkId, 'required', responseProblemMessages.requiredGroup);
      }
      return;
    }
    if (!qItem.required || isCalculated(qItem)) return;
    const answered = instances.some((i) => Array.isArray(i.answer) && i.answer.some(isAnswered));
    if (!answered) this.add(qItem.linkId, 'required', responseProblemMessages.required);
  }
}

/** What is wrong with one answer, or null: one value of the item's type, an option, in range, not too long. */
function answerProblem(
  qItem: QuestionnaireItem,
  answer: unknown,
): { code: ResponseProblemCode; message: string } | null {
  if (!isObject(answer)) return { code: 'structure', message: responseProblemMessages.notAnItem };
  const keys = Object.keys(answer).filter((k) => /^value[A-Z]/.test(k) && answer[k] !== undefined);
  if (keys.length !== 1) return { code: 'wrong-type', message: responseProblemMessages.oneValue };
  const key = keys[0]!;
  const raw = answer[key];
  const long = tooLong(qItem, key, raw);
  if (long) return { code: 'too-long', message: responseProblemMessages.tooLong(long) };

  const type = qItem.type;
  if (type === 'choice' || type === 'open-choice') {
    if (type === 'open-choice' && key === 'valueString' && typeof raw === 'string' && raw.trim() !== '')
      return null;
    return isOption(qItem, key, raw)
      ? null
      : { code: 'not-an-option', message: responseProblemMessages.notAnOption };
  }
  const expected = valueKeyOf[type];
  if (!expected) return { code: 'wrong-type', message: responseProblemMessages.unsupported };
  if (key !== expected.key || !expected.fits(raw)) {
    return {
      code: 'wrong-type',
      // Every type in valueKeyOf has its message; the fallback keeps a message if one is added without.
      message:
        responseProblemMessages.type[type as keyof typeof responseProblemMessages.type] ??
        responseProblemMessages.unsupported,
    };
  }
  return rangeProblem(qItem, answerValue(answer));
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** The one value[x] each answerable, non-choice type takes, and whether a value is well-formed. */
const valueKeyOf: Partial<Record<QuestionnaireItem['type'], { key: string; fits: (v: unknown) => boolean }>> =
  {
    boolean: { key: 'valueBoolean', fits: (v) => typeof v === 'boolean' },
    decimal: { key: 'valueDecimal', fits: (v) => typeof v === 'number' && Number.isFinite(v) },
    integer: { key: 'valueInteger', fits: (v) => Number.isSafeInteger(v) },
    date: { key: 'valueDate', fits: (v) => typeof v === 'string' && isFhirDate(v) },
    dateTime: { key: 'valueDateTime', fits: (v) => typeof v === 'string' && isFhirDateTime(v) },
    time: { key: 'valueTime', fits: (v) => typeof v === 'string' && TIME.test(v) },
    string: { key: 'valueString', fits: isString },
    text: { key: 'valueString', fits: isString },
    url: { key: 'valueUri', fits: isString },
    quantity: {
      key: 'valueQuantity',
      fits: (v) => isObject(v) && typeof v.value === 'number' && Number.isFinite(v.value),
    },
  };

/**
 * A choice answer must be one of the answerOptions: a Coding by system and code, or a string, integer,
 * date or time option by value. A choice with only an answerValueSet cannot be expanded here (no
 * terminology server in the domain); any Coding with a code is taken, and the server's instruments do
 * not use that form.
 */
function isOption(qItem: QuestionnaireItem, key: string, raw: unknown): boolean {
  const options = Array.isArray(qItem.answerOption) ? qItem.answerOption : [];
  if (options.length === 0 && qItem.answerValueSet)
    return key === 'valueCoding' && isObject(raw) && isString(raw.code);
  if (key === 'valueCoding') {
    if (!isObject(raw) || typeof raw.code !== 'string') return false;
    return options.some((o) => o.valueCoding?.code === raw.code && o.valueCoding?.system === raw.system);
  }
  if (!['valueString', 'valueInteger', 'valueDate', 'valueTime'].includes(key)) return false;
  return options.some((o) => (o as Record<string, unknown>)[key] === raw);
}

/** Characters allowed, when a text (or any string in the value) is longer than that; else null. */
function tooLong(qItem: QuestionnaireItem, key: string, raw: unknown): number | null {
  const text = key === 'valueString' || key === 'valueUri';
  const max =
    text && typeof qItem.maxLength === 'number' && qItem.maxLength > 0
      ? Math.min(qItem.maxLength, RESPONSE_LIMITS.text)
      : RESPONSE_LIMITS.text;
  if (typeof raw === 'string') return raw.length > max ? max : null;
  if (isObject(raw)) {
    for (const v of Object.values(raw)) {
      if (typeof v === 'string' && v.length > RESPONSE_LIMITS.text) return RESPONSE_LIMITS.text;
    }
  }
  return null;
}

/** minValue / maxValue extensions: numbers for integer, decimal and quantity items; dates for dates. */
function rangeProblem(
  qItem: QuestionnaireItem,
  value: AnswerValue | undefined,
): { code: ResponseProblemCode; message: string } | null {
  if (!value) return null;
  const min = boundOf(qItem.extension, MIN_VALUE);
  const max = boundOf(qItem.extension, MAX_VALUE);
  const n = value.kind === 'number' || value.kind === 'quantity' ? value.value : undefined;
  if (n !== undefined) {
    if (typeof min === 'number' && n < min)
      return { code: 'out-of-range', message: responseProblemMessages.atLeast(nb(min)) };
    if (typeof max === 'number' && n > max)
      return { code: 'out-of-range', message: responseProblemMessages.atMost(nb(max)) };
    return null;
  }
  if (value.kind === 'date' || value.kind === 'dateTime') {
    // Partial dates compare on the precision both have: 2024 is not before 2024-05-01.
    const cmp = (bound: string) => {
      const len = Math.min(bound.length, value.value.length, 10);
      return value.value.slice(0, len) < bound.slice(0, len)
        ? -1
        : value.value.slice(0, len) > bound.slice(0, len)
          ? 1
          : 0;
    };
    if (typeof min === 'string' && cmp(min) < 0)
      return { code: 'out-of-range', message: responseProblemMessages.notBefore(nbDate(min)) };
    if (typeof max === 'string' && cmp(max) > 0)
      return { code: 'out-of-range', message: responseProblemMessages.notAfter(nbDate(max)) };
  }
  return null;
}

function boundOf(extensions: Extension[] | undefined, url: string): number | string | undefined {
  const ext = Array.isArray(extensions) ? extensions.find((e) => e?.url === url) : undefined;
  if (!ext) return undefined;
  return ext.valueInteger ?? ext.valueDecimal ?? ext.valueDate ?? ext.valueDateTime;
}

function isCalculated(qItem: QuestionnaireItem): boolean {
  return Array.isArray(qItem.extension) && qItem.extension.some((e) => e?.url === CALCULATED_EXPRESSION);
}

/** A read-only item may carry its prefilled (initial) value back unchanged, and nothing else. */
function isInitial(qItem: QuestionnaireItem, answer: unknown): boolean {
  const value = answerValue(answer);
  if (!value) return false;
  return (qItem.initial ?? []).some((i) => {
    const initial = answerValue(i);
    return initial !== undefined && compareAnswers(value, initial) === 0;
  });
}

/** True when any item in the tree has an answer entry: what "this group was answered" means. */
function hasAnswers(items: unknown, depth: number): boolean {
  if (!Array.isArray(items) || depth > RESPONSE_LIMITS.depth) return false;
  return items.some(
    (i) =>
      isObject(i) &&
      ((Array.isArray(i.answer) && i.answer.some(isAnswered)) ||
        hasAnswers(i.item, depth + 1) ||
        (Array.isArray(i.answer) && i.answer.some((a) => isObject(a) && hasAnswers(a.item, depth + 1)))),
  );
}

function groupOrQuestion(qItem: QuestionnaireItem): string {
  return qItem.type === 'group' ? responseProblemMessages.groupOnce : responseProblemMessages.sentTwice;
}

function problem(linkId: string, code: ResponseProblemCode, message: string): ResponseProblem {
  return { linkId: linkId.slice(0, LINK_ID_ECHO), code, message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function linkIdOf(item: unknown): string {
  return isObject(item) && typeof item.linkId === 'string' ? item.linkId : '';
}

// ---- dates and times as FHIR writes them ------------------------------------------------------------

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?$/;
const ZONE = /^(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

/** YYYY, YYYY-MM or YYYY-MM-DD, and a day that exists (no 2023-02-29). */
export function isFhirDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !leap(year) ? 1 : 0);
  return day >= 1 && day <= days;
}

/** A date, or a full date with a time and a zone (FHIR requires the zone when there is a time). */
export function isFhirDateTime(s: string): boolean {
  const t = s.indexOf('T');
  if (t < 0) return isFhirDate(s);
  const date = s.slice(0, t);
  const rest = s.slice(t + 1);
  const zoneAt = rest.search(/[Z+-]/);
  if (date.length !== 10 || !isFhirDate(date) || zoneAt < 0) return false;
  return TIME.test(rest.slice(0, zoneAt)) && ZONE.test(rest.slice(zoneAt));
}

function leap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Numbers as bokmål writes them: a decimal comma. */
function nb(n: number): string {
  return String(n).replace('.', ',');
}

/** YYYY-MM-DD as DD.MM.YYYY; shorter dates as they are. */
function nbDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}
