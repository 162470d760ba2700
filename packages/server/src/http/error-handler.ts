import { say } from '@bedring/contract';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/unavailable.ts';
import { HttpError, notFound } from './errors.ts';

interface ErrorBody {
  status: number;
  code: string;
  message: string;
  details: unknown[];
}

/** Maps anything thrown to the documented shape; only real faults are 500s, and they log no personal data. */
export function toErrorBody(err: unknown, req: FastifyRequest): ErrorBody {
  if (err instanceof HttpError)
    return { status: err.statusCode, code: err.code, message: err.message, details: err.details };
  const fe = err as FastifyError;
  if (fe.validation) {
    return {
      status: 400,
      code: 'invalid_input',
      message: say('errors.invalidRequest', {
        problem: `${fe.validationContext ?? 'input'} ${fe.validation[0]?.message ?? ''}`,
      }).trim(),
      details: fe.validation.map((v) => ({
        where: fe.validationContext,
        path: v.instancePath,
        problem: v.message,
        keyword: v.keyword,
      })),
    };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code =
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? 'malformed_json'
        : fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'body_too_large'
          : fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'unsupported_media_type'
            : (fe.code ?? 'bad_request').toLowerCase();
    return { status: fe.statusCode, code, message: fe.message, details: [] };
  }
  // A bad value that slipped past the schema and reached PostgreSQL (invalid text representation, etc.).
  // NUL (22021, 22P05 in jsonb) and nesting (54001) are refused before any route (input-rules.ts); these
  // are kept so that a way round those rules is still a 400.
  const pgCode = (err as { code?: string }).code;
  if (
    pgCode === '22P02' ||
    pgCode === '22007' ||
    pgCode === '22008' ||
    pgCode === '22001' ||
    pgCode === '22021' ||
    pgCode === '22P05' ||
    pgCode === '54001'
  ) {
    return { status: 400, code: 'invalid_input', message: say('errors.invalidValue'), details: [] };
  }
  if (isDatabaseUnavailable(err)) {
    req.log.warn({ err: { type: (err as Error)?.name, code: pgCode } }, 'database unavailable');
    return {
      status: 503,
      code: 'database_unavailable',
      message: say('errors.unavailable'),
      details: [],
    };
  }
  req.log.error(
    { err: { type: (err as Error)?.name, code: pgCode, stack: (err as Error)?.stack } },
    'request failed',
  );
  return { status: 500, code: 'internal_error', message: say('errors.internal'), details: [] };
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const body = toErrorBody(err, req);
  if (body.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  if (isFhirRequest(req)) {
    return reply
      .code(body.status)
      .type('application/fhir+json')
      .send(operationOutcome(body.status, body.code, body.message));
  }
  return reply
    .code(body.status)
    .send({ error: { code: body.code, message: body.message, details: body.details } });
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  return errorHandler(notFound(), req, reply);
}

export function operationOutcome(status: number, code: string, message: string) {
  const issueCode =
    status === 401
      ? 'login'
      : status === 403
        ? 'forbidden'
        : status === 404
          ? 'not-found'
          : status >= 500
            ? 'exception'
            : 'invalid';
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: issueCode, details: { text: message }, diagnostics: code }],
  };
}

/**
 * FHIR clients get an OperationOutcome. Decided by the matched route where there is one, else by the
 * decoded path, so that `/%66hir/…` or `//fhir/…` is answered in FHIR's shape as `/fhir/…` is.
 */
function isFhirRequest(req: FastifyRequest): boolean {
  let path = req.routeOptions?.url ?? req.url;
  try {
    path = decodeURIComponent(path);
  } catch {}
  return /^\/+fhir(\/|\?|$)/.test(path);
}
