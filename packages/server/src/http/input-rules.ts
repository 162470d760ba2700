import { say } from '@bedring/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorHandler } from './error-handler.ts';
import { badRequest, HttpError } from './errors.ts';

/**
 * Input no route can use, refused with a 400 before any route sees it (docs/api.md, "Input rules"):
 *
 * - JSON nested deeper than MAX_JSON_DEPTH. Schema validation and the domain's tree walks recurse, and a
 *   body of a few tens of kilobytes nested some 3,000 levels deep used up the stack (a 500). The domain
 *   walks a questionnaire's items at most 32 levels deep (enable-when.ts); one item level of a response is
 *   at most 4 JSON levels (item array, item, answer array, answer), so 32 levels take 128, and 160 leaves
 *   room for the resource around them while staying far below what the stack holds.
 * - NUL (U+0000) in a JSON string, a key, a query string or a path: PostgreSQL text cannot hold it (error
 *   22021), and no field of ours means it.
 * - A lone UTF-16 surrogate ("\ud800" escaped in JSON): it is not a character, and the database driver
 *   would store it as U+FFFD without telling anyone. Refused rather than silently changed, so what is
 *   stored is what was sent. In a URL the same thing is a percent escape that is not UTF-8 (%ED%A0%80),
 *   refused like any other malformed escape, in the path and in the query string alike.
 */
export const MAX_JSON_DEPTH = 160;

/** The JSON media types we parse, both with the same rules (FHIR clients send application/fhir+json). */
export const JSON_TYPES = ['application/json', 'application/fhir+json'] as const;

const invalid = (problem: string): HttpError =>
  badRequest('invalid_input', say('errors.invalidRequest', { problem }));
const TOO_DEEP = say('errors.jsonTooDeep', { depth: MAX_JSON_DEPTH });
const NUL = say('errors.nulCharacter');
const SURROGATE = say('errors.loneSurrogate');
const BAD_ESCAPE = say('errors.badEscape');

/** How deep `text` nests, counted without parsing: brackets outside strings. Stops early past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character, whatever it is; a quote ends the string.
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** The problem with a parsed JSON value's strings (keys included), or null. Depth is already bounded. */
export function textProblem(value: unknown): string | null {
  if (typeof value === 'string') return stringProblem(value);
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const v of value) {
      const p = textProblem(v);
      if (p) return p;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const p = stringProblem(k) ?? textProblem(v);
    if (p) return p;
  }
  return null;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(s: string): string | null {
  if (s.includes('\u0000')) return NUL;
  if (LONE_SURROGATE.test(s)) return SURROGATE;
  return null;
}

type JsonParser = (
  req: FastifyRequest,
  body: string,
  done: (err: Error | null, value?: unknown) => void,
) => void;

/** Fastify's own JSON parser (prototype poisoning refused) with the rules above around it. */
export function strictJsonParser(base: JsonParser): JsonParser {
  return (req, body, done) => {
    if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) return done(invalid(TOO_DEEP));
    base(req, body, (err, value) => {
      if (err) return done(err);
      // NUL and surrogates can only come in as \u escapes (raw ones are a JSON syntax error, and the body is
      // decoded from UTF-8, which has no lone surrogates), so a body without one needs no walk.
      const problem = body.includes('\\u') ? textProblem(value) : null;
      if (problem) return done(invalid(problem));
      done(null, value);
    });
  };
}

// A NUL comes in a URL as %00; a raw one never gets past Node's HTTP parser, but app.inject does not use it.
const hasNul = (url: string) => url.includes('%00') || url.includes('\u0000');

/** Whether the query string has a malformed percent escape (the router already refuses one in the path). */
function badQueryEscape(url: string): boolean {
  const q = url.indexOf('?');
  if (q < 0 || !url.includes('%', q)) return false;
  try {
    decodeURIComponent(url.slice(q + 1));
    return false;
  } catch {
    return true;
  }
}

/**
 * Errors the router raises before any route or hook runs (a malformed escape or an over-long parameter in
 * the path): without this Fastify answers them in its own shape, not the documented one.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const mapped =
    err.code === 'FST_ERR_BAD_URL'
      ? invalid(BAD_ESCAPE)
      : err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new HttpError(414, 'uri_too_long', say('errors.uriTooLong'))
        : err;
  return errorHandler(mapped, req, reply);
}

/** The JSON body parsers and the NUL check of URLs, on the root instance so that every route has them. */
export function installInputRules(app: FastifyInstance): void {
  const strict = strictJsonParser(app.getDefaultJsonParser('error', 'error') as JsonParser);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser([...JSON_TYPES], { parseAs: 'string' }, strict);
  app.addHook('onRequest', async (req) => {
    if (hasNul(req.url)) throw invalid(NUL);
    if (badQueryEscape(req.url)) throw invalid(BAD_ESCAPE);
  });
}
