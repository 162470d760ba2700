import { UUID_PATTERN } from '@bedring/contract';
import { Type } from '@sinclair/typebox';

/** Pieces shared by the FHIR route files: content type, format parameters, references, paging. */
export const FHIR_JSON = 'application/fhir+json';

// FHIR clients may ask for a format or pretty printing; JSON is all we speak, so both are accepted and ignored.
export const FormatParams = {
  _format: Type.Optional(
    Type.Union([
      Type.Literal('json'),
      Type.Literal('application/fhir+json'),
      Type.Literal('application/json'),
    ]),
  ),
  _pretty: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
};
export const ReadQuery = Type.Object(FormatParams, { additionalProperties: false });

/** A reference search parameter: `Type/<uuid>` or the bare uuid. */
export const ReferenceParam = (type: string) => Type.String({ pattern: `^(${type}/)?${UUID_PATTERN}$` });
/** The id of a reference parameter, lower-cased: ids are UUIDs, which PostgreSQL compares without case. */
export const idOf = (reference: string) => reference.slice(reference.lastIndexOf('/') + 1).toLowerCase();

export const Count = Type.String({ pattern: '^[0-9]{1,4}$' });
export const PageParams = { _count: Type.Optional(Count), _offset: Type.Optional(Count) };

export const MAX_COUNT = 500;
export function pageOf(query: { _count?: string; _offset?: string }, defaultCount = 50) {
  return {
    count: Math.min(Number(query._count ?? defaultCount), MAX_COUNT),
    offset: Number(query._offset ?? 0),
  };
}
