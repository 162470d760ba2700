import type { Insertable } from 'kysely';
import type { DB } from './schema.ts';

/**
 * A row for a parameter-free statement: the table's column names, each with its value as JSON gives it
 * (a Date as ISO text; a jsonb column takes the object or array itself, not a JSON string).
 */
export type JsonRow<T extends keyof DB> = { [C in keyof Insertable<DB[T]>]?: unknown };

/**
 * A value as one dollar-quoted JSON literal. The tag is chosen so that it never occurs in the JSON, so
 * no value can end the literal: this is how values go into statements sent without parameters (the
 * simple protocol, which writeAtCommit needs to send several statements in one message).
 */
export function jsonLiteral(value: unknown): string {
  const json = JSON.stringify(value);
  let tag = 'j';
  while (json.includes(`$${tag}$`)) tag += 'x';
  return `$${tag}$${json}$${tag}$`;
}
