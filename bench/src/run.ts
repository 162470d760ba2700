// `npm run bench`: the benchmark suite (docs/architecture.md, "Tests"). See docs/benchmarks.md.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDataset, type DatasetResult, type OpenDataset, openDataset } from './dataset.ts';
import { runLoad } from './http-load.ts';
import { describeMachine, describeRevision } from './machine.ts';
import { BOARD_CLIENTS, type Measured, measureAll, type Timing } from './measure.ts';
import { findPgbench, pgbenchVersion } from './pgbench.ts';
import { killStarted } from './processes.ts';
import { type BenchResults, checkTargets, renderMarkdown } from './report.ts';
import { runCli, startScript, stopStrayPostgres } from './server-process.ts';
import { findWrk, wrkVersion } from './wrk.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const RESULTS_DIR = path.join(REPO, 'bench', 'results');
const REPORT_FILE = path.join(REPO, 'docs', 'benchmarks.md');
/** The whole run is bounded: past this, everything started is stopped and the run fails. */
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_MIN ?? 28) * 60_000;

const timing: Timing = {
  connections: [1, 8, 32],
  durationS: Number(process.env.BENCH_DURATION ?? 10),
  warmupS: Number(process.env.BENCH_WARMUP ?? 3),
};
const sizes = (process.env.BENCH_PERSONS ?? '1000,100000').split(',').map(Number);
const MEASURED: Measured[] = [
  'read',
  'trajectory',
  'board',
  'journal',
  'start',
  'write',
  'response',
  'checkin',
  'sweep',
];
/**
 * BENCH_ONLY=board (or read, trajectory, journal, start, write, response, checkin, sweep, comma-separated): a partial run, which leaves
 * docs/benchmarks.md alone.
 */
const only = new Set((process.env.BENCH_ONLY ?? MEASURED.join(',')).split(',').map((m) => m.trim()));
const partial = MEASURED.some((m) => !only.has(m));

const log = (msg: string) => console.log(`[bench ${elapsed()}] ${msg}`);
const t0 = performance.now();
const elapsed = () => `${Math.round((performance.now() - t0) / 1000)}s`;

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `bench: needs Node 22.18 or newer (this is ${process.version}); run it with \`npm run bench\``,
  );
  process.exit(2);
}
if (sizes.some((n) => !Number.isInteger(n) || n < 10 || n > 100_000)) {
  console.error('bench: BENCH_PERSONS must be whole numbers from 10 to 100000');
  process.exit(2);
}
if ([...only].some((m) => !MEASURED.includes(m as Measured))) {
  console.error(`bench: BENCH_ONLY must name some of ${MEASURED.join(', ')}`);
  process.exit(2);
}

/**
 * BENCH_KEEP_DATA=<dir>: load the databases there, keep them, and reuse them on the next run (for working
 * on one measurement; a reused database holds what earlier runs wrote, so its figures are not the report's).
 */
const keep = process.env.BENCH_KEEP_DATA ? path.resolve(process.env.BENCH_KEEP_DATA) : null;
// A traversable temp dir: as root, the embedded PostgreSQL runs as `postgres` and must reach its cluster.
if (keep) mkdirSync(keep, { recursive: true });
const root = keep ?? mkdtempSync(path.join(os.tmpdir(), 'bedring-bench-'));
chmodSync(root, 0o711);
const dataDirs: string[] = [];

async function cleanup() {
  killStarted();
  for (const dir of dataDirs) await stopStrayPostgres(dir).catch(() => {});
  if (!keep) rmSync(root, { recursive: true, force: true });
}

let aborting = false;
async function abort(reason: string, code: number) {
  if (aborting) return;
  aborting = true;
  console.error(`bench: ${reason}; stopping what it started${keep ? '' : ` and removing ${root}`}`);
  await cleanup();
  process.exit(code);
}
const deadline = setTimeout(
  () => abort(`the run passed its ${DEADLINE_MS / 60_000} min limit`, 1),
  DEADLINE_MS,
);
deadline.unref();
process.on('SIGINT', () => abort('interrupted', 130));
process.on('SIGTERM', () => abort('terminated', 143));

