import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { RouteOptions } from 'fastify';

// The string formats the contract uses, as the answers carry them (TypeBox checks no format it is not told).
const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};
for (const [name, pattern] of Object.entries(FORMATS))
  if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, (value) => pattern.test(value));

/**
 * Holds each route to the response it declares in the contract (docs/architecture.md, "The contract").
 * Fastify serialises with the schema, which silently drops what the schema does not name and coerces
 * what it names wrongly; so tests switch this on (AppOptions.checkResponses), and every answer a test
 * provokes is checked, as the client would receive it, against its schema: a mismatch is a 500 naming
 * the first difference, and the test that provoked it fails.
 */
export function checkResponsesOf(route: RouteOptions): void {
  const declared = route.schema?.response as Record<string, TSchema> | undefined;
  if (!declared) return;
  const checkers = new Map(Object.entries(declared).map(([status, s]) => [status, TypeCompiler.Compile(s)]));
  const check = async (_req: unknown, reply: { statusCode: number }, payload: unknown): Promise<unknown> => {
    const status = String(reply.statusCode);
    const checker = checkers.get(status) ?? checkers.get(`${status[0]}xx`) ?? checkers.get('default');
    if (!checker) return payload;
    // What the client gets: Dates become strings, undefined properties vanish.
    const sent: unknown = JSON.parse(JSON.stringify(payload) ?? 'null');
    const first = checker.Errors(sent).First();
    if (first) {
      throw new Error(
        `${route.method} ${route.url} answered ${status} outside its contract: ${first.path || '/'} ${first.message} (got ${JSON.stringify(first.value)?.slice(0, 200)})`,
      );
    }
    return payload;
  };
  route.preSerialization = [route.preSerialization ?? []].flat().concat(check as never);
}

/** Whether a route declares the answer it gives on success. */
export function declaresResponse(route: RouteOptions): boolean {
  const declared = route.schema?.response as Record<string, unknown> | undefined;
  return Boolean(declared && Object.keys(declared).some((k) => k.startsWith('2')));
}
