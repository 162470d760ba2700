// `npm run faults`: the fault suite (docs/reliability.md). Not part of `npm test`: it kills real servers.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeMachine, describeRevision } from '../machine.ts';
import { killStarted } from '../processes.ts';
import { renderReliability } from './report.ts';
import {
  type Context,
  commandsWhileServing,
  databaseOutage,
  type KillResult,
  killUnderWriters,
  sigtermUnderWriters,
} from './scenarios.ts';
import { startServer } from './server.ts';
import { soak } from './soak.ts';
import { login } from './writers.ts';

const REPO = path.resolve(import.meta.dirname, '../../..');
const REPORT_FILE = path.join(REPO, 'docs', 'reliability.md');
const ROUNDS = Number(process.env.FAULTS_ROUNDS ?? 3);
const SOAK_SECONDS = Number(process.env.FAULTS_SOAK_SECONDS ?? 300);
/** Short database timeouts, so that a frozen database shows as 503s within the 15 s it is frozen. */
const ENV = { BEDRING_DB_CONNECT_TIMEOUT_MS: '2000', BEDRING_DB_STATEMENT_TIMEOUT_MS: '5000' };

const t0 = performance.now();
const loadAtStart = os.loadavg()[0]!;
const log = (msg: string) => console.log(`[faults ${Math.round((performance.now() - t0) / 1000)}s] ${msg}`);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bedring-faults-'));
// Traversable: as root, the embedded PostgreSQL runs as `postgres` and must reach its cluster inside.
chmodSync(dataDir, 0o711);
const deadline = setTimeout(() => {
  console.error('faults: past 15 minutes; stopping everything');
  killStarted();
  process.exit(1);
}, 15 * 60_000);

try {
  log(`data in ${dataDir}; starting with the demo`);
  const server = await startServer(dataDir, { ...ENV, BEDRING_DEMO: '1' });
  const session = await login('behandler', 'bedring-demo');
  const ctx: Context = { dataDir, session, server, env: ENV, log };

  const kills: KillResult[] = [];
  for (const killed of ['node', 'postmaster', 'both'] as const)
    for (let round = 1; round <= ROUNDS; round++) kills.push(await killUnderWriters(ctx, killed, round));
  const sigterm = await sigtermUnderWriters(ctx);
  const outages = [await databaseOutage(ctx, 'stopped'), await databaseOutage(ctx, 'frozen')];
  const commands = await commandsWhileServing(ctx);
  const soaked = await soak(ctx, SOAK_SECONDS);

  process.kill(ctx.server.pid, 'SIGTERM');
  await ctx.server.exited;
  const markdown = renderReliability({
    ranAt: new Date().toISOString(),
    revision: describeRevision(REPO),
    machine: describeMachine(),
    minutes: (performance.now() - t0) / 60_000,
    load: [loadAtStart, os.loadavg()[0]!],
    env: ENV,
    writers: 32,
    kills,
    sigterm,
    outages,
    commands,
    soak: soaked,
  });
  writeFileSync(REPORT_FILE, markdown);
  const lost = kills.reduce((n, k) => n + k.lost, 0) + sigterm.lost;
  const failed =
    lost > 0 ||
    kills.some((k) => !k.auditVerifies || k.healthyAfterS === null) ||
    sigterm.exitCode !== 0 ||
    outages.some((o) => o.recoveredAfterS === null || /\b500\b/.test(o.answers)) ||
    commands.results.some((c) => !c.serverUnaffected) ||
    soaked.idleInTransactionStuck > 0;
  log(
    `${lost} acknowledged writes lost; report written to docs/reliability.md; ${failed ? 'FAILED' : 'all held'}`,
  );
  process.exitCode = failed ? 1 : 0;
} catch (err) {
  console.error(err);
  console.error(readFileSync(path.join(dataDir, 'server.log'), 'utf8').slice(-3000));
  process.exitCode = 1;
} finally {
  clearTimeout(deadline);
  killStarted();
  // FAULTS_KEEP=1 keeps the data folder (server.log, pg/log) for a look at what happened.
  if (process.env.FAULTS_KEEP !== '1') rmSync(dataDir, { recursive: true, force: true });
}
