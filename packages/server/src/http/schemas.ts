import { Type } from '@sinclair/typebox';

/** Shared pieces of route schemas. Every body schema is closed (additionalProperties: false). */
export const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const Uuid = Type.String({ format: 'uuid' });
export const PersonParams = Type.Object({ personId: Uuid }, { additionalProperties: false });
export const NoQuery = Type.Object({}, { additionalProperties: false });

export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Array(Type.Unknown()) }),
});

/** Free text a person or clinician writes: bounded, and no control characters but line breaks and tabs. */
export const Text = (maxLength: number) =>
  Type.String({ maxLength, pattern: '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$' });
