import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonDepthExceeds, textProblem } from './input-rules.ts';

/** How deep a JSON value nests: an object or array is one level more than its deepest child. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe('input rules', () => {
  it('count the depth of any JSON text as its parsed value nests, strings with brackets and escapes included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.nat(9), (value, limit) => {
        const text = JSON.stringify(value);
        assert.equal(jsonDepthExceeds(text, limit), depthOf(value) > limit, text);
      }),
      { numRuns: 500, seed: 20261204 },
    );
    assert.equal(jsonDepthExceeds('{"a":"[[[[\\"[[["}', 1), false);
    assert.equal(jsonDepthExceeds('[[["\\\\"]]]', 2), true);
  });

  it('find a NUL or a lone surrogate in any string or key, and nothing in well-formed text', () => {
    // The oracle reads code points: a lone surrogate is one that is a single UTF-16 unit on its own.
    const bad = (s: string) =>
      [...s].some(
        (c) => c === '\u0000' || (c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff),
      );
    const anyBad = (v: unknown): boolean =>
      typeof v === 'string'
        ? bad(v)
        : v !== null && typeof v === 'object'
          ? Object.entries(v).some(([k, c]) => bad(k) || anyBad(c))
          : false;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), (value) => {
        assert.equal(textProblem(value) !== null, anyBad(value), JSON.stringify(value));
      }),
      { numRuns: 500, seed: 20261204 },
    );
    assert.equal(textProblem({ note: '💊 Øystein' }), null);
    assert.match(textProblem(['ok', { 'a\u0000': 1 }]) ?? '', /nulltegn/);
    assert.match(textProblem({ a: [{ b: 'x\ud83d' }] }) ?? '', /surrogat/);
    assert.match(textProblem({ a: '\udc8a\ud83d' }) ?? '', /surrogat/);
  });
});
