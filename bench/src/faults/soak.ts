import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from '../stats.ts';
import type { Context } from './scenarios.ts';
import { ownerClient, rssMb, target } from './server.ts';

/**
 * A long run at 8 clients (each: read a person, then every fourth time write a rating): does anything
 * grow that should not — memory, latency, errors, transactions left open?
 */
export interface SoakResult {
  seconds: number;
  clients: number;
  requests: number;
  errors: number;
  rssStartMb: number;
  rssEndMb: number;
  rssPeakMb: number;
  p99FirstMinuteMs: number;
  p99LastMinuteMs: number;
  /** Most `idle in transaction` connections of the application seen at once, and those older than 1 s. */
  idleInTransactionMax: number;
  idleInTransactionStuck: number;
}

export async function soak(ctx: Context, seconds: number, clients = 8): Promise<SoakResult> {
  const started = performance.now();
  const until = started + seconds * 1000;
  const minute = Math.min(60_000, (seconds * 1000) / 3);
  const first: number[] = [];
  const last: number[] = [];
  let requests = 0;
  let errors = 0;
  const rssStartMb = rssMb(ctx.server.pid);
  let rssPeakMb = rssStartMb;
  let idleMax = 0;
  let stuck = 0;
  const loop = async (client: number) => {
    for (let i = 0; performance.now() < until; i++) {
      const personId = ctx.session.personIds[(client + i) % ctx.session.personIds.length]!;
      const write = i % 4 === 3;
      const t = performance.now();
      let ok = false;
      try {
        const res = await fetch(`${target.origin}/api/persons/${personId}${write ? '/ratings' : ''}`, {
          method: write ? 'POST' : 'GET',
          headers: { authorization: ctx.session.authorization, 'content-type': 'application/json' },
          body: write
            ? JSON.stringify({ domain: 'housing', rating: 'green', note: `soak ${client}-${i}` })
            : undefined,
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        ok = res.status < 400;
      } catch {}
      const now = performance.now();
      requests += 1;
      if (!ok) errors += 1;
      if (t - started < minute) first.push(now - t);
      else if (until - t < minute) last.push(now - t);
    }
  };
  const owner = await ownerClient(ctx.dataDir);
  const watch = (async () => {
    while (performance.now() < until) {
      rssPeakMb = Math.max(rssPeakMb, rssMb(ctx.server.pid));
      const { rows } = await owner.query<{ idle: number; stuck: number }>(
        `select count(*)::int as idle, count(*) filter (where state_change < now() - interval '1 second')::int as stuck
         from pg_stat_activity where usename = 'bedring_app' and state = 'idle in transaction'`,
      );
      idleMax = Math.max(idleMax, rows[0]!.idle);
      stuck = Math.max(stuck, rows[0]!.stuck);
      await sleep(2_000);
    }
  })();
  await Promise.all([...Array.from({ length: clients }, (_, c) => loop(c)), watch]);
  await owner.end();
  const p99 = (xs: number[]) =>
    Math.round(
      percentile(
        xs.sort((a, b) => a - b),
        99,
      ) * 10,
    ) / 10;
  const result: SoakResult = {
    seconds,
    clients,
    requests,
    errors,
    rssStartMb,
    rssEndMb: rssMb(ctx.server.pid),
    rssPeakMb,
    p99FirstMinuteMs: p99(first),
    p99LastMinuteMs: p99(last),
    idleInTransactionMax: idleMax,
    idleInTransactionStuck: stuck,
  };
  ctx.log(`soak: ${JSON.stringify(result)}`);
  return result;
}
