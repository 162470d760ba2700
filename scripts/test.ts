import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from '../packages/server/src/db/embedded.ts';
import { startPostgres15 } from './postgres15.ts';
import { ensureSystemPackages } from './system-packages.ts';

/**
 * `npm test`: everything, in order — typecheck and lint, build the web app, unit + integration +
 * browser tests on the embedded PostgreSQL, then the integration tests once more on Debian's
 * PostgreSQL 15. Ends with one line: "N passed, N failed".
 */
const root = path.resolve(import.meta.dirname, '..');
const node = process.execPath;
const totals = { passed: 0, failed: 0 };
const work = mkdtempSync(path.join(os.tmpdir(), 'bedring-tests-'));
// Traversable, so that PostgreSQL (run as the `postgres` user when we are root) reaches its folder inside.
chmodSync(work, 0o711);

function run(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${title} failed (exit ${r.status ?? r.signal})`);
}

/** node --test with the readable reporter on screen and TAP in a file we count from. */
function nodeTests(title: string, patterns: string[], env: NodeJS.ProcessEnv) {
  const tap = path.join(work, `${title.replace(/\W+/g, '-')}.tap`);
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
  const r = spawnSync(node, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const text = readFileSync(tap, 'utf8');
  const count = (k: string) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  if (count('pass') === 0) totals.failed += 1;
  return r.status === 0;
}

const SERVER_TESTS = ['packages/server/src/**/*.test.ts'];
let ok = true;
try {
  run('Typecheck and lint', 'npm', ['run', 'check']);
  run('Build the web app', 'npm', ['run', 'build', '--workspace=@bedring/web']);
  ensureSystemPackages();

  const embedded = await startEmbedded(path.join(work, 'embedded'), (m) => console.error(m));
  try {
    ok =
      nodeTests(
        'Unit, integration and browser tests (embedded PostgreSQL)',
        [
          'packages/domain/src/**/*.test.ts',
          // The web app's pure modules (no DOM), e.g. the offline queue's rules.
          'packages/web/src/**/*.test.ts',
          ...SERVER_TESTS,
          'e2e/**/*.test.ts',
        ],
        {
          BEDRING_TEST_OWNER_URL: embedded.ownerUrl,
        },
      ) && ok;
  } finally {
    await embedded.stop();
  }

  const pg15 = await startPostgres15();
  try {
    ok =
      nodeTests('Integration tests (Debian PostgreSQL 15)', SERVER_TESTS, {
        BEDRING_TEST_OWNER_URL: pg15.ownerUrl,
      }) && ok;
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
