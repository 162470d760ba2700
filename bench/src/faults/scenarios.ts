import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { BEDRING_CLI } from '../server-process.ts';
import { clusterPids, type FaultServer, health, ownerClient, startServer, timeToHealthy } from './server.ts';
import { lostWrites, type Session, startWriters, statusSummary } from './writers.ts';

/**
 * The fault suite's scenarios (docs/reliability.md): each does something an operator, a crash or the
 * machine does to a serving Bedring, under writers, and measures what a user and an auditor would see.
 */
export interface Context {
  dataDir: string;
  session: Session;
  server: FaultServer;
  env: Record<string, string>;
  log(msg: string): void;
}

export const WRITERS = 32;

export interface KillResult {
  killed: 'node' | 'postmaster' | 'both';
  round: number;
  acknowledged: number;
  lost: number;
  auditVerifies: boolean;
  healthyAfterS: number | null;
  answers: string;
}

/** kill -9 of Node, of the postmaster, or of both, while 32 clients write. */
export async function killUnderWriters(
  ctx: Context,
  killed: KillResult['killed'],
  round: number,
): Promise<KillResult> {
  const tag = `kill-${killed}-${round}`;
  const writers = startWriters(ctx.session, WRITERS, tag);
  await sleep(4_000);
  const postmaster = clusterPids(ctx.dataDir)[0]!;
  const t0 = performance.now();
  if (killed !== 'postmaster') process.kill(ctx.server.pid, 'SIGKILL');
  if (killed !== 'node') process.kill(postmaster, 'SIGKILL');
  let healthyAfterS: number | null;
  if (killed === 'postmaster') {
    const ms = await timeToHealthy();
    healthyAfterS = ms === null ? null : ms / 1000;
  } else {
    await ctx.server.exited;
    ctx.server = await startServer(ctx.dataDir, ctx.env);
    healthyAfterS = (performance.now() - t0) / 1000;
  }
  await sleep(2_000);
  await writers.stop();
  const lost = await countLost(ctx, tag, writers.acknowledged);
  const auditVerifies = (await bedring(['audit', 'verify'], ctx.dataDir)).code === 0;
  ctx.log(
    `kill -9 ${killed} #${round}: ${writers.acknowledged.length} acknowledged, ${lost} lost, healthy after ${healthyAfterS?.toFixed(1)} s`,
  );
  return {
    killed,
    round,
    acknowledged: writers.acknowledged.length,
    lost,
    auditVerifies,
    healthyAfterS,
    answers: statusSummary(writers.statuses),
  };
}

export interface StopResult {
  exitCode: number | string;
  acknowledged: number;
  lost: number;
  answers: string;
}

/** SIGTERM while 32 clients write: the server drains and exits 0, and nothing acknowledged is lost. */
export async function sigtermUnderWriters(ctx: Context): Promise<StopResult> {
  const writers = startWriters(ctx.session, WRITERS, 'sigterm');
  await sleep(3_000);
  process.kill(ctx.server.pid, 'SIGTERM');
  const exitCode = await ctx.server.exited;
  await writers.stop();
  ctx.server = await startServer(ctx.dataDir, ctx.env);
  const lost = await countLost(ctx, 'sigterm', writers.acknowledged);
  ctx.log(`SIGTERM: exit ${exitCode}, ${writers.acknowledged.length} acknowledged, ${lost} lost`);
  return {
    exitCode,
    acknowledged: writers.acknowledged.length,
    lost,
    answers: statusSummary(writers.statuses),
  };
}

export interface OutageResult {
  what: string;
  answers: string;
  /** Longest any one request waited for its answer during the outage. */
  longestWaitS: number;
  recoveredAfterS: number | null;
}

/**
 * The database stopped (a fast shutdown, as an operator's mistake would) or frozen (SIGSTOP of every
 * PostgreSQL process for 15 s, as a stalled disk or VM would): what the health check answers meanwhile,
 * and how long after the database is back the server serves again.
 */
export async function databaseOutage(ctx: Context, kind: 'stopped' | 'frozen'): Promise<OutageResult> {
  const statuses = new Map<number, number>();
  let longest = 0;
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const t = performance.now();
      const status = await health(60_000);
      longest = Math.max(longest, performance.now() - t);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      await sleep(100);
    }
  })();
  const pids = clusterPids(ctx.dataDir);
  let back: number;
  if (kind === 'stopped') {
    process.kill(pids[0]!, 'SIGINT');
    back = performance.now();
  } else {
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    await sleep(15_000);
    for (const pid of pids) process.kill(pid, 'SIGCONT');
    back = performance.now();
  }
  const ms = await timeToHealthy();
  probing = false;
  await probe;
  const recoveredAfterS = ms === null ? null : (performance.now() - back) / 1000;
  ctx.log(
    `database ${kind}: ${statusSummary(statuses)}; serving again ${recoveredAfterS?.toFixed(1)} s after`,
  );
  return { what: kind, answers: statusSummary(statuses), longestWaitS: longest / 1000, recoveredAfterS };
}

export interface CommandResult {
  command: string;
  exitCode: number;
  serverUnaffected: boolean;
}

/** Operator commands on the folder of a serving server, while 8 clients write. */
export async function commandsWhileServing(
  ctx: Context,
): Promise<{ results: CommandResult[]; answers: string }> {
  const writers = startWriters(ctx.session, 8, 'commands');
  const results: CommandResult[] = [];
  for (const args of [
    ['audit', 'verify'],
    ['time-limit', 'list'],
    ['organisation', 'list'],
    ['migrate'],
    ['start'],
  ]) {
    const postmaster = clusterPids(ctx.dataDir)[0];
    const { code } = await bedring(args, ctx.dataDir, ctx.env);
    const serverUnaffected =
      (await health()) === 200 &&
      clusterPids(ctx.dataDir)[0] === postmaster &&
      ctx.server.exitCode() === null;
    results.push({ command: `bedring ${args.join(' ')}`, exitCode: code, serverUnaffected });
  }
  await sleep(1_000);
  await writers.stop();
  ctx.log(`commands while serving: ${results.map((r) => `${r.command} → ${r.exitCode}`).join(', ')}`);
  return { results, answers: statusSummary(writers.statuses) };
}

async function countLost(ctx: Context, tag: string, acknowledged: readonly string[]) {
  const owner = await ownerClient(ctx.dataDir);
  try {
    return await lostWrites(owner, tag, acknowledged);
  } finally {
    await owner.end();
  }
}

export function bedring(
  args: string[],
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BEDRING_CLI, ...args],
      { env: { ...process.env, ...env, BEDRING_DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0' } },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}
