import { type TSchema, type TUnsafe, Type } from '@sinclair/typebox';

/**
 * The pieces every route's schemas share (docs/architecture.md, "The contract"). Request bodies are
 * closed (additionalProperties: false), so a misspelt field is a 400, not silently dropped; response
 * objects are closed too, so the web's types say exactly what the server sends.
 */
export const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const Uuid = Type.String({ format: 'uuid' });

/** An object with exactly these properties. */
export const Closed = <T extends Record<string, TSchema>>(props: T) =>
  Type.Object(props, { additionalProperties: false });

/**
 * One of these words (the domain's lists of kinds, outcomes, levels…). Typed as the words themselves:
 * TypeBox infers a union from a tuple only, and a domain list is an array.
 */
export const OneOf = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnsafe<T>;

/** A value or null, as the database gives an empty column. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const PersonParams = Closed({ personId: Uuid });
export const NoQuery = Closed({});

export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Array(Type.Unknown()) }),
});

/** Free text a person or clinician writes: bounded, and no control characters but line breaks and tabs. */
export const Text = (maxLength: number) =>
  Type.String({ maxLength, pattern: '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$' });

/** A calendar day; years 1900–2099 (a typing error like 0999 is refused, not computed with). */
export const Day = Type.String({ format: 'date', pattern: '^(19|20)[0-9]{2}-' });

/** A moment as the server sends it: an ISO 8601 timestamp. */
export const Instant = Type.String({ format: 'date-time' });
