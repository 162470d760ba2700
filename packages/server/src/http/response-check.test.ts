import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Closed, Instant } from '@bedring/contract';
import { Type } from '@sinclair/typebox';
import Fastify from 'fastify';
import { checkResponsesOf, declaresResponse } from './response-check.ts';

/** The check every test app runs: an answer outside its declared schema fails the request that got it. */
async function appAnswering(answer: unknown) {
  const app = Fastify({ logger: false });
  app.addHook('onRoute', checkResponsesOf);
  const Answer = Closed({ name: Type.String(), at: Instant });
  app.get('/x', { schema: { response: { 200: Answer } } }, async () => answer);
  await app.ready();
  return app;
}

describe('response check', () => {
  it('lets an answer through that matches its schema, Dates as the client gets them', async () => {
    const app = await appAnswering({ name: 'Kari', at: new Date('2026-11-22T10:00:00Z') });
    const res = await app.inject({ url: '/x' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { name: 'Kari', at: '2026-11-22T10:00:00.000Z' });
  });

  it('fails an answer with a wrong type, naming the path', async () => {
    const app = await appAnswering({ name: 7, at: '2026-11-22T10:00:00Z' });
    const res = await app.inject({ url: '/x' });
    assert.equal(res.statusCode, 500);
    assert.match(res.json().message, /GET \/x answered 200 outside its contract: \/name/);
  });

  it('fails an answer with a property the contract does not name (it would be dropped silently)', async () => {
    const app = await appAnswering({ name: 'Kari', at: '2026-11-22T10:00:00Z', secret: 'x' });
    const res = await app.inject({ url: '/x' });
    assert.equal(res.statusCode, 500);
    assert.match(res.json().message, /\/secret/);
  });

  it('tells which routes declare a success answer', () => {
    const base = { method: 'GET' as const, url: '/x', handler: async () => ({}) };
    assert.equal(declaresResponse(base), false);
    assert.equal(declaresResponse({ ...base, schema: { response: { 400: Type.Object({}) } } }), false);
    assert.equal(declaresResponse({ ...base, schema: { response: { 201: Type.Object({}) } } }), true);
  });
});
