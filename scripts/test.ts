import { spawn } from 'node:child_process';
import { chmodSync, globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbedded } from '../packages/server/src/db/embedded.ts';
import { startPostgres15, THROW_AWAY_SETTINGS } from './postgres15.ts';
import { ensureSystemPackages } from './system-packages.ts';

/**
 * `npm test`: everything, in order — typecheck and lint, build the web app, the browser tests on the
 * embedded PostgreSQL, then the unit and integration tests on it and, at the same time, the integration
 * tests once more on Debian's PostgreSQL 15. Ends with one line: "N passed, N failed".
 */
const root = path.resolve(import.meta.dirname, '..');
const node = process.execPath;
const totals = { passed: 0, failed: 0 };
const work = mkdtempSync(path.join(os.tmpdir(), 'bedring-tests-'));
// Traversable, so that PostgreSQL (run as the `postgres` user when we are root) reaches its folder inside.
chmodSync(work, 0o711);

/**
 * Runs a command to its end without blocking this process: the embedded PostgreSQL is our child and
 * writes its log through a pipe we must keep reading. Blocked in spawnSync, we stopped reading; once the
 * pipe was full, PostgreSQL's checkpointer hung on its next log line and every DROP DATABASE with it.
 */
function exec(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number | string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
}

async function run(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  console.log(`\n=== ${title}`);
  const status = await exec(cmd, args, env);
  if (status !== 0) throw new Error(`${title} failed (exit ${status})`);
}

/**
 * node --test with the readable reporter on screen and TAP in a file we count from. A run `beside`
 * another writes its readable report to a file, shown when it ends, so that the two do not interleave.
 */
async function nodeTests(
  title: string,
  patterns: string[],
  env: NodeJS.ProcessEnv,
  opts: { concurrency?: number; beside?: boolean } = {},
) {
  const file = path.join(work, title.replace(/\W+/g, '-'));
  const tap = `${file}.tap`;
  const args = [
    '--test',
    `--test-concurrency=${opts.concurrency ?? 2}`,
    '--test-reporter=spec',
    `--test-reporter-destination=${opts.beside ? `${file}.txt` : 'stdout'}`,
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...patterns,
  ];
  console.log(`\n=== ${title}${opts.beside ? ' (its report follows when it ends)' : ''}`);
  const started = Date.now();
  const status = await exec(node, args, env);
  if (opts.beside) console.log(`\n=== ${title}\n${readFileSync(`${file}.txt`, 'utf8')}`);
  console.log(`(${title}: ${Math.round((Date.now() - started) / 1000)} s)`);
  const text = readFileSync(tap, 'utf8');
  const count = (k: string) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  if (count('pass') === 0) totals.failed += 1;
  return status === 0;
}

const SERVER_TESTS = ['packages/server/src/**/*.test.ts'];
/**
 * Tests that start `bedring` as a process on an embedded database of their own: run once, since the
 * second round (on PostgreSQL 15) would repeat them unchanged.
 */
const OWN_DATABASE = new Set([
  'packages/server/src/cli/operations.test.ts',
  'packages/server/src/cli/restart.test.ts',
]);
const ON_GIVEN_DATABASE = globSync(SERVER_TESTS, { cwd: root }).filter((f) => !OWN_DATABASE.has(f));
/**
 * The clusters the tests run on are thrown away afterwards: they need not survive a crash of the
 * machine, so they skip the waits that make a commit durable (fsync at every commit, full pages in the
 * WAL). What the tests see is the same; creating and dropping a database per test file, and the many
 * small commits of the demo, stop waiting for the disk. (The PostgreSQL 15 cluster gets the same
 * settings at its start: scripts/postgres15.ts.)
 */
async function throwAway(ownerUrl: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    for (const setting of THROW_AWAY_SETTINGS) await client.query(`alter system set ${setting}`);
    await client.query('select pg_reload_conf()');
  } finally {
    await client.end();
  }
}

let ok = true;
try {
  await run('Typecheck and lint', 'npm', ['run', 'check']);
  await run('Build the web app', 'npm', ['run', 'build', '--workspace=@bedring/web']);
  ensureSystemPackages();

  const embedded = await startEmbedded(path.join(work, 'embedded'), (m) => console.error(m));
  const onEmbedded = { BEDRING_TEST_OWNER_URL: embedded.ownerUrl, BEDRING_TEST_TEMPLATES: '1' };
  let pg15: Awaited<ReturnType<typeof startPostgres15>> | null = null;
  try {
    await throwAway(embedded.ownerUrl);
    // The browser tests first, on their own: a browser and a server per spec keep both cores busy, and
    // their time limits are for a machine that is not doing more than that.
    ok = (await nodeTests('Browser tests (embedded PostgreSQL)', ['e2e/**/*.test.ts'], onEmbedded)) && ok;
    // Then the unit and integration tests on the embedded database, and beside them the integration
    // tests once more on PostgreSQL 15. Both spend much of their time waiting for their database, so
    // they share the two cores; the second, one file at a time.
    pg15 = await startPostgres15();
    const pg15Url = pg15.ownerUrl;
    const [embeddedOk, pg15Ok] = await Promise.all([
      nodeTests(
        'Unit and integration tests (embedded PostgreSQL)',
        [
          'packages/domain/src/**/*.test.ts',
          'packages/contract/src/**/*.test.ts',
          // The web app's pure modules (no DOM), e.g. the offline queue's rules.
          'packages/web/src/**/*.test.ts',
          ...SERVER_TESTS,
        ],
        onEmbedded,
      ),
      nodeTests(
        'Integration tests (Debian PostgreSQL 15)',
        ON_GIVEN_DATABASE,
        { BEDRING_TEST_OWNER_URL: pg15Url, BEDRING_TEST_TEMPLATES: '1' },
        { concurrency: 1, beside: true },
      ),
    ]);
    ok = embeddedOk && pg15Ok && ok;
  } finally {
    await embedded.stop();
    pg15?.stop();
  }
} catch (err) {
  console.error(`\n${(err as Error).message}`);
  ok = false;
  totals.failed += 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
