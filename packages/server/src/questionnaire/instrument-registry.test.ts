import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuestionnaireItem } from '@medplum/fhirtypes';
import { fhirProblems } from '../testing/fhir-validation.ts';
import { shippedInstruments } from './instrument-registry.ts';

// The rest of what the shipped instruments promise is checked in the domain
// (domain/src/questionnaire/instruments.test.ts); FHIR validation needs @medplum/core's definitions,
// which the server holds, and the domain imports nothing outside itself (docs/architecture.md).
describe('shipped instruments, as the server loads them', () => {
  it('are valid FHIR R4 Questionnaires', () => {
    const instruments = shippedInstruments();
    assert.ok(instruments.size > 0);
    for (const [id, i] of instruments) assert.deepEqual(fhirProblems(i.questionnaire), [], id);
    // The validator does find problems, so the empty lists above mean something.
    const phq9 = instruments.get('phq-9')!.questionnaire;
    assert.notDeepEqual(fhirProblems({ ...phq9, item: [{ linkId: 'x' } as QuestionnaireItem] }), []);
  });
});
