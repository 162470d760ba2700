import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonLiteral } from './json-rows.ts';

describe('jsonLiteral', () => {
  it('quotes the JSON with a dollar tag', () => {
    assert.equal(jsonLiteral({ note: "it's fine" }), `$j${'$'}{"note":"it's fine"}$j${'$'}`);
  });

  it('picks a tag that does not occur in the value, so a value cannot end the literal', () => {
    const hostile = { note: '$j$); drop table audit_event; --', more: '$jx$' };
    const literal = jsonLiteral(hostile);
    const tag = literal.slice(0, literal.indexOf('$', 1) + 1);
    assert.equal(tag, '$jxx$');
    const body = literal.slice(tag.length, -tag.length);
    assert.ok(literal.endsWith(tag));
    assert.ok(!body.includes(tag));
    assert.deepEqual(JSON.parse(body), hostile);
  });
});
