import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The test suite needs two things from Debian that npm cannot bring: Chromium (browser tests) and
 * PostgreSQL 15 (the production-compatibility run). Installed here when missing and we are root;
 * otherwise we stop and name them.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const PG15_BIN = '/usr/lib/postgresql/15/bin';

const NEEDS = [
  { pkg: 'chromium', present: () => existsSync(CHROMIUM) },
  {
    pkg: 'postgresql-15',
    present: () => existsSync(`${PG15_BIN}/postgres`) && existsSync(`${PG15_BIN}/pgbench`),
  },
];

export function ensureSystemPackages(only?: string[]): void {
  const missing = NEEDS.filter((n) => (!only || only.includes(n.pkg)) && !n.present()).map((n) => n.pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(', ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  console.log(`Installing Debian packages: ${missing.join(', ')} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
  });
}
