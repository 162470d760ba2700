import type { Compilable, CompiledQuery } from 'kysely';

/** A placeholder Kysely carries through compile() untouched, to find where each argument went. */
class Slot {
  readonly index: number;
  constructor(index: number) {
    this.index = index;
  }
}

/**
 * Compiles a query shape once and afterwards only swaps its parameters. Building and compiling a
 * Kysely query costs tens of microseconds (the access check's ~60 µs), on every request, while the SQL
 * text of a shape never changes. `build` gets the query builder and the arguments, and must not branch
 * on the arguments: the first time they are placeholders.
 */
export function compileOnce<D, A extends unknown[], R>(build: (db: D, ...args: A) => Compilable<R>) {
  let compiled: CompiledQuery<R> | null = null;
  return (db: D, ...args: A): CompiledQuery<R> => {
    compiled ??= build(db, ...(args.map((_, i) => new Slot(i)) as A)).compile();
    return {
      ...compiled,
      parameters: compiled.parameters.map((p) => (p instanceof Slot ? args[p.index] : p)),
    };
  };
}