async function main() {
  const startedAt = new Date();
  const loadBefore = os.loadavg()[0]!;
  const revision = describeRevision(REPO);
  const pgbench = findPgbench();
  const wrk = findWrk();
  log(`pgbench: ${pgbench}; wrk: ${wrk}; data in ${root}`);

  log('HTTP floor: empty Fastify route …');
  const floorServer = await startScript(path.join(import.meta.dirname, 'empty-route.server.ts'));
  const floor = [];
  try {
    // A board-only run needs the floor only at the board's concurrencies.
    const floorAt = [...only].some((m) => m !== 'board') ? timing.connections : BOARD_CLIENTS;
    for (const connections of floorAt)
      floor.push(
        await runLoad({
          origin: floorServer.origin,
          method: 'GET',
          paths: ['/empty'],
          connections,
          durationS: timing.durationS,
          warmupS: timing.warmupS,
        }),
      );
  } finally {
    await floorServer.stop();
  }

  // Both databases are loaded first and then measured side by side (see measure.ts).
  const loaded: { persons: number; dataDir: string; loadSeconds: number }[] = [];
  for (const persons of sizes) {
    const dataDir = path.join(root, `persons-${persons}`);
    dataDirs.push(dataDir);
    const marker = path.join(dataDir, 'bench-loaded.json');
    if (keep && existsSync(marker)) {
      const { loadSeconds } = JSON.parse(readFileSync(marker, 'utf8')) as { loadSeconds: number };
      log(`${persons} persons: reusing ${dataDir} (loaded in ${loadSeconds.toFixed(1)} s)`);
      loaded.push({ persons, dataDir, loadSeconds });
      continue;
    }
    log(`${persons} persons: loading the demo data …`);
    const loadSeconds = await runCli(['demo', '--persons', String(persons)], dataDir, 20 * 60_000);
    log(`${persons} persons: loaded in ${loadSeconds.toFixed(1)} s`);
    if (keep) writeFileSync(marker, JSON.stringify({ loadSeconds }));
    loaded.push({ persons, dataDir, loadSeconds });
  }
  const open: OpenDataset[] = [];
  const datasets: DatasetResult[] = [];
  try {
    // The deadline board is measured on the largest database only (docs/decisions/0004-care-pathway.md:
    // 100,000 persons).
    const largest = Math.max(...sizes);
    for (const l of loaded) {
      const board = only.has('board') && l.persons === largest;
      const questionnaires = only.has('response') || only.has('trajectory');
      const checkins = only.has('checkin') || only.has('sweep');
      const journal = only.has('journal') && l.persons === largest;
      const start = only.has('start') && l.persons === largest;
      log(
        `${l.persons} persons: starting the server${questionnaires ? ' and writing the PHQ-9 history' : ''}${checkins ? ' and the check-in history' : ''} …`,
      );
      open.push(
        await openDataset(l.dataDir, l.persons, l.loadSeconds, {
          board,
          questionnaires,
          checkins,
          journal,
          start,
        }),
      );
    }
    await measureAll(open, { timing, pgbench, log, only: only as Set<Measured> });
  } finally {
    for (const ds of open) datasets.push(await closeDataset(ds));
  }

  const results: BenchResults = {
    startedAt: startedAt.toISOString(),
    wallSeconds: Math.round((performance.now() - t0) / 1000),
    revision,
    machine: describeMachine(),
    pgbench: pgbenchVersion(pgbench),
    wrk: wrkVersion(wrk),
    timing,
    loadAverage: {
      before: Math.round(loadBefore * 100) / 100,
      after: Math.round(os.loadavg()[0]! * 100) / 100,
    },
    floor,
    datasets,
  };
  const checks = checkTargets(results);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const suffix = partial ? `-${[...only].join('-')}` : '';
  const rawFile = path.join(RESULTS_DIR, `bench-${results.startedAt.replaceAll(':', '-')}${suffix}.json`);
  writeFileSync(rawFile, `${JSON.stringify({ ...results, checks }, null, 2)}\n`);
  if (partial) {
    console.log(renderMarkdown(results, checks));
    log(
      `done in ${elapsed()} (partial run: ${[...only].join(', ')}; docs/benchmarks.md left as it is): ${rawFile}`,
    );
  } else {
    mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
    writeFileSync(REPORT_FILE, renderMarkdown(results, checks));
    log(`done in ${elapsed()}: ${REPORT_FILE}, ${rawFile}`);
  }
  for (const c of checks) console.log(`${c.pass ? 'PASS' : 'FAIL'}  ${c.target}: ${c.measured}`);
}

try {
  await main();
  await cleanup();
} catch (err) {
  // After an interrupt, the processes it ended make the run fail too: that is not worth a stack trace.
  if (!aborting) console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  await abort('the run failed', 1);
}
