import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbedded } from '../packages/server/src/db/embedded.ts';
import { startPostgres15, THROW_AWAY_SETTINGS } from './postgres15.ts';
import { sideBySide } from './side-by-side.ts';
import { ensureSystemPackages } from './system-packages.ts';

/**
 * `npm test`: everything, once — typecheck and lint beside the web app's build; the browser tests on the
 * embedded PostgreSQL (what `npm start` runs); then the unit and integration tests on Debian's
 * PostgreSQL 15 (the oldest PostgreSQL Bedring supports with DATABASE_URL). Ends with one line:
 * "N passed, N failed".
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

/** node --test, two files at a time, with the readable reporter on screen and TAP in a file we count from. */
async function nodeTests(title: string, patterns: string[], env: NodeJS.ProcessEnv) {
  const file = path.join(work, title.replace(/\W+/g, '-'));
  const tap = `${file}.tap`;
  const args = [
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...patterns,
  ];
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const status = await exec(node, args, env);
  console.log(`(${title}: ${Math.round((Date.now() - started) / 1000)} s)`);
  const text = readFileSync(tap, 'utf8');
  const count = (k: string) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  if (count('pass') === 0) totals.failed += 1;
  return status === 0;
}

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
  const failed = await sideBySide([
    { title: 'Typecheck and lint', cmd: 'npm', args: ['run', 'check'] },
    { title: 'Build the web app', cmd: 'npm', args: ['run', 'build', '--workspace=@bedring/web'] },
  ]);
  if (failed.length > 0) throw new Error(`${failed.join(' and ')} failed`);
  ensureSystemPackages();

  // The browser tests first, on their own: a browser and a server per spec keep both cores busy, and
  // their time limits are for a machine that is not doing more than that.
  const embedded = await startEmbedded(path.join(work, 'embedded'), (m) => console.error(m));
  try {
    await throwAway(embedded.ownerUrl);
    const onEmbedded = { BEDRING_TEST_OWNER_URL: embedded.ownerUrl, BEDRING_TEST_TEMPLATES: '1' };
    ok = (await nodeTests('Browser tests (embedded PostgreSQL)', ['e2e/**/*.test.ts'], onEmbedded)) && ok;
  } finally {
    await embedded.stop();
  }

  // Then the unit and integration tests, once, on the oldest PostgreSQL Bedring supports. The embedded
  // one has had the browser tests, and the tests of `bedring start` and its operations start embedded
  // clusters of their own (cli/operations.test.ts, cli/restart.test.ts).
  const pg15 = await startPostgres15();
  try {
    ok =
      (await nodeTests(
        'Unit and integration tests (Debian PostgreSQL 15)',
        [
          'packages/domain/src/**/*.test.ts',
          'packages/contract/src/**/*.test.ts',
          // The web app's pure modules (no DOM), e.g. the offline queue's rules.
          'packages/web/src/**/*.test.ts',
          'packages/server/src/**/*.test.ts',
        ],
        { BEDRING_TEST_OWNER_URL: pg15.ownerUrl, BEDRING_TEST_TEMPLATES: '1' },
      )) && ok;
  } finally {
    pg15.stop();
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
