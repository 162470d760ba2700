import { createHash } from 'node:crypto';
import type pg from 'pg';
import { GuardedClient } from './guarded-client.ts';

/**
 * A pg client that prepares each distinct statement once per connection (a named statement) instead
 * of having PostgreSQL parse and plan it on every request. Kysely sends the same SQL text for the
 * same query shape, so the set of names stays small.
 */
/** Statement names by SQL text: hashing a long text on every query costs more than the lookup. */
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `b${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    if (names.size >= 10_000) names.clear(); // shapes are few; this only bounds a surprise
    names.set(text, name);
  }
  return name;
}

export class PreparedClient extends GuardedClient {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has many overloads; we only rewrite one.
  override query(config: any, values?: any, callback?: any): any {
    // Only statements with parameters: parameter-free texts may hold several statements (BEGIN …,
    // … COMMIT), which PostgreSQL runs only unprepared.
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      return super.query({ name: statementName(config), text: config, values }, callback);
    }
    // Several statements in one text (BEGIN …; SELECT …) answer with a result each: the caller wants the
    // last one's rows.
    if (typeof config === 'string' && callback === undefined) {
      return super
        .query(config, values)
        .then((r: pg.QueryResult | pg.QueryResult[]) => (Array.isArray(r) ? r.at(-1) : r));
    }
    return super.query(config, values, callback);
  }
}
