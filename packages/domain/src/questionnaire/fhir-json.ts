import type { Extension } from '@medplum/fhirtypes';

/**
 * Shape-checking readers for FHIR JSON. An administrator can import any JSON, so the readers check
 * shapes instead of trusting the types: junk must come out of instrumentProblems as a problem, never as
 * an exception. No fhirpath here, so the web can import what builds on it.
 */
export type WithExtensions = { extension?: Extension[] } | undefined;

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const arrayOf = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v.filter(isObject) : []);

export const all = (el: WithExtensions, url: string): Extension[] =>
  isObject(el) ? arrayOf(el.extension).filter((e) => e.url === url) : [];
export const first = (el: WithExtensions, url: string): Extension | undefined => all(el, url)[0];
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
