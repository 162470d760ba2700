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

/**
 * A parameter-free insert of rows that PostgreSQL reads from JSON as the table's row type. The column
 * names are the first row's keys, which come from code (typed by JsonRow), never from input; columns not
 * named get their defaults.
 */
export function insertRowsStatement<T extends keyof DB & string>(
  table: T,
  rows: readonly JsonRow<T>[],
): string {
  if (!rows[0]) throw new Error(`insertRowsStatement: no rows for ${table}`);
  const columns = Object.keys(rows[0]).join(', ');
  return `insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${table}, ${jsonLiteral(rows)})`;
}
