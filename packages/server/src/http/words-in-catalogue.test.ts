import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

/**
 * What the server says to people stands in the one text catalogue (packages/contract/src/words), in
 * bokmål and English, not in string literals here and there. This reads every string in the server's
 * production code (the synthetic demo people excepted) and counts those that look like Norwegian
 * sentences. The list is what is left to move: it only shrinks — a new literal fails, and so does a
 * count that is now lower (lower the list).
 */
const LEFT_TO_MOVE: Record<string, number> = {
  'access/access.guard.ts': 2,
  'access/break-glass.routes.ts': 2,
  'auth/auth.plugin.ts': 2,
  'auth/auth.routes.ts': 4,
  'checkin/checkin.repository.ts': 3,
  'checkin/checkin.routes.ts': 2,
  'checkin/help.routes.ts': 2,
  'checkin/signal.routes.ts': 4,
  'export/export.text.ts': 24,
  'fhir/audit-event.mapping.ts': 2,
  'fhir/fhir.routes.ts': 1,
  'http/day.ts': 1,
  'http/error-handler.ts': 4,
  'http/errors.ts': 3,
  'http/input-rules.ts': 5,
  'pathway/assessment-fhir.mapping.ts': 6,
  'pathway/assessment.routes.ts': 2,
  'pathway/discharge.routes.ts': 1,
  'pathway/episode.repository.ts': 1,
  'pathway/episode.routes.ts': 2,
  'pathway/handover.routes.ts': 3,
  'pathway/pathway-fhir.mapping.ts': 2,
  'pathway/pathway-fhir.routes.ts': 5,
  'pathway/pathway.access.ts': 1,
  'pathway/referral.routes.ts': 7,
  'pathway/responsible.routes.ts': 2,
  'pathway/task.routes.ts': 4,
  'plan/lapse.routes.ts': 1,
  'plan/network.routes.ts': 2,
  'plan/plan-fhir.mapping.ts': 4,
  'plan/plan-sharing.routes.ts': 2,
  'plan/plan.access.ts': 8,
  'plan/plan.repository.ts': 1,
  'plan/plan.routes.ts': 5,
  'plan/promise.routes.ts': 3,
  'questionnaire/feedback-alert.routes.ts': 3,
  'questionnaire/questionnaire-fhir.mapping.ts': 2,
  'questionnaire/questionnaire-fhir.routes.ts': 3,
  'questionnaire/questionnaire.routes.ts': 7,
  'questionnaire/response.repository.ts': 1,
  'questionnaire/response.routes.ts': 7,
  'record/record.routes.ts': 1,
};

const SERVER_SRC = path.resolve(import.meta.dirname, '..');
const NORWEGIAN =
  /[æøåÆØÅ]|\b(ikke|må|kan|er|og|du|til|med|fra|har|som|skriv|fant|finnes|allerede|personen|løftet|planen)\b/i;

function sentencesIn(file: string): number {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  let count = 0;
  const visit = (node: ts.Node) => {
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateLiteralToken(node)) &&
      !ts.isImportDeclaration(node.parent) &&
      !ts.isExportDeclaration(node.parent) &&
      /\s/.test(node.text) &&
      NORWEGIAN.test(node.text)
    )
      count += 1;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return count;
}

describe('words in the catalogue', () => {
  it('keeps Norwegian sentences out of the server code', () => {
    const found: Record<string, number> = {};
    for (const file of globSync('**/*.ts', { cwd: SERVER_SRC })) {
      if (file.endsWith('.test.ts') || file.startsWith('demo/') || file.startsWith('testing/')) continue;
      const n = sentencesIn(path.join(SERVER_SRC, file));
      if (n > 0) found[file] = n;
    }
    assert.deepEqual(
      found,
      LEFT_TO_MOVE,
      'move these words into packages/contract/src/words (or lower the list)',
    );
  });
});
