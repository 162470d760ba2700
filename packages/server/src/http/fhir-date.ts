import { Type } from '@sinclair/typebox';
import { badRequest } from './errors.ts';

/**
 * FHIR `date` search parameters (R4 §3.1.1.4.2): a prefix and a date or dateTime whose precision makes
 * it a range (`2026-11` is all of November). A date without a time zone is a day of the Norwegian
 * calendar, as everywhere else in Bedring. The parameter may repeat: every value must match (a range).
 */
export type DatePrefix = 'eq' | 'gt' | 'lt' | 'ge' | 'le';

/** [start, end): end is exclusive. */
export interface DateRange {
  start: Date;
  end: Date;
}

export interface DateParam extends DateRange {
  prefix: DatePrefix;
}

// A time needs a zone (FHIR's own rule for dateTime), so that no one has to guess which clock it was.
const VALUE = '\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?)?)?';
const Value = Type.String({ pattern: `^(eq|gt|lt|ge|le)?${VALUE}$` });
/** The querystring schema: one value, or the parameter repeated (at most four times). */
export const DateSearch = Type.Optional(Type.Union([Value, Type.Array(Value, { minItems: 1, maxItems: 4 })]));

const osloOffset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Oslo', timeZoneName: 'longOffset' });

/** Minutes Norway is ahead of UTC at this instant (60 in winter, 120 in summer). */
function osloOffsetMinutes(at: number): number {
  const name = osloOffset.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** Midnight in Norway at the start of this calendar day (month 0-based; overflow rolls over, as Date does). */
function osloMidnight(year: number, month: number, day: number): Date {
  const utc = new Date(0);
  utc.setUTCFullYear(year, month, day);
  // Norway changes clocks at 01:00 UTC, never at midnight: the offset at the guess settles it.
  const guess = utc.getTime() - osloOffsetMinutes(utc.getTime()) * 60_000;
  return new Date(utc.getTime() - osloOffsetMinutes(guess) * 60_000);
}

/** The range a FHIR date or dateTime stands for, or null when it is no real date. */
export function dateRange(value: string): DateRange | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T.*)?)?)?$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) - 1 : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 0 || month > 11)) return null;
  if (month === null) return { start: osloMidnight(year, 0, 1), end: osloMidnight(year + 1, 0, 1) };
  if (day === null) return { start: osloMidnight(year, month, 1), end: osloMidnight(year, month + 1, 1) };
  // 2026-02-30 would roll over into March: not a real day.
  const check = new Date(0);
  check.setUTCFullYear(year, month, day);
  if (check.getUTCMonth() !== month || check.getUTCDate() !== day) return null;
  if (!m[4]) return { start: osloMidnight(year, month, day), end: osloMidnight(year, month, day + 1) };
  const t = /^T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(m[4]);
  if (!t || Number(t[1]) > 23 || Number(t[2]) > 59 || Number(t[3] ?? 0) > 59) return null;
  const start = new Date(value);
  if (Number.isNaN(start.getTime())) return null;
  // The precision given is the range: to the minute, the second, or (any fraction) the millisecond.
  const step = t[4] ? 1 : t[3] ? 1_000 : 60_000;
  return { start, end: new Date(start.getTime() + step) };
}

/** The parsed values of a `date` parameter; a value that is no real date is a 400 naming the parameter. */
export function dateParams(raw: string | string[] | undefined, name = 'date'): DateParam[] {
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return values.map((v) => {
    const prefixed = /^(eq|gt|lt|ge|le)/.exec(v);
    const prefix = (prefixed?.[1] ?? 'eq') as DatePrefix;
    const range = dateRange(prefixed ? v.slice(2) : v);
    if (!range) throw badRequest('invalid_date', `Ugyldig dato i ${name}: ${v}.`, [{ field: name }]);
    return { prefix, ...range };
  });
}

/**
 * Bounds for an instant (a point in time such as `authored`), for a SQL range condition: from is
 * inclusive, to exclusive. For a point, each prefix is one bound: ge x = from x's start, gt x = from
 * x's end, le x = before x's end, lt x = before x's start, eq x = both.
 */
export function instantBounds(params: readonly DateParam[]): { from: Date | null; to: Date | null } {
  let from: Date | null = null;
  let to: Date | null = null;
  const after = (d: Date) => {
    if (!from || d > from) from = d;
  };
  const before = (d: Date) => {
    if (!to || d < to) to = d;
  };
  for (const p of params) {
    if (p.prefix === 'eq' || p.prefix === 'ge') after(p.start);
    if (p.prefix === 'gt') after(p.end);
    if (p.prefix === 'eq' || p.prefix === 'le') before(p.end);
    if (p.prefix === 'lt') before(p.start);
  }
  return { from, to };
}

/**
 * Whether an element's date or dateTime (itself a range, e.g. an assessment's day) matches every
 * parameter, by the R4 rules: eq the parameter's range contains it; gt/lt it reaches past the
 * parameter's end/before its start; ge and le are gt or eq, lt or eq.
 */
export function dateMatches(value: string | undefined, params: readonly DateParam[]): boolean {
  if (params.length === 0) return true;
  const target = value ? dateRange(value) : null;
  if (!target) return false;
  return params.every((p) => {
    const within = p.start <= target.start && target.end <= p.end;
    const above = target.end > p.end;
    const below = target.start < p.start;
    if (p.prefix === 'eq') return within;
    if (p.prefix === 'gt') return above;
    if (p.prefix === 'lt') return below;
    if (p.prefix === 'ge') return above || within;
    return below || within;
  });
}
