import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogue, say } from './words.ts';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the text catalogue', () => {
  it('says everything in bokmål and in English, with the same placeholders', () => {
    const nb = new Map(leaves(catalogue.nb));
    const en = new Map(leaves(catalogue.en));
    assert.deepEqual([...en.keys()].sort(), [...nb.keys()].sort());
    for (const [key, text] of nb) {
      assert.ok(text.trim().length > 0, `${key} is empty in nb`);
      assert.ok(en.get(key)!.trim().length > 0, `${key} is empty in en`);
      assert.deepEqual(placeholders(en.get(key)!), placeholders(text), `${key}: placeholders differ`);
    }
  });

  it('fills in placeholders and speaks the language asked for', () => {
    assert.equal(say('errors.dateInFuture', { field: 'dueOn' }), 'dueOn kan ikke være fram i tid.');
    assert.equal(say('errors.dateInFuture', { field: 'dueOn' }, 'en'), 'dueOn cannot be in the future.');
  });
});
