import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

/**
 * What the server says to people stands in the one text catalogue (packages/contract/src/words), in
 * bokmål and English, not in string literals here and there. This reads every string in the server's
 * production code (the synthetic demo people excepted) and counts those that look like Norwegian
 * sentences: there are none, and a new one fails with its file.
 */
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
    assert.deepEqual(found, {}, 'move these words into packages/contract/src/words');
  });
});
